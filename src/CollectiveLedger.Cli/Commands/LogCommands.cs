using System.Globalization;
using System.Text;
using CollectiveLedger.Reports;

namespace CollectiveLedger.Cli.Commands;

/// <summary><c>log export --out FILE</c> (JSON Lines, each line the stored bytes) and <c>log show [--from SEQ] [--limit N]</c>.</summary>
public static class LogCommands
{
    public static int Run(Context ctx, Args args)
    {
        switch (args.Positional(1, "log export|show"))
        {
            case "export":
                var path = args.Required("--out");
                args.Done(2);
                using (var store = ctx.Open())
                {
                    var count = Files.WriteAtomically(path, stream =>
                    {
                        long n = 0;
                        foreach (var entry in store.Entries())
                        {
                            stream.Write(entry.Bytes);
                            stream.WriteByte((byte)'\n');
                            n++;
                        }
                        return n;
                    });
                    ctx.Out.WriteLine(ctx.Say($"已导出 {count} 条审计日志到 {path}。", $"exported {count} entries to {path}."));
                }
                return ExitCodes.Done;
            case "show":
                var format = ctx.Format(args);
                var from = long.TryParse(args.Option("--from") ?? "0", out var f) && f >= 0 ? f : throw new UsageException("--from takes a seq");
                var limit = long.TryParse(args.Option("--limit") ?? "50", out var l) && l > 0 ? l : throw new UsageException("--limit takes a positive number");
                args.Done(2);
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
                throw new UsageException("log export|show");
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..119] + "…";
}
