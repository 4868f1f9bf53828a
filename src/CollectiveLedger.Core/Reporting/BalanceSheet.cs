using System.Collections.Immutable;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Reporting;

/// <summary>A line of the 资产负债表: its 行次, a stable key for tools, the printed item, and the two columns (期末余额 <see cref="End"/>, 年初余额 <see cref="YearStart"/>).</summary>
/// <param name="Section">assets, liabilities or ownership.</param>
/// <param name="Total">A subtotal or total line rather than an item.</param>
public sealed record BalanceSheetLine(int Number, string Key, string Name, string Section, bool Total, Amount YearStart, Amount End);

/// <summary>
/// 资产负债表 as of <see cref="End"/> (31 December for the annual statement, or a month end), with the
/// 年初余额 column as of 1 January of that year.
///
/// Layout. The corpus this project can search holds no copy of the 2023 system's statement formats
/// (财会〔2023〕14号); it holds the 2004 village system's text (财会〔2004〕12号) and the cooperative
/// system's 资产负债表 (流动资产 / 长期资产 / 农业资产, 年初数 and 年末数, 资产总计 = 负债和所有者权益总计).
/// So the lines here are this project's own grouping of the 2023 chart's 42 accounts in the
/// regulation's account order: 流动资产 and 非流动资产, 流动负债 and 非流动负债, 所有者权益. Unverified
/// against the 2023 text: the line names, their order and 行次, the current / non-current split of
/// the biological assets and of 221, and where 401 生产(劳务)成本 (here: 存货, as the 2004 system put
/// it) goes. Account 113 内部往来 is split by
/// sub-account: debit balances under 应收款项, credit balances under 应付款项 (the 2004 rule).
/// 固定资产小计 = 固定资产净值 + 在建工程 + 固定资产清理, as the cooperative system's statement (财会〔2021〕37号,
/// which the 2023 village system was aligned with) has it; 非流动资产合计 adds the 小计, not its parts.
/// 181 待处理财产损溢 must be cleared before a period is closed, so it has no printed line (see
/// <see cref="IsPrinted"/>); its key stays in the model and the JSON for tools, and holds the
/// balance of a month end before it was cleared.
///
/// Income and expense accounts not yet closed into 321 (before year close, or at a month end) are
/// folded into 未分配收益 together with 321 and 322, so the statement is right before and after the
/// close; assets = liabilities + ownership always (checked on construction).
/// </summary>
public sealed record BalanceSheet(DateOnly YearStart, DateOnly End, ImmutableArray<BalanceSheetLine> Lines)
{
    public BalanceSheetLine this[string key] => Lines.Single(l => l.Key == key);

    /// <summary>
    /// Whether a person's copy (table, CSV, page) shows the line: every line but 待处理财产损溢, which
    /// is shown only when it holds a balance (a month end before the loss was dealt with), so that
    /// the printed figures always add up to their totals.
    /// </summary>
    public static bool IsPrinted(BalanceSheetLine line) =>
        line.Key != "property_losses_pending" || !line.End.IsZero || !line.YearStart.IsZero;

    // Level-1 accounts (first three digits of any code) of each item; assets and cost count debit
    // balances as positive, liabilities and ownership credit balances.
    /// <summary>The slot of every income and expense account (unclosed 损益类 balances are 未分配收益), chosen by the chart's classes.</summary>
    private const string IncomeAndExpense = "income_expense";

    private static readonly (string Key, string Name, string Section, string[] Roots)[] Items =
    [
        ("cash", "货币资金", "assets", ["101", "102"]),
        ("short_term_investments", "短期投资", "assets", ["111"]),
        ("receivables", "应收款项", "assets", ["112", "113+"]),
        ("inventories", "存货", "assets", ["121", "401"]),
        ("consumable_biological_assets", "消耗性生物资产", "assets", ["131"]),
        ("current_assets_total", "流动资产合计", "assets", []),
        ("long_term_investments", "长期投资", "assets", ["141"]),
        ("productive_biological_assets_cost", "生产性生物资产原值", "assets", ["132"]),
        ("productive_biological_assets_depreciation", "减：生产性生物资产累计折旧", "assets", ["133"]),
        ("productive_biological_assets_net", "生产性生物资产净值", "assets", []),
        ("public_welfare_biological_assets", "公益性生物资产", "assets", ["134"]),
        ("fixed_assets_cost", "固定资产原值", "assets", ["151"]),
        ("accumulated_depreciation", "减：累计折旧", "assets", ["152"]),
        ("fixed_assets_net", "固定资产净值", "assets", []),
        ("construction_in_progress", "在建工程", "assets", ["153"]),
        ("fixed_assets_disposal", "固定资产清理", "assets", ["154"]),
        ("fixed_assets_subtotal", "固定资产小计", "assets", []),
        ("intangible_assets_cost", "无形资产原值", "assets", ["161"]),
        ("accumulated_amortization", "减：累计摊销", "assets", ["162"]),
        ("intangible_assets_net", "无形资产净值", "assets", []),
        ("long_term_deferred_expenses", "长期待摊费用", "assets", ["171"]),
        ("property_losses_pending", "待处理财产损溢", "assets", ["181"]),
        ("non_current_assets_total", "非流动资产合计", "assets", []),
        ("assets_total", "资产总计", "assets", []),
        ("short_term_borrowings", "短期借款", "liabilities", ["201"]),
        ("payables", "应付款项", "liabilities", ["211", "113-"]),
        ("wages_payable", "应付工资", "liabilities", ["212"]),
        ("labour_payable", "应付劳务费", "liabilities", ["213"]),
        ("taxes_payable", "应交税费", "liabilities", ["214"]),
        ("current_liabilities_total", "流动负债合计", "liabilities", []),
        ("long_term_borrowings_and_payables", "长期借款及应付款", "liabilities", ["221"]),
        ("one_matter_one_discussion_funds", "一事一议资金", "liabilities", ["231"]),
        ("special_payables", "专项应付款", "liabilities", ["241"]),
        ("non_current_liabilities_total", "非流动负债合计", "liabilities", []),
        ("liabilities_total", "负债合计", "liabilities", []),
        ("capital", "资本", "ownership", ["301"]),
        ("accumulation_and_public_welfare_fund", "公积公益金", "ownership", ["311"]),
        ("undistributed_surplus", "未分配收益", "ownership", ["321", "322", IncomeAndExpense]),
        ("ownership_total", "所有者权益合计", "ownership", []),
        ("liabilities_and_ownership_total", "负债和所有者权益总计", "ownership", []),
    ];

