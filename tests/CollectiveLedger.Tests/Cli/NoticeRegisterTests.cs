using System.Text;
using System.Text.Json;
using CollectiveLedger.Tests.Reports;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// The notice's asset and resource sections (资产情况, 畜群存栏, 资源发包合同) on a real SQLite ledger,
/// against values computed by hand, and for an earlier period after later events happened.
/// </summary>
public class NoticeRegisterTests
{
    [OneTimeSetUp]
    public static void PassphraseForTests() => Environment.SetEnvironmentVariable("CLEDGER_PASSPHRASE", "test-passphrase-1234");

    [OneTimeTearDown]
    public static void NoPassphraseAfterwards() => Environment.SetEnvironmentVariable("CLEDGER_PASSPHRASE", null);

    /// <summary>
    /// 2025: a well (120,000.00 over 100 months: 1,200.00 a month), a tractor (60,000.00, residual
    /// 6,000.00, 60 months: 900.00) sold on 2025-05-20 for 50,000.00, a road bought in April (30,000.00
    /// over 120 months: 250.00), a breeding flock of 100 sheep (50,000.00, residual 5,000.00, 60
    /// months: 750.00) with purchases, a sale and deaths (3 of 150 head on 2025-06-20, written off through
    /// 181: 1,000.00 of cost, 60.00 of depreciation; June and July then depreciate 41,060.00 / 56 =
    /// 733.21); depreciation run February to July. (A breeding herd has no births: those are young stock on 131.)
    /// Contracts: K1 paid for 2025 in April, K2 not paid (3,000.00 due on 2025-03-01) until August,
    /// K3 paid on 2025-05-06 for all five years.
    /// </summary>
    private static TestLedger Books()
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("accounts", "add", "15101", "水利道路", "--parent", "151");
        ledger.Ok("accounts", "add", "15102", "机械", "--parent", "151");
        ledger.Ok("accounts", "add", "51305", "折旧费", "--parent", "513");
        ledger.Ok("members", "add", "M002", "道尔吉 13912345678");
        ledger.Ok("vouchers", "import", ledger.WriteFile("o.json", """
            [{"ref":"O","date":"2025-01-01","kind":"opening","summary":"期初余额","lines":[{"account":"10201","debit":"500000.00"},{"account":"301","credit":"500000.00"}]}]
            """));
        string[] Depreciated(string life, string expense) => ["--life-months", life, "--expense-account", expense, "--paid-from", "10201"];
        ledger.Ok(["assets", "add", "H1", "基础母羊群", "--category", "breeding_herd", "--account", "132", "--acquired", "2025-01-05", "--cost", "50000",
            "--residual", "5000", "--species", "sheep", "--head", "100", .. Depreciated("60", "51305")]);
        ledger.Ok(["assets", "add", "T1", "拖拉机", "--category", "machinery", "--account", "15102", "--acquired", "2025-01-20", "--cost", "60000",
            "--residual", "6000", .. Depreciated("60", "51305")]);
        ledger.Ok(["assets", "add", "W1", "1号机井", "--category", "well", "--account", "15101", "--acquired", "2025-01-10", "--cost", "120000",
            "--location", "第一牧场", .. Depreciated("100", "51305")]);
        ledger.Ok("assets", "depreciate", "--period", "2025-02");
        ledger.Ok("assets", "herd", "H1", "--date", "2025-03-10", "--change", "purchases", "--head", "40");
        ledger.Ok("assets", "depreciate", "--period", "2025-03");
        ledger.Ok(["assets", "add", "R1", "村道<硬化>&", "--category", "road", "--account", "15101", "--acquired", "2025-04-08", "--cost", "30000",
            .. Depreciated("120", "51305")]);
        ledger.Ok("assets", "herd", "H1", "--date", "2025-04-15", "--change", "purchases", "--head", "30");
        ledger.Ok("assets", "depreciate", "--period", "2025-04");
        ledger.Ok("assets", "dispose", "T1", "--date", "2025-05-20", "--reason", "以旧换新", "--proceeds", "50000", "--to", "10201");
        ledger.Ok("assets", "herd", "H1", "--date", "2025-05-10", "--change", "sales", "--head", "20");
        ledger.Ok("assets", "depreciate", "--period", "2025-05");
        ledger.Ok("assets", "herd", "H1", "--date", "2025-06-20", "--change", "deaths", "--head", "3");
        ledger.Ok("assets", "depreciate", "--period", "2025-06");
        ledger.Ok("assets", "herd", "H1", "--date", "2025-07-05", "--change", "purchases", "--head", "10");
        ledger.Ok("assets", "depreciate", "--period", "2025-07");

