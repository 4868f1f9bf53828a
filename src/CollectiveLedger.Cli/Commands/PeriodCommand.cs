using System.CommandLine;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Transactions;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>period close YYYY-MM [--carry-forward]</c>: checks and locks a month (months close in order,
/// once ended; December closes with <c>year close</c>); with --carry-forward, drafts of the month still in approval move to the next month
/// first. <c>period reopen YYYY-MM --reason TEXT</c> asks to reopen the last closed month;
/// <c>period reopen YYYY-MM --approve</c>, by someone else holding the finance lead's or committee
/// chair's role, reopens it.
/// </summary>
public static class PeriodCommand
{
    public static Command Declare(ContextOf context)
    {
        var month = Month();
        var carryForward = Options.Flag("--carry-forward", "先把本月仍在审批中的草稿结转到下月 first move the month's drafts still in approval to the next month");
        var close = new Command("close", "检查并结账（按月顺序；12 月用 year close） checks and locks a month (in order; December closes with year close)") { month, carryForward };
        close.Handle(context, (ctx, p) => Close(ctx, p.Value(month), p.Flag(carryForward)));

        var reopenMonth = Month();
        var reason = Options.Text("--reason", "TEXT", "申请反结账的原因 why the month is to be reopened (asking)");
        var approve = Options.Flag("--approve", "批准他人的申请（财务负责人或村委会主任） approves another's request (finance lead or committee chair)");
        var reopen = new Command("reopen", "反结账最后结账的月份：一人申请，另一人批准 reopens the last closed month: one asks, another approves") { reopenMonth, reason, approve };
        reopen.Handle(context, (ctx, p) =>
        {
            var approving = p.Flag(approve);
            return Reopen(ctx, p.Value(reopenMonth), approving, approving ? null : p.Required(reason));
        });
        return new Command("period", "会计期间（月） accounting months") { close, reopen };
    }

    private static Argument<string> Month() => Options.Argument("YYYY-MM", "月份 the month");

    private static int Close(Context ctx, string period, bool carryForward)
    {
        using var store = ctx.Open();
        var outcome = store.Write(ctx.Actor, session => Closing.CloseMonth(session, period, carryForward));
        if (!outcome.Accepted) return ctx.Reject(outcome.Violations);
        var (closed, carried) = outcome.Value!;
        if (carried > 0) ctx.Out.WriteLine(ctx.Say($"{carried} 张凭证草稿已结转到下月。", $"{carried} drafts carried forward to the next month."));
        ctx.Out.WriteLine(ctx.Say($"{period} 已结账，期末余额 SHA-256 {closed.BalancesSha256}。", $"period {period} closed; closing balances SHA-256 {closed.BalancesSha256}."));
        return ExitCodes.Done;
    }

    private static int Reopen(Context ctx, string period, bool approve, string? reason)
    {
        using var store = ctx.Open();
        var decision = store.Apply(ctx.Actor, session => approve
            ? PeriodRules.ApproveReopen(period, session.State, ctx.Actor)
            : PeriodRules.RequestReopen(period, reason!, session.State, ctx.Actor));
        if (!decision.Accepted) return ctx.Reject(decision.Violations);
        ctx.Out.WriteLine(approve
            ? ctx.Say($"{period} 已反结账，可以更正后重新结账。", $"period {period} is open again; correct it and close it again.")
            : ctx.Say($"已申请反结账 {period}，待财务负责人或村委会主任批准（period reopen {period} --approve）。",
                $"asked to reopen {period}; the finance lead or committee chair approves with: period reopen {period} --approve"));
        return ExitCodes.Done;
    }
}
