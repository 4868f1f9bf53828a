using System.CommandLine;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Reports;
using CollectiveLedger.Storage;
using CollectiveLedger.Storage.Verification;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>restore --from-log FILE</c>: new books at <c>--db</c> rebuilt from a full exported log (<c>log export</c>),
/// each entry's exact bytes, so the head hash is the log's (<see cref="LedgerStore.Restore"/>). The file is
/// checked first as <c>verify --log</c> checks it (<see cref="LogFileVerifier"/>): a public log (stubs cannot
/// be replayed) or a broken line is refused, naming the line, before anything is written. The new books are
/// then verified; with integrity problems they are removed. Exit 0 when restored, 1 when the log or the
/// restored books do not verify, 2 when the target exists or the log is public, 3 when the restored books
/// have reconciliation problems only (as the log's own books had).
/// </summary>
public static class RestoreCommand
{
    /// <summary>How many of the log's problems are named; the count says how many more there were.</summary>
    private const int ProblemsShown = 10;

    public static Command Declare(ContextOf context)
    {
        var fromLog = Options.Text("--from-log", "FILE",
            "完整审计日志（log export 导出，不是 --public 的公开日志） the full log, as log export writes it (not the public log of --public)");
        var attachments = Options.Text("--attachments", "DIR",
            "附件文件目录（log export --attachments 导出，文件名为 SHA-256）；日志记录了附件时必须给出 the attachment files as log export --attachments wrote them (named by SHA-256); required when the log records attachments");
        var command = new Command("restore",
            "从导出的审计日志重建账簿到 --db（新文件，日志头哈希不变） rebuilds the books at --db (a new file) from an exported log, with the same head hash")
            { fromLog, attachments };
        command.Handle(context, (ctx, p) => Run(ctx, p.Required(fromLog), p.GetValue(attachments)));
        return command;
    }

    private static int Run(Context ctx, string logPath, string? attachmentsFolder)
    {
        if (ctx.Village is null && File.Exists(ctx.Db))
            throw new UsageException($"目标账簿 {ctx.Books} 已存在，不会覆盖：--db 请给一个新文件 the target {ctx.Books} already exists and is not overwritten: give --db a new file");
        if (!File.Exists(logPath)) throw new UsageException($"找不到日志文件 {logPath} log file {logPath} not found");
        var file = File.ReadAllBytes(logPath);

        var log = LogFileVerifier.Verify(file, []);
        if (log.Withheld > 0)
            throw new UsageException(
                $"{logPath} 是公开日志：其中 {log.Withheld} 条只是哈希存根，无法重放；请用 log export（不加 --public）导出的完整日志 " +
                $"{logPath} is a public log: {log.Withheld} of its entries are stubs of their hashes, and stubs cannot be replayed; restore from the full log (log export without --public)");
        if (log.Report.IntegrityFound > 0)
        {
            ctx.Error.WriteLine($"日志文件 {logPath} 未通过校验，未写入任何账簿 the log {logPath} does not verify; no books were written:");
            foreach (var problem in log.Report.Integrity.Take(ProblemsShown)) ctx.Error.WriteLine("  " + Describe(problem));
            if (log.Report.IntegrityFound > ProblemsShown)
                ctx.Error.WriteLine($"  …（共 {log.Report.IntegrityFound} 处） … ({log.Report.IntegrityFound} in all)");
            return ExitCodes.Rejected;
        }

        if (!CheckAttachments(ctx, file, attachmentsFolder)) return ExitCodes.Rejected;

        VerifyReport report;
        try
        {
            report = LedgerStore.Restore(ctx.Db, LogFileVerifier.Lines(file).Select(range => file[range]), ctx.Clock,
                Progress.OnTerminal<long>(ctx, ctx.Say("恢复", "restoring")), ctx.Village,
                attachmentsFolder is null ? null : sha256 => AttachmentFile(attachmentsFolder, sha256));
        }
        catch (EntryRefusedException e)
        {
            Progress.Clear(ctx);
            ctx.Error.WriteLine($"第 {e.Seq + 1} 行的条目无法写入账簿，未留下任何账簿 line {e.Seq + 1}: {e.Message.TrimEnd('.')}; no books were left at {ctx.Books}");
            return ExitCodes.Rejected;
        }
        Progress.Clear(ctx);
        if (report.IntegrityFound > 0)
        {
            ctx.Error.WriteLine($"重建的账簿未通过校验，已删除 {ctx.Books} the restored books do not verify and were removed ({ctx.Books}):");
            ctx.Error.Write(VerifyReportRenderer.Text(report, ctx.Chinese));
            return ExitCodes.Rejected;
        }
        ctx.Out.WriteLine(ctx.Say(
            $"已从 {logPath} 重建账簿 {ctx.Books}：{report.Entries} 条审计日志，日志头 第 {report.HeadSeq} 条 {report.HeadHash}。",
            $"restored the books {ctx.Books} from {logPath}: {report.Entries} entries, head entry {report.HeadSeq} {report.HeadHash}."));
        if (report.ReconciliationFound > 0) ctx.Out.Write(VerifyReportRenderer.Text(report, ctx.Chinese));
        if (attachmentsFolder is not null)
            ctx.Out.WriteLine(ctx.Say($"附件文件已从 {attachmentsFolder} 放回并按哈希核对。", $"the attachment files were put back from {attachmentsFolder}, each checked by its hash."));
        ctx.Out.WriteLine(ctx.Say(
            $"日志之外的表没有恢复（{string.Join("、", Table.OutsideTheBooks)}）：网页登录须重新设置（users password 或登记码），已发布公开榜的文件和见证人副署不在其中。",
            $"the tables outside the books are not in the log and start empty ({string.Join(", ", Table.OutsideTheBooks)}): web sign-ins are set again (users password, or enrolment codes); published notices' kept files and witnesses' cosignatures are not there."));
        using (var store = ctx.Open())
        {
            var state = store.LoadState();
            if (state.Keys.Any(k => k.Name == OrganizationKey.NameOf(state)) && !File.Exists(OrganizationKey.PathOf(ctx)))
                ctx.Out.WriteLine(ctx.Say(
                    $"组织的签名密钥文件不在日志中：把原账簿旁的 .key 文件复制为 {OrganizationKey.PathOf(ctx)}，才能用它签名公开榜。",
                    $"the organization's signing key file is not in the log: copy the .key file beside the original books to {OrganizationKey.PathOf(ctx)} to sign notices with it."));
        }
        return report.ReconciliationFound > 0 ? ExitCodes.Reconciliation : ExitCodes.Done;
    }

