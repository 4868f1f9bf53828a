using System.Diagnostics;
using CollectiveLedger.Cli;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CollectiveLedger.Tests;

/// <summary>
/// A ledger in a fresh temporary folder, driven through the real command line in-process. The books are
/// a SQLite file there, or, when <c>CLEDGER_TEST_POSTGRES</c> holds a PostgreSQL connection string (CI's
/// second pass, <c>.ci/postgres</c>), a fresh village of that database: the same tests, the other engine.
/// </summary>
public sealed class TestLedger : IDisposable
{
    /// <summary>
    /// The category of tests about what only a SQLite file has (the file itself, its PRAGMAs, its old schema
    /// versions, its backup API): CI's PostgreSQL pass leaves them out (<c>--filter TestCategory!=SqliteOnly</c>).
    /// </summary>
    public const string SqliteOnly = "SqliteOnly";

    /// <summary>The PostgreSQL database the tests run against, or null for SQLite files.</summary>
    public static string? Postgres { get; } = Environment.GetEnvironmentVariable("CLEDGER_TEST_POSTGRES") is { Length: > 0 } p ? p : null;

    /// <summary>Where the villages' organization keys go on PostgreSQL ($CLEDGER_KEYS): a folder of the run, not the current one.</summary>
    private static string? _keysFolder = Postgres is null ? null : KeysOfTheRun();

    /// <summary>Made at the start of a PostgreSQL run, or by the first <see cref="OnPostgres"/> ledger of a SQLite run.</summary>
    private static string KeysFolder => _keysFolder ??= KeysOfTheRun();

    private static string KeysOfTheRun()
    {
        var folder = Directory.CreateTempSubdirectory("cledger-test-keys-").FullName;
        Environment.SetEnvironmentVariable("CLEDGER_KEYS", folder); // inherited by the cledger processes the tests start
        return folder;
    }

    /// <summary>The organization's key file of these books: beside the SQLite file, or the village's in $CLEDGER_KEYS.</summary>
    public string KeyFile => Village is null ? Db + ".key" : Path.Combine(KeysFolder, $"village-{Village}.key");

    public string Dir { get; } = Directory.CreateTempSubdirectory("cledger-test-").FullName;

    private readonly string? _postgres;

    /// <summary>What <c>--db</c> says: the SQLite file, or the PostgreSQL connection string.</summary>
    public string Db => Village is null ? Path.Combine(Dir, "ledger.db") : _postgres!;

    /// <summary>This ledger's village in the PostgreSQL database; null on SQLite.</summary>
    public string? Village { get; }

    public TestLedger() : this(sqlite: Postgres is null)
    {
    }

    private TestLedger(bool sqlite) : this(sqlite ? null : Postgres)
    {
    }

    private TestLedger(string? postgres)
    {
        _postgres = postgres;
        Village = postgres is null ? null : "t" + Guid.NewGuid().ToString("N")[..16];
    }

    /// <summary>Books in a SQLite file whatever engine the run tests (the PostgreSQL schema's tests compare against them).</summary>
    public static TestLedger OnSqlite() => new(sqlite: true);

    /// <summary>A fresh village of the PostgreSQL database <paramref name="connectionString"/>, whatever engine the run tests (a cluster of a test's own).</summary>
    public static TestLedger OnPostgres(string connectionString)
    {
        _ = KeysFolder; // a village's organization key goes to the run's folder, not the current one
        return new(postgres: connectionString);
    }

    /// <summary>The words that name these books on a command line: <c>--db</c>, and <c>--village</c> on PostgreSQL.</summary>
    public string[] DbArgs => Village is null ? ["--db", Db] : ["--db", Db, "--village", Village];

    /// <summary>Whether books were made: the file, or the village's schema.</summary>
    public bool HasBooks
    {
        get
        {
            if (Village is null) return File.Exists(Db);
            using var c = Connect();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT count(*) FROM pg_namespace WHERE nspname = '{SchemaName}'";
            return (long)cmd.ExecuteScalar()! > 0;
        }
    }

