using System.Globalization;
using System.Text.Json;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// What a person checks with a pencil on a printed statement: every subtotal and total is the sum
/// of the lines above it that it names, written out again here from the printed layout (not taken
/// from the code that computes it).
/// </summary>
public static class StatementArithmetic
{
    private static readonly (string Total, string[] Plus, string[] Minus)[] BalanceSheetSums =
    [
        ("current_assets_total", ["cash", "short_term_investments", "receivables", "inventories", "consumable_biological_assets"], []),
        ("productive_biological_assets_net", ["productive_biological_assets_cost"], ["productive_biological_assets_depreciation"]),
        ("fixed_assets_net", ["fixed_assets_cost"], ["accumulated_depreciation"]),
        ("fixed_assets_subtotal", ["fixed_assets_net", "construction_in_progress", "fixed_assets_disposal"], []),
        ("intangible_assets_net", ["intangible_assets_cost"], ["accumulated_amortization"]),
        ("non_current_assets_total", ["long_term_investments", "productive_biological_assets_net", "public_welfare_biological_assets",
            "fixed_assets_subtotal", "intangible_assets_net", "long_term_deferred_expenses", "property_losses_pending"], []),
        ("assets_total", ["current_assets_total", "non_current_assets_total"], []),
        ("current_liabilities_total", ["short_term_borrowings", "payables", "wages_payable", "labour_payable", "taxes_payable"], []),
        ("non_current_liabilities_total", ["long_term_borrowings_and_payables", "one_matter_one_discussion_funds", "special_payables"], []),
        ("liabilities_total", ["current_liabilities_total", "non_current_liabilities_total"], []),
        ("ownership_total", ["capital", "accumulation_and_public_welfare_fund", "undistributed_surplus"], []),
        ("liabilities_and_ownership_total", ["liabilities_total", "ownership_total"], []),
    ];

    private static readonly (string Total, string[] Plus, string[] Minus)[] IncomeStatementSums =
    [
        ("operating_surplus", ["operating_income", "investment_income"], ["operating_expenses", "taxes_and_surcharges", "administrative_expenses"]),
        ("total_surplus", ["operating_surplus", "subsidy_income", "other_income"], ["public_welfare_expenses", "other_expenses"]),
        ("net_surplus", ["total_surplus"], ["income_tax"]),
        ("distributable_surplus", ["net_surplus", "undistributed_at_year_start", "other_transfers_in"], []),
        ("distributions", ["prior_year_distributions", "reserve_appropriation", "member_distributions", "other_distributions"], []),
        ("undistributed_at_year_end", ["distributable_surplus"], ["distributions"]),
    ];

    public static decimal Money(string text) => decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    public static Dictionary<string, decimal> Column(JsonElement statement, string column) =>
        statement.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("key").GetString()!, l => Money(l.GetProperty(column).GetString()!));

    /// <summary>本年金额 of an income statement (JSON) adds up, and 上年金额 too when it is there.</summary>
    public static void AssertIncomeStatementAddsUp(JsonElement statement)
    {
        var columns = statement.GetProperty("lines")[0].GetProperty("prior_year_amount").ValueKind == JsonValueKind.Null ? new[] { "amount" } : ["amount", "prior_year_amount"];
        foreach (var column in columns)
        {
            var value = Column(statement, column);
            foreach (var (total, plus, minus) in IncomeStatementSums)
                Assert.That(value[total], Is.EqualTo(plus.Sum(k => value[k]) - minus.Sum(k => value[k])), $"{column}: {total}");
        }
    }

    /// <summary>Both columns of a balance sheet (JSON) add up, and 资产总计 = 负债和所有者权益总计.</summary>
    public static void AssertBalanceSheetAddsUp(JsonElement sheet)
    {
        foreach (var column in new[] { "end", "year_start" })
        {
            var value = Column(sheet, column);
            foreach (var (total, plus, minus) in BalanceSheetSums)
                Assert.That(value[total], Is.EqualTo(plus.Sum(k => value[k]) - minus.Sum(k => value[k])), $"{column}: {total}");
            Assert.That(value["assets_total"], Is.EqualTo(value["liabilities_and_ownership_total"]), $"{column}: 资产总计 = 负债和所有者权益总计");
        }
        var keys = sheet.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("key").GetString()!).ToList();
        Assert.That(keys.IndexOf("fixed_assets_subtotal"), Is.EqualTo(keys.IndexOf("fixed_assets_disposal") + 1), "固定资产小计 follows its lines");
    }
}