    /// <param name="balances">Every leaf account with postings; codes outside the standard chart's roots are a bug.</param>
    public static BalanceSheet Compute(DateOnly yearStart, DateOnly end, IEnumerable<AccountYearBalance> balances)
    {
        var list = balances.ToList();
        var start = Column(list, b => b.YearStart);
        var close = Column(list, b => b.End);
        var lines = ImmutableArray.CreateBuilder<BalanceSheetLine>(Items.Length);
        for (var i = 0; i < Items.Length; i++)
        {
            var (key, name, section, roots) = Items[i];
            lines.Add(new BalanceSheetLine(i + 1, key, name, section, roots.Length == 0, start[key], close[key]));
        }
        return new BalanceSheet(yearStart, end, lines.MoveToImmutable());
    }

    /// <summary>Every line's amount for one column, subtotals included; checks that the two sides agree.</summary>
    private static Dictionary<string, Amount> Column(List<AccountYearBalance> balances, Func<AccountYearBalance, Amount> net)
    {
        var value = Items.ToDictionary(i => i.Key, _ => Amount.Zero, StringComparer.Ordinal);
        var netByRoot = new Dictionary<string, Amount>(StringComparer.Ordinal);
        foreach (var b in balances)
        {
            var n = net(b);
            var root = b.Account[..3];
            // 内部往来 by sub-account: what a group owes the collective is a receivable, what the collective owes it a payable.
            var slot = root == "113" ? (n.IsNegative ? "113-" : "113+") : StandardChart.IsIncome(root) || StandardChart.IsExpenditure(root) ? IncomeAndExpense : root;
            netByRoot[slot] = netByRoot.GetValueOrDefault(slot) + n;
        }
        var mapped = Items.SelectMany(i => i.Roots).ToHashSet(StringComparer.Ordinal);
        foreach (var slot in netByRoot.Keys)
            Precondition.Require(mapped.Contains(slot), $"account root {slot} has a balance sheet line");
        foreach (var (key, _, section, roots) in Items)
        {
            var sum = roots.Aggregate(Amount.Zero, (acc, r) => acc + netByRoot.GetValueOrDefault(r));
            value[key] = section == "assets" ? sum : -sum;
        }
        // Contra accounts are printed as positive amounts to subtract.
        foreach (var contra in new[] { "productive_biological_assets_depreciation", "accumulated_depreciation", "accumulated_amortization" })
            value[contra] = -value[contra];

        value["productive_biological_assets_net"] = value["productive_biological_assets_cost"] - value["productive_biological_assets_depreciation"];
        value["fixed_assets_net"] = value["fixed_assets_cost"] - value["accumulated_depreciation"];
        value["intangible_assets_net"] = value["intangible_assets_cost"] - value["accumulated_amortization"];
        value["current_assets_total"] = Sum(value, "cash", "short_term_investments", "receivables", "inventories", "consumable_biological_assets");
        value["fixed_assets_subtotal"] = Sum(value, "fixed_assets_net", "construction_in_progress", "fixed_assets_disposal");
        value["non_current_assets_total"] = Sum(value, "long_term_investments", "productive_biological_assets_net", "public_welfare_biological_assets",
            "fixed_assets_subtotal", "intangible_assets_net", "long_term_deferred_expenses", "property_losses_pending");
        value["assets_total"] = value["current_assets_total"] + value["non_current_assets_total"];
        value["current_liabilities_total"] = Sum(value, "short_term_borrowings", "payables", "wages_payable", "labour_payable", "taxes_payable");
        value["non_current_liabilities_total"] = Sum(value, "long_term_borrowings_and_payables", "one_matter_one_discussion_funds", "special_payables");
        value["liabilities_total"] = value["current_liabilities_total"] + value["non_current_liabilities_total"];
        value["ownership_total"] = Sum(value, "capital", "accumulation_and_public_welfare_fund", "undistributed_surplus");
        value["liabilities_and_ownership_total"] = value["liabilities_total"] + value["ownership_total"];
        Precondition.Require(value["assets_total"] == value["liabilities_and_ownership_total"], "assets = liabilities + ownership");
        return value;
    }

    private static Amount Sum(Dictionary<string, Amount> value, params string[] keys) => keys.Aggregate(Amount.Zero, (acc, k) => acc + value[k]);
}
