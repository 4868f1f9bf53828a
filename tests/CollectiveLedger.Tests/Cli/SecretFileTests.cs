using CollectiveLedger.Cli;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// The signing key and the books are readable by their owner only, from the moment they exist, and
/// are never written through a file someone else could have planted (issue 12, item 13).
/// </summary>
[Platform(Exclude = "Win", Reason = "Unix file modes")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class SecretFileTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [OneTimeSetUp]
    public static void PassphraseForTests() => Environment.SetEnvironmentVariable("CLEDGER_PASSPHRASE", "test-passphrase-1234");

    [OneTimeTearDown]
    public static void NoPassphraseAfterwards() => Environment.SetEnvironmentVariable("CLEDGER_PASSPHRASE", null);

    [Test, Category(TestLedger.SqliteOnly)] // the books' file and SQLite's -wal and -shm; a server's books are the server's to guard
    public void The_books_are_created_readable_by_their_owner_only()
    {
        using var ledger = new TestLedger();

        ledger.Ok("init", "--org", "测试嘎查", "--org-code", "N2TEST", "--start", "2025-01", "--attachments-required", "false");

        Assert.That(File.GetUnixFileMode(ledger.Db), Is.EqualTo(OwnerOnly));
        foreach (var companion in new[] { ledger.Db + "-wal", ledger.Db + "-shm" }.Where(File.Exists))
            Assert.That(File.GetUnixFileMode(companion), Is.EqualTo(OwnerOnly), companion);
    }

    [Test]
    public void A_generated_signing_key_is_readable_by_its_owner_only()
    {
        using var ledger = TestLedger.WithBasics();
        var key = Path.Combine(ledger.Dir, "acct.key");

        ledger.Ok("keys", "generate", "--name", "test.village/accountant", "--out", key);

        Assert.That(File.GetUnixFileMode(key), Is.EqualTo(OwnerOnly));
        Assert.That(Directory.GetFiles(ledger.Dir, "*.tmp-*"), Is.Empty);
    }

    [Test]
    public void A_signing_key_is_never_written_through_a_file_planted_at_a_predictable_temporary_name()
    {
        using var ledger = TestLedger.WithBasics();
        var key = Path.Combine(ledger.Dir, "acct.key");
        var decoy = Path.Combine(ledger.Dir, "someone-elses-file");
        File.WriteAllText(decoy, "");
        File.CreateSymbolicLink(key + ".tmp-" + Environment.ProcessId, decoy);

        ledger.Ok("keys", "generate", "--name", "test.village/accountant", "--out", key);

        Assert.That(File.ReadAllText(decoy), Is.Empty, "the private key went into a file another user prepared");
        Assert.That(new FileInfo(key).LinkTarget, Is.Null);
        Assert.That(File.ReadAllText(key), Does.Contain("ENCRYPTED PRIVATE KEY"));
    }

    [Test]
    public void A_secret_is_owner_only_already_while_it_is_written_and_never_replaces_a_file()
    {
        var dir = Directory.CreateTempSubdirectory("cledger-secret-").FullName;
        try
        {
            var path = Path.Combine(dir, "a.key");
            UnixFileMode? whileWriting = null;

            Files.WriteSecret(path, stream =>
            {
                whileWriting = File.GetUnixFileMode(((FileStream)stream).Name);
                stream.Write("secret"u8);
            });

            Assert.That(whileWriting, Is.EqualTo(OwnerOnly));
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(OwnerOnly));
            Assert.That(() => Files.WriteSecret(path, stream => stream.Write("other"u8)), Throws.InstanceOf<IOException>());
            Assert.That(File.ReadAllText(path), Is.EqualTo("secret"));
            Assert.That(Directory.GetFiles(dir), Has.Length.EqualTo(1));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
