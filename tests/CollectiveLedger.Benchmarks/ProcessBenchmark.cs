using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CollectiveLedger.Benchmarks;

/// <summary>
/// Issue 16's targets as the user meets them: each command a fresh <c>cledger</c> process (start-up
/// included), the binary the README's install command publishes, on the generated books, against
/// other programs run as processes side by side:
/// 1. <c>vouchers import</c> within 4x of a bare <c>sqlite3</c> shell inserting the same rows (the
///    imported books' own audit_log, vouchers and voucher_lines rows, as the shell's INSERT
///    statements, in one transaction, into books made the same way: the same schema and triggers);
/// 2. <c>verify</c> at 50,000 entries/s or more;
/// 3. the year's trial balance at least 10x faster than ledger-cli on the same books exported as a
///    journal (<c>export hledger</c>), and against hledger, when installed (for information).
/// A program that is not installed is skipped with a printed line; times are the best of a few runs,
/// the programs compared taking turns.
/// </summary>
internal static class ProcessBenchmark
{
    private const double ImportRatioLimit = 4.0;
    private const double VerifyRateLimit = 50_000;
    private const double LedgerRatioLimit = 10.0;
    private const int Runs = 3;
    private const int TrialBalanceRuns = 7;
    private const int RowsPerInsert = 500;

    /// <summary>The README's install command, run from the repository root: the binary the user runs.</summary>
    public static readonly string[] PublishCommand = ["publish", "src/CollectiveLedger.Cli", "-c", "Release", "--use-current-runtime", "-o"];

