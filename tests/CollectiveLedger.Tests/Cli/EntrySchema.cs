
namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// schemas/validate_entries.py: every entry of an exported log against the project's own
/// audit-entry.schema.json (python3-jsonschema, which .ci/run installs).
/// </summary>
public static class EntrySchema
{
    public static (int Code, string Output) Check(string log)
    {
        var (code, output) = Python.Run(Path.Combine(TestLedger.RepoRoot, "schemas", "validate_entries.py"), log);
        Assert.That(code, Is.Not.EqualTo(3), "python3-jsonschema is not installed here: apt-get install python3-jsonschema (.ci/run installs it)");
        return (code, output);
    }
}
