using CollectiveLedger.Core.Ledger;

namespace CollectiveLedger.Cli.Commands;

/// <summary><c>period close YYYY-MM</c>: locks a month; months close in order, once ended; December closes with <c>year close</c>.</summary>
public static class PeriodCommand
{
    public static int Run(Context ctx, Args args)
    {
        if (args.Positional(1, "period close") != "close") throw new UsageException("period close YYYY-MM");
        var period = args.Positional(2, "YYYY-MM");
        args.Done(3);
        using var store = ctx.Open();
        var decision = store.Apply(ctx.Actor, session => YearRules.CloseMonth(period, session.State, session.Today));
        if (!decision.Accepted) return ctx.Reject(decision.Violations);
        ctx.Out.WriteLine(ctx.Say($"{period} 已结账。", $"period {period} closed."));
        return ExitCodes.Done;
    }
}
