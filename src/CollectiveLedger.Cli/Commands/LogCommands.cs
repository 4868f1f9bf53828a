using System.CommandLine;
using System.Globalization;
using System.Text;
using CollectiveLedger.Reports;

namespace CollectiveLedger.Cli.Commands;

/// <summary><c>log export --out FILE [--public]</c> (JSON Lines, each line the stored bytes, or with <c>--public</c> the public log of audit-log.md 14) and <c>log show [--from SEQ] [--limit N]</c>.</summary>
public static class LogCommands
{
    public static Command Declare(ContextOf context)
    {
        var output = Options.Text("--out", "FILE", "写出的 JSON Lines 文件（必填；不加 --public 时含完整个人号码，仅供审计） the JSON Lines file (required; without --public personal numbers in full, for auditors only)");
        var publicLog = Options.Flag("--public", "公开日志：含个人信息的条目换成只有哈希的存根，可公开 the public log: entries holding personal data become stubs of their hashes, fit to publish");
        var attachments = Options.Text("--attachments", "DIR",
            "同时把附件文件（原始凭证照片、扫描件）写入此目录，文件名为其 SHA-256；日志只记录其哈希，restore --attachments 需要它们 also writes the attachment files (receipt photos, scans) into DIR, each named by its SHA-256: the log records only their hashes, and restore --attachments needs them");
        var export = new Command("export", "导出完整审计日志，每行为存储的原始字节 exports the full log, each line the stored bytes") { output, publicLog, attachments };
        export.Handle(context, (ctx, p) =>
        {
            if (p.GetValue(attachments) is { } dir && p.Flag(publicLog))
                throw new UsageException("--attachments 只用于完整日志（附件不公开） --attachments goes with the full log only (attachments are not public)");
            var code = p.Flag(publicLog) ? ExportPublic(ctx, p.Required(output)) : Run(ctx, "export", path: p.Required(output));
            return code == ExitCodes.Done && p.GetValue(attachments) is { } folder ? ExportAttachments(ctx, folder) : code;
        });
        var format = Options.Format();
        var from = Options.Text("--from", "SEQ", "起始序号（默认 0） the first entry (0 by default)");
        var limit = Options.Text("--limit", "N", "条数（默认 50） how many (50 by default)");
        var show = new Command("show", "显示日志条目 shows the log's entries") { from, limit, format };
        show.Handle(context, (ctx, p) => Run(ctx, "show", format: ctx.Format(p, format), fromText: p.GetValue(from), limitText: p.GetValue(limit)));
        return new Command("log", "审计日志 the audit log") { export, show };
    }

    private static int Run(Context ctx, string verb, string path = "", OutputFormat format = OutputFormat.Table, string? fromText = null, string? limitText = null)
    {
        switch (verb)
        {
            case "export":
                using (var store = ctx.Open())
                {
                    var progress = ExportProgress(ctx, store);
                    var count = Files.WriteAtomically(path, stream =>
                    {
                        long n = 0;
                        foreach (var entry in store.Entries())
                        {
                            stream.Write(entry.Bytes);
                            stream.WriteByte((byte)'\n');
                            n++;
                            progress?.Report(n);
                        }
                        return n;
                    });
                    Progress.Clear(ctx);
                    ctx.Out.WriteLine(ctx.Say($"已导出 {count} 条审计日志到 {path}。", $"exported {count} entries to {path}."));
                }
                return ExitCodes.Done;
            case "show":
                var from = long.TryParse(fromText ?? "0", out var f) && f >= 0 ? f : throw new UsageException("--from takes a seq");
                var limit = long.TryParse(limitText ?? "50", out var l) && l > 0 ? l : throw new UsageException("--limit takes a positive number");
                using (var store = ctx.Open())
                {
                    var entries = store.Entries(from, limit).ToList();
                    if (format == OutputFormat.Json)
                    {
                        // One JSON array of the entries, each exactly its stored bytes.
                        using var array = new MemoryStream();
                        array.WriteByte((byte)'[');
                        for (var i = 0; i < entries.Count; i++)
                        {
                            if (i > 0) array.Write(",\n"u8);
                            array.Write(entries[i].Bytes);
                        }
                        array.Write("]\n"u8);
                        ctx.WriteBytes(array.ToArray());
                        return ExitCodes.Done;
                    }
                    var grid = new Grid(["seq", "hash", "entry"], entries.Select(e => (IReadOnlyList<GridCell>)
                        [new GridCell(e.Seq.ToString(CultureInfo.InvariantCulture), true), e.Hash[..16] + "…", Shorten(Encoding.UTF8.GetString(e.Bytes))]).ToList());
                    ctx.Render(grid, format, () => []);
                }
                return ExitCodes.Done;
            default:
                throw new InvalidOperationException($"no log {verb}");
        }
    }

