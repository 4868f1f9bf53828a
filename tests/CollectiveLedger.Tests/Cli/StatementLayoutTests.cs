using System.Text.Json;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// The statements as people read them (columns, lines, sums), on a small ledger: 1,000.00 in the
/// bank, 300.00 在建工程 and 50.00 固定资产清理 at the start of 2025, 1,350.00 资本; in 2025 a
/// 200.00 草场承包费 is received; the year is closed and in February 2026 another 100.00 comes in.
/// </summary>
public class StatementLayoutTests
{
    private static TestLedger Books()
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json", """
            [{"ref":"O","date":"2025-01-01","kind":"opening","summary":"期初余额","lines":[{"account":"10201","debit":"1000.00"},{"account":"153","debit":"300.00"},{"account":"154","debit":"50.00"},{"account":"301","credit":"1350.00"}]},
             {"ref":"A","date":"2025-03-05","summary":"草场承包费","lines":[{"account":"10201","debit":"200.00"},{"account":"50101","credit":"200.00","member":"M001"}]}]
            """));
        return ledger;
    }

    private static JsonElement Json(TestLedger ledger, params string[] args) => JsonDocument.Parse(ledger.Ok([.. args, "--format", "json"])).RootElement;

    [Test]
    public void The_balance_sheet_prints_period_end_before_year_start_with_a_fixed_asset_subtotal_and_no_pending_losses_line()
    {
        using var ledger = Books();

        var csv = ledger.Ok("report", "balance-sheet", "--year", "2025", "--format", "csv").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd('\r')).ToList();

        Assert.That(csv[0], Is.EqualTo("项目 item,行次 line,期末余额 end,年初余额 year start"));
        Assert.That(csv, Does.Contain("固定资产小计,17,350.00,350.00"));
        Assert.That(csv, Does.Contain("非流动资产合计,23,350.00,350.00"));
        Assert.That(csv, Does.Contain("货币资金,1,1200.00,1000.00"));
        Assert.That(csv.Any(l => l.StartsWith("待处理财产损溢", StringComparison.Ordinal)), Is.False, "待处理财产损溢 is cleared before close: no line");
    }

    [Test]
    public void Every_figure_of_the_balance_sheet_adds_up_at_year_end_and_in_the_next_year_with_its_year_start_column()
    {
        using var ledger = Books();
        for (var m = 1; m <= 11; m++) ledger.Ok("period", "close", $"2025-{m:D2}");
        ledger.Ok("year", "close", "2025");
        ledger.Ok("vouchers", "import", ledger.WriteFile("v2.json", """
            [{"ref":"B","date":"2026-02-05","summary":"草场承包费","lines":[{"account":"10201","debit":"100.00"},{"account":"50101","credit":"100.00","member":"M001"}]}]
            """));

        var year = Json(ledger, "report", "balance-sheet", "--year", "2025");
        var next = Json(ledger, "report", "balance-sheet", "--period", "2026-02");

        StatementArithmetic.AssertBalanceSheetAddsUp(year);
        StatementArithmetic.AssertBalanceSheetAddsUp(next);
        Assert.That(StatementArithmetic.Column(next, "year_start"), Is.EqualTo(StatementArithmetic.Column(year, "end")), "年初余额 of 2026 = 期末余额 of 2025");
        Assert.That(StatementArithmetic.Column(next, "end")["assets_total"], Is.EqualTo(1650.00m));
    }

    [Test]
    public void A_month_end_before_a_loss_is_dealt_with_prints_the_pending_line_so_that_the_page_adds_up()
    {
        using var ledger = Books();
        ledger.Ok("vouchers", "import", ledger.WriteFile("v2.json", """
            [{"ref":"L","date":"2025-07-05","summary":"盘亏现金待查","lines":[{"account":"181","debit":"20.00"},{"account":"10201","credit":"20.00"}]}]
            """));

        var csv = ledger.Ok("report", "balance-sheet", "--period", "2025-07", "--format", "csv");

        Assert.That(csv, Does.Contain("待处理财产损溢,22,20.00,0.00"));
        StatementArithmetic.AssertBalanceSheetAddsUp(Json(ledger, "report", "balance-sheet", "--period", "2025-07"));
    }

    [Test]
    public void The_income_statement_prints_investment_income_second_and_a_blank_prior_year_column_for_the_first_year()
    {
        using var ledger = Books();

        var csv = ledger.Ok("report", "income", "--year", "2025", "--format", "csv").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd('\r')).ToList();

        Assert.That(csv[0], Is.EqualTo("项目 item,行次 line,本年金额 this year,上年金额 prior year"));
        Assert.That(csv[1], Is.EqualTo("一、经营收入,1,200.00,"));
        Assert.That(csv[2], Is.EqualTo("加：投资收益,2,0.00,"));
        Assert.That(csv.Select(l => l.Split(',')[0]).SkipWhile(n => n != "减：各项分配").Take(6),
            Is.EqualTo(new[] { "减：各项分配", "其中：分配上年收益", "提取公积公益金", "成员分配", "其他", "六、年末未分配收益" }));
    }

    [Test]
    public void The_notes_state_the_basis_the_policies_and_the_years_figures_as_the_statements_give_them()
    {
        using var ledger = Books();

        var notes = Json(ledger, "report", "notes", "--year", "2025");
        var income = StatementArithmetic.Column(Json(ledger, "report", "income", "--year", "2025"), "amount");

        var sections = notes.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!);
        Assert.That(sections.Keys, Is.EqualTo(new[] { "basis", "policies", "fixed_assets", "funds", "distribution", "nominal_amount", "other" }));
        Assert.That(sections["basis"].GetProperty("text")[1].GetString(), Does.Contain("财会〔2023〕14号"));
        Assert.That(notes.GetProperty("year_closed").GetBoolean(), Is.False);
        Dictionary<string, decimal> Items(string key) => sections[key].GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("name").GetString()!, i => StatementArithmetic.Money(i.GetProperty("amount").GetString()!));
        Assert.That(Items("fixed_assets")["在建工程 年末"], Is.EqualTo(300.00m));
        Assert.That((Items("distribution")["本年收益"], Items("distribution")["年末未分配收益"]), Is.EqualTo((income["net_surplus"], income["undistributed_at_year_end"])));
        Assert.That(sections["funds"].GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()), Does.Contain("F01 衔接资金：本年收到"));
        Assert.That(sections["nominal_amount"].GetProperty("text")[0].GetString(), Is.EqualTo("年末没有以名义金额计量的资产。"));
        Assert.That(ledger.Ok("report", "notes", "--year", "2025", "--format", "csv"), Does.StartWith("部分 section,说明 note,金额 amount"));
        var before = ledger.Run("report", "notes", "--year", "2024");
        Assert.That(before.Code, Is.EqualTo(1), before.Err);
        Assert.That(before.Err, Does.Contain("YearBeforeLedgerStart"));
    }
}
