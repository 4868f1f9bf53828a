using System.Text.Json;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// `year close`, `year open` and the annual statements on a small ledger whose numbers are checked
/// by hand: income 500.00 (50101) + 99.99 (504), expense 120.50 (513) + 30.25 (511), so the year's
/// surplus is 449.24; 200.00 undistributed from before; cash ends at 1,449.24.
/// </summary>
public class YearCloseTests
{
    private static TestLedger Books(bool closeMonths = true)
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json", """
            [{"ref":"O","date":"2025-01-01","kind":"opening","summary":"期初余额","lines":[{"account":"10201","debit":"1000.00"},{"account":"301","credit":"800.00"},{"account":"322","credit":"200.00"}]},
             {"ref":"A","date":"2025-03-05","summary":"草场承包费","lines":[{"account":"10201","debit":"500.00"},{"account":"50101","credit":"500.00","member":"M001"}]},
             {"ref":"B","date":"2025-07-10","summary":"办公费","lines":[{"account":"513","debit":"120.50"},{"account":"10201","credit":"120.50"}]},
             {"ref":"C","date":"2025-09-01","summary":"利息","lines":[{"account":"10201","debit":"99.99"},{"account":"504","credit":"99.99"}]},
             {"ref":"D","date":"2025-12-20","summary":"机械维修","lines":[{"account":"511","debit":"30.25"},{"account":"10201","credit":"30.25"}]}]
            """));
        if (closeMonths)
            for (var m = 1; m <= 11; m++) ledger.Ok("period", "close", $"2025-{m:D2}");
        return ledger;
    }

    private static JsonElement Json(TestLedger ledger, params string[] args) => JsonDocument.Parse(ledger.Ok([.. args, "--format", "json"])).RootElement;

    private static Dictionary<string, string> Lines(JsonElement statement, string column) =>
        statement.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("key").GetString()!, l => l.GetProperty(column).GetString()!);

    private static string[] Codes(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.EndsWith(']'))
            .Select(l => l[(l.LastIndexOf('[') + 1)..^1]).ToArray();

    [Test]
    public void Year_close_posts_the_hand_checked_closing_vouchers_closes_December_and_records_the_year()
    {
        using var ledger = Books();

        ledger.Ok("year", "close", "2025");

        var december = Json(ledger, "vouchers", "list", "--period", "2025-12").EnumerateArray().ToList();
        Assert.That(december.Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("kind").GetString(), v.GetProperty("date").GetString())),
            Is.EqualTo(new[] { (1, "normal", "2025-12-20"), (2, "closing", "2025-12-31"), (3, "closing", "2025-12-31") }));
        Assert.That(december[1].GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("account").GetString(), l.GetProperty("debit").GetString(), l.GetProperty("credit").GetString())),
            Is.EqualTo(new[] { ("50101", "500.00", "0.00"), ("504", "99.99", "0.00"), ("511", "0.00", "30.25"), ("513", "0.00", "120.50"), ("321", "0.00", "449.24") }));
        Assert.That(december[2].GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("account").GetString(), l.GetProperty("debit").GetString(), l.GetProperty("credit").GetString())),
            Is.EqualTo(new[] { ("321", "449.24", "0.00"), ("322", "0.00", "449.24") }));
        var kinds = ledger.Ok("log", "show", "--format", "json");
        var last = JsonDocument.Parse(kinds).RootElement.EnumerateArray().TakeLast(4).Select(e => e.GetProperty("kind").GetString()).ToArray();
        Assert.That(last, Is.EqualTo(new[] { "voucher.posted", "voucher.posted", "period.closed", "year.closed" }));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void After_year_close_the_trial_balance_shows_income_and_expense_at_zero_and_the_surplus_in_322()
    {
        using var ledger = Books();
        ledger.Ok("year", "close", "2025");

        var rows = Json(ledger, "report", "trial-balance", "--period", "2025-12").GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("code").GetString()!);

        Assert.That(rows["501"].GetProperty("closing_credit").GetString(), Is.EqualTo("0.00"));
        Assert.That(rows["501"].GetProperty("period_debit").GetString(), Is.EqualTo("500.00"), "the closing voucher is December turnover");
        Assert.That(rows["513"].GetProperty("closing_debit").GetString(), Is.EqualTo("0.00"));
        Assert.That(rows["321"].GetProperty("closing_credit").GetString(), Is.EqualTo("0.00"));
        Assert.That(rows["322"].GetProperty("closing_credit").GetString(), Is.EqualTo("649.24"));
    }

    [Test]
    public void The_statements_are_the_same_before_and_after_year_close_and_balance()
    {
        using var ledger = Books();
        var incomeBefore = Lines(Json(ledger, "report", "income", "--year", "2025"), "amount");
        var sheetBefore = Lines(Json(ledger, "report", "balance-sheet", "--year", "2025"), "end");

        ledger.Ok("year", "close", "2025");
        var income = Json(ledger, "report", "income", "--year", "2025");
        var sheet = Json(ledger, "report", "balance-sheet", "--year", "2025");

        Assert.That(Lines(income, "amount"), Is.EqualTo(incomeBefore));
        Assert.That(Lines(sheet, "end"), Is.EqualTo(sheetBefore));
        Assert.That(income.GetProperty("year_closed").GetBoolean(), Is.True);
        var amount = Lines(income, "amount");
        Assert.That((amount["operating_income"], amount["operating_expenses"], amount["administrative_expenses"], amount["operating_surplus"]),
            Is.EqualTo(("500.00", "30.25", "120.50", "349.25")));
        Assert.That((amount["other_income"], amount["net_surplus"], amount["undistributed_at_year_start"], amount["undistributed_at_year_end"]),
            Is.EqualTo(("99.99", "449.24", "200.00", "649.24")));
        var end = Lines(sheet, "end");
        var start = Lines(sheet, "year_start");
        Assert.That((end["cash"], end["assets_total"], end["capital"], end["undistributed_surplus"], end["liabilities_and_ownership_total"]),
            Is.EqualTo(("1449.24", "1449.24", "800.00", "649.24", "1449.24")));
        Assert.That((start["cash"], start["undistributed_surplus"]), Is.EqualTo(("1000.00", "200.00")));
    }

    [Test]
    public void A_month_end_balance_sheet_folds_unclosed_income_and_expense_into_undistributed_surplus()
    {
        using var ledger = Books(closeMonths: false);

        var end = Lines(Json(ledger, "report", "balance-sheet", "--period", "2025-07"), "end");

        Assert.That((end["cash"], end["undistributed_surplus"], end["assets_total"], end["liabilities_and_ownership_total"]),
            Is.EqualTo(("1379.50", "579.50", "1379.50", "1379.50")));
    }

    [Test]
    public void The_next_year_posts_only_after_year_close_or_a_declared_opening()
    {
        using var ledger = Books();
        var january = ledger.WriteFile("jan.json", """[{"ref":"J","date":"2026-01-05","summary":"一月办公费","lines":[{"account":"513","debit":"10.00"},{"account":"10201","credit":"10.00"}]}]""");

        var (code, _, err) = ledger.Run("vouchers", "import", january);
        ledger.Ok("year", "open", "2026");
        ledger.Ok("vouchers", "import", january);
        ledger.Ok("year", "close", "2025");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(Codes(err), Is.EqualTo(new[] { "PriorYearNotClosed" }));
        Assert.That(err, Does.Contain("jan.json").And.Contain("date"), "the place is named");
        var closing = Json(ledger, "vouchers", "show", "2", "--period", "2025-12").GetProperty("lines").EnumerateArray()
            .Single(l => l.GetProperty("account").GetString() == "513");
        Assert.That(closing.GetProperty("credit").GetString(), Is.EqualTo("120.50"), "January's voucher, already posted, is not closed into 2025");
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void A_reversal_dated_in_the_next_year_obeys_the_prior_year_rule()
    {
        using var ledger = Books();

        var (code, _, err) = ledger.Run("vouchers", "reverse", "1", "--period", "2025-03", "--date", "2026-01-10", "--reason", "错账");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(Codes(err), Is.EqualTo(new[] { "PriorYearNotClosed", "ReversalAcrossYears" }));
    }

    [Test]
    public void A_voucher_of_a_closed_year_is_not_reversed_in_red_ink_in_the_next_year()
    {
        using var ledger = Books();
        ledger.Ok("year", "close", "2025");
        var head = ledger.Head();

        var (code, _, err) = ledger.Run("--lang", "zh-CN", "vouchers", "reverse", "1", "--period", "2025-07", "--date", "2026-04-01", "--reason", "错账");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(Codes(err), Is.EqualTo(new[] { "ReversalAcrossYears" }));
        Assert.That(err, Does.Contain("不能在 2026 年红字冲销 2025 年的凭证 2025-07 记-0001").And.Contain("蓝字更正凭证").And.Contain("以前年度损益调整"));
        Assert.That(ledger.Head(), Is.EqualTo(head), "nothing is written");
    }

    [Test]
    public void A_year_does_not_close_while_pending_property_losses_hold_a_balance()
    {
        using var ledger = Books();
        ledger.Ok("accounts", "add", "18101", "待处理流动资产损溢", "--parent", "181");
        ledger.Ok("vouchers", "import", ledger.WriteFile("loss.json", """
            [{"date":"2025-12-05","summary":"库存现金盘亏","lines":[{"account":"18101","debit":"50.00"},{"account":"10201","credit":"50.00"}]}]
            """));
        var head = ledger.Head();

        var (code, _, err) = ledger.Run("--lang", "zh-CN", "year", "close", "2025");
        var unchanged = ledger.Head();
        ledger.Ok("vouchers", "import", ledger.WriteFile("dealt.json", """
            [{"date":"2025-12-28","summary":"盘亏经批准转入其他支出","attachments":1,"lines":[{"account":"515","debit":"50.00"},{"account":"18101","credit":"50.00"}]}]
            """));
        var closed = ledger.Run("year", "close", "2025");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(Codes(err), Is.EqualTo(new[] { "PendingLossesNotCleared" }));
        Assert.That(err, Does.Contain("待处理财产损溢（181）余额 50.00"));
        Assert.That(unchanged, Is.EqualTo(head), "nothing is written");
        Assert.That(closed.Code, Is.EqualTo(0), closed.Err);
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void Year_close_is_refused_with_stable_codes_and_writes_nothing()
    {
        using var ledger = Books(closeMonths: false);
        var head = ledger.Head();

        var (notReady, _, notReadyErr) = ledger.Run("year", "close", "2025");
        var (early, _, earlyErr) = ledger.Run("year", "close", "2024");
        var (bad, _, badErr) = ledger.Run("--lang", "zh-CN", "year", "close", "明年");
        var (december, _, decemberErr) = ledger.Run("period", "close", "2025-12");

        Assert.That((notReady, early, bad, december), Is.EqualTo((1, 1, 1, 1)));
        Assert.That(Codes(notReadyErr), Is.EqualTo(new[] { "EarlierPeriodOpen" }));
        Assert.That(Codes(earlyErr), Is.EqualTo(new[] { "YearBeforeLedgerStart" }));
        Assert.That(Codes(badErr), Is.EqualTo(new[] { "YearInvalid" }));
        Assert.That(Codes(decemberErr), Is.EqualTo(new[] { "DecemberClosesWithYear" }));
        Assert.That(ledger.Head(), Is.EqualTo(head));
    }

    [Test]
    public void Closing_vouchers_cannot_be_imported_or_reversed()
    {
        using var ledger = Books();
        ledger.Ok("year", "close", "2025");
        var file = ledger.WriteFile("c.json", """[{"date":"2025-11-30","kind":"closing","summary":"结转","lines":[{"account":"513","debit":"1.00"},{"account":"10201","credit":"1.00"}]}]""");

        var (imported, _, importErr) = ledger.Run("vouchers", "import", file);
        var (reversed, _, reverseErr) = ledger.Run("vouchers", "reverse", "2", "--period", "2025-12", "--date", "2026-01-10", "--reason", "错账");

        Assert.That((imported, reversed), Is.EqualTo((1, 1)));
        Assert.That(Codes(importErr).First(), Is.EqualTo("KindInvalid"));
        Assert.That(Codes(reverseErr), Is.EqualTo(new[] { "ClosingVoucherCannotBeReversed", "ReversalAcrossYears" }));
    }

    [Test]
    public void The_real_cledger_closes_the_year_and_reports_bad_input_in_either_language_without_a_stack_trace()
    {
        using var ledger = Books();

        var closed = ledger.RunProcess("year", "close", "2025");
        var againEn = ledger.RunProcess("year", "close", "2025");
        var againZh = ledger.RunProcess("--lang", "zh-CN", "year", "close", "2025");
        var income = ledger.RunProcess("report", "income", "--year", "2025", "--format", "csv");

        Assert.That(closed.Code, Is.EqualTo(0), closed.Err);
        Assert.That((againEn.Code, againZh.Code), Is.EqualTo((1, 1)));
        Assert.That(againEn.Err, Does.Contain("year: year 2025 is already closed [YearAlreadyClosed]"));
        Assert.That(againZh.Err, Does.Contain("2025 年已经年终结账 [YearAlreadyClosed]"));
        Assert.That(againEn.Err + againZh.Err, Does.Not.Match(TestLedger.StackTraceLine));
        Assert.That(income.Code, Is.EqualTo(0), income.Err);
        Assert.That(income.Out, Does.Contain("四、净收益（本年收益）,13,449.24"));
    }
}