    /// <summary>The books, opened as the program opens them.</summary>
    public CollectiveLedger.Storage.LedgerStore Open(TimeProvider? clock = null) =>
        CollectiveLedger.Storage.LedgerStore.Open(Db, clock ?? TestClock.Fixed, Village);

    public static string Samples => Path.Combine(RepoRoot, "samples", "gacha");

    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "CollectiveLedger.sln"))) return dir.FullName;
            throw new InvalidOperationException("repository root not found");
        }
    }

    /// <summary>
    /// A ledger starting 2025-01 with a few sub-accounts, a fund and a member; made <c>init --no-key</c>, so
    /// that no organization's signing key is made whatever CLEDGER_PASSPHRASE holds (OrganizationKeyTests make one).
    /// </summary>
    /// <param name="attachmentsRequired">
    /// Whether the 原始凭证 rule (vouchers.attachments_required, issue 13) is on. The fixtures written
    /// before it hold cash vouchers without attachments, so by default they run as books made to take in
    /// historic vouchers do (<c>init --attachments-required false</c>); the rule has its own tests
    /// (AttachmentRuleTests), and the sample village runs with it on.
    /// </param>
    /// <param name="org">The organization's name (several villages side by side in the township views tell theirs apart).</param>
    /// <param name="start">The books' first month.</param>
    public static TestLedger WithBasics(bool attachmentsRequired = false, string org = "测试嘎查股份经济合作社", string start = "2025-01") =>
        WithBasics(new TestLedger(), attachmentsRequired, org, start);

    /// <summary>The books of <see cref="WithBasics(bool, string, string)"/> in <paramref name="ledger"/>.</summary>
    public static TestLedger WithBasics(TestLedger ledger, bool attachmentsRequired = false, string org = "测试嘎查股份经济合作社", string start = "2025-01")
    {
        ledger.Ok("init", "--org", org, "--org-code", "N2TEST", "--start", start,
            "--attachments-required", attachmentsRequired ? "true" : "false", "--no-key");
        ledger.Ok("accounts", "add", "10201", "信用社基本户", "--parent", "102");
        ledger.Ok("accounts", "add", "50101", "草场承包费", "--parent", "501");
        ledger.Ok("funds", "add", "F01", "衔接资金");
        ledger.Ok("members", "add", "M001", "巴特尔");
        return ledger;
    }

    /// <summary>
    /// The sample village's books as <c>cledger demo</c> makes them, with its files in <see cref="Dir"/>. The demo
    /// writes a SQLite file; on PostgreSQL its books are then moved into this ledger's village by their log, as
    /// any village moves (<c>log export</c>, <c>restore --from-log</c>), with the organization's key.
    /// </summary>
    public static TestLedger Demo()
    {
        var ledger = new TestLedger();
        var (code, _, err) = ledger.Run("demo", "--out", ledger.Dir, "--samples", Samples);
        Assert.That(code, Is.EqualTo(0), err);
        if (ledger.Village is null) return ledger;
        var file = Path.Combine(ledger.Dir, "ledger.db");
        var log = Path.Combine(ledger.Dir, "demo-log.jsonl");
        using (var stdout = new StringWriter())
        using (var stderr = new StringWriter())
            Assert.That(Program.Run(["--db", file, "--lang", "en", "log", "export", "--out", log], stdout, stderr, TestClock.Fixed), Is.EqualTo(0), stderr.ToString());
        ledger.Ok("restore", "--from-log", log);
        File.Copy(file + ".key", ledger.KeyFile);
        return ledger;
    }

    /// <summary>What a forger does to a log file: every line from <paramref name="from"/> (0-based) given the prev of the line before as it now hashes.</summary>
    public static string Rechained(string[] lines, int from)
    {
        var prev = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(lines[from - 1])));
        for (var i = from; i < lines.Length; i++)
        {
            var at = lines[i].IndexOf("\"prev\":\"", StringComparison.Ordinal) + 8;
            lines[i] = lines[i][..at] + prev + lines[i][(at + 64)..];
            prev = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(lines[i])));
        }
        return string.Join('\n', lines) + "\n";
    }

    public (int Code, string Out, string Err) Run(params string[] args) => RunAs("tester", args);

    /// <summary>Runs a command as <paramref name="actor"/> (the person taking an approval step).</summary>
    public (int Code, string Out, string Err) RunAs(string actor, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run([.. DbArgs, "--actor", actor, "--lang", "en", .. args], stdout, stderr, TestClock.Fixed);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public string Ok(params string[] args) => OkAs("tester", args);

    public string OkAs(string actor, params string[] args)
    {
        var (code, stdout, stderr) = RunAs(actor, args);
        Assert.That(code, Is.EqualTo(0), $"cledger {string.Join(' ', args)} as {actor} failed: {stderr}");
        return stdout;
    }

    /// <summary>
    /// Sets <paramref name="settings"/> as an administrator setting up the books does: directly while
    /// nobody could consent, and a change of who approves or supervises, once a committee chair or
    /// supervisor exists, requested by the tester and approved by one of them (RoleChangeRules).
    /// </summary>
    public void Set(params (string Key, string Value)[] settings)
    {
        foreach (var (key, value) in settings)
        {
            Ok("settings", "set", key, value);
            using var store = Open();
            var state = store.LoadState();
            if (state.RoleChangeRequest(key) is null) continue;
            var approver = CollectiveLedger.Core.Approval.RoleChangeRules.Approvers
                .SelectMany(r => CollectiveLedger.Core.Approval.ApprovalPolicy.Holders(state, r)).First(p => p != "tester");
            OkAs(approver, "settings", "set", key, value, "--approve");
        }
    }

    /// <summary>The setting <paramref name="key"/> in force ("" while never set).</summary>
    public string Setting(string key)
    {
        using var store = Open();
        return store.LoadState().Setting(key) ?? "";
    }

    /// <summary>A line of a .NET stack trace ("   at Namespace.Type.Method("), which no user error may print.</summary>
    public const string StackTraceLine = @"(?m)^\s+at [\w.`<>+\[\],]+\(";

    /// <summary>The supervision committee member who reviews notices in tests (role.supervisor, set by <see cref="PublishNotice"/>).</summary>
    public const string Supervisor = "监督员";

    /// <summary>
    /// Publishes a month, quarter or year notice as the board gets it: prepared by the tester,
    /// reviewed by <paramref name="reviewer"/> (by default <see cref="Supervisor"/>, made role.supervisor
    /// if nobody holds it), then published as <paramref name="outs"/> (one file per format).
    /// <paramref name="scope"/> is e.g. ["--period", "2025-03"], with "--sign KEY" if wanted; without
    /// one, the notice is prepared --unsigned (publishing signs with the organization's key by default,
    /// which the tests of signing create on purpose).
    /// </summary>
    /// <returns>The notice's number.</returns>
    public int PublishNotice(string[] scope, string date, string[] outs, string reviewer = Supervisor)
    {
        if (Setting("role.supervisor") == "") Set(("role.supervisor", reviewer));
        var prepared = Ok(["notices", "prepare", .. scope, .. scope.Contains("--sign") ? Array.Empty<string>() : ["--unsigned"], "--date", date]);
        var number = System.Text.RegularExpressions.Regex.Match(prepared, @"prepared notice #(\d+)").Groups[1].Value;
        OkAs(reviewer, "notices", "review", number);
        Ok(["notices", "publish", number, .. outs.SelectMany(o => new[] { "--out", o })]);
        return int.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
    }

    public string WriteFile(string name, string content, System.Text.Encoding? encoding = null)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, content, encoding ?? new System.Text.UTF8Encoding(false));
        return path;
    }

    /// <summary>The head of the log as (count, hash), read straight from the file.</summary>
    public (long Count, string Hash) Head()
    {
        using var c = Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*), (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) FROM audit_log";
        using var r = cmd.ExecuteReader();
        r.Read();
        return (r.GetInt64(0), r.GetString(1));
    }

    /// <summary>A raw connection, as someone editing the books behind the program's back would have (on PostgreSQL, in the village's schema).</summary>
    public DbConnection Connect()
    {
        if (Village is null)
        {
            var c = new SqliteConnection($"Data Source={Db};Pooling=False");
            c.Open();
            return c;
        }
        var pg = new Npgsql.NpgsqlConnection(_postgres);
        pg.Open();
        using var path = pg.CreateCommand();
        path.CommandText = $"SET search_path TO {SchemaName}";
        path.ExecuteNonQuery();
        return pg;
    }

    private string SchemaName => "village_" + Village!.ToLowerInvariant();

    /// <summary>
    /// Runs a forger's SQL on the books. Written as for SQLite; on PostgreSQL, <c>DROP TRIGGER name</c>
    /// names the trigger's table, as PostgreSQL wants (found in pg_trigger), and the few SQLite spellings
    /// the tests use become PostgreSQL's (<see cref="ForPostgres"/>).
    /// </summary>
    public void Sql(string sql)
    {
        using var c = Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = Spoken(c, sql);
        cmd.ExecuteNonQuery();
    }

    /// <summary><paramref name="sql"/> as this engine speaks it (<see cref="Sql"/>), for a command of the tests' own on <see cref="Connect"/>.</summary>
    public string Spoken(DbConnection c, string sql) => Village is null ? sql : ForPostgres(c, sql);

    private static string ForPostgres(DbConnection c, string sql)
    {
        sql = System.Text.RegularExpressions.Regex.Replace(sql, @"DROP TRIGGER (IF EXISTS )?(\w+)", m =>
        {
            using var find = c.CreateCommand();
            find.CommandText = "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid " +
                $"WHERE t.tgname = '{m.Groups[2].Value}' AND c.relnamespace = current_schema()::regnamespace";
            return find.ExecuteScalar() is string table ? $"DROP TRIGGER {m.Groups[2].Value} ON {table}" : "SELECT 1";
        });
        // What a forger does to switch the foreign keys off: PostgreSQL's replica role, which skips them (and the triggers left).
        sql = sql.Replace("PRAGMA foreign_keys = OFF;", "SET session_replication_role = replica;", StringComparison.Ordinal);
        sql = System.Text.RegularExpressions.Regex.Replace(sql, @"CAST\((\w+) AS TEXT\)", "convert_from($1, 'UTF8')");
        sql = System.Text.RegularExpressions.Regex.Replace(sql, @"CAST\(('[^']*'|\w+\([^()]*(?:\([^()]*\)[^()]*)*\)) AS BLOB\)", "convert_to($1, 'UTF8')");
        sql = System.Text.RegularExpressions.Regex.Replace(sql, @"X'([0-9A-Fa-f]*)'", @"'\x$1'::bytea");
        sql = System.Text.RegularExpressions.Regex.Replace(sql, @"json_set\((\w+), '\$\.(\w+)', (-?\d+)\)", "jsonb_set($1::jsonb, '{$2}', '$3')::text");
        return sql.Replace("printf('%064d', 7)", "lpad('7', 64, '0')", StringComparison.Ordinal);
    }

    /// <summary>Starts the real cledger executable as a separate process.</summary>
    public Process Start(params string[] args) => StartWith([], args);

    /// <summary>Starts cledger with <paramref name="environment"/> changed: a null value removes the variable.</summary>
    public Process StartWith(Dictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cledger.dll"));
        foreach (var a in (string[])[.. DbArgs, "--lang", "en", .. args]) info.ArgumentList.Add(a);
        TestClock.Set(info);
        foreach (var (name, value) in environment)
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        return Process.Start(info)!;
    }

    public (int Code, string Out, string Err) RunProcess(params string[] args) => RunProcessWith([], args);

    public (int Code, string Out, string Err) RunProcessWith(Dictionary<string, string?> environment, params string[] args)
    {
        using var p = StartWith(environment, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Village is not null)
        {
            using var c = new Npgsql.NpgsqlConnection(_postgres);
            c.Open();
            using var drop = c.CreateCommand();
            drop.CommandText = $"DROP SCHEMA IF EXISTS {SchemaName} CASCADE; DELETE FROM public.cledger_villages WHERE code = '{Village}'";
            try { drop.ExecuteNonQuery(); } catch (Npgsql.PostgresException e) when (e.SqlState == "42P01") { } // no village was ever made
        }
        if (Village is not null) File.Delete(KeyFile);
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}