    /// <summary>
    /// The books' attachment files into <paramref name="folder"/> (made when missing), each named by its SHA-256, so that
    /// <c>restore --from-log FILE --attachments DIR</c> puts them back. A file already there with the same bytes is left; one with other bytes is refused.
    /// </summary>
    private static int ExportAttachments(Context ctx, string folder)
    {
        Directory.CreateDirectory(folder);
        var count = 0;
        using var store = ctx.Open();
        foreach (var (sha256, bytes) in store.Attachments.Files())
        {
            var path = Path.Combine(folder, sha256);
            if (File.Exists(path))
            {
                if (Core.Audit.Sha256Hex.Of(File.ReadAllBytes(path)) != sha256)
                    throw new UsageException($"{path} 已存在且内容不同，不会覆盖 {path} exists with other bytes and is not overwritten");
            }
            else Files.WriteAtomically(path, stream => { stream.Write(bytes); return 0; });
            count++;
        }
        ctx.Out.WriteLine(ctx.Say($"已导出 {count} 个附件文件到 {folder}。", $"exported {count} attachment files to {folder}."));
        return ExitCodes.Done;
    }

    /// <summary>
    /// The public log: each entry's public form (<see cref="Storage.LedgerStore.PublicEntries"/>), with a warning
    /// naming each entry of a public kind withheld because its text holds a member's or a villager's private number.
    /// </summary>
    /// <summary>The entries written so far, out of the log's length, on a terminal.</summary>
    private static IProgress<long>? ExportProgress(Context ctx, Storage.LedgerStore store) =>
        Progress.OnTerminal<long>(ctx, ctx.Say("导出审计日志", "exporting the log"), store.Head() is { } head ? head.Seq + 1 : null);

    private static int ExportPublic(Context ctx, string path)
    {
        using var store = ctx.Open();
        var progress = ExportProgress(ctx, store);
        var byValue = new List<(long Seq, string Kind)>();
        var (count, withheld) = Files.WriteAtomically(path, stream =>
        {
            long n = 0, stubs = 0;
            foreach (var entry in store.PublicEntries())
            {
                stream.Write(entry.Bytes);
                stream.WriteByte((byte)'\n');
                n++;
                progress?.Report(n);
                if (entry.Withheld) stubs++;
                if (entry.ByValue) byValue.Add((entry.Seq, entry.Kind));
            }
            return (n, stubs);
        });
        Progress.Clear(ctx);
        foreach (var (seq, kind) in byValue)
            ctx.Error.WriteLine(ctx.Say($"警告：第 {seq} 条（{kind}）的文字含有成员或村民的个人号码，公开日志中只留其哈希；余额不含该条。",
                $"warning: entry {seq} ({kind}) holds a member's or villager's private number in its text: the public log gives only its hash, and balances replayed from it leave it out."));
        ctx.Out.WriteLine(ctx.Say($"已导出公开日志 {count} 条到 {path}，其中 {withheld} 条含个人信息，只留哈希。",
            $"exported the public log, {count} entries, to {path}; {withheld} holding personal data are stubs of their hashes."));
        return ExitCodes.Done;
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..119] + "…";
}
