using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CollectiveLedger.Cli;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Storage.Engines;
using CollectiveLedger.Tests.Web;
using Dapper;

namespace CollectiveLedger.Tests.Postgres;

/// <summary>
/// The sample township (samples/township: three gachas generated like samples/gacha) loaded into PostgreSQL by
/// the steps of samples/township/load.sh, run in-process: each village's SQLite books made by <c>demo</c>, its
/// log exported, the village registered, its books restored from the log with <c>--village</c> and verified.
/// The township view then lists all three with each village's own figures, read from its SQLite books through
/// the command line (an independent path), and each village's head on PostgreSQL is its SQLite books' head.
/// </summary>
public sealed class SampleTownshipTests
{
    private const string Township = "巴音宝力格苏木";
    private const string County = "东乌珠穆沁旗";
    private static readonly string[] Codes = ["bayanbaolige", "hargentu", "wulantaolegai"];

    private readonly string _dir = Directory.CreateTempSubdirectory("cledger-township-").FullName;
    private string _db = "";

    private static string Folder(string code) => Path.Combine(TestLedger.RepoRoot, "samples", "township", code);
    private string Sqlite(string code) => Path.Combine(_dir, code, "ledger.db");

    private static (int Code, string Out, string Err) Cledger(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(["--lang", "en", .. args], stdout, stderr, TestClock.Fixed);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Ok(params string[] args)
    {
        var (code, stdout, stderr) = Cledger(args);
        Assert.That(code, Is.EqualTo(0), $"cledger {string.Join(' ', args)}: {stderr}");
        return stdout;
    }

    [OneTimeSetUp]
    public void Load()
    {
        _db = TestPostgres.ConnectionString;
        RemoveVillages();
        foreach (var code in Codes)
        {
            var org = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(code), "ledger.json"))).RootElement.GetProperty("org").GetString()!;
            Ok("demo", "--samples", Folder(code), "--out", Path.Combine(_dir, code));
            var log = Path.Combine(_dir, code + ".jsonl");
            Ok("--db", Sqlite(code), "log", "export", "--out", log);
            Ok("--db", _db, "villages", "add", code, "--name", org, "--township", Township, "--county", County);
            Ok("--db", _db, "--village", code, "restore", "--from-log", log);
        }
    }

    [OneTimeTearDown]
    public void RemoveVillages()
    {
        using (var c = new Npgsql.NpgsqlConnection(_db))
        {
            var registry = c.ExecuteScalar<bool>("SELECT to_regclass('public.cledger_villages') IS NOT NULL");
            foreach (var code in Codes)
            {
                c.Execute($"DROP SCHEMA IF EXISTS {Server.SchemaOf(_db, code)} CASCADE");
                if (registry) c.Execute("DELETE FROM public.cledger_villages WHERE code = @Code", new { Code = code });
            }
        }
    }

    [OneTimeTearDown]
    public void RemoveFiles()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static JsonElement Json(params string[] args) => JsonDocument.Parse(Ok([.. args, "--format", "json"])).RootElement;

    [Test]
    public void Each_village_verifies_on_PostgreSQL_with_its_SQLite_books_head()
    {
        var heads = new HashSet<string>();
        foreach (var code in Codes)
        {
            var onServer = Json("--db", _db, "--village", code, "verify");
            var onFile = Json("--db", Sqlite(code), "verify");
            Assert.That(onServer.GetProperty("ok").GetBoolean(), Is.True, code);
            Assert.That(onServer.GetProperty("head").GetProperty("hash").GetString(), Is.EqualTo(onFile.GetProperty("head").GetProperty("hash").GetString()), code);
            Assert.That(onServer.GetProperty("head").GetProperty("seq").GetInt64(), Is.EqualTo(onFile.GetProperty("head").GetProperty("seq").GetInt64()), code);
            heads.Add(onServer.GetProperty("head").GetProperty("hash").GetString()!);
        }
        Assert.That(heads, Has.Count.EqualTo(3), "three villages, three different books");
    }

    [Test]
    public void Each_village_s_demo_trial_balance_for_2025_is_its_generator_s_independent_model()
    {
        foreach (var code in Codes)
        {
            var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder(code), "expected", "trial-balance-2025.json")))!;
            var actual = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, code, "trial-balance-2025.json")))!;
            Assert.That(JsonNode.DeepEquals(actual["rows"], expected["rows"]), Is.True, $"{code}: the rows differ from the model's");
            Assert.That(JsonNode.DeepEquals(actual["totals"], expected["totals"]), Is.True, $"{code}: the totals differ from the model's");
        }
    }

    /// <summary>samples/township/load.sh run by bash with the real cledger: without a database it says how to call it.</summary>
    private (int Code, string Out, string Err) LoadSh(params string[] args)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[Path.Combine(TestLedger.RepoRoot, "samples", "township", "load.sh"), .. args]) info.ArgumentList.Add(a);
        info.Environment["CLEDGER"] = "dotnet " + Path.Combine(AppContext.BaseDirectory, "cledger.dll");
        info.Environment["CLEDGER_KEYS"] = _dir;
        TestClock.Set(info);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Test]
    public void Load_sh_without_a_database_is_a_usage_error_and_into_a_database_holding_the_villages_it_stops_at_the_first_leaving_its_books()
    {
        var usage = LoadSh();
        Assert.That(usage.Code, Is.EqualTo(2));
        Assert.That(usage.Err, Does.Contain("用法 usage"));

        var before = Json("--db", _db, "--village", Codes[0], "verify").GetProperty("head").GetProperty("hash").GetString();
        var again = LoadSh(_db);

        Assert.That(again.Code, Is.Not.EqualTo(0));
        Assert.That(again.Out, Is.Empty, "no village was loaded a second time");
        Assert.That(again.Err, Does.Contain(Codes[0]).And.Not.Contain("   at "));
        Assert.That(Json("--db", _db, "--village", Codes[0], "verify").GetProperty("head").GetProperty("hash").GetString(), Is.EqualTo(before));
    }

    /// <summary>A village's own figures from its SQLite books: fund balance, drafts waiting, rent overdue.</summary>
    private (Amount FundBalance, int Pending, Amount Overdue) Own(string code)
    {
        var db = Sqlite(code);
        var funds = Json("--db", db, "report", "funds", "--from", "2025-01", "--to", "2026-06").GetProperty("funds");
        var pending = Json("--db", db, "vouchers", "pending").GetArrayLength();
        var contracts = Json("--db", db, "contracts", "due", "--as-of", "2026-06-30").GetProperty("contracts");
        return (funds.EnumerateArray().Aggregate(Amount.Zero, (sum, f) => sum + Amount.ParseCanonical(f.GetProperty("balance").GetString()!)), pending,
            contracts.EnumerateArray().Aggregate(Amount.Zero, (sum, c) => sum + Amount.ParseCanonical(c.GetProperty("overdue").GetString()!)));
    }

    private static string Row(string html, string code) =>
        Regex.Match(html, $"<tr data-village=\"{code}\">(.*?)</tr>", RegexOptions.Singleline) is { Success: true } m ? m.Groups[1].Value : throw new AssertionException($"no row for {code}");

    private static string Cell(string row, string cls) =>
        WebUtility.HtmlDecode(Regex.Replace(Regex.Match(row, $"<td class=\"{cls}\">(.*?)</td>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>|\\s+", " ").Trim());

    [Test]
    public async Task The_township_view_lists_the_three_villages_from_the_registry_with_each_village_s_own_figures()
    {
        var villages = Server.VillageBooks(_db, TestClock.Fixed).Where(v => Codes.Contains(v.Code)).ToList();
        Assert.That(villages.Select(v => v.Code), Is.EquivalentTo(Codes));
        using var workspace = new Workspace(o => o with { Villages = () => villages, VillagesSeen = _ => Codes.ToHashSet() }); // the county's auditor, granted it
        var client = await workspace.SignedIn("审计");

        var (status, html) = await client.Page($"/staff/county/{Uri.EscapeDataString(County)}/{Uri.EscapeDataString(Township)}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var sums = new List<(Amount FundBalance, int Pending, Amount Overdue)>();
        foreach (var code in Codes)
        {
            var row = Row(html, code);
            var own = Own(code);
            sums.Add(own);
            Assert.That(row, Does.Contain(villages.Single(v => v.Code == code).Name), code);
            Assert.That(Cell(row, "num balance"), Is.EqualTo(own.FundBalance.ToDisplayString()), code);
            Assert.That(Cell(row, "num pending"), Is.EqualTo(own.Pending.ToString(CultureInfo.InvariantCulture)), code);
            if (!own.Overdue.IsZero) Assert.That(Cell(row, "contracts"), Does.Contain(own.Overdue.ToDisplayString()), code);
        }
        Assert.That(sums.Select(s => s.FundBalance).Distinct().Count(), Is.EqualTo(3), "each village has its own fund balance");
        var totals = Regex.Match(html, "<tr class=\"totals\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.That(Cell(totals, "num balance"), Is.EqualTo(sums.Aggregate(Amount.Zero, (s, o) => s + o.FundBalance).ToDisplayString()));
    }
}
