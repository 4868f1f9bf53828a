using System.Text.Json;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// 专款专用 by date through the real command line: a fund's balance as of each day, its start date,
/// and the month close that refuses while a fund was short (issue 13's accounting review).
/// </summary>
public class FundDateTests
{
    private static TestLedger Books()
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("accounts", "add", "15301", "机井工程", "--parent", "153");
        ledger.Ok("counterparties", "add", "C01", "旗财政局");
        ledger.Ok("funds", "add", "F02", "机井资金", "--kind", "衔接资金", "--agency", "旗财政局", "--document", "东财农〔2025〕18号",
            "--granted", "1000", "--purpose", "打井", "--accounts", "153", "--from", "2025-03-01", "--to", "2025-12-31");
        return ledger;
    }

    private static string[] Codes(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.EndsWith(']'))
            .Select(l => l[(l.LastIndexOf('[') + 1)..^1]).ToArray();

    private static string Voucher(string date, string summary, string debit, string credit, string amount, string fund = "F02") =>
        $$"""{"date":"{{date}}","summary":"{{summary}}","lines":[{"account":"{{debit}}","debit":"{{amount}}","fund":"{{fund}}"},{"account":"{{credit}}","credit":"{{amount}}","fund":"{{fund}}"}]}""";

    [Test]
    public void Spending_dated_before_the_grant_arrived_is_refused_and_the_fund_report_never_shows_a_negative_month()
    {
        using var ledger = Books();
        ledger.Ok("vouchers", "import", ledger.WriteFile("grant.jsonl", Voucher("2025-05-06", "收到机井资金", "10201", "241", "1000.00") + "\n"));
        var head = ledger.Head();

        var (code, _, err) = ledger.Run("vouchers", "import", ledger.WriteFile("spend.jsonl", Voucher("2025-04-01", "机井工程款", "15301", "10201", "1000.00") + "\n"));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(Codes(err), Is.EqualTo(new[] { "FundOverspent" }));
        Assert.That(ledger.Head(), Is.EqualTo(head), "nothing is written");
        ledger.Ok("vouchers", "import", ledger.WriteFile("later.jsonl", Voucher("2025-05-10", "机井工程款", "15301", "10201", "1000.00") + "\n"));
        for (var m = 1; m <= 5; m++) ledger.Ok("period", "close", $"2025-{m:D2}");
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void Spending_before_the_funds_start_date_is_refused_though_the_money_is_there()
    {
        using var ledger = Books();
        ledger.Ok("vouchers", "import", ledger.WriteFile("grant.jsonl", Voucher("2025-02-06", "收到机井资金", "10201", "241", "1000.00") + "\n"));

        var (code, _, err) = ledger.Run("--lang", "zh-CN", "vouchers", "import", ledger.WriteFile("spend.jsonl", Voucher("2025-02-20", "机井工程款", "15301", "10201", "300.00") + "\n"));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(Codes(err), Is.EqualTo(new[] { "FundNotStarted" }));
        Assert.That(err, Does.Contain("资金 F02 尚未到使用期：凭证日期 2025-02-20，起始 2025-03-01"));
    }

    [Test]
    public void Paying_straight_out_of_241_is_refused_unless_the_money_goes_back_to_the_grantor()
    {
        using var ledger = Books();
        ledger.Ok("vouchers", "import", ledger.WriteFile("grant.jsonl", Voucher("2025-03-06", "收到机井资金", "10201", "241", "1000.00") + "\n"));

        var (code, _, err) = ledger.Run("vouchers", "import", ledger.WriteFile("spend.jsonl", Voucher("2025-03-20", "直接从专项应付款支付", "241", "10201", "300.00") + "\n"));
        ledger.Ok("vouchers", "import", ledger.WriteFile("return.json", """
            [{"date":"2025-03-25","summary":"退回结余资金","lines":[{"account":"241","debit":"200.00","fund":"F02"},{"account":"10201","credit":"200.00","fund":"F02","counterparty":"C01"}]}]
            """));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(Codes(err), Is.EqualTo(new[] { "FundPurposeViolation" }));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }
}