        string[] Contract(string number, string party, string resource, string area, string rent, string from, string to) =>
            ["contracts", "add", number, "--party", party, "--resource", resource, "--area", area, "--rent", rent, "--from", from, "--to", to,
             "--income-account", "50101"];
        ledger.Ok(Contract("K1", "M001", "grassland", "1200.50", "12000", "2025-01-01", "2027-12-31"));
        ledger.Ok(Contract("K2", "M002", "farmland", "300", "3000", "2025-03-01", "2026-02-28"));
        ledger.Ok(Contract("K3", "M001", "water_surface", "50", "2000", "2025-05-01", "2030-04-30"));
        ledger.Ok("contracts", "receive", "K1", "--date", "2025-04-10", "--amount", "12000", "--account", "10201");
        ledger.Ok("contracts", "receive", "K3", "--date", "2025-05-06", "--amount", "10000", "--account", "10201");
        ledger.Ok("contracts", "receive", "K2", "--date", "2025-08-05", "--amount", "1000", "--account", "10201");
        return ledger;
    }

    private static byte[] Disclose(TestLedger ledger, string file, string scope, string period, string date, params string[] extra)
    {
        var path = Path.Combine(ledger.Dir, file);
        ledger.Ok(["disclose", scope, period, "--date", date, "--out", path, .. extra]);
        return File.ReadAllBytes(path);
    }

    private static JsonElement Json(TestLedger ledger, string scope, string period, string date) =>
        JsonDocument.Parse(Disclose(ledger, $"notice-{period}.json", scope, period, date)).RootElement;

    private static Dictionary<string, JsonElement> Rows(JsonElement section) =>
        section.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty(r.TryGetProperty("code", out _) ? "code" : "number").GetString()!);

    private static string[] Columns(JsonElement row) =>
        new[] { "net_at_start", "increase", "depreciation", "decrease", "cost_at_end", "depreciated_at_end", "net_at_end" }
            .Select(k => row.GetProperty(k).GetString()!).ToArray();

    // Second quarter, after July's depreciation, herd purchase and August's receipt were recorded.
    // Start = the register at 2025-03-31 (two months depreciated), end = at 2025-06-30.
    [Test]
    public void A_quarter_notice_shows_each_asset_rolled_from_its_start_to_its_end_with_hand_computed_values()
    {
        using var ledger = Books();

        var assets = Json(ledger, "--quarter", "2025-Q2", "2025-07-10").GetProperty("assets");

        var rows = Rows(assets);
        Assert.That(rows.Keys, Is.EqualTo(new[] { "H1", "R1", "T1", "W1" }));
        Assert.That(Columns(rows["H1"]), Is.EqualTo(new[] { "48500.00", "0.00", "2233.21", "940.00", "49000.00", "3673.21", "45326.79" }),
            "750.00 + 750.00 + 733.21 depreciated; the dead head's net value 1,000.00 - 60.00 leaves");
        Assert.That(Columns(rows["R1"]), Is.EqualTo(new[] { "0.00", "30000.00", "500.00", "0.00", "30000.00", "500.00", "29500.00" }),
            "bought in April: no depreciation in the month of acquisition");
        Assert.That(Columns(rows["T1"]), Is.EqualTo(new[] { "58200.00", "0.00", "900.00", "57300.00", "0.00", "0.00", "0.00" }),
            "sold in May: April's depreciation, then its net value leaves");
        Assert.That(rows["T1"].GetProperty("disposed").GetString(), Is.EqualTo("2025-05-20"));
        Assert.That(Columns(rows["W1"]), Is.EqualTo(new[] { "117600.00", "0.00", "3600.00", "0.00", "120000.00", "6000.00", "114000.00" }),
            "July's depreciation, recorded before the notice, is not June's");
        Assert.That(Columns(assets.GetProperty("totals")),
            Is.EqualTo(new[] { "224300.00", "30000.00", "7233.21", "58240.00", "199000.00", "10173.21", "188826.79" }));
    }

    [Test]
    public void A_quarter_notice_counts_the_herd_by_change_and_the_contracts_received_and_overdue_as_of_its_last_day()
    {
        using var ledger = Books();

        var notice = Json(ledger, "--quarter", "2025-Q2", "2025-07-10");

        var herd = notice.GetProperty("herds").EnumerateArray().Single();
        Assert.That(new[] { "head_at_start", "registered", "births", "purchases", "sales", "deaths", "disposed", "head_at_end" }.Select(k => herd.GetProperty(k).GetInt32()),
            Is.EqualTo(new[] { 140, 0, 0, 30, 20, 3, 0, 147 }), "July's purchase of 10 is not in the second quarter");
        var contracts = notice.GetProperty("contracts");
        var rows = Rows(contracts);
        string[] Money(JsonElement c) => new[] { "rent", "received_in_period", "received_to_date", "overdue" }.Select(k => c.GetProperty(k).GetString()!).ToArray();
        Assert.That(Money(rows["K1"]), Is.EqualTo(new[] { "12000.00", "12000.00", "12000.00", "0.00" }), "paid");
        Assert.That(Money(rows["K2"]), Is.EqualTo(new[] { "3000.00", "0.00", "0.00", "3000.00" }), "overdue on 2025-06-30; August's receipt comes later");
        Assert.That(Money(rows["K3"]), Is.EqualTo(new[] { "2000.00", "10000.00", "10000.00", "0.00" }), "five years prepaid");
        Assert.That(rows["K2"].GetProperty("party").GetString(), Is.EqualTo("道尔吉 139****5678"), "the party's name, de-identified");
        Assert.That(rows["K1"].GetProperty("area").GetString(), Is.EqualTo("1200.50"));
        var totals = contracts.GetProperty("totals");
        Assert.That(new[] { "rent", "received_in_period", "received_to_date", "overdue" }.Select(k => totals.GetProperty(k).GetString()),
            Is.EqualTo(new[] { "17000.00", "22000.00", "22000.00", "3000.00" }));
        Assert.That(totals.GetProperty("areas").EnumerateArray().Select(a => (a.GetProperty("unit").GetString(), a.GetProperty("area").GetString())),
            Is.EqualTo(new[] { ("mu", "1550.50") }), "all three are land or water, in 亩");
    }

    // March, disclosed after everything: the road (April) and K3 (from May) are not yet there, K1 is
    // overdue since its April receipt had not come, the tractor is still held.
    [Test]
    public void A_notice_for_an_earlier_month_printed_after_later_events_shows_that_month()
    {
        using var ledger = Books();

        var notice = Json(ledger, "--period", "2025-03", "2025-04-05");

        var assets = Rows(notice.GetProperty("assets"));
        Assert.That(assets.Keys, Is.EqualTo(new[] { "H1", "T1", "W1" }));
        Assert.That(Columns(assets["T1"]), Is.EqualTo(new[] { "59100.00", "0.00", "900.00", "0.00", "60000.00", "1800.00", "58200.00" }));
        Assert.That(Columns(notice.GetProperty("assets").GetProperty("totals")),
            Is.EqualTo(new[] { "227150.00", "0.00", "2850.00", "0.00", "230000.00", "5700.00", "224300.00" }));
        var herd = notice.GetProperty("herds")[0];
        Assert.That((herd.GetProperty("head_at_start").GetInt32(), herd.GetProperty("purchases").GetInt32(), herd.GetProperty("head_at_end").GetInt32()),
            Is.EqualTo((100, 40, 140)));
        var contracts = Rows(notice.GetProperty("contracts"));
        Assert.That(contracts.Keys, Is.EqualTo(new[] { "K1", "K2" }));
        Assert.That(contracts["K1"].GetProperty("overdue").GetString(), Is.EqualTo("12000.00"));
        Assert.That(notice.GetProperty("contracts").GetProperty("totals").GetProperty("overdue").GetString(), Is.EqualTo("15000.00"));
    }

    [Test]
    public void The_pdf_prints_the_three_sections_with_their_totals_the_html_escapes_names_and_the_csv_opens()
    {
        using var ledger = Books();

        var pdf = string.Concat(PdfText.Pages(Disclose(ledger, "q2.pdf", "--quarter", "2025-Q2", "2025-07-10")));
        var html = Encoding.UTF8.GetString(Disclose(ledger, "q2.html", "--quarter", "2025-Q2", "2025-07-10"));
        var csv = Disclose(ledger, "q2.csv", "--quarter", "2025-Q2", "2025-07-10");

        foreach (var expected in new[] { "六、资产情况", "期末净值", "1号机井（第一牧场）", "188,826.79", "58,240.00", "（2025-05-20清理）", "七、畜群存栏", "基础母羊群", "绵羊",
                     "八、资源发包合同", "道尔吉139****5678", "草场", "1,550.50", "22,000.00", "九、审核与监督", "十、账目核验" })
            Assert.That(pdf, Does.Contain(expected), expected);
        Assert.That(pdf, Does.Not.Contain("13912345678"));
        string E(string text) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text);
        Assert.That(html, Does.Contain(E("村道") + "&lt;" + E("硬化") + "&gt;&amp;").And.Not.Contain("<" + E("硬化") + ">"));
        Assert.That(html, Does.Contain($"<tr class=\"total\"><td>{E("合计")}</td><td class=\"n\">224,300.00</td>"));
        Assert.That(csv.Take(3), Is.EqualTo(Encoding.UTF8.GetPreamble()));
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n");
        Assert.That(lines, Does.Contain("六、资产情况").And.Contain("合计,224300.00,30000.00,7233.21,58240.00,199000.00,10173.21,188826.79"));
        Assert.That(lines, Does.Contain("H1 基础母羊群,绵羊,140,0,0,30,20,3,0,147"));
        Assert.That(lines, Does.Contain("K2,道尔吉 139****5678,耕地,300.00,亩,3000.00,2025-03-01至2026-02-28,0.00,0.00,3000.00"));
    }

    [Test]
    public void A_ledger_without_assets_or_contracts_says_none_in_each_section_and_in_english_too()
    {
        using var ledger = TestLedger.WithBasics();

        var zh = string.Concat(PdfText.Pages(Disclose(ledger, "empty.pdf", "--period", "2025-01", "2025-02-05")));
        var en = Encoding.UTF8.GetString(Disclose(ledger, "empty.html", "--period", "2025-01", "2025-02-05", "--lang", "en"));
        var json = Json(ledger, "--period", "2025-01", "2025-02-05");

        Assert.That(zh, Does.Contain("六、资产情况本期无").And.Contain("七、畜群存栏（头、只）本期无").And.Contain("八、资源发包合同（草场、耕地等）本期无"));
        Assert.That(en, Does.Contain("<h2>6. Assets</h2><p>None in this period</p>").And.Contain("<h2>7. Herds (head)</h2><p>None in this period</p>"));
        Assert.That(json.GetProperty("assets").GetProperty("rows").GetArrayLength(), Is.EqualTo(0));
        Assert.That(json.GetProperty("assets").GetProperty("totals").GetProperty("net_at_end").GetString(), Is.EqualTo("0.00"));
        Assert.That(json.GetProperty("contracts").GetProperty("rows").GetArrayLength(), Is.EqualTo(0));
    }

    [Test]
    public void The_json_sections_have_exactly_the_keys_of_the_schema_in_its_order()
    {
        using var ledger = Books();
        var schema = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestLedger.RepoRoot, "schemas", "disclosure.schema.json"))).RootElement.GetProperty("properties");

        var notice = Json(ledger, "--quarter", "2025-Q2", "2025-07-10");

        static List<string> Keys(JsonElement o) => [.. o.EnumerateObject().Select(p => p.Name)];
        static List<string> Required(JsonElement s) => [.. s.GetProperty("required").EnumerateArray().Select(e => e.GetString()!)];
        // Since issue 11 the contracts carry optional keys (area_unit, per-unit areas) and no longer the total "area" across units.
        static List<string> Written(JsonElement s) => [.. Keys(s.GetProperty("properties")).Where(k => k != "area" || s.GetProperty("required").EnumerateArray().Any(r => r.GetString() == "area"))];
        // "feedback" is optional: written only when villagers' feedback arrived or was answered in the months; "attachments"
        // only when the notice shows 原始凭证 (setting notice.attachments, NoticeAttachmentTests).
        Assert.That(Keys(notice), Is.EqualTo(Keys(schema).Where(k => k is not ("feedback" or "attachments")).ToList()));
        foreach (var section in new[] { "assets", "contracts" })
        {
            var properties = schema.GetProperty(section).GetProperty("properties");
            Assert.That(Keys(notice.GetProperty(section).GetProperty("rows")[0]), Is.EqualTo(Written(properties.GetProperty("rows").GetProperty("items"))), section);
            Assert.That(Keys(notice.GetProperty(section).GetProperty("totals")), Is.EqualTo(Written(properties.GetProperty("totals"))), section);
        }
        Assert.That(Keys(notice.GetProperty("herds")[0]), Is.EqualTo(Required(schema.GetProperty("herds").GetProperty("items"))));
    }
}
