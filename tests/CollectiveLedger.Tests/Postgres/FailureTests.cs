using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CollectiveLedger.Storage.Engines;
using Dapper;
using Npgsql;

namespace CollectiveLedger.Tests.Postgres;

/// <summary>
/// Issue 16's "Failure" on PostgreSQL, with the real cledger as a process against a cluster of these tests'
/// own (<c>.ci/postgres start DIR</c> in a temporary folder, so that restarting it disturbs no other test):
/// the server restarted mid-import leaves the village's books as they were; a second writer of one village
/// waits its turn or says the books are busy, never forking the chain; two villages written at once do not
/// wait for each other; and books moved SQLite → PostgreSQL → SQLite keep their head.
/// </summary>
[NonParallelizable]
public class FailureTests
{
    private static string _dir = "";
    private static string _server = "";

    [OneTimeSetUp]
    public static void StartOwnCluster()
    {
        _dir = Path.Combine(Path.GetTempPath(), "cledger-pg-failure-" + Guid.NewGuid().ToString("N")[..8]);
        var (code, stdout, stderr) = TestPostgres.RunScript("start", _dir);
        Assert.That(code, Is.EqualTo(0), $".ci/postgres start {_dir}: {stderr}");
        // No pooled connections in this process: after a restart each command connects afresh, as a new cledger process does.
        _server = stdout + ";Pooling=false";
    }

    [OneTimeTearDown]
    public static void StopOwnCluster()
    {
        if (_dir.Length > 0) TestPostgres.RunScript("stop", _dir);
    }

