using System.Diagnostics;

namespace CollectiveLedger.Tests.Cli;

/// <summary>What the repository itself must never take in: keys and the outputs of the README's tour (issue 12).</summary>
public class RepositoryHygieneTests
{
    [TestCase("x.key")]
    [TestCase("keys/accountant.key")]
    [TestCase("demo-out/")]
    [TestCase("samples/demo-out/")]
    [TestCase("gacha.db")]
    [TestCase("notice-2025-06.pdf")]
    [TestCase("cash-journal-2025.pdf")]
    [TestCase("notice-2025-06.html")]
    [TestCase("notice-2025-06.csv")]
    [TestCase("notice-2025-06.json")]
    [TestCase("audit-log.jsonl")]
    [TestCase("books.journal")]
    [TestCase("accountant.key.tmp-1a2b3c")]
    public void Git_ignores_signing_keys_and_the_outputs_of_the_readme_tour(string path)
    {
        var (code, stdout) = Git("check-ignore", "--no-index", "--verbose", path);

        Assert.That(code, Is.EqualTo(0), $"git does not ignore {path}");
        Assert.That(stdout, Does.Contain(path));
    }

    [Test]
    public void No_file_the_repository_tracks_is_ignored()
    {
        var (code, stdout) = Git("ls-files", "--cached", "--ignored", "--exclude-standard");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout.Trim(), Is.Empty, "tracked files matched by .gitignore");
    }

    private static (int Code, string Out) Git(params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = TestLedger.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
