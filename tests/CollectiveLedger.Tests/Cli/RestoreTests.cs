using System.Text;
using System.Text.Json;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// `cledger restore --from-log` (issue 16, moving books): the sample village's exported log rebuilt into new
/// books with the same head, and every log that cannot give the same books refused with nothing written.
/// </summary>
[Category(TestLedger.SqliteOnly)] // restore within SQLite files, compared with ATTACH; the move between the engines has its own tests
public class RestoreTests
{
    private static TestLedger _demo = null!;
    private static string _log = "", _public = "";

    [OneTimeSetUp]
    public static void BuildDemo()
    {
        _demo = TestLedger.OnSqlite();
        var (code, _, err) = _demo.Run("demo", "--out", _demo.Dir, "--samples", TestLedger.Samples);
        Assert.That(code, Is.EqualTo(0), err);
        (_log, _public) = (Path.Combine(_demo.Dir, "restore-full.jsonl"), Path.Combine(_demo.Dir, "restore-public.jsonl"));
        _demo.Ok("log", "export", "--out", _log);
        _demo.Ok("log", "export", "--public", "--out", _public);
    }

    [OneTimeTearDown]
    public static void Remove() => _demo.Dispose();

    private static JsonElement Verified(TestLedger ledger)
    {
        var (code, stdout, stderr) = ledger.Run("verify", "--format", "json");
        Assert.That(code, Is.EqualTo(0), stdout + stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    /// <summary>Each table of the books (the log and every projection) with the number of rows one file has and the other lacks.</summary>
    private static List<string> DifferingRows(TestLedger a, TestLedger b)
    {
        using var c = a.Connect();
        using (var attach = c.CreateCommand())
        {
            attach.CommandText = "ATTACH DATABASE $path AS other";
            attach.Parameters.AddWithValue("$path", b.Db);
            attach.ExecuteNonQuery();
        }
        var differing = new List<string>();
        foreach (var table in CollectiveLedger.Storage.Table.All.Select(t => t.Name).Append("audit_log"))
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT (SELECT count(*) FROM (SELECT * FROM main.{table} EXCEPT SELECT * FROM other.{table})) " +
                              $"+ (SELECT count(*) FROM (SELECT * FROM other.{table} EXCEPT SELECT * FROM main.{table})), (SELECT count(*) FROM main.{table})";
            using var r = cmd.ExecuteReader();
            r.Read();
            if (r.GetInt64(0) > 0) differing.Add($"{table}: {r.GetInt64(0)} of {r.GetInt64(1)} rows differ");
        }
        return differing;
    }

    /// <summary>The log with line <paramref name="line"/> (1-based) replaced by what <paramref name="change"/> makes of it.</summary>
    private static string Tampered(TestLedger target, int line, Func<string, string> change)
    {
        var lines = File.ReadAllText(_log, Encoding.UTF8).Split('\n');
        lines[line - 1] = change(lines[line - 1]);
        return target.WriteFile("tampered.jsonl", string.Join('\n', lines));
    }

    /// <summary>The first line (1-based) of the sample's log that posts a voucher after <paramref name="after"/>.</summary>
    private static int VoucherLine(int after) =>
        File.ReadAllText(_log, Encoding.UTF8).Split('\n').Select((text, i) => (text, Line: i + 1))
            .First(l => l.Line > after && l.text.Contains("\"kind\":\"voucher.posted\"", StringComparison.Ordinal)).Line;

    [Test]
    public void The_sample_village_restored_from_its_log_by_the_cledger_process_has_the_same_head_and_root_and_verifies_clean()
    {
        using var target = new TestLedger();

        var (code, stdout, stderr) = target.RunProcess("restore", "--from-log", _log);

        Assert.That(code, Is.EqualTo(0), stdout + stderr);
        var (original, restored) = (Verified(_demo), Verified(target));
        Assert.That(restored.GetProperty("entries").GetInt64(), Is.EqualTo(original.GetProperty("entries").GetInt64()).And.GreaterThan(500), "the sample village: about 400 vouchers and their registers");
        Assert.That(restored.GetProperty("head").GetRawText(), Is.EqualTo(original.GetProperty("head").GetRawText()));
        Assert.That(restored.GetProperty("root").GetString(), Is.EqualTo(original.GetProperty("root").GetString()));
        Assert.That(stdout, Does.Contain(original.GetProperty("head").GetProperty("hash").GetString()));
        Assert.That(target.Ok("report", "trial-balance", "--from", "2025-01", "--to", "2026-06", "--format", "json"),
            Is.EqualTo(_demo.Ok("report", "trial-balance", "--from", "2025-01", "--to", "2026-06", "--format", "json")));
        Assert.That(DifferingRows(_demo, target), Is.Empty, "every table of the books holds the same rows");
        Assert.That(stdout, Does.Contain("credentials").And.Contain("witness_cosignatures"), "the tables outside the books are named");
        Assert.That(stdout, Does.Contain("ledger.db.key"), "the sample registers the organization's key: copy its file");
    }

    [Test]
    public void Restored_books_are_ordinary_books_that_take_more_vouchers_and_go_on_verifying()
    {
        using var target = new TestLedger();
        target.Ok("restore", "--from-log", _log);
        var before = Verified(target).GetProperty("head").GetProperty("seq").GetInt64();

        target.Ok("vouchers", "import", target.WriteFile("more.json", """
            [{"ref":"after-restore","date":"2026-06-15","summary":"办公用品","attachments":1,"lines":[{"account":"51302","debit":"12.00"},{"account":"101","credit":"12.00"}]}]
            """));

        var after = Verified(target);
        Assert.That(after.GetProperty("head").GetProperty("seq").GetInt64(), Is.EqualTo(before + 1));
        Assert.That(target.Ok("vouchers", "list", "--period", "2026-06"), Does.Contain("办公用品"));
    }

    [Test]
    public void A_log_with_a_changed_line_is_refused_naming_that_line_and_leaves_no_target()
    {
        using var target = new TestLedger();
        var line = VoucherLine(after: 200);
        var log = Tampered(target, line, text => text.Replace("\"actor\":\"", "\"actor\":\"X", StringComparison.Ordinal));

        var (code, stdout, stderr) = target.RunProcess("restore", "--from-log", log);

        Assert.That(code, Is.EqualTo(1), stdout + stderr);
        Assert.That(stderr, Does.Contain($"line {line + 1}: ").And.Contain($"line {line} was changed"));
        Assert.That(stderr, Does.Not.Match(TestLedger.StackTraceLine));
        Assert.That(File.Exists(target.Db), Is.False);
    }

    [Test]
    public void A_log_with_a_line_that_is_not_an_entry_is_refused_naming_that_line_and_leaves_no_target()
    {
        using var target = new TestLedger();
        var line = VoucherLine(after: 500);
        var log = Tampered(target, line, text => text[..(text.Length / 2)]);

        var (code, _, stderr) = target.Run("restore", "--from-log", log);

        Assert.That(code, Is.EqualTo(1), stderr);
        Assert.That(stderr, Does.Contain($"line {line}: the entry cannot be read"));
        Assert.That(Directory.GetFiles(target.Dir).Select(Path.GetFileName), Is.EquivalentTo(new[] { "tampered.jsonl" }));
    }

    [Test]
    public void A_log_re_chained_around_an_entry_the_books_refuse_is_refused_naming_its_line_and_leaves_no_target()
    {
        using var source = TestLedger.WithBasics();
        var log = Path.Combine(source.Dir, "log.jsonl");
        source.Ok("log", "export", "--out", log);
        var lines = File.ReadAllText(log, Encoding.UTF8).TrimEnd('\n').Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("\"code\":\"50101\"", StringComparison.Ordinal)) + 1;
        lines[line - 1] = lines[line - 1].Replace("\"code\":\"50101\"", "\"code\":\"10201\"", StringComparison.Ordinal);
        using var target = new TestLedger();
        var forged = target.WriteFile("forged.jsonl", TestLedger.Rechained(lines, from: line - 1));

        var (code, _, stderr) = target.Run("restore", "--from-log", forged);

        Assert.That(code, Is.EqualTo(1), stderr);
        Assert.That(stderr, Does.Contain($"line {line}: entry {line - 1} cannot be stored"));
        Assert.That(stderr, Does.Not.Match(TestLedger.StackTraceLine));
        Assert.That(Directory.GetFiles(target.Dir).Select(Path.GetFileName), Is.EquivalentTo(new[] { "forged.jsonl" }), "no books, no -wal or -shm");
    }

