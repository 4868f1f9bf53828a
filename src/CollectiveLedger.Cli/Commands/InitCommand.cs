using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>init --org NAME --org-code CODE [--currency CNY] [--chart standard-2023] [--start YYYY-MM] [--attachments-required true|false]</c>.
/// The 原始凭证 rule (vouchers.attachments_required) is on in a new book; a book made only to take in
/// years of historic vouchers whose attachments were never counted starts with it off, and its
/// accountant turns it on when the history is in (<c>settings set vouchers.attachments_required true</c>).
/// </summary>
public static class InitCommand
{
    public static int Run(Context ctx, Args args)
    {
        var org = args.Required("--org");
        var orgCode = args.Required("--org-code");
        var currency = args.Option("--currency") ?? "CNY";
        var chart = args.Option("--chart") ?? StandardChart.Name;
        var start = args.Option("--start") ?? $"{Core.Periods.ChinaTime.Today(ctx.Clock.GetUtcNow()).Year}-01";
        var attachmentsRequired = args.Option("--attachments-required") ?? "true";
        args.Done(1);
        var decision = LedgerRules.Create(Guid.NewGuid().ToString(), org, orgCode, currency, chart, start, attachmentsRequired);
        if (!decision.Accepted) return ctx.Reject(decision.Violations);
        using var store = LedgerStore.Create(ctx.Db, (LedgerCreated)decision.Event!, ctx.Actor, ctx.Clock, decision.Then);
        ctx.Out.WriteLine(ctx.Say($"已创建账套 {ctx.Db}：{org}，启用期间 {start}。", $"created ledger {ctx.Db} for {org}, starting {start}."));
        return ExitCodes.Done;
    }
}
