using System.Text.Json;

namespace CollectiveLedger.Tests.Cli;

/// <summary>`cledger backup` (issue 16): an online copy of books another writer is changing, verified before it is kept.</summary>
[Category(TestLedger.SqliteOnly)] // SQLite's online backup API; PostgreSQL books are copied with pg_dump
public class BackupTests
{
    private const string Voucher = """
        [{"date":"2025-03-05","summary":"草场承包费","lines":[{"account":"10201","debit":"5.00"},{"account":"50101","credit":"5.00"}]}]
        """;

    [Test]
    public void A_backup_taken_by_the_cledger_process_while_another_connection_writes_verifies_and_is_a_prefix_of_the_books()
    {
        using var ledger = TestLedger.WithBasics();
        var file = ledger.WriteFile("v.json", Voucher);
        var copy = Path.Combine(ledger.Dir, "copy.db");
        using var stop = new CancellationTokenSource();
        var imports = 0;
        var writer = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                ledger.Ok("vouchers", "import", file);
                Interlocked.Increment(ref imports);
            }
        });
        while (Volatile.Read(ref imports) < 3) Thread.Sleep(10);
        var startedAt = ledger.Head().Count;

        var (code, stdout, stderr) = ledger.RunProcess("backup", "--out", copy);
        var importsDuringBackup = Volatile.Read(ref imports);
        stop.Cancel();
        writer.Wait();

        Assert.That(code, Is.EqualTo(0), stdout + stderr);
        using var backup = new TestLedger();
        File.Copy(copy, backup.Db);
        var verified = JsonDocument.Parse(backup.Ok("verify", "--format", "json")).RootElement;
        var head = verified.GetProperty("head");
        Assert.That(verified.GetProperty("entries").GetInt64(), Is.GreaterThanOrEqualTo(startedAt));
        Assert.That(ledger.Head().Count, Is.GreaterThan(verified.GetProperty("entries").GetInt64()), "the writer went on after the copy");
        Assert.That(importsDuringBackup, Is.GreaterThan(3));
        Assert.That(stdout, Does.Contain(head.GetProperty("hash").GetString()));
        Assert.That(HashOf(ledger, head.GetProperty("seq").GetInt64()), Is.EqualTo(head.GetProperty("hash").GetString()), "the copy is the books as they were at its head");
    }

    [Test]
    public void Backup_refuses_an_existing_file_and_leaves_it_as_it_was()
    {
        using var ledger = TestLedger.WithBasics();
        var existing = ledger.WriteFile("copy.db", "not to be overwritten");

        var (code, _, stderr) = ledger.Run("backup", "--out", existing);

        Assert.That(code, Is.EqualTo(2), stderr);
        Assert.That(stderr, Does.Contain("already exists and is not overwritten"));
        Assert.That(File.ReadAllText(existing), Is.EqualTo("not to be overwritten"));
        Assert.That(Directory.GetFiles(ledger.Dir, "copy.db.tmp-*"), Is.Empty);
    }

    private static string HashOf(TestLedger ledger, long seq)
    {
        using var c = ledger.Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT hash FROM audit_log WHERE seq = @seq";
        cmd.Parameters.AddWithValue("@seq", seq);
        return (string)cmd.ExecuteScalar()!;
    }
}