    public static Results Run(int count, string directory, string? cledger, Action<string> progress)
    {
        var results = new Results(count);
        string File(string name) => Path.Combine(directory, name);

        cledger = Published(directory, cledger, progress);

        progress($"generating {count:N0} vouchers (seed {VoucherGenerator.Seed})");
        VoucherGenerator.WriteJsonLines(File("vouchers.jsonl"), count);

        // 1. import: cledger and the sqlite3 shell alternate, each into fresh books made the same way.
        results.Section("1. import, a fresh cledger process vs the sqlite3 shell inserting the same rows (one transaction)");
        var imports = new List<TimeSpan>();
        var shells = new List<TimeSpan>();
        long setupHead;
        using (var setup = Books.Create(File("setup.db"))) setupHead = setup.Head()!.Value.Seq;
        SqliteConnection.ClearAllPools();
        var sqlite3 = Which("sqlite3");
        for (var run = 1; run <= 2; run++)
        {
            var books = File($"import-{run}.db");
            System.IO.File.Copy(File("setup.db"), books);
            progress($"cledger vouchers import, run {run}");
            var import = Exec(cledger, ["--db", books, "vouchers", "import", File("vouchers.jsonl")]);
            if (import.Code != 0) throw new InvalidOperationException($"import failed ({import.Code}): {import.Err}");
            imports.Add(import.Time);
            if (sqlite3 is null) continue;
            if (run == 1) WriteInserts(books, setupHead, File("inserts.sql"));
            var shellBooks = File($"shell-{run}.db");
            System.IO.File.Copy(File("setup.db"), shellBooks);
            progress($"sqlite3 shell, run {run}");
            var shell = Exec(sqlite3, [shellBooks, ".read " + File("inserts.sql")]);
            if (shell.Code != 0) throw new InvalidOperationException($"sqlite3 failed ({shell.Code}): {shell.Err}");
            shells.Add(shell.Time);
            if (run == 1 && Sums(books) != Sums(shellBooks))
                throw new InvalidOperationException("the sqlite3 shell's books do not hold the month sums cledger's import wrote");
        }
        var importTime = imports.Min();
        results.Add($"cledger vouchers import ({count:N0} vouchers)", Seconds(importTime), note: $"runs {string.Join(", ", imports.Select(Seconds))}");
        if (sqlite3 is null)
            results.Add("sqlite3 shell", "skipped", note: "sqlite3 is not installed (apt-get install sqlite3)");
        else
        {
            var shellTime = shells.Min();
            results.Add("sqlite3 shell, same rows, one transaction", Seconds(shellTime), note: $"runs {string.Join(", ", shells.Select(Seconds))}; month sums compared equal");
            var ratio = importTime / shellTime;
            results.Add("import / sqlite3", $"{ratio:F2}x", $"<= {ImportRatioLimit:F0}x", ratio <= ImportRatioLimit);
        }

        // 2. verify, start-up included.
        var full = File("import-1.db");
        var entries = Entries(full);
        results.Section("2. verify, a fresh cledger process (start-up included)");
        progress($"cledger verify, {Runs} runs");
        var verifies = Enumerable.Range(0, Runs).Select(_ => Exec(cledger, ["--db", full, "verify", "--format", "json"])).ToList();
        if (verifies.FirstOrDefault(v => v.Code != 0) is { } failed) throw new InvalidOperationException($"verify failed ({failed.Code}): {failed.Out}{failed.Err}");
        var verifyTime = verifies.Min(v => v.Time);
        var rate = entries / verifyTime.TotalSeconds;
        results.Add($"verify {entries:N0} entries", $"{rate:N0} entries/s", $">= {VerifyRateLimit:N0}/s", rate >= VerifyRateLimit,
            note: $"best of {Runs}: {string.Join(", ", verifies.Select(v => Seconds(v.Time)))}");

        // 3. the year's trial balance against ledger-cli (and hledger) on the exported journal.
        results.Section("3. the year's trial balance, cledger vs ledger-cli on the same books exported as a journal");
        var journal = File("books.journal");
        var export = Exec(cledger, ["--db", full, "export", "hledger", "--out", journal]);
        if (export.Code != 0) throw new InvalidOperationException($"export failed: {export.Err}");
        // The two programs alternate, so that a machine getting busier or quieter meanwhile slows both alike.
        string[] trialBalanceArgs = ["--db", full, "report", "trial-balance", "--from", "2025-01", "--to", "2025-12", "--format", "json"];
        var ledger = Which("ledger");
        progress($"cledger report trial-balance{(ledger is null ? "" : " and ledger balance, alternating")}, {TrialBalanceRuns} runs");
        var trialBalances = new List<TimeSpan>();
        var ledgers = new List<TimeSpan>();
        for (var i = 0; i < TrialBalanceRuns; i++)
        {
            trialBalances.Add(Checked(cledger, trialBalanceArgs));
            if (ledger is not null) ledgers.Add(Checked(ledger, ["-f", journal, "balance"]));
        }
        var trialBalance = trialBalances.Min();
        results.Add("cledger report trial-balance --from 2025-01 --to 2025-12", Seconds(trialBalance), note: $"best of {TrialBalanceRuns}");
        if (ledger is not null)
        {
            var ledgerTime = ledgers.Min();
            var ratio = ledgerTime / trialBalance;
            results.Add("ledger -f books.journal balance", Seconds(ledgerTime), note: $"best of {TrialBalanceRuns}; {LedgerVersion(ledger)}");
            results.Add("ledger / cledger", $"{ratio:F1}x", $">= {LedgerRatioLimit:F0}x", ratio >= LedgerRatioLimit);
        }
        else results.Add("ledger-cli", "skipped", note: "ledger is not installed (apt-get install ledger)");
        if (Which("hledger") is { } hledger)
        {
            progress("hledger balance, once");
            var hledgerRun = Exec(hledger, ["-f", journal, "balance"]);
            if (hledgerRun.Code != 0) throw new InvalidOperationException($"hledger failed: {hledgerRun.Err}");
            results.Add("hledger -f books.journal balance", Seconds(hledgerRun.Time), note: $"one run; {hledgerRun.Time / trialBalance:F0}x cledger's time");
        }
        else results.Add("hledger", "skipped", note: "hledger is not installed (apt-get install hledger)");
        return results;
    }

