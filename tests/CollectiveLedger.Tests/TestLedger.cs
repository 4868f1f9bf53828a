using System.Diagnostics;
using CollectiveLedger.Cli;
using Microsoft.Data.Sqlite;

namespace CollectiveLedger.Tests;

/// <summary>A ledger in a fresh temporary folder, driven through the real command line in-process.</summary>
public sealed class TestLedger : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("cledger-test-").FullName;
    public string Db => Path.Combine(Dir, "ledger.db");

    public static string Samples => Path.Combine(RepoRoot, "samples", "gacha");

    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "CollectiveLedger.sln"))) return dir.FullName;
            throw new InvalidOperationException("repository root not found");
        }
    }

    /// <summary>
    /// A ledger starting 2025-01 with a few sub-accounts, a fund and a member; made <c>init --no-key</c>, so
    /// that no organization's signing key is made whatever CLEDGER_PASSPHRASE holds (OrganizationKeyTests make one).
    /// </summary>
    /// <param name="attachmentsRequired">
    /// Whether the 原始凭证 rule (vouchers.attachments_required, issue 13) is on. The fixtures written
    /// before it hold cash vouchers without attachments, so by default they run as books made to take in
    /// historic vouchers do (<c>init --attachments-required false</c>); the rule has its own tests
    /// (AttachmentRuleTests), and the sample village runs with it on.
    /// </param>
    /// <param name="org">The organization's name (several villages side by side in the township views tell theirs apart).</param>
    /// <param name="start">The books' first month.</param>
    public static TestLedger WithBasics(bool attachmentsRequired = false, string org = "测试嘎查股份经济合作社", string start = "2025-01")
    {
        var ledger = new TestLedger();
        ledger.Ok("init", "--org", org, "--org-code", "N2TEST", "--start", start,
            "--attachments-required", attachmentsRequired ? "true" : "false", "--no-key");
        ledger.Ok("accounts", "add", "10201", "信用社基本户", "--parent", "102");
        ledger.Ok("accounts", "add", "50101", "草场承包费", "--parent", "501");
        ledger.Ok("funds", "add", "F01", "衔接资金");
        ledger.Ok("members", "add", "M001", "巴特尔");
        return ledger;
    }

    public (int Code, string Out, string Err) Run(params string[] args) => RunAs("tester", args);

    /// <summary>Runs a command as <paramref name="actor"/> (the person taking an approval step).</summary>
    public (int Code, string Out, string Err) RunAs(string actor, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(["--db", Db, "--actor", actor, "--lang", "en", .. args], stdout, stderr, TestClock.Fixed);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public string Ok(params string[] args) => OkAs("tester", args);

    public string OkAs(string actor, params string[] args)
    {
        var (code, stdout, stderr) = RunAs(actor, args);
        Assert.That(code, Is.EqualTo(0), $"cledger {string.Join(' ', args)} as {actor} failed: {stderr}");
        return stdout;
    }

    /// <summary>
    /// Sets <paramref name="settings"/> as an administrator setting up the books does: directly while
    /// nobody could consent, and a change of who approves or supervises, once a committee chair or
    /// supervisor exists, requested by the tester and approved by one of them (RoleChangeRules).
    /// </summary>
    public void Set(params (string Key, string Value)[] settings)
    {
        foreach (var (key, value) in settings)
        {
            Ok("settings", "set", key, value);
            using var store = CollectiveLedger.Storage.LedgerStore.Open(Db, TestClock.Fixed);
            var state = store.LoadState();
            if (state.RoleChangeRequest(key) is null) continue;
            var approver = CollectiveLedger.Core.Approval.RoleChangeRules.Approvers
                .SelectMany(r => CollectiveLedger.Core.Approval.ApprovalPolicy.Holders(state, r)).First(p => p != "tester");
            OkAs(approver, "settings", "set", key, value, "--approve");
        }
    }

    /// <summary>The setting <paramref name="key"/> in force ("" while never set).</summary>
    public string Setting(string key)
    {
        using var store = CollectiveLedger.Storage.LedgerStore.Open(Db, TestClock.Fixed);
        return store.LoadState().Setting(key) ?? "";
    }

    /// <summary>A line of a .NET stack trace ("   at Namespace.Type.Method("), which no user error may print.</summary>
    public const string StackTraceLine = @"(?m)^\s+at [\w.`<>+\[\],]+\(";

    /// <summary>The supervision committee member who reviews notices in tests (role.supervisor, set by <see cref="PublishNotice"/>).</summary>
    public const string Supervisor = "监督员";

    /// <summary>
    /// Publishes a month, quarter or year notice as the board gets it: prepared by the tester,
    /// reviewed by <paramref name="reviewer"/> (by default <see cref="Supervisor"/>, made role.supervisor
    /// if nobody holds it), then published as <paramref name="outs"/> (one file per format).
    /// <paramref name="scope"/> is e.g. ["--period", "2025-03"], with "--sign KEY" if wanted; without
    /// one, the notice is prepared --unsigned (publishing signs with the organization's key by default,
    /// which the tests of signing create on purpose).
    /// </summary>
    /// <returns>The notice's number.</returns>
    public int PublishNotice(string[] scope, string date, string[] outs, string reviewer = Supervisor)
    {
        if (Setting("role.supervisor") == "") Set(("role.supervisor", reviewer));
        var prepared = Ok(["notices", "prepare", .. scope, .. scope.Contains("--sign") ? Array.Empty<string>() : ["--unsigned"], "--date", date]);
        var number = System.Text.RegularExpressions.Regex.Match(prepared, @"prepared notice #(\d+)").Groups[1].Value;
        OkAs(reviewer, "notices", "review", number);
        Ok(["notices", "publish", number, .. outs.SelectMany(o => new[] { "--out", o })]);
        return int.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
    }

    public string WriteFile(string name, string content, System.Text.Encoding? encoding = null)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, content, encoding ?? new System.Text.UTF8Encoding(false));
        return path;
    }

    /// <summary>The head of the log as (count, hash), read straight from the file.</summary>
    public (long Count, string Hash) Head()
    {
        using var c = Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*), (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) FROM audit_log";
        using var r = cmd.ExecuteReader();
        r.Read();
        return (r.GetInt64(0), r.GetString(1));
    }

    /// <summary>A raw connection, as someone editing the file behind the program's back would have.</summary>
    public SqliteConnection Connect()
    {
        var c = new SqliteConnection($"Data Source={Db};Pooling=False");
        c.Open();
        return c;
    }

    public void Sql(string sql)
    {
        using var c = Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Starts the real cledger executable as a separate process.</summary>
    public Process Start(params string[] args) => StartWith([], args);

    /// <summary>Starts cledger with <paramref name="environment"/> changed: a null value removes the variable.</summary>
    public Process StartWith(Dictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cledger.dll"));
        foreach (var a in (string[])["--db", Db, "--lang", "en", .. args]) info.ArgumentList.Add(a);
        TestClock.Set(info);
        foreach (var (name, value) in environment)
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        return Process.Start(info)!;
    }

    public (int Code, string Out, string Err) RunProcess(params string[] args) => RunProcessWith([], args);

    public (int Code, string Out, string Err) RunProcessWith(Dictionary<string, string?> environment, params string[] args)
    {
        using var p = StartWith(environment, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}
