using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Reporting;

namespace CollectiveLedger.Tests.Core;

/// <summary>The chart is data (Chart/Data/*.json) and rules ask it what an account is, never its digits.</summary>
public class ChartDataTests
{
    /// <summary>A chart numbered like the 2021 cooperative system (投资收益 511, 经营支出 521...): what a correction of the 2023 codes could look like.</summary>
    private const string CoopNumbered = """
        {"chart": "test-coop-numbering", "accounts": [
          {"code": "101", "name": "库存现金", "class": "asset", "side": "debit"},
          {"code": "321", "name": "本年收益", "class": "ownership", "side": "credit"},
          {"code": "322", "name": "收益分配", "class": "ownership", "side": "credit"},
          {"code": "501", "name": "经营收入", "class": "income", "side": "credit"},
          {"code": "502", "name": "其他收入", "class": "income", "side": "credit"},
          {"code": "503", "name": "补助收入", "class": "income", "side": "credit"},
          {"code": "511", "name": "投资收益", "class": "income", "side": "credit"},
          {"code": "521", "name": "经营支出", "class": "expense", "side": "debit"},
          {"code": "522", "name": "税金及附加", "class": "expense", "side": "debit"},
          {"code": "523", "name": "管理费用", "class": "expense", "side": "debit"},
          {"code": "524", "name": "公益支出", "class": "expense", "side": "debit"},
          {"code": "529", "name": "其他支出", "class": "expense", "side": "debit"},
          {"code": "531", "name": "所得税费用", "class": "expense", "side": "debit"}
        ]}
        """;

    [Test]
    public void The_standard_chart_is_read_from_its_data_file_with_a_source_for_every_account()
    {
        Assert.That(StandardChart.Chart.Name, Is.EqualTo(StandardChart.Name));
        Assert.That(StandardChart.Accounts, Has.Count.EqualTo(42));
        Assert.That(StandardChart.ByCode["502"], Is.EqualTo(new Account("502", "投资收益", null, AccountClass.IncomeExpense, NormalSide.Credit)));
        Assert.That(StandardChart.ByCode["113"].Side, Is.EqualTo(NormalSide.Either));
        Assert.That(StandardChart.Accounts.Select(a => StandardChart.Chart.Sources[a.Code]), Has.All.Match("^(confirmed|unconfirmed)"));
        Assert.That(StandardChart.Chart.Sources["502"], Does.StartWith("unconfirmed"));
        Assert.That(StandardChart.Chart.Sources["102"], Does.StartWith("confirmed"));
    }

    [Test]
    public void Income_and_expense_are_the_accounts_classes_and_a_sub_account_is_what_its_parent_is()
    {
        Assert.That(StandardChart.IsIncome("50201"), Is.True);
        Assert.That(StandardChart.IsExpenditure("51301"), Is.True);
        Assert.That(StandardChart.IsExpenditure("52101"), Is.True);
        Assert.That(StandardChart.IsIncome("40101") || StandardChart.IsExpenditure("40101"), Is.False);

        var coop = ChartOfAccounts.FromJson(CoopNumbered);
        Assert.That(coop.IsIncome("51101"), Is.True, "511 is 投资收益 in this chart: income, whatever its digits");
        Assert.That(coop.IsExpenditure("51101"), Is.False);
        Assert.That(coop.IsExpenditure("52101"), Is.True);
        Assert.That(coop.IsIncome("502"), Is.True);
    }

    [Test]
    public void The_income_statement_sums_accounts_by_the_charts_classes_and_names_not_by_code()
    {
        var coop = ChartOfAccounts.FromJson(CoopNumbered);
        static Amount Yuan(long yuan) => new(yuan * 100);
        AccountYearBalance B(string account, long debit, long credit) =>
            new(account, Amount.Zero, Yuan(debit), Yuan(credit), Yuan(debit - credit));
        var statement = IncomeStatement.Compute(2024, new DateOnly(2024, 12, 31),
            [B("51101", 0, 300), B("52101", 200, 0), B("501", 0, 1000), B("101", 1100, 0)], [], chart: coop);

        Assert.That(statement["investment_income"].Amount, Is.EqualTo(Yuan(300)));
        Assert.That(statement["operating_expenses"].Amount, Is.EqualTo(Yuan(200)));
        Assert.That(statement["operating_income"].Amount, Is.EqualTo(Yuan(1000)));
        Assert.That(statement["net_surplus"].Amount, Is.EqualTo(Yuan(1100)));
    }

    [Test]
    public void The_data_file_agrees_with_the_audit_log_contracts_appendix_A_row_for_row()
    {
        var text = File.ReadAllText(Path.Combine(TestLedger.RepoRoot, "schemas", "audit-log.md"));
        var appendix = text[text.IndexOf("## Appendix A.", StringComparison.Ordinal)..];
        var rows = appendix.Split('\n')
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Where(c => c.Length == 6 && c[1].Length == 3 && c[1].All(char.IsAsciiDigit))
            .Select(c => (c[1], c[2], c[3], c[4]))
            .ToList();
        static string Class(Account a) => a.Class switch
        {
            AccountClass.Asset => "asset",
            AccountClass.Liability => "liability",
            AccountClass.Ownership => "ownership",
            AccountClass.Cost => "cost",
            _ => "income_expense",
        };
        Assert.That(StandardChart.Accounts.Select(a => (a.Code, a.Name, Class(a), a.Side.ToString().ToLowerInvariant())), Is.EqualTo(rows));
    }

    [Test]
    public void The_2004_chart_has_its_33_official_accounts_and_every_one_says_what_becomes_of_its_balance()
    {
        var official = Chart2004.Chart.Accounts.Where(a => Chart2004.Chart.Sources[a.Code].StartsWith("confirmed", StringComparison.Ordinal)).ToList();
        Assert.That(official, Has.Count.EqualTo(33));
        Assert.That(Chart2004.Chart.ByCode["502"].Name, Is.EqualTo("经营支出"));
        Assert.That(Chart2004.Chart.IsExpenditure("502"), Is.True);
        Assert.That(Chart2004.Chart.IsIncome("561"), Is.True);
        Assert.That(Chart2004.Mappings.Keys, Is.EquivalentTo(Chart2004.Chart.Accounts.Select(a => a.Code)));
        Assert.That(Chart2004.Mappings["202"].To, Is.EqualTo("211"));
        Assert.That(Chart2004.Mappings["154"].To, Is.EqualTo("153"));
        Assert.That(Chart2004.Mappings.Values.Count(m => m.Closed), Is.EqualTo(Chart2004.Chart.IncomeCodes.Count() + Chart2004.Chart.ExpenditureCodes.Count()));
        Assert.That(Chart2004.Is2004Name("131", "牲畜（禽）资产"), Is.True, "full-width brackets as spreadsheets write them");
    }
}
