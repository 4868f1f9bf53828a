using System.CommandLine;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Reports;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>backup --out FILE</c>: an online copy of the books while others may write (<see cref="Storage.LedgerStore.Backup"/>:
/// SQLite's backup API into a temporary name, verified, then renamed; on PostgreSQL pg_dump of the village's
/// schema as SQL, verified in a scratch database), and the organization's signing key
/// <c>DB.key</c>, when there is one, copied beside it as <c>FILE.key</c> (still encrypted with its passphrase).
/// Refuses an existing FILE or FILE.key (exit 2). Exit 1 when the copy does not verify (it is removed), 3 when
/// it has reconciliation problems only (the books themselves have them), 0 otherwise.
/// </summary>
public static class BackupCommand
{
    public static Command Declare(ContextOf context)
    {
        var output = Options.Text("--out", "FILE", "备份文件（新文件；签名密钥复制为 FILE.key） the backup file (a new file; the signing key is copied to FILE.key)");
        var command = new Command("backup", "在线备份账簿并校验备份 copies the books while others may write, and verifies the copy") { output };
        command.Handle(context, (ctx, p) => Run(ctx, p.Required(output)));
        return command;
    }

    private static int Run(Context ctx, string path)
    {
        var key = OrganizationKey.PathOf(ctx);
        var keyCopy = OrganizationKey.PathOf(path);
        foreach (var target in File.Exists(key) ? [path, keyCopy] : new[] { path })
            if (File.Exists(target)) throw new UsageException($"{target} 已存在，不会覆盖 {target} already exists and is not overwritten");
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory)) throw new UsageException($"文件夹 {directory} 不存在 the folder {directory} does not exist");

        VerifyReport report;
        using (var store = ctx.Open()) report = store.Backup(path, Progress.OnTerminal<long>(ctx, ctx.Say("校验备份", "verifying the copy")));
        Progress.Clear(ctx);
        if (report.IntegrityFound > 0)
        {
            ctx.Error.WriteLine($"备份未通过校验，已删除，未写出 {path} the copy does not verify and was removed; {path} was not written:");
            ctx.Error.Write(VerifyReportRenderer.Text(report, ctx.Chinese));
            return ExitCodes.Rejected;
        }
        ctx.Out.WriteLine(ctx.Say(
            $"已备份到 {path} 并校验：{report.Entries} 条审计日志，日志头 第 {report.HeadSeq} 条 {report.HeadHash}。",
            $"backed up to {path} and verified: {report.Entries} entries, head entry {report.HeadSeq} {report.HeadHash}."));
        if (report.ReconciliationFound > 0) ctx.Out.Write(VerifyReportRenderer.Text(report, ctx.Chinese));
        if (File.Exists(key))
        {
            var bytes = File.ReadAllBytes(key);
            Files.WriteSecret(keyCopy, stream => stream.Write(bytes));
            ctx.Out.WriteLine(ctx.Say($"已复制组织的签名密钥到 {keyCopy}（仍由口令加密）。",
                $"copied the organization's signing key to {keyCopy} (still encrypted with its passphrase)."));
        }
        return report.ReconciliationFound > 0 ? ExitCodes.Reconciliation : ExitCodes.Done;
    }
}
