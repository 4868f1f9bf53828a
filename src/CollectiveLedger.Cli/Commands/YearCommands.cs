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
    public static int Run(Context ctx, Args args)
    {
        var which = args.Positional(1, "year close|open");
        var year = args.Positional(2, "YYYY");
        var carryForward = which == "close" && args.Flag("--carry-forward");
        args.Done(3);
        return which switch
        {
            "close" => Close(ctx, year, carryForward),
            "open" => Open(ctx, year),
            _ => throw new UsageException("year close YYYY [--carry-forward] | year open YYYY"),
        };
    }

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
