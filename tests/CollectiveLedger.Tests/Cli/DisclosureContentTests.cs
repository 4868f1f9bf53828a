using System.Text.Json;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// What an accounting review found missing or wrong on the notices (issue 11), end to end through
/// `disclose --format json`: debts by the side they stand on, the asset overview, resources per unit,
/// fund balances net of retention money, 一事一议 item by item and cadre pay per person.
/// </summary>
public class DisclosureContentTests
{
    /// <summary>A March with an internal account in credit, a loan, a fund with retention money owed, 一事一议 money, cadre pay and two contracts.</summary>
    private static TestLedger Books()
    {
        var ledger = TestLedger.WithBasics();
        foreach (var (code, name, parent) in new[]
                 {
                     ("11301", "第一小组", "113"), ("15301", "机井工程", "153"), ("21101", "草原建筑工程有限公司", "211"), ("21201", "嘎查干部报酬", "212"),
                     ("21105", "预收资源承包费", "211"), ("23101", "村民筹资", "231"), ("50104", "房屋发包收入", "501"),
                 })
            ledger.Ok("accounts", "add", code, name, "--parent", parent);
        ledger.Ok("members", "add", "M002", "其木格");
        ledger.Ok("counterparties", "add", "C01", "旗农牧局");
        var lines = new[]
        {
            """{"ref":"O","date":"2025-01-01","kind":"opening","summary":"期初","lines":[{"account":"10201","debit":"50000.00"},{"account":"301","credit":"50000.00"}]}""",
            """{"ref":"A","date":"2025-03-02","summary":"第一小组暂存款","lines":[{"account":"10201","debit":"3500.00"},{"account":"11301","credit":"3500.00"}]}""",
            """{"ref":"B","date":"2025-03-03","summary":"信用社贷款","lines":[{"account":"10201","debit":"20000.00"},{"account":"201","credit":"20000.00"}]}""",
            """{"ref":"C","date":"2025-03-05","summary":"收到衔接资金","lines":[{"account":"10201","debit":"30000.00","fund":"F01"},{"account":"241","credit":"30000.00","fund":"F01","counterparty":"C01"}]}""",
            """{"ref":"D","date":"2025-03-09","summary":"机井工程款","lines":[{"account":"15301","debit":"10000.00","fund":"F01"},{"account":"10201","credit":"8000.00","fund":"F01"},{"account":"21101","credit":"2000.00","fund":"F01","summary":"质保金"}]}""",
            """{"ref":"E","date":"2025-03-12","summary":"一事一议筹资","lines":[{"account":"10201","debit":"220.00"},{"account":"23101","credit":"100.00","member":"M001","summary":"巴特尔 5人×20元 13912345678"},{"account":"23101","credit":"120.00","member":"M002","summary":"其木格 6人×20元"}]}""",
            """{"ref":"F","date":"2025-03-31","summary":"计提3月干部报酬","lines":[{"account":"513","debit":"5000.00"},{"account":"21201","credit":"3200.00","member":"M001"},{"account":"21201","credit":"1800.00","member":"M002"}]}""",
            """{"ref":"G","date":"2025-03-31","summary":"发放3月干部报酬","lines":[{"account":"21201","debit":"3200.00","member":"M001"},{"account":"10201","credit":"3200.00"}]}""",
        };
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.jsonl", string.Join("\n", lines) + "\n"));
        string[] Contract(string number, string party, string resource, string area) =>
            ["contracts", "add", number, "--party", party, "--resource", resource, "--area", area, "--rent", "1000", "--from", "2025-01-01", "--to", "2027-12-31",
             "--income-account", "50104", "--prepaid-account", "21105"];
        ledger.Ok(Contract("K1", "M001", "grassland", "2400"));
        ledger.Ok(Contract("K2", "M002", "building", "180"));
        ledger.Ok(Contract("K3", "M002", "grassland", "150.50"));
        return ledger;
    }

    private static JsonElement Notice(TestLedger ledger)
    {
        var path = Path.Combine(ledger.Dir, "notice.json");
        ledger.Ok("disclose", "--period", "2025-03", "--date", "2025-04-03", "--out", path);
        return JsonDocument.Parse(File.ReadAllBytes(path)).RootElement;
    }

    private static IEnumerable<(string, string)> Categories(JsonElement array) =>
        array.EnumerateArray().Select(c => (c.GetProperty("code").GetString()!, c.GetProperty("amount").GetString()!));

    [Test]
    public void A_credit_balance_on_an_internal_account_is_a_debt_and_loans_231_and_241_are_debts_with_totals()
    {
        using var ledger = Books();

        var json = Notice(ledger);

        Assert.That(Categories(json.GetProperty("receivables")), Is.Empty);
        Assert.That(Categories(json.GetProperty("payables")), Is.EqualTo(new[]
        {
            ("11301", "3500.00"), ("201", "20000.00"), ("21101", "2000.00"), ("21201", "1800.00"), ("23101", "220.00"), ("241", "30000.00"),
        }));
        Assert.That(json.GetProperty("payables_total").GetString(), Is.EqualTo("57520.00"));
        Assert.That(json.GetProperty("receivables_total").GetString(), Is.EqualTo("0.00"));
    }

