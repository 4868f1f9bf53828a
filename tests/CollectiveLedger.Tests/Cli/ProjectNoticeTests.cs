using System.Text;
using System.Text.Json;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Storage;
using CollectiveLedger.Tests.Reports;

namespace CollectiveLedger.Tests.Cli;

/// <summary>The project notice (项目资金公告公示) of a support fund, end to end through the real command line.</summary>
public class ProjectNoticeTests : NoticeCommandTests
{
    protected override string[] Scope => ["--fund", "F02"];

    protected override string Date => "2025-03-31";

    protected override TestLedger NoticeBooks() => Books();

    private const string IdNumber = "150102198001011234";

    /// <summary>
    /// Fund F02 granted 360,000.00: received 30,000.00 on 03-05, paid 8,000.00 on 03-09 and 2,000.00
    /// on 03-20, the 2,000.00 reversed by red ink on 03-28; a second receipt of 50,000.00 on 04-02.
    /// Its responsible person's field carries an ID card number. F01 (from WithBasics) has no terms.
    /// </summary>
    private static TestLedger Books()
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("funds", "add", "F02", "衔接推进乡村振兴补助资金", "--kind", "衔接资金", "--agency", "旗财政局", "--document", "旗财农〔2025〕12号",
            "--granted", "360000", "--purpose", "机井建设", "--accounts", "153,241", "--project", "嘎查机井建设项目", "--from", "2025-03-01", "--to", "2025-12-31",
            "--location", "巴音宝力格嘎查三组", "--tasks", "新建机井4眼及配套管网", "--standard", "每眼9万元", "--implementer", "巴音宝力格嘎查股份经济合作社",
            "--responsible", $"嘎查长 巴特尔 身份证{IdNumber}", "--targets", "解决120户饮水，项目验收合格率100%", "--beneficiaries", "优先雇用本嘎查牧民务工");
        ledger.Ok("settings", "set", "signatory.accountant", "乌云其其格");
        var vouchers = """
            {"ref":"B","date":"2025-03-05","summary":"收到衔接资金","lines":[{"account":"10201","debit":"30000.00","fund":"F02"},{"account":"241","credit":"30000.00","fund":"F02"}]}
            {"ref":"C","date":"2025-03-09","summary":"机井工程款","lines":[{"account":"153","debit":"8000.00","fund":"F02"},{"account":"10201","credit":"8000.00","fund":"F02"}]}
            {"ref":"D","date":"2025-03-20","summary":"机井材料款","lines":[{"account":"153","debit":"2000.00","fund":"F02"},{"account":"10201","credit":"2000.00","fund":"F02"}]}
            {"ref":"E","date":"2025-04-02","summary":"收到第二批衔接资金","lines":[{"account":"10201","debit":"50000.00","fund":"F02"},{"account":"241","credit":"50000.00","fund":"F02"}]}

            """;
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.jsonl", vouchers));
        ledger.Ok("vouchers", "reverse", "3", "--period", "2025-03", "--date", "2025-03-28", "--reason", "材料款重复");
        return ledger;
    }

    private static ProjectNotice Model(TestLedger ledger, DateOnly date)
    {
        using var store = ledger.Open(TestClock.Fixed);
        var state = store.LoadState();
        var (fund, received, spent) = store.Disclosure.ProjectNoticeMoney("F02", state.Ledger.StartPeriod, date)!.Value;
        return ProjectNotice.Compute(state.Ledger.Org, state.Ledger.OrgCode, state.Ledger.Currency, date, fund, received, spent, state.Settings,
            new NoticeVerification(1, "", "", 0, "", [], ""));
    }

    [Test]
    public void The_model_counts_the_money_to_the_notice_date_with_reversals_and_prints_every_term()
    {
        using var ledger = Books();

        var midMarch = Model(ledger, new DateOnly(2025, 3, 15));
        var endOfMarch = Model(ledger, new DateOnly(2025, 3, 31));
        var april = Model(ledger, new DateOnly(2025, 4, 2));

        Assert.That((midMarch.Received, midMarch.Spent, midMarch.Balance), Is.EqualTo((new Amount(30000_00), new Amount(8000_00), new Amount(22000_00))));
        Assert.That(midMarch.Payments.Select(p => p.Amount.Fen), Is.EqualTo(new[] { 8000_00L }));
        Assert.That((endOfMarch.Received, endOfMarch.Spent, endOfMarch.Balance), Is.EqualTo((new Amount(30000_00), new Amount(8000_00), new Amount(22000_00))),
            "8,000 + 2,000 - 2,000 (red ink)");
        Assert.That(endOfMarch.Payments.Select(p => (p.Amount.Fen, p.Reversal)), Is.EqualTo(new[] { (8000_00L, false), (2000_00L, false), (-2000_00L, true) }));
        Assert.That((april.Received, april.Balance), Is.EqualTo((new Amount(80000_00), new Amount(72000_00))));
        Assert.That(endOfMarch.Granted, Is.EqualTo(new Amount(360000_00)));
        Assert.That((endOfMarch.Project, endOfMarch.Location, endOfMarch.Standard, endOfMarch.Document), Is.EqualTo(("嘎查机井建设项目", "巴音宝力格嘎查三组", "每眼9万元", "旗财农〔2025〕12号")));
        Assert.That((endOfMarch.ValidFrom, endOfMarch.ValidTo), Is.EqualTo((new DateOnly(2025, 3, 1), new DateOnly(2025, 12, 31))));
        Assert.That((endOfMarch.PostingDays, endOfMarch.PostedUntil), Is.EqualTo((10, new DateOnly(2025, 4, 9))), "posted at least 10 days, the first day counting");
        Assert.That(endOfMarch.Responsible, Is.EqualTo("嘎查长 巴特尔 身份证1501**********1234"));
    }

    protected override void AssertContent(string html, string csv, JsonElement json)
    {
        Assert.That(html, Does.Contain("嘎查机井建设项目资金公告公示").And.Contain("监督举报电话：12317"));
        Assert.That(csv, Does.Contain("累计支出,,8000.00").And.Contain(",-2000.00").And.Contain("12317"));
        Assert.That(json.GetProperty("balance").GetString(), Is.EqualTo("22000.00"));
        Assert.That(json.GetProperty("payments").GetArrayLength(), Is.EqualTo(3));
        Assert.That(json.GetProperty("posting").GetProperty("hotline").GetString(), Is.EqualTo("12317"));
    }

    [Test]
    public void The_pdf_reads_back_with_every_project_field_the_money_and_the_12317_hotline()
    {
        using var ledger = Books();

        var text = string.Concat(PdfText.Pages(Notice(ledger, "notice.pdf")));

        foreach (var expected in new[] { "嘎查机井建设项目资金公告公示", "一、项目基本情况", "项目名称", "嘎查机井建设项目", "实施地点", "巴音宝力格嘎查三组",
                     "建设任务", "新建机井4眼及配套管网", "补助标准", "每眼9万元", "资金来源", "旗财政局《旗财农〔2025〕12号》（衔接资金）",
                     "批复金额", "360,000.00", "人民币叁拾陆万元整", "实施期限", "2025年3月1日至2025年12月31日", "实施单位", "责任人", "绩效目标",
                     "解决120户饮水", "联农带农", "优先雇用本嘎查牧民务工", "累计到位", "30,000.00", "累计支出", "8,000.00", "22,000.00", "-2,000.00",
                     "（红字冲销）", "公示期：2025年3月31日至2025年4月9日", "不少于 10 日", "监督举报电话：12317", "乌云其其格", "五、账目核验" })
            Assert.That(text, Does.Contain(expected.Replace(" ", "")), expected);
    }

    [Test]
    public void An_id_card_number_in_the_responsible_persons_field_is_masked_in_every_format()
    {
        using var ledger = Books();

        var texts = EveryFormatAsText(ledger);

        foreach (var text in texts)
        {
            Assert.That(text, Does.Not.Contain(IdNumber));
            Assert.That(text, Does.Contain("1501**********1234"));
        }
    }

    [Test]
    public void A_fund_without_project_terms_is_refused_with_FundTermsMissing_naming_each_missing_option()
    {
        using var ledger = Books();

        var (code, _, stderr) = ledger.Run("disclose", "--fund", "F01", "--date", "2025-03-31", "--out", Path.Combine(ledger.Dir, "f01.pdf"));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("[FundTermsMissing]").And.Contain("fund F01"));
        foreach (var option in new[] { "--project", "--location", "--tasks", "--standard", "--from", "--to", "--implementer", "--responsible", "--targets", "--beneficiaries" })
            Assert.That(stderr, Does.Contain(option));
        Assert.That(File.Exists(Path.Combine(ledger.Dir, "f01.pdf")), Is.False);
        Assert.That(Messages.Format(ViolationCode.FundTermsMissing, Language.ZhCN, ["F01", "--project"]), Does.StartWith("资金 F01 缺少项目公告公示所需的登记信息"));
    }

    [Test]
    public void An_unknown_fund_is_refused_with_FundNotFound()
    {
        using var ledger = Books();

        var unknown = ledger.Run("disclose", "--fund", "F99", "--date", "2025-03-31", "--format", "json");

        Assert.That(unknown.Code, Is.EqualTo(1));
        Assert.That(unknown.Err, Does.Contain("[FundNotFound]"));
    }

    [Test]
    public void The_posting_period_is_a_setting_of_at_least_10_days()
    {
        using var ledger = Books();

        var tooShort = ledger.Run("settings", "set", ProjectNotice.PostingDaysKey, "7");
        ledger.Ok("settings", "set", ProjectNotice.PostingDaysKey, "15");
        var json = JsonDocument.Parse(Notice(ledger, "n.json")).RootElement.GetProperty("posting");

        Assert.That(tooShort.Code, Is.EqualTo(1));
        Assert.That(tooShort.Err, Does.Contain("[SettingInvalid]").And.Contain("10..90"));
        Assert.That((json.GetProperty("days").GetInt32(), json.GetProperty("to").GetString()), Is.EqualTo((15, "2025-04-14")));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0), "replay accepts the setting");
    }

    [Test]
    public void Without_out_the_notice_goes_to_stdout_and_its_keys_are_the_schemas()
    {
        using var ledger = Books();
        var schema = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestLedger.RepoRoot, "schemas", "project-notice.schema.json"))).RootElement;

        var stdout = ledger.Ok(["disclose", .. Scope, "--date", Date, "--format", "json", "--unsigned"]);

        var keys = JsonDocument.Parse(stdout).RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(keys, Is.EqualTo(schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToList()), "keys in the schema's order");
        Assert.That(keys, Is.EquivalentTo(schema.GetProperty("properties").EnumerateObject().Select(p => p.Name)));
    }
}
