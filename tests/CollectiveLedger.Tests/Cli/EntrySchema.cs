using System.Diagnostics;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// schemas/validate_entries.py: every entry of an exported log against the project's own
/// audit-entry.schema.json (python3-jsonschema, which .ci/run installs).
/// </summary>
public static class EntrySchema
{
    public static (int Code, string Output) Check(string log)
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(TestLedger.RepoRoot, "schemas", "validate_entries.py"), log }) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        Assert.That(p.ExitCode, Is.Not.EqualTo(3), "python3-jsonschema is not installed here: apt-get install python3-jsonschema (.ci/run installs it)");
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
