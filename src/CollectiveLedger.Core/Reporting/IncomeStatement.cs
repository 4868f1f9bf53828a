using System.Collections.Immutable;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Reporting;

/// <summary>A line of the 收益及收益分配表: its 行次, a stable key for tools, the printed item and the year's amount.</summary>
public sealed record IncomeStatementLine(int Number, string Key, string Name, bool Total, Amount Amount);

/// <summary>
/// 收益及收益分配表 of one year, from 1 January to <see cref="End"/>.
///
/// Layout. The corpus this project can search holds no copy of the 2023 system's formats
/// (财会〔2023〕14号). The lines follow the 2004 village system's statement as DOMAIN.md gives it
/// (经营收益 = 经营收入 + 投资收益 − 经营支出 − 管理费用; 本年收益 = 经营收益 + 补助收入 + 其他收入 − 其他支出;
/// 可分配收益 = 本年收益 + 年初未分配收益 + 其他转入; − 各项分配 = 年末未分配收益), extended by this
/// project with the accounts the 2023 chart adds: 512 税金及附加 beside 经营支出, 514 公益支出 beside
/// 其他支出, and 521 所得税费用 between 收益总额 and 净收益 (本年收益). Unverified against the 2023 text:
/// those three placements, the names 收益总额 and 净收益, and 行次. 各项分配 is one line (debits to
/// 321 and 322 by normal vouchers: 提取公积公益金, member distribution...) because the chart leaves
/// the distribution sub-accounts to each organization.
///
/// Closing vouchers are left out, so the statement is the same before and after year close; 年末未分配收益
/// equals the balance sheet's 未分配收益 at the same date (checked on construction).
/// </summary>
public sealed record IncomeStatement(int Year, DateOnly End, ImmutableArray<IncomeStatementLine> Lines)
{
    public IncomeStatementLine this[string key] => Lines.Single(l => l.Key == key);

    /// <summary>Each line with the name of the chart's account it sums (the account, not its code: codes are data).</summary>
    private static readonly (string Key, string Name, string? Account)[] Items =
    [
        ("operating_income", "一、经营收入", "经营收入"),
        ("operating_expenses", "减：经营支出", "经营支出"),
        ("taxes_and_surcharges", "    税金及附加", "税金及附加"),
        ("administrative_expenses", "    管理费用", "管理费用"),
        ("investment_income", "加：投资收益", "投资收益"),
        ("operating_surplus", "二、经营收益", null),
        ("subsidy_income", "加：补助收入", "补助收入"),
        ("other_income", "    其他收入", "其他收入"),
        ("public_welfare_expenses", "减：公益支出", "公益支出"),
        ("other_expenses", "    其他支出", "其他支出"),
        ("total_surplus", "三、收益总额", null),
        ("income_tax", "减：所得税费用", "所得税费用"),
        ("net_surplus", "四、净收益（本年收益）", null),
        ("undistributed_at_year_start", "加：年初未分配收益", null),
        ("other_transfers_in", "    其他转入", null),
        ("distributable_surplus", "五、可分配收益", null),
        ("distributions", "减：各项分配", null),
        ("undistributed_at_year_end", "六、年末未分配收益", null),
    ];

    private static readonly HashSet<string> Totals =
        ["operating_surplus", "total_surplus", "net_surplus", "distributable_surplus", "undistributed_at_year_end"];

    /// <param name="balances">Every leaf account with postings (only income and expense, 321 and 322 are read).</param>
    /// <param name="chart">The chart that says which accounts are income and expense; <see cref="StandardChart"/> by default.</param>
    public static IncomeStatement Compute(int year, DateOnly end, IEnumerable<AccountYearBalance> balances, ChartOfAccounts? chart = null)
    {
        chart ??= StandardChart.Chart;
        var keyOf = Items.Where(i => i.Account is not null)
            .ToDictionary(i => chart.CodeOfName(i.Account!) ?? throw new InvalidOperationException($"chart {chart.Name} has no account {i.Account}"),
                i => i.Key, StringComparer.Ordinal);
        var value = new Dictionary<string, Amount>(StringComparer.Ordinal);
        var startUndistributed = Amount.Zero; // credit balance of 321, 322 and unclosed income and expense on 1 January
        var endUndistributed = Amount.Zero;
        var transfersIn = Amount.Zero;
        var distributions = Amount.Zero;
        foreach (var b in balances)
        {
            var root = b.Account[..3];
            var surplusAccount = root is "321" or "322";
            if (!surplusAccount && !chart.IsIncomeOrExpenditure(root)) continue;
            startUndistributed -= b.YearStart;
            endUndistributed -= b.End;
            if (surplusAccount)
            {
                transfersIn += b.YearCredit;
                distributions += b.YearDebit;
                continue;
            }
            // Income is credit minus debit, expense debit minus credit: both positive as normally booked.
            var net = b.YearDebit - b.YearCredit;
            var key = keyOf[root];
            var amount = chart.IsIncome(root) ? -net : net;
            value[key] = value.GetValueOrDefault(key) + amount;
        }
        Amount V(string key) => value.GetValueOrDefault(key);
        value["operating_surplus"] = V("operating_income") - V("operating_expenses") - V("taxes_and_surcharges") - V("administrative_expenses")
                                     + V("investment_income");
        value["total_surplus"] = V("operating_surplus") + V("subsidy_income") + V("other_income") - V("public_welfare_expenses") - V("other_expenses");
        value["net_surplus"] = V("total_surplus") - V("income_tax");
        value["undistributed_at_year_start"] = startUndistributed;
        value["other_transfers_in"] = transfersIn;
        value["distributable_surplus"] = V("net_surplus") + startUndistributed + transfersIn;
        value["distributions"] = distributions;
        value["undistributed_at_year_end"] = V("distributable_surplus") - distributions;
        Precondition.Require(V("undistributed_at_year_end") == endUndistributed,
            "年末未分配收益 equals the balance of 321, 322 and unclosed income and expense at the end date");
        return new IncomeStatement(year, end,
            [.. Items.Select((item, i) => new IncomeStatementLine(i + 1, item.Key, item.Name, Totals.Contains(item.Key), V(item.Key)))]);
    }
}