    [Test]
    public void The_asset_overview_shows_construction_in_progress_by_project()
    {
        using var ledger = Books();

        var overview = Notice(ledger).GetProperty("asset_overview");

        var construction = overview.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "153");
        Assert.That(construction.GetProperty("amount").GetString(), Is.EqualTo("10000.00"));
        Assert.That(Categories(construction.GetProperty("parts")), Is.EqualTo(new[] { ("15301", "10000.00") }));
        Assert.That(overview.GetProperty("total").GetString(), Is.EqualTo("102520.00"), "bank 92,520.00 + construction 10,000.00");
    }

    [Test]
    public void Areas_stay_in_their_units_and_the_resource_inventory_lists_contracted_area_per_type()
    {
        using var ledger = Books();

        var json = Notice(ledger);

        var rows = json.GetProperty("contracts").GetProperty("rows").EnumerateArray().ToList();
        Assert.That(rows.Select(r => (r.GetProperty("area").GetString(), r.GetProperty("area_unit").GetString())),
            Is.EqualTo(new[] { ("2400.00", "mu"), ("180.00", "square_metre"), ("150.50", "mu") }));
        var totals = json.GetProperty("contracts").GetProperty("totals");
        Assert.That(totals.TryGetProperty("area", out _), Is.False, "no total adding 亩 and 平方米");
        Assert.That(totals.GetProperty("areas").EnumerateArray().Select(a => (a.GetProperty("unit").GetString(), a.GetProperty("area").GetString())),
            Is.EqualTo(new[] { ("mu", "2550.50"), ("square_metre", "180.00") }));
        var resources = json.GetProperty("resources").EnumerateArray().ToList();
        Assert.That(resources.Select(r => (r.GetProperty("resource").GetString(), r.GetProperty("unit").GetString(), r.GetProperty("area").GetString(), r.GetProperty("contracts").GetInt32())),
            Is.EqualTo(new[] { ("grassland", "mu", "2550.50", 2), ("building", "square_metre", "180.00", 1) }));
        Assert.That(resources[0].GetProperty("parties").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(new[] { "巴特尔", "其木格" }));
    }

    [Test]
    public void A_fund_shows_what_it_still_owes_and_the_balance_available_net_of_it()
    {
        using var ledger = Books();

        var fund = Notice(ledger).GetProperty("funds").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "F01");

        Assert.That(fund.GetProperty("balance").GetString(), Is.EqualTo("22000.00"));
        Assert.That(fund.GetProperty("still_payable").GetString(), Is.EqualTo("2000.00"));
        Assert.That(fund.GetProperty("available").GetString(), Is.EqualTo("20000.00"));
    }

    [Test]
    public void One_matter_money_is_listed_item_by_item_per_household_with_numbers_masked()
    {
        using var ledger = Books();

        var oneMatter = Notice(ledger).GetProperty("one_matter");

        var items = oneMatter.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items.Select(i => (i.GetProperty("party").GetString(), i.GetProperty("raised").GetString())),
            Is.EqualTo(new[] { ("巴特尔", "100.00"), ("其木格", "120.00") }));
        Assert.That(items[0].GetProperty("summary").GetString(), Is.EqualTo("巴特尔 5人×20元 139****5678"));
        Assert.That(oneMatter.GetProperty("raised_total").GetString(), Is.EqualTo("220.00"));
    }

    [Test]
    public void Cadre_pay_is_shown_per_person_accrued_and_paid()
    {
        using var ledger = Books();

        var pay = Notice(ledger).GetProperty("cadre_pay");

        Assert.That(pay.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("person").GetString(), r.GetProperty("accrued").GetString(), r.GetProperty("paid").GetString())),
            Is.EqualTo(new[] { ("其木格", "1800.00", "0.00"), ("巴特尔", "3200.00", "3200.00") }));
        Assert.That((pay.GetProperty("accrued_total").GetString(), pay.GetProperty("paid_total").GetString()), Is.EqualTo(("5000.00", "3200.00")));
    }

    [Test]
    public void The_html_notice_carries_the_annexes_and_the_units()
    {
        using var ledger = Books();
        var path = Path.Combine(ledger.Dir, "notice.html");

        ledger.Ok("disclose", "--period", "2025-03", "--date", "2025-04-03", "--out", path);

        var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(path));
        foreach (var expected in new[] { "附表一、资产概况", "15301 机井工程", "附表二、资源台账", "平方米", "附表三、专项资金应付未付及可用结余", "可用结余",
                     "附表四、一事一议筹资筹劳", "附表五、干部报酬", "债务合计", "57,520.00" })
            Assert.That(html, Does.Contain(expected), expected);
        Assert.That(html.Contains("-3,500.00", StringComparison.Ordinal), Is.False, "an internal account in credit is not a negative claim");
    }
}
