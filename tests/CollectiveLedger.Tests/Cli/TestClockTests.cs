using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// No test depends on the day it runs (issue 14): tests take "now" from <see cref="TestClock"/> or a
/// FakeTimeProvider of their own, and the cledger processes they start from CLEDGER_NOW.
/// </summary>
public partial class TestClockTests
{
    [Test]
    public void No_test_reads_the_system_clock()
    {
        var tests = Path.Combine(TestLedger.RepoRoot, "tests", "CollectiveLedger.Tests");
        var sources = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var readers = sources
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(tests, f), Line: i + 1, Text: line)))
            .Where(l => SystemClock().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.That(sources, Has.Count.GreaterThan(50), "the test sources are found");
        Assert.That(readers, Is.Empty, "use TestClock.Fixed, TestClock.Now or a FakeTimeProvider");
    }

    [Test]
    public void A_cledger_process_takes_now_from_CLEDGER_NOW()
    {
        using var ledger = TestLedger.WithBasics();

        var (code, _, err) = ledger.RunProcess("funds", "add", "F02", "村集体自有资金");

        Assert.That(code, Is.Zero, err);
        var log = ledger.Ok("log", "show", "--format", "json");
        Assert.That(log, Does.Contain("2026-06-30T02:00:00"), "the entry's time is TestClock.Now in UTC");
    }

    [Test]
    public void A_CLEDGER_NOW_that_is_not_an_instant_is_a_usage_error()
    {
        using var ledger = TestLedger.WithBasics();
        var head = ledger.Head();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "cledger.dll"), .. ledger.DbArgs, "funds", "add", "F02", "x"]) info.ArgumentList.Add(a);
        info.Environment["CLEDGER_NOW"] = "tomorrow";

        using var p = Process.Start(info)!;
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();

        Assert.That(p.ExitCode, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("CLEDGER_NOW=tomorrow"));
        Assert.That(ledger.Head(), Is.EqualTo(head), "nothing is written");
    }

    /// <summary>The system clock, spelled so that this file does not match itself.</summary>
    [GeneratedRegex(@"TimeProvider\s*\.\s*System\b|DateTime(Offset)?\s*\.\s*(Now|UtcNow|Today)\b")]
    private static partial Regex SystemClock();
}