    [Test]
    public void Books_restored_from_a_log_re_chained_around_a_rule_only_verify_checks_are_removed_and_the_problem_shown()
    {
        using var source = TestLedger.WithBasics();
        source.Ok("period", "close", "2025-01");
        var log = Path.Combine(source.Dir, "log.jsonl");
        source.Ok("log", "export", "--out", log);
        var lines = File.ReadAllText(log, Encoding.UTF8).TrimEnd('\n').Split('\n');
        var closed = Array.FindIndex(lines, l => l.Contains("\"kind\":\"period.closed\"", StringComparison.Ordinal));
        var at = lines[closed].IndexOf("\"balances_sha256\":\"", StringComparison.Ordinal) + 19;
        lines[closed] = lines[closed][..at] + (lines[closed][at] == '0' ? '1' : '0') + lines[closed][(at + 1)..];
        using var target = new TestLedger();
        var forged = target.WriteFile("forged.jsonl", TestLedger.Rechained(lines, from: closed));

        var (code, stdout, stderr) = target.Run("restore", "--from-log", forged);

        Assert.That(code, Is.EqualTo(1), stdout + stderr);
        Assert.That(stderr, Does.Contain("the restored books do not verify and were removed"));
        Assert.That(stderr, Does.Contain($"seq {closed}: period.closed holds values its rule would not have written"));
        Assert.That(Directory.GetFiles(target.Dir).Select(Path.GetFileName), Is.EquivalentTo(new[] { "forged.jsonl" }), "no books, no -wal or -shm");
    }

