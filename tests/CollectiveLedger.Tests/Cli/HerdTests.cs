using System.Text.Json;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// Livestock as biological assets (issue 13, 财会〔2023〕14号) on real SQLite ledgers: newborns are young
/// stock on 131 and never enter a 132 breeding herd at zero cost, rearing cost is capitalised into
/// 131, young stock move to 132 at maturity with their cost, and deaths are written off through 181
/// 待处理财产损溢, which must be cleared before the month closes. Amounts are computed by hand.
/// </summary>
public class HerdTests
{
    /// <summary>
    /// 50,000.00 in the bank and 3,000.00 of hay (121); breeding herd SC1 on 132 (6,000.00, 20 head,
    /// residual 600.00, 60 months) and young stock LAMBS on 131 (100.00 of lambing cost, no head yet).
    /// </summary>
    private static TestLedger Books()
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("accounts", "add", "51305", "折旧费", "--parent", "513");
        ledger.Ok("accounts", "add", "51501", "畜禽死亡损失", "--parent", "515");
        ledger.Ok("vouchers", "import", ledger.WriteFile("o.json", """
            [{"ref":"O","date":"2025-01-01","kind":"opening","summary":"期初余额","lines":[{"account":"10201","debit":"50000.00"},{"account":"121","debit":"3000.00"},{"account":"301","credit":"53000.00"}]}]
            """));
        ledger.Ok("assets", "add", "SC1", "基础母羊群", "--category", "breeding_herd", "--account", "132", "--acquired", "2025-01-10", "--cost", "6000",
            "--life-months", "60", "--residual", "600", "--expense-account", "51305", "--species", "sheep", "--head", "20", "--paid-from", "10201");
        ledger.Ok("assets", "add", "LAMBS", "2025年春羔", "--category", "fattening_stock", "--account", "131", "--acquired", "2025-03-01", "--cost", "100",
            "--species", "sheep", "--head", "0", "--paid-from", "10201");
        return ledger;
    }

    private static JsonElement Asset(TestLedger ledger, string code) =>
        JsonDocument.Parse(ledger.Ok("assets", "list", "--format", "json")).RootElement.EnumerateArray().Single(a => a.GetProperty("code").GetString() == code);

    private static (string Cost, int Head) CostAndHead(TestLedger ledger, string code) =>
        (Asset(ledger, code).GetProperty("cost").GetString()!, Asset(ledger, code).GetProperty("head").GetInt32());

    private static Dictionary<string, (string Debit, string Credit)> Closing(TestLedger ledger, string period) =>
        JsonDocument.Parse(ledger.Ok("report", "trial-balance", "--period", period, "--format", "json")).RootElement.GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("code").GetString()!, r => (r.GetProperty("closing_debit").GetString()!, r.GetProperty("closing_credit").GetString()!));

    private static string[] Codes(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.EndsWith(']'))
            .Select(l => l[(l.LastIndexOf('[') + 1)..^1]).ToArray();

    [Test]
    public void Births_on_a_breeding_herd_are_refused_and_the_message_names_the_young_stock_on_131_and_assets_mature()
    {
        using var ledger = Books();

        var refused = ledger.Run("assets", "herd", "SC1", "--date", "2025-03-01", "--change", "births", "--head", "7");
        var chinese = ledger.Run("--lang", "zh-CN", "assets", "herd", "SC1", "--date", "2025-03-01", "--change", "births", "--head", "7");
        ledger.Ok("assets", "herd", "LAMBS", "--date", "2025-03-01", "--change", "births", "--head", "7");

        Assert.That(refused.Code, Is.EqualTo(1));
        Assert.That(Codes(refused.Err), Is.EqualTo(new[] { "HerdBirthsOnBreedingHerd" }));
        Assert.That(refused.Err, Does.Contain("131").And.Contain("assets mature"));
        Assert.That(chinese.Err, Does.Contain("生产性生物资产").And.Contain("消耗性生物资产"));
        Assert.That(CostAndHead(ledger, "SC1"), Is.EqualTo(("6000.00", 20)));
        Assert.That(CostAndHead(ledger, "LAMBS"), Is.EqualTo(("100.00", 7)), "births count head and add no cost");
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void Rearing_cost_is_capitalised_into_the_young_stock_on_131_and_its_register_cost()
    {
        using var ledger = Books();
        ledger.Ok("assets", "herd", "LAMBS", "--date", "2025-03-01", "--change", "births", "--head", "7");

        ledger.Ok("assets", "rear", "LAMBS", "--date", "2025-03-31", "--amount", "500", "--from", "121", "--attachments", "1");
        var onTheHerd = ledger.Run("assets", "rear", "SC1", "--date", "2025-03-31", "--amount", "500", "--from", "121");
        var fromTheRegister = ledger.Run("assets", "rear", "LAMBS", "--date", "2025-03-31", "--amount", "500", "--from", "132");

        Assert.That(CostAndHead(ledger, "LAMBS"), Is.EqualTo(("600.00", 7)));
        Assert.That(Closing(ledger, "2025-03")["131"], Is.EqualTo(("600.00", "0.00")));
        Assert.That(Closing(ledger, "2025-03")["121"], Is.EqualTo(("2500.00", "0.00")));
        Assert.That(Codes(onTheHerd.Err), Is.EqualTo(new[] { "RearingNeedsYoungStock" }), "a mature herd's upkeep is an expense");
        Assert.That(Codes(fromTheRegister.Err), Is.EqualTo(new[] { "RegisterAccountNeedsAssetCommand" }));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void Maturity_moves_the_heads_share_of_cost_from_131_to_132_and_the_last_head_takes_what_is_left()
    {
        using var ledger = Books();
        ledger.Ok("assets", "herd", "LAMBS", "--date", "2025-03-01", "--change", "births", "--head", "7");
        ledger.Ok("assets", "rear", "LAMBS", "--date", "2025-03-31", "--amount", "500", "--from", "121");

        // 600.00 x 3 / 7 = 257.142... -> 257.14; the other four take 600.00 - 257.14 = 342.86.
        var (code, _, err) = ledger.RunProcess("assets", "mature", "LAMBS", "--to", "SC1", "--date", "2025-04-01", "--head", "3");
        var afterThree = (CostAndHead(ledger, "LAMBS"), CostAndHead(ledger, "SC1"));
        var notAll = ledger.Run("assets", "mature", "LAMBS", "--to", "SC1", "--date", "2025-04-02", "--head", "4", "--amount", "300");
        var wrongWay = ledger.Run("assets", "mature", "SC1", "--to", "LAMBS", "--date", "2025-04-02", "--head", "1");
        ledger.Ok("assets", "mature", "LAMBS", "--to", "SC1", "--date", "2025-04-02", "--head", "4");

        Assert.That(code, Is.EqualTo(0), err);
        Assert.That(afterThree, Is.EqualTo((("342.86", 4), ("6257.14", 23))));
        Assert.That(Codes(notAll.Err), Is.EqualTo(new[] { "FieldInvalid" }), "the last head takes all the cost");
        Assert.That(Codes(wrongWay.Err), Is.EqualTo(new[] { "MaturityNeedsYoungStockAndHerd" }));
        Assert.That(CostAndHead(ledger, "LAMBS"), Is.EqualTo(("0.00", 0)));
        Assert.That(CostAndHead(ledger, "SC1"), Is.EqualTo(("6600.00", 27)));
        Assert.That(Closing(ledger, "2025-04")["132"], Is.EqualTo(("6600.00", "0.00")));
        Assert.That(Closing(ledger, "2025-04").GetValueOrDefault("131"), Is.AnyOf(default((string, string)), ("0.00", "0.00")));
        Assert.That(ledger.Ok("assets", "herds", "--format", "csv"), Does.Contain("SC1,2025-04-02,matured_in,4,27"));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void After_maturity_the_herd_depreciates_what_is_left_over_the_months_left()
    {
        using var ledger = Books();
        ledger.Ok("assets", "depreciate", "--period", "2025-02");
        ledger.Ok("assets", "herd", "LAMBS", "--date", "2025-03-01", "--change", "births", "--head", "7");
        ledger.Ok("assets", "mature", "LAMBS", "--to", "SC1", "--date", "2025-03-02", "--head", "7");

        ledger.Ok("assets", "depreciate", "--period", "2025-03");

        // (6,100.00 - 600.00 - 90.00) / 59 = 91.694... -> 91.69.
        Assert.That(Asset(ledger, "SC1").GetProperty("depreciated").GetString(), Is.EqualTo("181.69"));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void A_death_writes_off_the_cost_and_depreciation_share_through_181_to_the_fen_and_the_month_closes_only_once_181_is_cleared()
    {
        using var ledger = Books();
        ledger.Ok("assets", "depreciate", "--period", "2025-02");

        // 6,000.00 x 3 / 20 = 900.00 of cost, 90.00 x 3 / 20 = 13.50 of depreciation, 886.50 of book value.
        ledger.Ok("assets", "herd", "SC1", "--date", "2025-03-05", "--change", "deaths", "--head", "3", "--note", "白灾");
        var closing = Closing(ledger, "2025-03");
        ledger.Ok("period", "close", "2025-01");
        ledger.Ok("period", "close", "2025-02");
        var refused = ledger.Run("period", "close", "2025-03");
        ledger.Ok("vouchers", "import", ledger.WriteFile("c.json", """
            [{"ref":"C","date":"2025-03-20","summary":"经两委批准核销母羊死亡损失","attachments":1,"lines":[{"account":"51501","debit":"886.50"},{"account":"181","credit":"886.50"}]}]
            """));

        Assert.That(closing["181"], Is.EqualTo(("886.50", "0.00")));
        Assert.That(closing["133"], Is.EqualTo(("0.00", "76.50")));
        Assert.That(closing["132"], Is.EqualTo(("5100.00", "0.00")));
        Assert.That(CostAndHead(ledger, "SC1"), Is.EqualTo(("5100.00", 17)));
        Assert.That(Asset(ledger, "SC1").GetProperty("depreciated").GetString(), Is.EqualTo("76.50"));
        Assert.That(Codes(refused.Err), Is.EqualTo(new[] { "PendingLossesNotCleared" }));
        Assert.That(ledger.Run("period", "close", "2025-03").Code, Is.EqualTo(0));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void Deaths_of_young_stock_round_each_share_half_up_and_the_last_head_takes_the_remainder()
    {
        using var ledger = Books();
        ledger.Ok("assets", "herd", "LAMBS", "--date", "2025-03-01", "--change", "births", "--head", "7");

        // 100.00 / 7 = 14.2857... -> 14.29; 100.00 x 2 / 6 ... of what is left: 85.71 x 2 / 6 = 28.57; the last four 57.14.
        ledger.Ok("assets", "herd", "LAMBS", "--date", "2025-03-02", "--change", "deaths", "--head", "1");
        var afterOne = CostAndHead(ledger, "LAMBS");
        ledger.Ok("assets", "herd", "LAMBS", "--date", "2025-03-03", "--change", "deaths", "--head", "2");
        var afterThree = CostAndHead(ledger, "LAMBS");
        ledger.Ok("assets", "herd", "LAMBS", "--date", "2025-03-04", "--change", "deaths", "--head", "4");

        Assert.That(afterOne, Is.EqualTo(("85.71", 6)));
        Assert.That(afterThree, Is.EqualTo(("57.14", 4)));
        Assert.That(CostAndHead(ledger, "LAMBS"), Is.EqualTo(("0.00", 0)));
        Assert.That(Closing(ledger, "2025-03")["181"], Is.EqualTo(("100.00", "0.00")), "14.29 + 28.57 + 57.14");
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void The_notice_shows_the_maturity_transfer_in_the_herd_section_and_rolls_each_herds_value_forward()
    {
        using var ledger = Books();
        ledger.Ok("assets", "herd", "LAMBS", "--date", "2025-03-01", "--change", "births", "--head", "7");
        ledger.Ok("assets", "rear", "LAMBS", "--date", "2025-03-31", "--amount", "500", "--from", "121");
        ledger.Ok("assets", "mature", "LAMBS", "--to", "SC1", "--date", "2025-03-31", "--head", "3");
        var path = Path.Combine(ledger.Dir, "notice.json");

        ledger.Ok("disclose", "--period", "2025-03", "--date", "2025-04-05", "--out", path);

        var notice = JsonDocument.Parse(File.ReadAllBytes(path)).RootElement;
        var herds = notice.GetProperty("herds").EnumerateArray().ToDictionary(h => h.GetProperty("code").GetString()!);
        Assert.That((herds["LAMBS"].GetProperty("births").GetInt32(), herds["LAMBS"].GetProperty("matured").GetInt32(), herds["LAMBS"].GetProperty("head_at_end").GetInt32()),
            Is.EqualTo((7, -3, 4)));
        Assert.That((herds["SC1"].GetProperty("matured").GetInt32(), herds["SC1"].GetProperty("head_at_end").GetInt32()), Is.EqualTo((3, 23)));
        var assets = notice.GetProperty("assets").GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        string[] Columns(JsonElement row) =>
            new[] { "net_at_start", "increase", "depreciation", "decrease", "net_at_end" }.Select(k => row.GetProperty(k).GetString()!).ToArray();
        Assert.That(Columns(assets["LAMBS"]), Is.EqualTo(new[] { "0.00", "600.00", "0.00", "257.14", "342.86" }), "registered with 100.00, reared 500.00, 3 of 7 head out");
        Assert.That(Columns(assets["SC1"]), Is.EqualTo(new[] { "6000.00", "257.14", "0.00", "0.00", "6257.14" }));
    }

    [Test]
    public void Sales_stay_counts_only()
    {
        using var ledger = Books();

        ledger.Ok("assets", "herd", "SC1", "--date", "2025-03-05", "--change", "sales", "--head", "2");

        Assert.That(CostAndHead(ledger, "SC1"), Is.EqualTo(("6000.00", 18)));
        Assert.That(Closing(ledger, "2025-03").ContainsKey("181"), Is.False);
    }

    [Test]
    public void Replay_rejects_a_death_whose_written_off_amount_was_changed_and_rechained()
    {
        using var ledger = Books();
        ledger.Ok("assets", "herd", "SC1", "--date", "2025-03-05", "--change", "deaths", "--head", "3");
        long seq;
        using (var c = ledger.Connect())
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT seq FROM herd_changes WHERE change = 'deaths'";
            seq = (long)cmd.ExecuteScalar()!;
        }

        ledger.Sql("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
        Storage.TamperHelpers.RewriteEntry(ledger, seq, json => json.Replace("\"cost\":\"900.00\"", "\"cost\":\"800.00\"", StringComparison.Ordinal));
        var (code, stdout, _) = ledger.Run("verify", "--format", "json");

        Assert.That(code, Is.EqualTo(1), stdout);
        var problems = JsonDocument.Parse(stdout).RootElement.GetProperty("problems").EnumerateArray().ToList();
        Assert.That(problems.Any(p => p.GetProperty("kind").GetString() == "replay" && p.GetProperty("seq").GetInt64() == seq), stdout);
    }
}
