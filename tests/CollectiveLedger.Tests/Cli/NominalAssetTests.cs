using System.Text.Json;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// Assets carried at the nominal amount of 1.00 (名义金额): a donated old yurt, received for nothing,
/// registered with --nominal against 311 公积公益金; listed as such, never depreciated, named in the
/// notes, and replayed by verify and by the reference verifier.
/// </summary>
public class NominalAssetTests
{
    private static TestLedger Books()
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("accounts", "add", "15105", "设备", "--parent", "151");
        ledger.Ok("accounts", "add", "51305", "折旧费", "--parent", "513");
        ledger.Ok("vouchers", "import", ledger.WriteFile("o.json", """
            [{"ref":"O","date":"2025-01-01","kind":"opening","summary":"期初余额","lines":[{"account":"10201","debit":"50000.00"},{"account":"301","credit":"50000.00"}]}]
            """));
        return ledger;
    }

    private static (int Code, string Out, string Err) Donate(TestLedger ledger, params string[] extra) =>
        ledger.Run(["assets", "add", "JZ-01", "捐赠旧蒙古包", "--category", "equipment", "--account", "15105", "--acquired", "2025-02-10",
            "--paid-from", "311", .. extra]);

    private static string[] Codes(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.EndsWith(']'))
            .Select(l => l[(l.LastIndexOf('[') + 1)..^1]).ToArray();

    [Test]
    public void A_donated_asset_at_nominal_amount_is_listed_as_such_and_never_depreciated()
    {
        using var ledger = Books();

        var (code, _, err) = Donate(ledger, "--cost", "1", "--nominal");
        var depreciate = ledger.Run("assets", "depreciate", "--period", "2025-03");

        Assert.That(code, Is.EqualTo(0), err);
        Assert.That((depreciate.Code, Codes(depreciate.Err)), Is.EqualTo((1, new[] { "NothingToDepreciate" })), "the month after it came, nothing depreciates");
        var asset = JsonDocument.Parse(ledger.Ok("assets", "list", "--format", "json")).RootElement.EnumerateArray().Single();
        Assert.That((asset.GetProperty("nominal").GetBoolean(), asset.GetProperty("cost").GetString(), asset.GetProperty("depreciated").GetString(),
                asset.GetProperty("book_value").GetString(), asset.GetProperty("life_months").GetInt32()),
            Is.EqualTo((true, "1.00", "0.00", "1.00", 0)));
        Assert.That(ledger.Ok("assets", "list", "--format", "csv"), Does.Contain("名义金额"));
        var log = ledger.Ok("log", "show", "--format", "json");
        Assert.That(log, Does.Contain("\"nominal\":true"));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void The_notes_name_the_assets_at_nominal_amount()
    {
        using var ledger = Books();
        var donated = Donate(ledger, "--cost", "1", "--nominal");
        Assert.That(donated.Code, Is.EqualTo(0), donated.Err);

        var notes = JsonDocument.Parse(ledger.Ok("report", "notes", "--year", "2025", "--format", "json")).RootElement;

        var nominal = notes.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "nominal_amount");
        Assert.That(nominal.GetProperty("text")[0].GetString(), Does.StartWith("JZ-01 捐赠旧蒙古包").And.Contain("名义金额1.00元").And.Contain("不计提折旧"));
    }

    [Test]
    public void A_nominal_asset_costs_one_yuan_and_takes_no_life_nor_residual_and_nothing_is_written_otherwise()
    {
        using var ledger = Books();
        var head = ledger.Head();

        var cost = Donate(ledger, "--cost", "500", "--nominal");
        var life = Donate(ledger, "--cost", "1", "--nominal", "--life-months", "60", "--expense-account", "51305");
        var residual = Donate(ledger, "--cost", "1", "--nominal", "--residual", "0.50");

        Assert.That((cost.Code, life.Code, residual.Code), Is.EqualTo((1, 1, 1)), cost.Err + life.Err + residual.Err);
        Assert.That(Codes(cost.Err), Is.EqualTo(new[] { "FieldInvalid" }));
        Assert.That(cost.Err, Does.Contain("cost"));
        Assert.That(Codes(life.Err), Is.All.EqualTo("FieldInvalid"));
        Assert.That(life.Err, Does.Contain("life_months"));
        Assert.That(residual.Err, Does.Contain("residual"));
        Assert.That(ledger.Head(), Is.EqualTo(head), "the books are unchanged");
    }

    [Test]
    public void The_reference_verifier_accepts_a_nominal_asset_and_refuses_a_nominal_key_other_than_true()
    {
        using var ledger = Books();
        Assert.That(Donate(ledger, "--cost", "1", "--nominal").Code, Is.EqualTo(0));
        var log = Path.Combine(ledger.Dir, "log.jsonl");
        ledger.Ok("log", "export", "--out", log);
        var forged = Path.Combine(ledger.Dir, "forged.jsonl");
        File.WriteAllLines(forged, File.ReadAllLines(log).Select(l => l.Contains("\"kind\":\"asset.added\"")
            ? l.Replace("\"nominal\":true", "\"nominal\":false") : l));

        var (okCode, okOut) = Python.VerifyLog(log);
        var (forgedCode, forgedOut) = Python.VerifyLog(forged);

        Assert.That(okCode, Is.EqualTo(0), okOut);
        Assert.That(forgedCode, Is.Not.EqualTo(0));
        Assert.That(forgedOut, Does.Contain("nominal"));
    }

}