    [Test]
    public void An_existing_target_is_refused_and_left_as_it_was()
    {
        using var target = TestLedger.WithBasics();
        var head = target.Head();

        var (code, _, stderr) = target.Run("restore", "--from-log", _log);

        Assert.That(code, Is.EqualTo(2), stderr);
        Assert.That(stderr, Does.Contain("already exists and is not overwritten"));
        Assert.That(target.Head(), Is.EqualTo(head));
    }

    [Test]
    public void A_public_log_is_refused_because_its_stubs_cannot_be_replayed()
    {
        using var target = new TestLedger();

        var (code, _, stderr) = target.Run("restore", "--from-log", _public);

        Assert.That(code, Is.EqualTo(2), stderr);
        Assert.That(stderr, Does.Contain("is a public log").And.Contain("stubs cannot be replayed"));
        Assert.That(File.Exists(target.Db), Is.False);
    }

    [Test]
    public void Backup_copies_the_books_and_the_signing_key_and_refuses_an_existing_file()
    {
        var copy = Path.Combine(_demo.Dir, "backup.db");

        var (code, stdout, stderr) = _demo.RunProcess("backup", "--out", copy);

        Assert.That(code, Is.EqualTo(0), stdout + stderr);
        Assert.That(stdout, Does.Contain(Verified(_demo).GetProperty("head").GetProperty("hash").GetString()));
        Assert.That(File.ReadAllBytes(copy + ".key"), Is.EqualTo(File.ReadAllBytes(_demo.Db + ".key")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(copy + ".key"), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "the key stays owner-only");
            Assert.That(File.GetUnixFileMode(copy), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "the books hold personal numbers");
        }
        var written = File.GetLastWriteTimeUtc(copy);
        var again = _demo.Run("backup", "--out", copy);
        Assert.That(again.Code, Is.EqualTo(2), again.Err);
        Assert.That(again.Err, Does.Contain("already exists and is not overwritten"));
        Assert.That(File.GetLastWriteTimeUtc(copy), Is.EqualTo(written));
        Assert.That(Directory.GetFiles(_demo.Dir, "backup.db.tmp-*"), Is.Empty);
    }
}
