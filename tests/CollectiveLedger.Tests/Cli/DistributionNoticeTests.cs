using System.Text;
using System.Text.Json;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Tests.Reports;

namespace CollectiveLedger.Tests.Cli;

/// <summary>The distribution notice (收益分配方案公示) of a year's plan and its households, end to end through the real command line.</summary>
public class DistributionNoticeTests : NoticeCommandTests
{
    protected override string[] Scope => ["--distribution", "2025"];

    protected override string Date => "2026-03-10";

    protected override TestLedger NoticeBooks() => Books();

    private const string IdNumber = "11010519491231002X";
    private const string MaskedId = "1101**********002X";
    private const string MaskedBankAccount = "6228***********8901";
    private const string MaskedPhone = "139****5678";
    private const string BankAccount = "6228480012345678901";
    private const string Phone = "13912345678";

    /// <summary>
    /// 2025 earned 100.00 and is closed; three households hold 3, 4 and 0 shares, the first with its ID
    /// card, bank account and phone. The plan sets 10% aside: 90.00 over 7 shares is 12.85 a share,
    /// 38.55 and 51.40 to the households, 0.05 left. Approved when <paramref name="approve"/> (the
    /// notice is posted before that).
    /// </summary>
    private static TestLedger Books(bool plan = true, bool approve = false)
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("members", "add", "M002", "其其格", "--head", "其其格", "--household-size", "4", "--shares", "3",
            "--id-card", IdNumber, "--bank-account", BankAccount, "--phone", Phone);
        ledger.Ok("members", "add", "M003", "乌力吉", "--head", "乌力吉", "--household-size", "2", "--shares", "4");
        ledger.Ok("members", "add", "M004", "斯琴", "--head", "斯琴", "--household-size", "1", "--shares", "0");
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json",
            """[{"ref":"I1","date":"2025-05-10","summary":"草场承包费","lines":[{"account":"10201","debit":"100.00"},{"account":"50101","credit":"100.00"}]}]"""));
        ledger.Ok("settings", "set", "role.committee_chair", "巴特尔");
        ledger.Ok("settings", "set", "signatory.accountant", "乌云其其格");
        for (var m = 1; m <= 11; m++) ledger.Ok("period", "close", $"2025-{m:D2}");
        ledger.Ok("year", "close", "2025");
        if (!plan) return ledger;
        ledger.OkAs("乌云其其格", "distribution", "plan", "--year", "2025", "--reserve-percent", "10");
        if (approve) ledger.OkAs("巴特尔", "distribution", "approve", "--year", "2025", "--resolution", "成员大会决议〔2026〕1号");
        return ledger;
    }

    protected override void AssertContent(string html, string csv, JsonElement json)
    {
        Assert.That(html, Does.Contain("2025年度收益分配方案公示").And.Contain("每股分配额 12.85 元（人民币壹拾贰元捌角伍分）")
            .And.Contain("公示期满后提交成员（代表）大会审议"));
        Assert.That(csv, Does.Contain("M002,其其格,其其格,3,38.55").And.Contain("M003,乌力吉,乌力吉,4,51.40").And.Contain("合计,,,7,89.95"));
        Assert.That(json.GetProperty("reserve_base").GetString(), Is.EqualTo("100.00"));
        Assert.That(json.GetProperty("per_share").GetString(), Is.EqualTo("12.85"));
        Assert.That(json.GetProperty("distributed_in_words").GetString(), Is.EqualTo("人民币捌拾玖元玖角伍分"));
        Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("planned"));
        Assert.That(json.GetProperty("households").GetArrayLength(), Is.EqualTo(3));
    }

    [Test]
    public void The_pdf_reads_back_with_the_plan_and_the_households_with_their_shares_and_amounts()
    {
        using var ledger = Books();

        var text = string.Concat(PdfText.Pages(Notice(ledger, "notice.pdf")));

        foreach (var expected in new[] { "2025年度收益分配方案公示", "一、分配方案", "可分配收益", "100.00", "提取公积公益金（10%）", "10.00",
                     "每股分配额", "12.85", "人民币壹拾贰元捌角伍分", "分配到户合计", "89.95", "人民币捌拾玖元玖角伍分", "0.05",
                     "每股分配额向下取整到分", "公示期：2026年3月10日至2026年3月19日", "二、分配到户清单", "M002其其格其其格338.55", "M003乌力吉乌力吉451.40",
                     "会计：乌云其其格", "四、账目核验" })
            Assert.That(text, Does.Contain(expected.Replace(" ", "")), expected);
        Assert.That(text, Does.Not.Contain(IdNumber).And.Not.Contain(BankAccount).And.Not.Contain(Phone));
    }

    [Test]
    public void No_format_prints_an_id_card_bank_or_phone_number_not_even_masked()
    {
        using var ledger = Books();

        var texts = EveryFormatAsText(ledger);

        foreach (var text in texts)
        {
            Assert.That(text, Does.Not.Contain(IdNumber).And.Not.Contain(BankAccount).And.Not.Contain(Phone));
            Assert.That(text, Does.Not.Contain(MaskedId).And.Not.Contain(MaskedBankAccount).And.Not.Contain(MaskedPhone).And.Not.Contain("002X"));
            Assert.That(text, Does.Contain("其其格").And.Contain("38.55"), "the household and its amount are there");
        }
    }

    [Test]
    public void A_plan_not_yet_approved_says_it_awaits_the_members_meeting()
    {
        using var ledger = Books();

        var json = JsonDocument.Parse(Notice(ledger, "n.json")).RootElement;
        var html = System.Net.WebUtility.HtmlDecode(Encoding.UTF8.GetString(Notice(ledger, "n.html")));

        Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("planned"));
        Assert.That(json.GetProperty("resolution").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(json.GetProperty("posting_days").GetInt32(), Is.EqualTo(10));
        Assert.That(json.GetProperty("posted_until").GetString(), Is.EqualTo("2026-03-19"));
        Assert.That(html, Does.Contain("公示期：2026年3月10日至2026年3月19日，共 10 日。公示期满后提交成员（代表）大会审议"));
    }

    [Test]
    public void A_plan_the_members_meeting_approved_is_not_posted_for_comment_any_more()
    {
        using var ledger = Books(approve: true);

        var (code, _, err) = ledger.Run(["disclose", .. Scope, "--date", Date, "--out", Path.Combine(ledger.Dir, "late.pdf")]);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain(nameof(ViolationCode.DistributionNoticeAfterApproval)).And.Contain("distribution show"));
        Assert.That(File.Exists(Path.Combine(ledger.Dir, "late.pdf")), Is.False);
    }

    [Test]
    public void A_year_without_a_plan_is_refused_with_DistributionNotPlanned_and_no_file()
    {
        using var ledger = Books(plan: false);
        var path = Path.Combine(ledger.Dir, "d.pdf");

        var (code, _, err) = ledger.Run(["disclose", .. Scope, "--date", Date, "--out", path]);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("[DistributionNotPlanned]").And.Contain("year 2025 has no distribution plan"));
        Assert.That(Messages.Format(ViolationCode.DistributionNotPlanned, Language.ZhCN, ["2025"]), Does.StartWith("2025 年还没有收益分配方案"));
        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public void Without_out_the_notice_goes_to_stdout_and_its_keys_are_the_schemas()
    {
        using var ledger = Books();
        var schema = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestLedger.RepoRoot, "schemas", "distribution-notice.schema.json"))).RootElement;

        var stdout = ledger.Ok(["disclose", .. Scope, "--date", Date, "--format", "json", "--unsigned"]);

        var root = JsonDocument.Parse(stdout).RootElement;
        var keys = root.EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(keys, Is.EqualTo(schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Where(keys.Contains).ToList()), "keys in the schema's order");
        Assert.That(schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()), Is.SubsetOf(keys), "every required key");
        Assert.That(keys, Is.EquivalentTo(schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Where(n => n != "plan")),
            "every key but plan, which only a plan made again before approval has");
        var householdKeys = schema.GetProperty("properties").GetProperty("households").GetProperty("items").GetProperty("required").EnumerateArray().Select(e => e.GetString());
        Assert.That(root.GetProperty("households")[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(householdKeys));
    }
}
