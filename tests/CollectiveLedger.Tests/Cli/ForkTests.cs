using System.Diagnostics;
using System.Text.Json;
using CollectiveLedger.Tests.Storage;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// Issue 15's fork: the books are rewritten after a checkpoint was published and re-signed with the
/// real key. The real cledger catches it with the database (verify --checkpoint) and without it
/// (prove consistency on the rewritten books, then verify --checkpoint OLD --against NEW --proof P
/// run where there is no database at all), and so does the Python reference verifier; on honest
/// books the same steps accept.
/// </summary>
public class ForkTests
{
    private const string Passphrase = "test-passphrase-1234";

    [OneTimeSetUp]
    public static void PassphraseForTests() => Environment.SetEnvironmentVariable("CLEDGER_PASSPHRASE", Passphrase);

    private static string Key(TestLedger ledger) => Path.Combine(ledger.Dir, "acct.key");

    /// <summary>Books with a signing key and two vouchers, then a published signed checkpoint, then two more vouchers.</summary>
    private static (TestLedger Ledger, string Old, long OldSize) BooksAfterAPublishedCheckpoint()
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("keys", "generate", "--name", "test.village/accountant", "--out", Key(ledger));
        ledger.Ok("vouchers", "import", ledger.WriteFile("v1.jsonl", """
            {"ref":"A","date":"2025-03-02","summary":"收取草场承包费","lines":[{"account":"10201","debit":"12000.00"},{"account":"50101","credit":"12000.00"}]}
            {"ref":"B","date":"2025-03-05","summary":"收到衔接资金","lines":[{"account":"10201","debit":"30000.00","fund":"F01"},{"account":"241","credit":"30000.00","fund":"F01"}]}

            """));
        var (code, note, err) = ledger.RunProcess("checkpoint", "--sign", Key(ledger));
        Assert.That(code, Is.Zero, err);
        ledger.Ok("vouchers", "import", ledger.WriteFile("v2.jsonl", """
            {"ref":"C","date":"2025-03-09","summary":"机井工程款","lines":[{"account":"153","debit":"8000.00","fund":"F01"},{"account":"10201","credit":"8000.00","fund":"F01"}]}
            {"ref":"D","date":"2025-03-12","summary":"办公费","lines":[{"account":"513","debit":"350.50"},{"account":"10201","credit":"350.50"}]}

            """));
        return (ledger, ledger.WriteFile("old.txt", note), long.Parse(note.Split('\n')[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The new checkpoint (signed), the consistency proof from the old size, and the public key, each written by the real cledger.</summary>
    private static (string New, string Proof, string PublicKey) TakeNewCheckpointAndProof(TestLedger ledger, long oldSize, string name)
    {
        var (code, note, err) = ledger.RunProcess("checkpoint", "--sign", Key(ledger));
        Assert.That(code, Is.Zero, err);
        var proof = Path.Combine(ledger.Dir, name + "-proof.json");
        var proved = ledger.RunProcess("prove", "consistency", "--old", oldSize.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", proof);
        Assert.That(proved.Code, Is.Zero, proved.Err);
        var keys = ledger.RunProcess("keys", "list", "--format", "json");
        return (ledger.WriteFile(name + ".txt", note), proof, ledger.WriteFile("keys.json", keys.Out));
    }

    /// <summary>The real cledger run in an empty folder with no --db and no CLEDGER_DB: there is no database to open.</summary>
    private static (int Code, string Out, string Err) Offline(params string[] args)
    {
        var empty = Directory.CreateTempSubdirectory("cledger-offline-").FullName;
        try
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = empty };
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cledger.dll"));
            foreach (var a in (string[])["--lang", "en", .. args]) info.ArgumentList.Add(a);
            info.Environment.Remove("CLEDGER_DB");
            TestClock.Set(info);
            using var p = Process.Start(info)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            Assert.That(Directory.EnumerateFileSystemEntries(empty), Is.Empty, "no database was created or opened");
            return (p.ExitCode, stdout.Result, stderr.Result);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Test]
    public void On_honest_books_the_new_checkpoint_extends_the_published_one_offline_with_signatures_checked()
    {
        var (ledger, old, oldSize) = BooksAfterAPublishedCheckpoint();
        using var books = ledger;
        var (@new, proof, key) = TakeNewCheckpointAndProof(ledger, oldSize, "new");

        var (code, json, err) = Offline("verify", "--checkpoint", old, "--against", @new, "--proof", proof, "--key", key, "--format", "json");
        var text = Offline("verify", "--format", "table", "--checkpoint", old, "--against", @new, "--proof", proof);
        var python = Python.VerifyLog("--consistency-proof", proof, "--old", old, "--new", @new, "--key", key);

        Assert.That(code, Is.Zero, err);
        Assert.That(VerifyCategoryTests.SchemaErrors(json), Is.Empty, json);
        var report = JsonDocument.Parse(json).RootElement;
        var judged = report.GetProperty("checkpoints")[0];
        Assert.That(judged.GetProperty("status").GetString(), Is.EqualTo("consistent"));
        Assert.That(judged.GetProperty("size").GetInt64(), Is.EqualTo(oldSize));
        Assert.That(report.GetProperty("against").GetProperty("size").GetInt64(), Is.EqualTo(oldSize + 2));
        Assert.That(report.GetProperty("against").GetProperty("signed_by")[0].GetString(), Does.StartWith("test.village/accountant ("));
        Assert.That(text.Code, Is.Zero, text.Err);
        Assert.That(text.Out, Does.Contain("signatures: unchecked (no --key given)").And.Contain("consistent-unsigned"));
        Assert.That(python.Code, Is.Zero, python.Output);
    }

    [Test]
    public void A_rewrite_after_the_published_checkpoint_is_caught_with_and_without_the_database()
    {
        var (ledger, old, oldSize) = BooksAfterAPublishedCheckpoint();
        using var books = ledger;
        RewriteSummaryOfA(ledger);
        // The forger holds the key and signs the rewritten books' checkpoint: the signatures are valid, the books are not.
        var (forged, proof, key) = TakeNewCheckpointAndProof(ledger, oldSize, "forged");
        var oldRoot = File.ReadAllText(old).Split('\n')[2];
        var forgedRoot = File.ReadAllText(forged).Split('\n')[2];

        var withDatabase = ledger.RunProcess("verify", "--format", "table", "--checkpoint", old);
        var (code, json, err) = Offline("verify", "--checkpoint", old, "--against", forged, "--proof", proof, "--key", key, "--format", "json");
        var text = Offline("verify", "--format", "table", "--checkpoint", old, "--against", forged, "--proof", proof, "--key", key);
        var python = Python.VerifyLog("--consistency-proof", proof, "--old", old, "--new", forged, "--key", key);

        Assert.That(withDatabase.Code, Is.EqualTo(1), withDatabase.Out);
        Assert.That(withDatabase.Out, Does.Contain($"history rewritten within the first {oldSize} entries"));
        Assert.That(code, Is.EqualTo(1), err);
        Assert.That(VerifyCategoryTests.SchemaErrors(json), Is.Empty, json);
        var report = JsonDocument.Parse(json).RootElement;
        Assert.That(report.GetProperty("status").GetString(), Is.EqualTo("integrity"));
        Assert.That(report.GetProperty("checkpoints")[0].GetProperty("status").GetString(), Is.EqualTo("rewritten"));
        Assert.That(report.GetProperty("checkpoints")[0].GetProperty("signed_by").GetArrayLength(), Is.EqualTo(1), "the signatures themselves are valid");
        var problem = report.GetProperty("problems")[0];
        Assert.That((problem.GetProperty("expected").GetString(), problem.GetProperty("actual").GetString()), Is.EqualTo((oldRoot, forgedRoot)), "the evidence: both roots");
        Assert.That(oldRoot, Is.Not.EqualTo(forgedRoot));
        Assert.That(text.Code, Is.EqualTo(1));
        Assert.That(text.Out, Does.Contain("fork: the consistency proof does not lead from the old root to the new one")
            .And.Contain(oldRoot).And.Contain(forgedRoot).And.Contain("FORK"));
        Assert.That(python.Code, Is.EqualTo(1), python.Output);
        Assert.That(python.Output, Does.Contain("fork:").And.Contain(oldRoot));
    }

    [Test]
    public void A_rolled_back_log_or_a_rewrite_at_the_same_size_is_a_fork_without_any_proof()
    {
        var (ledger, old, oldSize) = BooksAfterAPublishedCheckpoint();
        using var books = ledger;
        var (@new, _, _) = TakeNewCheckpointAndProof(ledger, oldSize, "new");
        RewriteSummaryOfA(ledger);
        ledger.Sql($"DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq >= {oldSize}");
        var sameSize = ledger.WriteFile("same.txt", ledger.RunProcess("checkpoint").Out);

        var rolledBack = Offline("verify", "--format", "table", "--checkpoint", @new, "--against", old);
        var rewritten = Offline("verify", "--format", "table", "--checkpoint", old, "--against", sameSize);

        Assert.That(File.ReadAllText(sameSize).Split('\n')[1], Is.EqualTo(oldSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(rolledBack.Code, Is.EqualTo(1), rolledBack.Err);
        Assert.That(rolledBack.Out, Does.Contain("shorter: the new checkpoint has fewer entries than the old"));
        Assert.That(rewritten.Code, Is.EqualTo(1), rewritten.Err);
        Assert.That(rewritten.Out, Does.Contain($"two checkpoints of the same {oldSize} entries with different roots"));
    }

    [Test]
    public void Wrong_proofs_keys_and_numbers_are_usage_errors_naming_the_value()
    {
        var (ledger, old, oldSize) = BooksAfterAPublishedCheckpoint();
        using var books = ledger;
        var (@new, proof, _) = TakeNewCheckpointAndProof(ledger, oldSize, "new");
        var entries = ledger.Head().Count;
        var otherProof = ledger.WriteFile("other.json", ledger.Ok("prove", "consistency", "--old", "2"));

        (string[] Args, string Says)[] cases =
        [
            (["prove", "consistency", "--old", (entries + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)], $"--old {entries + 1} is beyond the log, which has {entries} entries"),
            (["prove", "consistency", "--old", "x"], "--old takes a whole number, not 'x'"),
            (["prove", "consistency", "--old", "5", "--new", "3"], "--old 5 is larger than the new size 3"),
            (["prove", "inclusion", "--seq", "4", "--size", "4"], "--seq 4 is not below --size 4"),
            (["prove", "inclusion", "--seq", "-1"], "--seq takes a whole number, not '-1'"),
            (["verify", "--checkpoint", old, "--against", @new], "--proof is needed"),
            (["verify", "--checkpoint", old, "--against", @new, "--proof", otherProof], $"proves 2 -> {oldSize + 2} entries, but the checkpoints have {oldSize} and {oldSize + 2}"),
            (["verify", "--checkpoint", old, "--against", @new, "--proof", old], "is not a consistency proof"),
            (["verify", "--checkpoint", old, "--against", @new, "--proof", proof, "--key", old], "is not a public key file"),
            (["verify", "--checkpoint", old, "--proof", proof], "--proof and --key go with --against NEW"),
        ];
        foreach (var (args, says) in cases)
        {
            var (code, _, err) = ledger.Run(args);
            Assert.That(code, Is.EqualTo(2), string.Join(' ', args));
            Assert.That(err, Does.Contain(says).And.Not.Match(TestLedger.StackTraceLine), string.Join(' ', args));
        }
    }

    [Test]
    public void Prove_prints_one_line_that_the_core_reads_back_and_that_verifies_against_the_books_checkpoints()
    {
        var (ledger, old, oldSize) = BooksAfterAPublishedCheckpoint();
        using var books = ledger;
        var (@new, _, _) = TakeNewCheckpointAndProof(ledger, oldSize, "new");

        var inclusion = ledger.RunProcess("prove", "inclusion", "--seq", "1");
        var consistency = ledger.RunProcess("prove", "consistency", "--old", oldSize.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(inclusion.Out.Count(c => c == '\n'), Is.EqualTo(1));
        Assert.That(inclusion.Out, Does.Match("^\\{\"seq\":1,\"size\":\\d+,\"leaf_hash\":\"[A-Za-z0-9+/]{43}=\",\"hashes\":\\[.*\\]\\}\n$"));
        Assert.That(CollectiveLedger.Core.Audit.ProofJson.TryReadInclusion(inclusion.Out, out var path, out _), Is.True);
        Assert.That(CollectiveLedger.Core.Audit.ProofJson.TryReadConsistency(consistency.Out, out var proof, out _), Is.True);
        var newRoot = Convert.FromBase64String(File.ReadAllText(@new).Split('\n')[2]);
        var oldRoot = Convert.FromBase64String(File.ReadAllText(old).Split('\n')[2]);
        Assert.That(path.Size, Is.EqualTo(oldSize + 2), "the size defaults to the books' checkpoint");
        Assert.That(path.Verifies(newRoot), Is.True);
        Assert.That(proof.Verifies(oldRoot, newRoot), Is.True);
    }

    /// <summary>Someone with the database file changes voucher A's summary and recomputes every hash after it.</summary>
    private static void RewriteSummaryOfA(TestLedger ledger) => TamperHelpers.RewriteSummary(ledger, "A", "收取草场承包费", "收取草场承包费（改）");
}
