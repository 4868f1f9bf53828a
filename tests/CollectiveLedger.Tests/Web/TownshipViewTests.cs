using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Storage;
using Microsoft.Playwright;

namespace CollectiveLedger.Tests.Web;

/// <summary>
/// The township and county views over three villages' SQLite books, each made through the command line
/// in a different state: 北村 closes every ended month and posted its first quarter's notice on time;
/// 南村 closes them too but posted the notice late; 西村 has closed only January and February, posted no
/// notice, has a draft waiting in approval and a contract whose rent is overdue. A fourth village's books
/// are missing, in another township. Figures are checked against each village's own reports, read
/// through the command line (an independent path), never written into the test.
/// </summary>
public partial class TownshipViewTests
{
    private const string County = "阿巴嘎旗";
    private const string Township = "查干淖尔镇";
    private const string OtherTownship = "宝格达乡";

    private TestLedger _north = null!, _south = null!, _west = null!;
    private string _missing = "";

    [OneTimeSetUp]
    public void MakeVillages()
    {
        _north = Village("北村股份经济合作社", noticeDate: "2026-04-05", closeTo: 5);
        _south = Village("南村股份经济合作社", noticeDate: "2026-05-20", closeTo: 5);
        _west = Village("西村股份经济合作社", noticeDate: null, closeTo: 2);
        _west.Ok("accounts", "add", "21101", "预收承包费", "--parent", "211");
        _west.Ok("contracts", "add", "HT-01", "--party", "M001", "--resource", "grassland", "--area", "1500", "--rent", "3000",
            "--from", "2026-01-01", "--to", "2027-12-31", "--schedule", "annual", "--income-account", "50101", "--prepaid-account", "21101");
        _west.Ok("accounts", "add", "21102", "应付管理费", "--parent", "211");
        _west.OkAs("会计", "vouchers", "draft", _west.WriteFile("d.json",
            """[{"ref":"D1","date":"2026-06-10","summary":"应付管理费","lines":[{"account":"513","debit":"500"},{"account":"21102","credit":"500"}]}]"""));
        _missing = Path.Combine(_north.Dir, "no-such-village.db");
    }

    [OneTimeTearDown]
    public void RemoveVillages()
    {
        _north.Dispose();
        _south.Dispose();
        _west.Dispose();
    }

