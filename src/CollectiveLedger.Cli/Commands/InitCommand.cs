using System.CommandLine;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>init --org NAME --org-code CODE [--currency CNY] [--chart standard-2023] [--start YYYY-MM] [--attachments-required true|false] [--no-key]</c>.
/// The 原始凭证 rule (vouchers.attachments_required) is on in a new book; a book made only to take in
/// years of historic vouchers whose attachments were never counted starts with it off, and its
/// accountant turns it on when the history is in (<c>settings set vouchers.attachments_required true</c>).
/// When a passphrase is at hand (CLEDGER_PASSPHRASE, or typed twice at the terminal) init also creates
/// and registers the organization's signing key beside the books (<see cref="OrganizationKey"/>);
/// otherwise, or with --no-key, the first notice that is signed with it creates it.
/// </summary>
public static class InitCommand
{
    public static Command Declare(ContextOf context)
    {
        var org = Options.Text("--org", "NAME", "组织名称（必填） the organization's name (required)");
        var orgCode = Options.Text("--org-code", "CODE", "统一社会信用代码（必填） its unified social credit code (required)");
        var currency = Options.Text("--currency", "CNY", "记账本位币（默认 CNY） the currency (CNY by default)");
        var chart = Options.Text("--chart", "standard-2023", "会计科目表（默认 standard-2023） the chart of accounts");
        var start = Options.Text("--start", "YYYY-MM", "启用期间（默认今年一月） the first month (January of this year by default)");
        var attachments = Options.Text("--attachments-required", "true|false",
            "原始凭证规则（默认 true；补录历史凭证的账套用 false） the attachments rule (true by default; false for books taking in historic vouchers)");
        var noKey = Options.Flag("--no-key", "暂不创建组织的签名密钥（第一次公开时再创建） do not create the organization's signing key now (the first notice does)");
        var command = new Command("init", "新建账套（不覆盖已有文件），有口令时同时创建组织的签名密钥 creates a new ledger (refuses to overwrite) and, given a passphrase, the organization's signing key")
            { org, orgCode, currency, chart, start, attachments, noKey };
        command.Handle(context, (ctx, p) => Run(ctx, p.Required(org), p.Required(orgCode), p.GetValue(currency) ?? "CNY", p.GetValue(chart) ?? StandardChart.Name,
            p.GetValue(start) ?? $"{Core.Periods.ChinaTime.Today(ctx.Clock.GetUtcNow()).Year}-01", p.GetValue(attachments) ?? "true", p.Flag(noKey)));
        return command;
    }

    private static int Run(Context ctx, string org, string orgCode, string currency, string chart, string start, string attachmentsRequired, bool noKey)
    {
        var decision = LedgerRules.Create(Guid.NewGuid().ToString(), org, orgCode, currency, chart, start, attachmentsRequired);
        if (!decision.Accepted) return ctx.Reject(decision.Violations);
        var keyPath = OrganizationKey.PathOf(ctx);
        // A key file left beside a new ledger belongs to other books: never overwritten, never adopted.
        if (!noKey && File.Exists(keyPath) && (ctx.Village is not null || !File.Exists(ctx.Db)))
            throw new UsageException($"{keyPath} 已存在（是其他账套的密钥？），请移走，或用 --no-key {keyPath} already exists (another ledger's key?): move it away, or give --no-key");
        using var store = LedgerStore.Create(ctx.Db, (LedgerCreated)decision.Event!, ctx.Actor, ctx.Clock, decision.Then, ctx.Village);
        var where = store.Village is { } village ? $"{store.Path} {ctx.Say("村", "village")} {village}" : store.Path;
        ctx.Out.WriteLine(ctx.Say($"已创建账套 {where}：{org}，启用期间 {start}。", $"created ledger {where} for {org}, starting {start}."));
        if (noKey || !TryCreateKey(ctx, store))
            ctx.Out.WriteLine(ctx.Say(
                $"尚未创建组织的签名密钥（{keyPath}）：第一次公开时创建（需要口令：CLEDGER_PASSPHRASE 或终端）。",
                $"the organization's signing key ({keyPath}) is not created yet: the first notice creates it (it needs a passphrase: CLEDGER_PASSPHRASE or the terminal)."));
        return ExitCodes.Done;
    }

    /// <summary>
    /// The organization's key, when a passphrase is at hand. The ledger exists by now, so a passphrase
    /// refused (too short, typed differently twice) leaves it made without a key, said on stderr, rather
    /// than failing a command whose ledger cannot be made again.
    /// </summary>
    private static bool TryCreateKey(Context ctx, LedgerStore store)
    {
        try
        {
            return OrganizationKey.TryCreate(ctx, store);
        }
        catch (UsageException e)
        {
            ctx.Error.WriteLine(ctx.Say("未创建组织的签名密钥：", "the organization's signing key was not created: ") + e.Message);
            return false;
        }
    }
}
