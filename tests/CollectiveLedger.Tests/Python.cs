using System.Diagnostics;

namespace CollectiveLedger.Tests;

/// <summary>
/// python3 run as a process, for the reference verifier (<c>schemas/verify_log.py</c>) and the JSON Schema
/// checks: .ci/run installs python3 and python3-jsonschema, so a missing one fails the test that needs it.
/// Both streams are read while the process runs, so neither can fill its pipe and stall it.
/// </summary>
internal static class Python
{
    public sealed record Result(int Code, string Out, string Err)
    {
        /// <summary>What a person running it would see: standard output, then standard error.</summary>
        public string Output => Out + Err;

        public void Deconstruct(out int code, out string output) => (code, output) = (Code, Output);
    }

    public static Result Run(params string[] args) => RunWithInput(null, args);

    /// <summary><c>python3 schemas/verify_log.py ARGS</c>.</summary>
    public static Result VerifyLog(params string[] args) => Run([Path.Combine(TestLedger.RepoRoot, "schemas", "verify_log.py"), .. args]);

    public static Result RunWithInput(string? input, params string[] args)
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardInput = input is not null, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            p.StandardInput.Write(input);
            p.StandardInput.Close();
        }
        p.WaitForExit();
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
