using System.Diagnostics;

namespace CollectiveLedger.Tests.Postgres;

/// <summary>
/// The PostgreSQL server the tests of this namespace use: the one <c>CLEDGER_TEST_POSTGRES</c> names (a
/// connection string in Npgsql's keyword form, such as the line <c>.ci/postgres</c> prints), or else a
/// throwaway cluster that <c>.ci/postgres</c> starts in a fresh folder at the first test that asks, and
/// stops (removing it) after the namespace's last test, so that <c>dotnet test</c> stays one command.
/// Where neither works the test fails, saying what to do; it is never skipped.
/// </summary>
[SetUpFixture]
public sealed class TestPostgres
{
    public const string Variable = "CLEDGER_TEST_POSTGRES";

    private static readonly Lock Gate = new();
    private static string? _connectionString;
    private static string? _startedIn;

    public static string Script => Path.Combine(TestLedger.RepoRoot, ".ci", "postgres");

    public static string ConnectionString
    {
        get
        {
            lock (Gate)
                return _connectionString ??= FromEnvironment() ?? Start();
        }
    }

    [OneTimeTearDown]
    public static void StopIfStarted()
    {
        lock (Gate)
        {
            if (_startedIn is null) return;
            Npgsql.NpgsqlConnection.ClearAllPools();
            RunScript("stop", _startedIn);
            _startedIn = null;
            _connectionString = null;
        }
    }

    /// <summary>Runs <c>.ci/postgres</c> with <paramref name="args"/>: its exit code, its one line of output and its messages.</summary>
    public static (int Code, string Out, string Err) RunScript(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Trim(), stderr.Result);
    }

    private static string? FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static string Start()
    {
        var dir = Directory.CreateTempSubdirectory("cledger-pg-").FullName;
        var (code, stdout, stderr) = RunScript("start", dir);
        if (code != 0 || !stdout.StartsWith("Host=", StringComparison.Ordinal))
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            Assert.Fail($"No PostgreSQL for the tests: {Variable} is not set and .ci/postgres could not start a cluster " +
                        $"(exit {code}): {stderr.Trim()}\nInstall Debian's postgresql package, or run .ci/postgres and set " +
                        $"{Variable} to the connection string it prints (or to an existing server's).");
        }
        _startedIn = dir;
        return stdout;
    }
}