    /// <summary>Books from 2026-01 with a support fund under grant terms, money in and out of it, some income, and months closed.</summary>
    private static TestLedger Village(string org, string? noticeDate, int closeTo)
    {
        var ledger = TestLedger.WithBasics(org: org, start: "2026-01");
        ledger.Ok("accounts", "add", "15301", "机井工程", "--parent", "153");
        ledger.Ok("funds", "add", "F02", "机井资金", "--kind", "衔接资金", "--agency", "旗财政局", "--document", "东财农〔2026〕3号",
            "--granted", "50000", "--purpose", "打井", "--accounts", "153", "--to", "2026-12-31");
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json", """
            [{"ref":"A","date":"2026-01-15","summary":"收到机井资金","lines":[{"account":"10201","debit":"30000","fund":"F02"},{"account":"241","credit":"30000","fund":"F02"}]},
             {"ref":"B","date":"2026-02-10","summary":"支付机井工程款","lines":[{"account":"15301","debit":"12000","fund":"F02"},{"account":"10201","credit":"12000","fund":"F02"}]},
             {"ref":"C","date":"2026-03-01","summary":"收到衔接资金","lines":[{"account":"10201","debit":"800","fund":"F01"},{"account":"241","credit":"800","fund":"F01"}]},
             {"ref":"D","date":"2026-03-05","summary":"收到承包费","lines":[{"account":"10201","debit":"4500"},{"account":"50101","credit":"4500"}]},
             {"ref":"E","date":"2026-04-20","summary":"支付办公费","lines":[{"account":"513","debit":"650.40"},{"account":"10201","credit":"650.40"}]}]
            """));
        for (var m = 1; m <= closeTo; m++) ledger.Ok("period", "close", $"2026-{m:D2}");
        if (noticeDate is not null) ledger.PublishNotice(["--quarter", "2026-Q1"], noticeDate, [Path.Combine(ledger.Dir, "q1.json")]);
        return ledger;
    }

    private IReadOnlyList<VillageBooks> Villages() =>
    [
        Books("V01", "北村", Township, _north.Db, _north.Village), Books("V02", "南村", Township, _south.Db, _south.Village),
        Books("V03", "西村", Township, _west.Db, _west.Village), Books("V04", "东村", OtherTownship, _missing),
    ];

    private static VillageBooks Books(string code, string name, string township, string db, string? village = null) =>
        new(code, name, township, County, () => LedgerStore.Open(db, TestClock.Fixed, village));

    /// <summary>
    /// The township and county views as each person may see them (<see cref="CollectiveLedger.Web.WorkspaceOptions.VillagesSeen"/>,
    /// the registry of access's answer on PostgreSQL): 审计 the county's auditor sees every village of the county, 会计 the
    /// township agency's accountant every village of 查干淖尔镇, 监委 北村's supervisor 北村 alone, anyone else none.
    /// </summary>
    private Workspace Served() => new(o => o with
    {
        Villages = Villages,
        VillagesSeen = user => Villages().Where(v => user switch
        {
            "审计" => v.County == County,
            "会计" => v.County == County && v.Township == Township,
            "监委" => v.Code == "V01",
            _ => false,
        }).Select(v => v.Code).ToHashSet(),
    });

    /// <summary>A village's own figures through the command line: fund balance, drafts waiting, rent overdue.</summary>
    private static (Amount FundBalance, int Pending, Amount Overdue) Own(TestLedger village)
    {
        var funds = JsonDocument.Parse(village.Ok("report", "funds", "--from", "2026-01", "--to", "2026-06", "--format", "json")).RootElement.GetProperty("funds");
        var pending = JsonDocument.Parse(village.Ok("vouchers", "pending", "--format", "json")).RootElement.GetArrayLength();
        var contracts = JsonDocument.Parse(village.Ok("contracts", "due", "--as-of", "2026-06-30", "--format", "json")).RootElement.GetProperty("contracts");
        return (funds.EnumerateArray().Aggregate(Amount.Zero, (sum, f) => sum + Amount.ParseCanonical(f.GetProperty("balance").GetString()!)), pending,
            contracts.EnumerateArray().Aggregate(Amount.Zero, (sum, c) => sum + Amount.ParseCanonical(c.GetProperty("overdue").GetString()!)));
    }

    private static string Row(string html, string code) =>
        Regex.Match(html, $"<tr data-village=\"{code}\">(.*?)</tr>", RegexOptions.Singleline) is { Success: true } m ? m.Groups[1].Value : throw new AssertionException($"no row for {code}");

    private static string Cell(string row, string cls) =>
        WebUtility.HtmlDecode(Regex.Replace(Regex.Match(row, $"<td class=\"{cls}\">(.*?)</td>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>|\\s+", " ").Trim());

    [Test]
    public async Task The_township_page_shows_each_village_in_its_state_in_words_and_its_totals_are_the_sum_of_the_villages_own_reports()
    {
        using var workspace = Served();
        var client = await workspace.SignedIn("审计");

        var (status, html) = await client.Page($"/staff/county/{Uri.EscapeDataString(County)}/{Uri.EscapeDataString(Township)}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var north = Row(html, "V01");
        var south = Row(html, "V02");
        var west = Row(html, "V03");
        Assert.That(Cell(north, "months"), Is.EqualTo("5 / 6"));
        Assert.That(Cell(north, "notice"), Does.Contain("2026-Q1").And.Contain("2026-04-05").And.Contain("按时").And.Not.Contain("迟延"));
        Assert.That(Cell(south, "notice"), Does.Contain("2026-05-20").And.Contain("迟延").And.Contain("3 个月公开迟延或逾期"));
        Assert.That(Cell(west, "months"), Does.StartWith("2 / 6").And.Contain("3 个月已过未结账"));
        Assert.That(Cell(west, "notice"), Does.Contain("尚无公告").And.Contain("3 个月公开迟延或逾期"));
        Assert.That(Cell(north, "contracts"), Is.EqualTo("无逾期"));
        var villages = new[] { (north, _north), (south, _south), (west, _west) };
        foreach (var (row, books) in villages)
        {
            var own = Own(books);
            Assert.That(Cell(row, "num balance"), Is.EqualTo(own.FundBalance.ToDisplayString()));
            Assert.That(Cell(row, "num pending"), Is.EqualTo(own.Pending.ToString(CultureInfo.InvariantCulture)));
            if (!own.Overdue.IsZero) Assert.That(Cell(row, "contracts"), Does.Contain(own.Overdue.ToDisplayString()));
        }
        Assert.That(Own(_west).Overdue.IsZero, Is.False, "西村's contract is overdue in its own report");
        Assert.That(Own(_west).Pending, Is.EqualTo(1));
        var totals = Regex.Match(html, "<tr class=\"totals\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        var sums = villages.Select(v => Own(v.Item2)).ToList();
        Assert.That(Cell(totals, "num balance"), Is.EqualTo(sums.Aggregate(Amount.Zero, (s, o) => s + o.FundBalance).ToDisplayString()));
        Assert.That(Cell(totals, "num pending"), Is.EqualTo(sums.Sum(o => o.Pending).ToString(CultureInfo.InvariantCulture)));
        Assert.That(Cell(totals, "contracts"), Does.Contain(sums.Aggregate(Amount.Zero, (s, o) => s + o.Overdue).ToDisplayString()));
    }

    [Test]
    public async Task The_township_CSV_reads_back_with_a_BOM_and_one_row_per_village_holding_the_villages_own_figures()
    {
        using var workspace = Served();
        var client = await workspace.SignedIn("审计");

        var response = await client.GetAsync($"/staff/county/{Uri.EscapeDataString(County)}/{Uri.EscapeDataString(Township)}?handler=csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        Assert.That(bytes[..3], Is.EqualTo(Encoding.UTF8.GetPreamble()));
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        Assert.That(lines[0], Is.EqualTo(CollectiveLedger.Reports.VillageReports.TownshipHeaders));
        Assert.That(lines.Skip(1).Select(l => l[0]), Is.EqualTo(new[] { "V01", "V02", "V03" }));
        var column = lines[0].ToList();
        foreach (var (code, books) in new[] { ("V01", _north), ("V02", _south), ("V03", _west) })
        {
            var row = lines.Single(l => l[0] == code);
            var own = Own(books);
            Assert.That(row[column.IndexOf("专项资金结余 fund balance")], Is.EqualTo(own.FundBalance.ToString()));
            Assert.That(row[column.IndexOf("待审批 pending approvals")], Is.EqualTo(own.Pending.ToString(CultureInfo.InvariantCulture)));
            Assert.That(row[column.IndexOf("逾期租金 overdue rent")], Is.EqualTo(own.Overdue.ToString()));
        }
        Assert.That(lines.Single(l => l[0] == "V02")[column.IndexOf("是否按时 on time")], Is.EqualTo("迟延 late"));
    }

    [Test]
    public async Task The_county_page_adds_each_township_up_links_to_it_says_which_books_cannot_be_read_and_downloads_as_CSV()
    {
        using var workspace = Served();
        var client = await workspace.SignedIn("审计");

        var (_, html) = await client.Page($"/staff/county/{Uri.EscapeDataString(County)}");
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/staff/county/{Uri.EscapeDataString(County)}?handler=csv"));

        Assert.That(html, Does.Contain($"href=\"/staff/county/{Uri.EscapeDataString(County)}/{Uri.EscapeDataString(Township)}\""));
        Assert.That(html, Does.Contain("1 个村的账套无法读取"));
        var rows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        var header = rows[0].ToList();
        var township = rows.Single(r => r[0] == Township);
        var other = rows.Single(r => r[0] == OtherTownship);
        var sums = new[] { _north, _south, _west }.Select(Own).ToList();
        Assert.That(township[header.IndexOf("村数 villages")], Is.EqualTo("3"));
        Assert.That(township[header.IndexOf("专项资金结余 fund balance")], Is.EqualTo(sums.Aggregate(Amount.Zero, (s, o) => s + o.FundBalance).ToString()));
        Assert.That(township[header.IndexOf("逾期租金 overdue rent")], Is.EqualTo(sums.Aggregate(Amount.Zero, (s, o) => s + o.Overdue).ToString()));
        Assert.That(township[header.IndexOf("公开迟延或逾期的村 with notices late")], Is.EqualTo("2"));
        Assert.That(township[header.IndexOf("有未结账月份的村 with months open")], Is.EqualTo("1"));
        Assert.That(other[header.IndexOf("账套无法读取 unreadable")], Is.EqualTo("1"));
    }

    [Test]
    public async Task The_village_page_shows_its_fund_usage_report_and_well_formed_charts_with_one_spent_bar_per_fund_and_twelve_months()
    {
        using var workspace = Served();
        var client = await workspace.SignedIn("审计");

        var (_, html) = await client.Page("/staff/village/V03");

        var report = JsonDocument.Parse(_west.Ok("report", "funds", "--from", "2026-01", "--to", "2026-06", "--format", "json")).RootElement.GetProperty("funds");
        var table = Regex.Match(html, "<table class=\"funds\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        foreach (var fund in report.EnumerateArray())
        {
            var row = Regex.Match(table, $"<td[^>]*>{fund.GetProperty("code").GetString()}</td>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
            foreach (var key in new[] { "received_to_date", "spent_to_date", "balance" })
                Assert.That(row, Does.Contain(">" + Amount.ParseCanonical(fund.GetProperty(key).GetString()!).ToDisplayString() + "<"), $"{fund.GetProperty("code")} {key}");
        }
        XNamespace svg = "http://www.w3.org/2000/svg";
        var fundChart = XDocument.Parse(Svg(html, "fund-chart"));
        Assert.That(fundChart.Descendants(svg + "rect").Count(r => (string?)r.Attribute("class") == "spent"), Is.EqualTo(report.GetArrayLength()));
        Assert.That(fundChart.Descendants(svg + "g").Select(g => (string?)g.Attribute("data-fund")),
            Is.EqualTo(report.EnumerateArray().Select(f => f.GetProperty("code").GetString())));
        var flows = XDocument.Parse(Svg(html, "flow-chart"));
        Assert.That(flows.Descendants(svg + "g").Count(g => (string?)g.Attribute("class") == "month"), Is.EqualTo(12));
        Assert.That(html, Does.Contain("HT-01").And.Contain("逾期未公开"));
    }

    [Test]
    public void The_monthly_chart_gives_each_month_the_income_and_expenditure_of_the_villages_own_notice_items()
    {
        using var store = _north.Open();

        var status = store.Status.VillageStatus(DateOnly.FromDateTime(TestClock.Now.Date));

        foreach (var flow in status.Flows)
        {
            var items = store.Disclosure.DisclosureItems(flow.Month, flow.Month);
            Assert.That(flow.Income, Is.EqualTo(items.Where(i => i.IsIncome).Aggregate(Amount.Zero, (s, i) => s + i.Amount)), flow.Month.ToString());
            Assert.That(flow.Expenditure, Is.EqualTo(items.Where(i => !i.IsIncome).Aggregate(Amount.Zero, (s, i) => s + i.Amount)), flow.Month.ToString());
        }
        Assert.That(status.Flows.Any(f => !f.Income.IsZero) && status.Flows.Any(f => !f.Expenditure.IsZero));
    }

    [Test]
    public async Task Nobody_signed_out_sees_a_village_and_the_pages_of_unknown_places_are_not_found()
    {
        using var workspace = Served();
        var anonymous = workspace.Client();
        var auditor = await workspace.SignedIn("审计");

        var signedOut = await anonymous.GetAsync("/staff/village/V01");
        var unknown = await auditor.GetAsync("/staff/village/V99");
        var unknownTownship = await auditor.GetAsync($"/staff/county/{Uri.EscapeDataString(County)}/nowhere");

        Assert.That(signedOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(signedOut.Headers.Location!.OriginalString, Does.StartWith("/signin"));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknownTownship.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_village_s_supervisor_sees_only_their_village_the_others_are_not_found_and_the_township_adds_up_their_village_alone()
    {
        using var workspace = Served();
        var supervisor = await workspace.SignedIn("监委");
        var township = $"/staff/county/{Uri.EscapeDataString(County)}/{Uri.EscapeDataString(Township)}";

        var (ownStatus, _) = await supervisor.Page("/staff/village/V01");
        var others = await Task.WhenAll(new[] { "V02", "V03", "V04" }.Select(c => supervisor.GetAsync("/staff/village/" + c)));
        var (status, html) = await supervisor.Page(township);
        var csv = Encoding.UTF8.GetString(await supervisor.GetByteArrayAsync(township + "?handler=csv")).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        var xlsx = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await supervisor.GetByteArrayAsync(township + "?handler=xlsx")), useHeaderRow: true)
            .Cast<IDictionary<string, object>>().ToList();
        var otherTownship = await supervisor.GetAsync($"/staff/county/{Uri.EscapeDataString(County)}/{Uri.EscapeDataString(OtherTownship)}");
        var county = Encoding.UTF8.GetString(await supervisor.GetByteArrayAsync($"/staff/county/{Uri.EscapeDataString(County)}?handler=csv")).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        var (_, index) = await supervisor.Page("/staff/villages");

        Assert.That(ownStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(others.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.NotFound));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Regex.Matches(html, "<tr data-village=").Count, Is.EqualTo(1));
        Assert.That(html, Does.Contain("<tr data-village=\"V01\">").And.Not.Contain("南村").And.Not.Contain("西村"));
        Assert.That(html, Does.Contain("显示您有权查看的 1 个村"));
        var own = Own(_north);
        var totals = Regex.Match(html, "<tr class=\"totals\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.That(Cell(totals, "num balance"), Is.EqualTo(own.FundBalance.ToDisplayString()));
        Assert.That(Cell(totals, "num pending"), Is.EqualTo(own.Pending.ToString(CultureInfo.InvariantCulture)));
        Assert.That(csv.Skip(1).Select(l => l[0]), Is.EqualTo(new[] { "V01" }));
        Assert.That(xlsx.Select(r => r["村 village"]), Is.EqualTo(new[] { "V01" }));
        Assert.That(otherTownship.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "宝格达乡 holds no village the supervisor may see");
        Assert.That(county.Skip(1).Select(r => r[0]), Is.EqualTo(new[] { Township }));
        Assert.That(county[1][county[0].ToList().IndexOf("村数 villages")], Is.EqualTo("1"));
        Assert.That(county[1][county[0].ToList().IndexOf("专项资金结余 fund balance")], Is.EqualTo(own.FundBalance.ToString()));
        Assert.That(index, Does.Contain(Township).And.Not.Contain(OtherTownship));
    }

    [Test]
    public async Task The_township_agency_s_accountant_granted_the_township_sees_its_three_villages_but_not_the_other_township()
    {
        using var workspace = Served();
        var accountant = await workspace.SignedIn("会计");

        var (status, html) = await accountant.Page($"/staff/county/{Uri.EscapeDataString(County)}/{Uri.EscapeDataString(Township)}");
        var villages = await Task.WhenAll(new[] { "V01", "V02", "V03" }.Select(c => accountant.GetAsync("/staff/village/" + c)));
        var other = await accountant.GetAsync("/staff/village/V04");
        var (_, county) = await accountant.Page($"/staff/county/{Uri.EscapeDataString(County)}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Regex.Matches(html, "<tr data-village=\"(V0\\d)\">").Select(m => m.Groups[1].Value), Is.EqualTo(new[] { "V01", "V02", "V03" }));
        Assert.That(html, Does.Not.Contain("显示您有权查看"), "the whole township is shown");
        Assert.That(villages.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(county, Does.Contain("显示您有权查看的 3 个村").And.Not.Contain(OtherTownship));
    }

    [Test]
    public async Task On_a_phone_one_clicks_from_the_township_into_a_village_without_scrolling_sideways()
    {
        using var workspace = Served();
        var funds = JsonDocument.Parse(_west.Ok("report", "funds", "--from", "2026-01", "--to", "2026-06", "--format", "json")).RootElement.GetProperty("funds").GetArrayLength();

        await Browser.Run(workspace.Options, new ViewportSize { Width = 390, Height = 844 }, async (page, url) =>
        {
            await Browser.SignIn(page, url, "审计");

            await page.ClickAsync("nav a[href='/staff/villages']");
            await page.ClickAsync($"a:text-is('{Township}')");
            await Assert.ThatAsync(() => page.Locator("h1").InnerTextAsync(), Is.EqualTo(Township));
            Assert.That(await NoSidewaysScroll(page), "the township page scrolls sideways at 390 px");
            await page.ClickAsync("a:text-is('西村')");

            await Assert.ThatAsync(() => page.Locator("h1").InnerTextAsync(), Is.EqualTo("西村"));
            Assert.That(await page.Locator(".fund-chart svg rect.spent").CountAsync(), Is.EqualTo(funds));
            Assert.That(await NoSidewaysScroll(page), "the village page scrolls sideways at 390 px");
        });
    }

    [Test]
    public void A_longer_disclosure_due_days_makes_the_late_notice_on_time_and_the_books_still_verify()
    {
        using var village = Village("晚村股份经济合作社", noticeDate: "2026-05-20", closeTo: 3);
        DateOnly today = new(2026, 6, 30);
        bool LastOnTime()
        {
            using var store = village.Open();
            return store.Status.VillageStatus(today).LastNotice!.OnTime;
        }
        var before = LastOnTime();

        village.Ok("settings", "set", "disclosure.due_days", "60");

        Assert.That(before, Is.False);
        Assert.That(LastOnTime(), Is.True);
        Assert.That(village.Run("verify").Code, Is.EqualTo(0));
        Assert.That(village.Run("settings", "set", "disclosure.due_days", "0").Code, Is.Not.EqualTo(0));
    }

    [Test]
    public async Task The_township_and_county_tables_download_as_Excel_workbooks_that_read_back_with_numbers_as_numbers()
    {
        using var workspace = Served();
        var client = await workspace.SignedIn("审计");

        var township = await client.GetByteArrayAsync($"/staff/county/{Uri.EscapeDataString(County)}/{Uri.EscapeDataString(Township)}?handler=xlsx");
        var county = await client.GetByteArrayAsync($"/staff/county/{Uri.EscapeDataString(County)}?handler=xlsx");

        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(township), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.That(rows.Select(r => r["村 village"]), Is.EqualTo(new[] { "V01", "V02", "V03" }));
        foreach (var (code, books) in new[] { ("V01", _north), ("V02", _south), ("V03", _west) })
        {
            var own = Own(books);
            var row = rows.Single(r => (string)r["村 village"] == code);
            Assert.That(Convert.ToDecimal(row["专项资金结余 fund balance"], CultureInfo.InvariantCulture), Is.EqualTo(own.FundBalance.Fen / 100m));
            Assert.That(Convert.ToDecimal(row["逾期租金 overdue rent"], CultureInfo.InvariantCulture), Is.EqualTo(own.Overdue.Fen / 100m));
        }
        var townships = MiniExcelLibs.MiniExcel.Query(new MemoryStream(county), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.That(townships.Select(r => r["乡镇 township"]), Is.EqualTo(new[] { Township, OtherTownship }));
    }

    [Test]
    public void A_text_cell_that_looks_like_a_formula_is_written_to_the_workbook_as_text()
    {
        var grid = new CollectiveLedger.Reports.Grid(["名称 name", "金额 amount"], [["=HYPERLINK(\"http://x\")", new CollectiveLedger.Reports.GridCell("12.50", true)]]);

        var bytes = CollectiveLedger.Reports.XlsxRenderer.Render(grid, "sheet");

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var sheet = new StreamReader(zip.Entries.Single(e => e.FullName == "xl/worksheets/sheet1.xml").Open()).ReadToEnd();
        Assert.That(sheet, Does.Not.Contain("<x:f>").And.Not.Contain("<f>"));
        var row = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object>>().Single();
        Assert.That(row["名称 name"], Is.EqualTo("=HYPERLINK(\"http://x\")"));
        Assert.That(Convert.ToDecimal(row["金额 amount"], CultureInfo.InvariantCulture), Is.EqualTo(12.50m));
    }

    [Test]
    public void Villages_are_read_one_at_a_time_each_village_s_books_closed_before_the_next_are_opened()
    {
        var opened = new List<LedgerStore>();
        VillageBooks Counted(string code, TestLedger books) => new(code, code, Township, County, () =>
        {
            Assert.That(opened.Count(IsOpen), Is.Zero, $"books still open when {code}'s are opened");
            var store = books.Open();
            Assert.That(IsOpen(store), "an open store answers");
            opened.Add(store);
            return store;
        });
        var villages = Enumerable.Range(0, 12).Select(i => Counted($"V{i:D2}", new[] { _north, _south, _west }[i % 3]));
        DateOnly today = new(2026, 6, 30);

        var first = VillageStatuses.Read(villages, today).First();
        var openedForFirst = opened.Count;
        var totals = VillageStatuses.Townships(villages, today);

        Assert.That(first.Status, Is.Not.Null);
        Assert.That(openedForFirst, Is.EqualTo(1), "the listing is lazy: one village read for its first row");
        Assert.That(totals.Single().Villages, Is.EqualTo(12));
        Assert.That(opened.Count(IsOpen), Is.Zero);
    }

    private static bool IsOpen(LedgerStore store)
    {
        try
        {
            store.Head();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static Task<bool> NoSidewaysScroll(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    private static string Svg(string html, string chart) =>
        Regex.Match(html, $"<div class=\"chart {chart}\">(<svg.*?</svg>)</div>", RegexOptions.Singleline) is { Success: true } m
            ? m.Groups[1].Value : throw new AssertionException($"no {chart} on the page");
}