    /// <summary>
    /// The files the log's attachment.added entries record, looked for before anything is written: every one must be in
    /// <paramref name="folder"/> under its SHA-256 with those very bytes. Without them the restored books would not verify
    /// (a file missing is an integrity problem), so a log that records attachments is refused without <c>--attachments</c>,
    /// naming what is missing; false when refused.
    /// </summary>
    private static bool CheckAttachments(Context ctx, byte[] file, string? folder)
    {
        var recorded = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var range in LogFileVerifier.Lines(file))
        {
            var line = file.AsSpan(range);
            if (line.IndexOf("\"kind\":\"attachment.added\""u8) < 0) continue;
            if (ParsedEntry.Parse(line.ToArray()).Event is Core.Ledger.AttachmentAdded attached) recorded.Add(attached.Sha256);
        }
        if (recorded.Count == 0) return true;
        if (folder is null)
        {
            ctx.Error.WriteLine(ctx.Say(
                $"日志记录了 {recorded.Count} 个附件文件（原始凭证），它们不在日志里：请加 --attachments DIR（log export --attachments DIR 导出的目录）。未写入任何账簿。",
                $"the log records {recorded.Count} attachment files (source documents), which are not in the log itself: give --attachments DIR (as log export --attachments DIR wrote it). No books were written."));
            return false;
        }
        var missing = recorded.Where(sha256 => AttachmentFile(folder, sha256) is null).ToList();
        if (missing.Count == 0) return true;
        ctx.Error.WriteLine(ctx.Say($"{folder} 里缺少或改动了 {missing.Count} 个附件文件，未写入任何账簿：",
            $"{missing.Count} attachment files are missing from {folder} or differ; no books were written:"));
        foreach (var sha256 in missing.Take(ProblemsShown)) ctx.Error.WriteLine("  " + Path.Combine(folder, sha256));
        return false;
    }

    /// <summary>The file named <paramref name="sha256"/> in <paramref name="folder"/> when its bytes hash to that name; null otherwise.</summary>
    private static byte[]? AttachmentFile(string folder, string sha256)
    {
        var path = Path.Combine(folder, sha256);
        if (!File.Exists(path)) return null;
        var bytes = File.ReadAllBytes(path);
        return Sha256Hex.Of(bytes) == sha256 ? bytes : null;
    }

    /// <summary>
    /// A problem of the log file by its line (entry n is line n + 1). A broken link is found on the line
    /// after a changed one: its prev is no longer the hash of the line before, which is the line that was
    /// changed, unless this line's prev was (then the next line's link breaks too).
    /// </summary>
    private static string Describe(VerifyProblem problem)
    {
        if (problem.Seq is not { } seq) return problem.Message;
        var line = seq + 1;
        return problem.Kind == VerifyProblem.Chain && line > 1 && Sha256Hex.IsValid(problem.Expected ?? "")
            ? $"第 {line} 行 line {line}: prev 不是第 {line - 1} 行的哈希：第 {line - 1} 行被改动过（或本行的 prev） prev is not the hash of line {line - 1}: line {line - 1} was changed (or this line's prev)"
            : $"第 {line} 行 line {line}: {problem.Message}";
    }
}