    /// <summary>The cledger binary to run: the one given, or the one the README's install command publishes into <paramref name="directory"/>.</summary>
    internal static string Published(string directory, string? cledger, Action<string> progress)
    {
        if (cledger is null)
        {
            var output = Path.Combine(directory, "cledger-bin");
            progress($"publishing cledger: dotnet {string.Join(' ', PublishCommand)} {output}");
            var published = Exec("dotnet", [.. PublishCommand, output], RepositoryRoot());
            if (published.Code != 0) throw new InvalidOperationException("dotnet publish failed:\n" + published.Out + published.Err);
            cledger = Path.Combine(output, OperatingSystem.IsWindows() ? "cledger.exe" : "cledger");
        }
        progress($"cledger: {cledger}");
        return cledger;
    }

    /// <summary>
    /// The rows cledger's import added (audit_log, vouchers, voucher_lines, after the setup's head) as
    /// SQL for the sqlite3 shell, in one transaction, <see cref="RowsPerInsert"/> rows to an INSERT (one
    /// statement a row would have the shell compile the tables' triggers 300,000 times, six times
    /// slower: no baseline at all). The month and fund-day sums are the schema's triggers' work on both sides.
    /// </summary>
    private static void WriteInserts(string books, long setupHead, string path)
    {
        using var sql = new StreamWriter(path);
        sql.WriteLine("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
        sql.WriteLine("BEGIN IMMEDIATE;");
        using var connection = new SqliteConnection($"Data Source={books};Mode=ReadOnly;Pooling=False");
        connection.Open();
        foreach (var (table, key) in new[] { ("audit_log", "seq"), ("vouchers", "seq"), ("voucher_lines", "voucher_seq") })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} WHERE {key} > {setupHead.ToString(CultureInfo.InvariantCulture)} ORDER BY {key}";
            using var reader = command.ExecuteReader();
            var rows = 0;
            while (reader.Read())
            {
                sql.Write(rows++ % RowsPerInsert == 0 ? (rows == 1 ? "" : ";\n") + $"INSERT INTO {table} VALUES\n(" : ",\n(");
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (i > 0) sql.Write(',');
                    sql.Write(reader.GetValue(i) switch
                    {
                        DBNull => "NULL",
                        long n => n.ToString(CultureInfo.InvariantCulture),
                        string text => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
                        byte[] blob => "X'" + Convert.ToHexString(blob) + "'",
                        var other => throw new InvalidOperationException($"{table}: a {other.GetType().Name} value"),
                    });
                }
                sql.Write(')');
            }
            if (rows > 0) sql.WriteLine(";");
        }
        sql.WriteLine("COMMIT;");
    }

    private static string Sums(string books)
    {
        using var connection = new SqliteConnection($"Data Source={books};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT group_concat(x, ';') FROM (SELECT period || account || kind || fund || ':' || debit_fen || '/' || credit_fen AS x FROM account_turnover ORDER BY 1))
                || '|' || (SELECT count(*) FROM voucher_lines) || '|' || (SELECT count(*) FROM fund_days)
            """;
        return (string)command.ExecuteScalar()!;
    }

    private static long Entries(string books)
    {
        using var connection = new SqliteConnection($"Data Source={books};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM audit_log";
        return (long)command.ExecuteScalar()!;
    }

    private static string LedgerVersion(string ledger) => Exec(ledger, ["--version"]).Out.Split('\n')[0].Trim();

    internal sealed record Ran(int Code, string Out, string Err, TimeSpan Time);

    internal static TimeSpan Checked(string program, string[] args)
    {
        var run = Exec(program, args);
        return run.Code == 0 ? run.Time : throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({run.Code}): {run.Err}");
    }

    /// <summary>Runs a program to its end, its output read and kept; the time is from start to exit.</summary>
    internal static Ran Exec(string program, string[] args, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var time = clock.Elapsed;
        return new Ran(process.ExitCode, stdout.Result, stderr.Result, time);
    }

    internal static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(System.IO.File.Exists);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "CollectiveLedger.sln"))) return dir.FullName;
        throw new InvalidOperationException("the repository root (CollectiveLedger.sln) is not above " + AppContext.BaseDirectory + ": give --cledger PATH");
    }

    internal static string Seconds(TimeSpan t) => $"{t.TotalSeconds:F3} s";
}
