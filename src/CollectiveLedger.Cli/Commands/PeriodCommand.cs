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
    private const string Usage = "period close YYYY-MM [--carry-forward] | period reopen YYYY-MM (--reason TEXT | --approve)";

    public static int Run(Context ctx, Args args)
    {
        var verb = args.Positional(1, Usage);
        var period = args.Positional(2, "YYYY-MM");
        return verb switch
        {
            "close" => Close(ctx, args, period),
            "reopen" => Reopen(ctx, args, period),
            _ => throw new UsageException(Usage),
        };
    }

    private static int Close(Context ctx, Args args, string period)
    {
        var carryForward = args.Flag("--carry-forward");
        args.Done(3);
        using var store = ctx.Open();
        var outcome = store.Write(ctx.Actor, session => Closing.CloseMonth(session, period, carryForward));
        if (!outcome.Accepted) return ctx.Reject(outcome.Violations);
        var (closed, carried) = outcome.Value!;
        if (carried > 0) ctx.Out.WriteLine(ctx.Say($"{carried} 张凭证草稿已结转到下月。", $"{carried} drafts carried forward to the next month."));
        ctx.Out.WriteLine(ctx.Say($"{period} 已结账，期末余额 SHA-256 {closed.BalancesSha256}。", $"period {period} closed; closing balances SHA-256 {closed.BalancesSha256}."));
        return ExitCodes.Done;
    }

    private static int Reopen(Context ctx, Args args, string period)
    {
        var approve = args.Flag("--approve");
        var reason = approve ? null : args.Required("--reason");
        args.Done(3);
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
