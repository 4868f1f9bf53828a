using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Cli.Commands;

/// <summary><c>init --org NAME --org-code CODE [--currency CNY] [--chart standard-2023] [--start YYYY-MM]</c></summary>
public static class InitCommand
{
    public static int Run(Context ctx, Args args)
    {
        var org = args.Required("--org");
        var orgCode = args.Required("--org-code");
        var currency = args.Option("--currency") ?? "CNY";
        var chart = args.Option("--chart") ?? StandardChart.Name;
        var start = args.Option("--start") ?? $"{Core.Periods.ChinaTime.Today(ctx.Clock.GetUtcNow()).Year}-01";
        args.Done(1);
        var decision = LedgerRules.Create(Guid.NewGuid().ToString(), org, orgCode, currency, chart, start);
        if (!decision.Accepted) return ctx.Reject(decision.Violations);
        using var store = LedgerStore.Create(ctx.Db, (LedgerCreated)decision.Event!, ctx.Actor, ctx.Clock);
        ctx.Out.WriteLine(ctx.Say($"已创建账套 {ctx.Db}：{org}，启用期间 {start}。", $"created ledger {ctx.Db} for {org}, starting {start}."));
        return ExitCodes.Done;
    }
}
