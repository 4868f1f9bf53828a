using System.CommandLine;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Transactions;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>year close YYYY [--carry-forward]</c>: posts the closing vouchers, closes December and records
/// year.closed, in one write transaction (all or nothing); with --carry-forward, December's drafts
/// still in approval first move to 1 January, as a month close carries them. <c>year open YYYY</c>: declares that YYYY may post before
/// the year before it is closed.
/// </summary>
public static class YearCommands
{
    public static Command Declare(ContextOf context)
    {
        var year = Year();
        var carryForward = Options.Flag("--carry-forward", "先把 12 月仍在审批中的草稿结转到 1 月 1 日 first move December's drafts still in approval to 1 January");
        var close = new Command("close", "年终结账：结转凭证、12 月结账、记录 year.closed（全部或全不） closes the year: closing vouchers, December closed, year.closed (all or nothing)")
            { year, carryForward };
        close.Handle(context, (ctx, p) => Close(ctx, p.Value(year), p.Flag(carryForward)));

        var openYear = Year();
        var open = new Command("open", "声明该年可在上年结账前记账 declares that the year may post before the year before it is closed") { openYear };
        open.Handle(context, (ctx, p) => Open(ctx, p.Value(openYear)));
        return new Command("year", "会计年度 accounting years") { close, open };
    }

    private static Argument<string> Year() => Options.Argument("YYYY", "年度 the year");

    private static int Close(Context ctx, string yearText, bool carryForward)
    {
        using var store = ctx.Open();
        var outcome = store.Write(ctx.Actor, session => Closing.CloseYear(session, yearText, carryForward));
        if (!outcome.Accepted) return ctx.Reject(outcome.Violations);
        var list = outcome.Value!.Count == 0 ? ctx.Say("无收支需要结转", "nothing to carry forward") : string.Join(", ", outcome.Value);
        ctx.Out.WriteLine(ctx.Say($"{yearText} 年已年终结账（结转凭证：{list}；12 月已结账）。",
            $"year {yearText} closed (closing vouchers: {list}; December closed)."));
        return ExitCodes.Done;
    }

    private static int Open(Context ctx, string yearText)
    {
        using var store = ctx.Open();
        var decision = store.Apply(ctx.Actor, session => YearRules.Open(yearText, session.State, session.Today));
        if (!decision.Accepted) return ctx.Reject(decision.Violations);
        ctx.Out.WriteLine(ctx.Say($"已声明 {yearText} 年开始记账（上一年度尚未年终结账）。",
            $"declared the opening of {yearText}: it takes postings before the year before it is closed."));
        return ExitCodes.Done;
    }
}
