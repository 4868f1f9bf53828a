using System.Text;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Reports;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Cli;

public enum OutputFormat { Table, Csv, Json, Xlsx }

/// <summary>What every command gets: the global options, the output streams and the clock.</summary>
public sealed class Context(string db, string actor, Language language, TextWriter stdout, TextWriter stderr, TimeProvider clock,
    string? passphrase = null)
{
    /// <summary>A passphrase given by the program itself (the demo's throw-away key); otherwise asked for.</summary>
    public string? Passphrase { get; } = passphrase;

    public string Db { get; } = db;

    /// <summary>The village of a PostgreSQL database of many (<c>--village</c>); null for a SQLite file.</summary>
    public string? Village { get; init; }
    public string Actor { get; } = actor;
    public Language Language { get; } = language;
    public TextWriter Out { get; } = stdout;
    public TextWriter Error { get; } = stderr;
    public TimeProvider Clock { get; } = clock;
    public bool Chinese => Language == Language.ZhCN;

    /// <summary>
    /// Whether standard output is a person's terminal (the console, not redirected): listings and reports are then a table by
    /// default, and JSON otherwise, for the program reading them (DESIGN.md section 3, issue 17).
    /// </summary>
    public bool Terminal { get; init; }

    /// <summary>The output format <c>--format</c> gives, or else table on a terminal and JSON when output goes to a file or program.</summary>
    public OutputFormat Format(System.CommandLine.ParseResult parsed, System.CommandLine.Option<string> format) =>
        parsed.Format(format) ?? (Terminal ? OutputFormat.Table : OutputFormat.Json);

    public LedgerStore Open() => LedgerStore.Open(Db, Clock, Village);

    /// <summary>The books as messages name them: the file, or the server's address (never its password) and the village.</summary>
    public string Books => Village is null || !Storage.Engines.Server.IsAddress(Db) ? Db : $"{Storage.Engines.Server.Display(Db)} village {Village}";

    /// <summary>Chinese first for Chinese readers, English alone for English ones.</summary>
    public string Say(string zh, string en) => Chinese ? $"{zh} {en}" : en;

    public void WriteBytes(byte[] bytes)
    {
        Out.Flush();
        if (ReferenceEquals(Out, Console.Out))
        {
            // Bytes as they are (a CSV keeps its BOM); the console's text writer would re-encode them.
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(bytes);
        }
        else Out.Write(Encoding.UTF8.GetString(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes));
    }

    /// <summary>A report in <paramref name="format"/>: JSON is written from the report itself, without laying out its table first.</summary>
    public void Render(Publishing.BookReport report, OutputFormat format)
    {
        if (format == OutputFormat.Json) WriteBytes(report.Json());
        else Render(report.Grid(format == OutputFormat.Table), format, report.Json);
    }

    /// <summary>The file <c>--format xlsx --out FILE</c> names; null when not given.</summary>
    public string? WorkbookOut { get; init; }

    /// <summary>The sheet's name in a workbook: the command's own (e.g. "trial-balance"), set by <see cref="Program"/>.</summary>
    public string SheetName { get; init; } = "Sheet1";

    public void Render(Grid grid, OutputFormat format, Func<byte[]> json)
    {
        switch (format)
        {
            case OutputFormat.Json: WriteBytes(json()); break;
            case OutputFormat.Xlsx:
                var path = WorkbookOut ?? throw new UsageException("--format xlsx needs --out FILE.xlsx");
                Files.WriteAtomically(path, stream => { XlsxRenderer.Render(grid, SheetName, stream); return 0; });
                Out.WriteLine(Say($"已写入 {path}（{grid.Rows.Count} 行）。", $"wrote {path} ({grid.Rows.Count} rows)."));
                break;
            case OutputFormat.Csv: WriteBytes(CsvRenderer.Render(grid)); break;
            default: Out.Write(TableRenderer.Render(grid)); break;
        }
    }

    /// <summary>Prints violations to stderr, each with its place, message and stable code; returns exit code 1.</summary>
    /// <summary>
    /// Decides and writes one change as this command's actor, then says it was done, naming the
    /// vouchers the change posted with it (the register commands: assets, contracts).
    /// </summary>
    public int Post(Func<WriteSession, Core.Ledger.Decision> decide, string done)
    {
        using var store = Open();
        var decision = store.Apply(Actor, decide);
        if (!decision.Accepted) return Reject(decision.Violations);
        var vouchers = decision.Then.OfType<Core.Ledger.VoucherPosted>().Select(p => p.Voucher.Key.ToString()).ToList();
        Out.WriteLine(vouchers.Count == 0 ? done + "." : $"{done} ({Say("凭证", "voucher")} {string.Join(", ", vouchers)}).");
        return ExitCodes.Done;
    }

    public int Reject(IEnumerable<Violation> violations)
    {
        foreach (var v in violations)
            Error.WriteLine($"{(v.Place == Place.None ? "" : v.Place + ": ")}{v.Message(Language)} [{v.Code}]");
        return ExitCodes.Rejected;
    }

    public static Period ParsePeriod(string text, string option) =>
        Period.TryParse(text, out var p) ? p : throw new UsageException($"{option} must be a month YYYY-MM, not '{text}'");

    /// <summary>--period P, or --from A --to B; defaults to every month with vouchers.</summary>
    public static (Period From, Period To)? Range(string? period, string? from, string? to, LedgerStore store)
    {
        if (period is not null)
        {
            if (from is not null || to is not null) throw new UsageException("give --period or --from/--to, not both");
            var p = ParsePeriod(period, "--period");
            return (p, p);
        }
        // Both ends given: the books need not be asked (a report's fresh process then runs one query).
        var all = from is not null && to is not null ? null : store.Books.VoucherPeriods();
        if (from is null && to is null) return all;
        // One end missing: it is the books' first or last month, or the given end itself.
        var first = from is not null ? ParsePeriod(from, "--from") : all is { } a && a.First < ParsePeriod(to!, "--to") ? a.First : ParsePeriod(to!, "--to");
        var last = to is not null ? ParsePeriod(to, "--to") : all is { } b && b.Last > first ? b.Last : first;
        return last < first ? throw new UsageException("--to is before --from") : (first, last);
    }
}

public static class ExitCodes
{
    public const int Done = 0;
    public const int Rejected = 1;
    public const int Usage = 2;

    /// <summary>verify found reconciliation problems only (<see cref="Core.Audit.VerifyCategory"/>): the log and the tables are whole, the books need an accountant.</summary>
    public const int Reconciliation = 3;

    public const int Bug = 70;
}