    /// <summary><paramref name="count"/> balanced vouchers of 2025 with refs <paramref name="prefix"/>-N, one per line (JSON Lines).</summary>
    private static string Vouchers(string prefix, int count, int seed)
    {
        var random = new Random(seed);
        string[] debits = ["513", "112", "151", "10201"];
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var fen = random.NextInt64(1, 100_000_000);
            var money = string.Create(CultureInfo.InvariantCulture, $"{fen / 100}.{fen % 100:D2}");
            var date = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 365));
            text.Append(CultureInfo.InvariantCulture, $$"""{"ref":"{{prefix}}-{{i}}","date":"{{date:yyyy-MM-dd}}","summary":"随机凭证 {{i}}","lines":[{"account":"{{debits[random.Next(debits.Length)]}}","debit":"{{money}}"},{"account":"101","credit":"{{money}}"}]}""").Append('\n');
        }
        return text.ToString();
    }

    /// <summary>What must not change when a write fails: the entry count, the head hash and the year's trial balance.</summary>
    private static (long Count, string Hash, string TrialBalance) Books(TestLedger ledger)
    {
        var (count, hash) = ledger.Head();
        return (count, hash, ledger.Ok("report", "trial-balance", "--from", "2025-01", "--to", "2025-12", "--format", "json"));
    }

    private static JsonElement Verified(TestLedger ledger)
    {
        var (code, stdout, stderr) = ledger.Run("verify", "--format", "json");
        Assert.That(code, Is.EqualTo(0), stdout + stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    /// <summary>Waits until the import holds its village's write lock (a transaction-scoped advisory lock) or has had a transaction open for a second.</summary>
    private static void WaitForAWriter(Process writer)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            using (var connection = new NpgsqlConnection(_server))
            {
                connection.Open();
                // The village's advisory lock, or a transaction open for a second on another connection (opening the
                // books takes milliseconds): in this cluster of the tests' own, only the import is connected now.
                if (connection.ExecuteScalar<bool>("""
                        SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted)
                            OR EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend' AND xact_start < clock_timestamp() - interval '1 second')
                        """)) return;
            }
            if (writer.HasExited)
                Assert.Fail($"the import ended (exit {writer.ExitCode}) before it was seen writing: {writer.StandardOutput.ReadToEnd()}{writer.StandardError.ReadToEnd()}");
            Thread.Sleep(100);
        }
        Assert.Fail("the import never took the village's write lock");
    }

    private static (int Code, string Out, string Err) Finish(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Test]
    public void The_server_restarted_mid_import_leaves_the_books_as_before_and_the_same_import_then_succeeds()
    {
        using var ledger = TestLedger.WithBasics(TestLedger.OnPostgres(_server));
        ledger.Ok("vouchers", "import", ledger.WriteFile("first.jsonl", Vouchers("first", 30, seed: 1)));
        var before = Books(ledger);
        var big = ledger.WriteFile("big.jsonl", Vouchers("big", 8000, seed: 2));

        using var import = ledger.Start("vouchers", "import", big);
        WaitForAWriter(import);
        Thread.Sleep(500); // well inside the transaction: 8,000 vouchers take seconds
        var restart = TestPostgres.RunScript("restart", _dir);
        var (code, stdout, stderr) = Finish(import);

        Assert.That(restart.Code, Is.EqualTo(0), restart.Err);
        Assert.That(code, Is.EqualTo(2), stdout + stderr);
        Assert.That(stderr, Does.StartWith("数据库连接中断，本次操作未写入 the database connection was lost; nothing of this command was written"));
        Assert.That(stderr, Does.Not.Match(TestLedger.StackTraceLine));
        Assert.That(Books(ledger), Is.EqualTo(before), "entry count, head hash and trial balance as before the import");
        Verified(ledger);

        var again = ledger.RunProcess("vouchers", "import", big);
        Assert.That(again.Code, Is.EqualTo(0), again.Err);
        Assert.That(again.Out, Does.Contain("posted 8000 vouchers"));
        Assert.That(ledger.Head().Count, Is.EqualTo(before.Count + 8000));
        Verified(ledger);
    }

    [Test]
    public void Two_processes_importing_into_one_village_at_once_both_post_in_one_linear_chain()
    {
        using var ledger = TestLedger.WithBasics(TestLedger.OnPostgres(_server));
        var before = ledger.Head().Count;
        var files = new[] { ledger.WriteFile("a.jsonl", Vouchers("a", 800, seed: 3)), ledger.WriteFile("b.jsonl", Vouchers("b", 800, seed: 4)) };

        var processes = files.Select(f => ledger.Start("vouchers", "import", f)).ToList();
        var results = processes.Select(Finish).ToList();
        foreach (var p in processes) p.Dispose();

        foreach (var (code, stdout, stderr) in results)
        {
            Assert.That(code, Is.EqualTo(0), stdout + stderr);
            Assert.That(stdout, Does.Contain("posted 800 vouchers"));
        }
        var verified = Verified(ledger);
        Assert.That(verified.GetProperty("entries").GetInt64(), Is.EqualTo(before + 1600));
        using var connection = ledger.Connect();
        var chain = connection.Query<(long Seq, string Hash, byte[] Entry)>("SELECT seq, hash, entry FROM audit_log ORDER BY seq")
            .Select(e => (e.Seq, e.Hash, Prev: JsonDocument.Parse(e.Entry).RootElement.GetProperty("prev").GetString())).ToList();
        Assert.That(chain.Select(e => e.Seq), Is.EqualTo(Enumerable.Range(0, chain.Count).Select(i => (long)i)), "seq 0, 1, 2 ... without a gap");
        Assert.That(chain.Skip(1).Where((e, i) => e.Prev != chain[i].Hash), Is.Empty, "each entry's prev is the entry before it: one chain, no fork");
        var imports = connection.Query<string>("SELECT ref FROM vouchers WHERE ref LIKE 'a-%' OR ref LIKE 'b-%' ORDER BY seq").ToList();
        Assert.That(imports.Select(r => r[0]).Distinct().Count(), Is.EqualTo(2));
        Assert.That(imports.Zip(imports.Skip(1)).Count(p => p.First[0] != p.Second[0]), Is.EqualTo(1), "one import after the other, never interleaved");
    }

    /// <summary>Holds <paramref name="ledger"/>'s write lock in this process (a write transaction left open) until the returned action is called; nothing is written.</summary>
    private static Action HoldWriteLock(TestLedger ledger)
    {
        using var held = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var holder = Task.Run(() =>
        {
            using var store = ledger.Open();
            store.Write("holder", session =>
            {
                held.Set();
                release.Wait(TimeSpan.FromMinutes(3));
                session.Abandon();
                return 0;
            });
        });
        Assert.That(held.Wait(TimeSpan.FromMinutes(1)), Is.True, "the holder took the write lock");
        return () =>
        {
            release.Set();
            holder.Wait(TimeSpan.FromMinutes(1));
            release.Dispose();
        };
    }

    private static readonly Dictionary<string, string?> ShortWait = new() { [LockWait.Variable] = "2" };

    [Test]
    public void While_one_village_is_held_a_writer_of_another_village_goes_on_and_a_second_writer_of_the_first_says_busy()
    {
        using var a = TestLedger.WithBasics(TestLedger.OnPostgres(_server));
        using var b = TestLedger.WithBasics(TestLedger.OnPostgres(_server));
        var (fileA, fileB) = (a.WriteFile("a.jsonl", Vouchers("a", 50, seed: 5)), b.WriteFile("b.jsonl", Vouchers("b", 50, seed: 6)));
        var beforeA = Books(a);
        var beforeB = b.Head().Count;

        var release = HoldWriteLock(a);
        (int Code, string Out, string Err) busy, other;
        var waited = Stopwatch.StartNew();
        try
        {
            other = b.RunProcessWith(ShortWait, "vouchers", "import", fileB);
            busy = a.RunProcessWith(ShortWait, "vouchers", "import", fileA);
        }
        finally
        {
            release();
        }

        Assert.That(other.Code, Is.EqualTo(0), "village B is written while A's lock is held: " + other.Err);
        Assert.That(b.Head().Count, Is.EqualTo(beforeB + 50));
        Assert.That(busy.Code, Is.EqualTo(2), busy.Out + busy.Err);
        Assert.That(busy.Err, Does.StartWith("账套正忙：另一个写入者占用写锁超过 2 秒，本次操作未写入").And.Contain("the books are busy: another writer held the write lock for more than 2 s; nothing of this command was written"));
        Assert.That(busy.Err, Does.Not.Match(TestLedger.StackTraceLine));
        Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)), "a short wait, not the default 300 s");
        Assert.That(Books(a), Is.EqualTo(beforeA));

        var later = a.RunProcessWith(ShortWait, "vouchers", "import", fileA);
        Assert.That(later.Code, Is.EqualTo(0), later.Err);
        Assert.That(a.Head().Count, Is.EqualTo(beforeA.Count + 50));
        Verified(a);
        Verified(b);
    }

    [Test]
    public void On_sqlite_a_second_writer_held_past_the_lock_wait_says_busy_too()
    {
        using var ledger = TestLedger.WithBasics(TestLedger.OnSqlite());
        var file = ledger.WriteFile("v.jsonl", Vouchers("v", 10, seed: 7));
        var before = Books(ledger);

        var release = HoldWriteLock(ledger);
        (int Code, string Out, string Err) busy;
        try
        {
            busy = ledger.RunProcessWith(ShortWait, "vouchers", "import", file);
        }
        finally
        {
            release();
        }

        Assert.That(busy.Code, Is.EqualTo(2), busy.Out + busy.Err);
        Assert.That(busy.Err, Does.Contain("the books are busy: another writer held the write lock for more than 2 s"));
        Assert.That(busy.Err, Does.Not.Match(TestLedger.StackTraceLine));
        Assert.That(Books(ledger), Is.EqualTo(before));
    }

    [Test]
    public void A_bad_lock_wait_is_refused_clearly()
    {
        using var ledger = TestLedger.WithBasics(TestLedger.OnPostgres(_server));

        var (code, _, stderr) = ledger.RunProcessWith(new() { [LockWait.Variable] = "soon" }, "vouchers", "list");

        Assert.That(code, Is.EqualTo(2), stderr);
        Assert.That(stderr, Does.Contain("CLEDGER_LOCK_TIMEOUT=soon should be the seconds to wait for the write lock"));
    }

    [Test]
    public void The_sample_village_moved_sqlite_to_postgresql_to_sqlite_keeps_its_head_root_and_trial_balance()
    {
        using var source = TestLedger.OnSqlite();
        var demo = source.Run("demo", "--out", source.Dir, "--samples", TestLedger.Samples);
        Assert.That(demo.Code, Is.EqualTo(0), demo.Err);
        var first = Path.Combine(source.Dir, "from-sqlite.jsonl");
        source.Ok("log", "export", "--out", first);
        using var server = TestLedger.OnPostgres(_server);
        using var back = TestLedger.OnSqlite();

        var toServer = server.RunProcess("restore", "--from-log", first);
        Assert.That(toServer.Code, Is.EqualTo(0), toServer.Out + toServer.Err);
        var second = Path.Combine(server.Dir, "from-postgresql.jsonl");
        server.Ok("log", "export", "--out", second);
        var toFile = back.RunProcess("restore", "--from-log", second);
        Assert.That(toFile.Code, Is.EqualTo(0), toFile.Out + toFile.Err);

        string[] range = ["report", "trial-balance", "--from", "2025-01", "--to", "2026-06", "--format", "json"];
        var steps = new[] { source, server, back }.Select(l => (Report: Verified(l), TrialBalance: l.Ok(range))).ToList();
        var (origin, balances) = steps[0];
        Assert.That(origin.GetProperty("entries").GetInt64(), Is.GreaterThan(500), "the sample village's books");
        foreach (var (report, trialBalance) in steps.Skip(1))
        {
            Assert.That(report.GetProperty("entries").GetInt64(), Is.EqualTo(origin.GetProperty("entries").GetInt64()));
            Assert.That(report.GetProperty("head").GetRawText(), Is.EqualTo(origin.GetProperty("head").GetRawText()));
            Assert.That(report.GetProperty("root").GetString(), Is.EqualTo(origin.GetProperty("root").GetString()));
            Assert.That(trialBalance, Is.EqualTo(balances));
        }
        Assert.That(toServer.Out + toFile.Out, Does.Contain(origin.GetProperty("head").GetProperty("hash").GetString()));
        Assert.That(File.ReadAllBytes(second), Is.EqualTo(File.ReadAllBytes(first)), "the log exported from PostgreSQL is the very file exported from SQLite");
    }

    [Test]
    public void Backup_of_a_village_is_its_pg_dump_verified_in_a_scratch_database_that_loads_into_another_database_with_the_same_head()
    {
        using var ledger = TestLedger.WithBasics(TestLedger.OnPostgres(_server));
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.jsonl", Vouchers("v", 40, seed: 8)));
        var head = Verified(ledger).GetProperty("head").GetProperty("hash").GetString()!;
        var dump = Path.Combine(ledger.Dir, "village.sql");

        var (code, stdout, stderr) = ledger.RunProcess("backup", "--out", dump);

        Assert.That(code, Is.EqualTo(0), stdout + stderr);
        Assert.That(stdout, Does.Contain("backed up to " + dump + " and verified").And.Contain(head));
        Assert.That(File.ReadAllText(dump), Does.Contain($"CREATE SCHEMA village_{ledger.Village}"));
        if (!OperatingSystem.IsWindows())
            Assert.That(File.GetUnixFileMode(dump), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "the books hold personal numbers");
        Assert.That(Directory.GetFiles(ledger.Dir, "village.sql.tmp-*"), Is.Empty);
        using (var connection = new NpgsqlConnection(_server))
        {
            connection.Open();
            Assert.That(connection.ExecuteScalar<long>("SELECT count(*) FROM pg_database WHERE datname LIKE 'cledger_scratch_%'"), Is.Zero, "the scratch database is gone");
            connection.Execute("CREATE DATABASE moved_here");
        }
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(_server);
            var psql = new ProcessStartInfo("psql") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in (string[])["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture),
                         "-U", builder.Username!, "-d", "moved_here", "-f", dump])
                psql.ArgumentList.Add(arg);
            var loaded = Finish(Process.Start(psql)!);
            Assert.That(loaded.Code, Is.EqualTo(0), loaded.Err);
            var moved = new NpgsqlConnectionStringBuilder(_server) { Database = "moved_here" }.ConnectionString;
            using var verifyOut = new StringWriter();
            using var verifyErr = new StringWriter();
            var verified = CollectiveLedger.Cli.Program.Run(["--db", moved, "--village", ledger.Village!, "--lang", "en", "verify", "--format", "json"],
                verifyOut, verifyErr, TestClock.Fixed);
            Assert.That(verified, Is.EqualTo(0), verifyOut + verifyErr.ToString());
            Assert.That(JsonDocument.Parse(verifyOut.ToString()).RootElement.GetProperty("head").GetProperty("hash").GetString(), Is.EqualTo(head));
        }
        finally
        {
            using var connection = new NpgsqlConnection(_server);
            connection.Open();
            connection.Execute("DROP DATABASE moved_here WITH (FORCE)");
        }
    }
}
