using System.Collections.Immutable;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Reporting;

/// <summary>
/// A line of the 收益及收益分配表: its 行次, a stable key for tools, the printed item, the year's amount
/// (本年金额) and the previous year's (上年金额; null when the previous year is not in these books or
/// not closed).
/// </summary>
public sealed record IncomeStatementLine(int Number, string Key, string Name, bool Total, Amount Amount, Amount? PriorYear = null);

/// <summary>
/// One line of a normal voucher that debits 321 本年收益 or 322 收益分配 (a distribution), for the
/// itemised 各项分配. <paramref name="PlanYear"/> is the year whose distribution plan posted the
/// voucher (`distribution post`), or null for a voucher posted by hand.
/// </summary>
public sealed record DistributionVoucherLine(long Voucher, int? PlanYear, string Account, Amount Debit, Amount Credit);

/// <summary>
/// 收益及收益分配表 of one year, from 1 January to <see cref="End"/>.
///
/// Layout. The corpus this project can search holds no copy of the 2023 system's formats
/// (财会〔2023〕14号). The lines follow the cooperative system's 盈余及盈余分配表 (财会〔2021〕37号, which
/// the 2023 village system was aligned with) where it has the line: 投资收益 right after 经营收入,
/// then 经营支出, 税金及附加, 管理费用 (经营收益 = 经营收入 + 投资收益 − 经营支出 − 税金及附加 − 管理费用);
/// and the 2004 village system's statement for the rest (本年收益 = 经营收益 + 补助收入 + 其他收入 −
/// 公益支出 − 其他支出 − 所得税费用; 可分配收益 = 本年收益 + 年初未分配收益 + 其他转入; − 各项分配 =
/// 年末未分配收益), with the 2023 chart's 512, 514 and 521. Unverified against the 2023 text: those
/// placements, the names 收益总额 and 净收益, and 行次.
///
/// 各项分配 (every debit to 321 and 322 by the year's normal vouchers) is itemised under 其中:
/// 分配上年收益, what the year's vouchers distribute of an earlier year's surplus (the vouchers that
/// `distribution post` posted for an earlier year's plan: a year's plan can only be posted after its
/// year, so the 2025 distribution is in the 2026 books, and is shown there as such, not as 2026's
/// own); then the year's own 提取公积公益金 (credited to 311), 成员分配 (credited to 211 应付款 or paid
/// out of 101/102) and 其他. Within a voucher the debit is matched to its 311 credits first, then to
/// its 211/101/102 credits, and the rest is 其他. The four 其中 lines add up to 各项分配.
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
        ("investment_income", "加：投资收益", "投资收益"),
        ("operating_expenses", "减：经营支出", "经营支出"),
        ("taxes_and_surcharges", "    税金及附加", "税金及附加"),
        ("administrative_expenses", "    管理费用", "管理费用"),
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
        ("prior_year_distributions", "    其中：分配上年收益", null),
        ("reserve_appropriation", "          提取公积公益金", null),
        ("member_distributions", "          成员分配", null),
        ("other_distributions", "          其他", null),
        ("undistributed_at_year_end", "六、年末未分配收益", null),
    ];

    private static readonly HashSet<string> Totals =
        ["operating_surplus", "total_surplus", "net_surplus", "distributable_surplus", "undistributed_at_year_end"];

    /// <param name="balances">Every leaf account with postings (only income and expense, 321 and 322 are read).</param>
    /// <param name="distributionLines">Every line of the year's normal vouchers that debit 321 or 322, in voucher order.</param>
    /// <param name="priorYear">The previous year's statement for the 上年金额 column, or null to leave it blank.</param>
    /// <param name="chart">The chart that says which accounts are income and expense; <see cref="StandardChart"/> by default.</param>
    public static IncomeStatement Compute(int year, DateOnly end, IEnumerable<AccountYearBalance> balances,
        IEnumerable<DistributionVoucherLine> distributionLines, IncomeStatement? priorYear = null, ChartOfAccounts? chart = null)
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
        foreach (var (key, amount) in DistributionItems(year, distributionLines))
            value[key] = amount;
        Precondition.Require(V("prior_year_distributions") + V("reserve_appropriation") + V("member_distributions") + V("other_distributions") == distributions,
            "the itemised distributions add up to the debits of 321 and 322");
        value["undistributed_at_year_end"] = V("distributable_surplus") - distributions;
        Precondition.Require(V("undistributed_at_year_end") == endUndistributed,
            "年末未分配收益 equals the balance of 321, 322 and unclosed income and expense at the end date");
        Precondition.Require(priorYear is null || priorYear.Year == year - 1, "上年金额 is the previous year's");
        return new IncomeStatement(year, end,
            [.. Items.Select((item, i) => new IncomeStatementLine(i + 1, item.Key, item.Name, Totals.Contains(item.Key), V(item.Key), priorYear?[item.Key].Amount))]);
    }

    /// <summary>各项分配 by item (see the type's summary), voucher by voucher; red-ink vouchers count negative.</summary>
    private static Dictionary<string, Amount> DistributionItems(int year, IEnumerable<DistributionVoucherLine> lines)
    {
        var items = new Dictionary<string, Amount>(StringComparer.Ordinal);
        void Add(string key, Amount amount) => items[key] = items.GetValueOrDefault(key) + amount;
        foreach (var voucher in lines.GroupBy(l => l.Voucher))
        {
            var debit = voucher.Where(l => IsSurplus(l.Account)).Aggregate(Amount.Zero, (acc, l) => acc + l.Debit);
            if (voucher.First().PlanYear is { } planYear && planYear < year)
            {
                Add("prior_year_distributions", debit);
                continue;
            }
            var reserve = Within(voucher.Where(l => l.Account.StartsWith("311", StringComparison.Ordinal)).Aggregate(Amount.Zero, (acc, l) => acc + l.Credit), debit);
            var members = Within(voucher.Where(l => l.Account[..3] is "211" or "101" or "102").Aggregate(Amount.Zero, (acc, l) => acc + l.Credit), debit - reserve);
            Add("reserve_appropriation", reserve);
            Add("member_distributions", members);
            Add("other_distributions", debit - reserve - members);
        }
        return items;
    }

    private static bool IsSurplus(string account) => account[..3] is "321" or "322";

    /// <summary><paramref name="amount"/> limited to lie between zero and <paramref name="limit"/> (either sign).</summary>
    private static Amount Within(Amount amount, Amount limit)
    {
        if (limit.IsNegative) return amount.IsNegative ? (amount < limit ? limit : amount) : Amount.Zero;
        return amount.IsNegative ? Amount.Zero : (amount > limit ? limit : amount);
    }
}
