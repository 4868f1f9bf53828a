using System.Collections.Frozen;

namespace CollectiveLedger.Core.Chart;

/// <summary>
/// The built-in chart <c>standard-2023</c>: the 42 first-level accounts of
/// 《农村集体经济组织会计制度》(财会〔2023〕14号, in force 2024-01-01), names and order as in the regulation.
/// The three-digit codes are those of the project's DOMAIN.md, marked there "(verify)": the reference
/// corpus here holds only the 2004 system's list (101 现金, 102 银行存款, 111 短期投资, 112 应收款, 113 内部往来,
/// 121 库存物资, 141 长期投资, 151 固定资产, 152 累计折旧, 201 短期借款, 231 一事一议资金, 241 专项应付款, 301..322,
/// 401, 501), which agrees with every code the two systems share. A ledger records its chart's name in
/// entry 0, so a corrected chart would ship under a new name and never silently re-code old books.
/// </summary>
public static class StandardChart
{
    public const string Name = "standard-2023";

    public static readonly IReadOnlyList<Account> Accounts =
    [
        A("101", "库存现金", AccountClass.Asset, NormalSide.Debit),
        A("102", "银行存款", AccountClass.Asset, NormalSide.Debit),
        A("111", "短期投资", AccountClass.Asset, NormalSide.Debit),
        A("112", "应收款", AccountClass.Asset, NormalSide.Debit),
        A("113", "内部往来", AccountClass.Asset, NormalSide.Either),
        A("121", "库存物资", AccountClass.Asset, NormalSide.Debit),
        A("131", "消耗性生物资产", AccountClass.Asset, NormalSide.Debit),
        A("132", "生产性生物资产", AccountClass.Asset, NormalSide.Debit),
        A("133", "生产性生物资产累计折旧", AccountClass.Asset, NormalSide.Credit),
        A("134", "公益性生物资产", AccountClass.Asset, NormalSide.Debit),
        A("141", "长期投资", AccountClass.Asset, NormalSide.Debit),
        A("151", "固定资产", AccountClass.Asset, NormalSide.Debit),
        A("152", "累计折旧", AccountClass.Asset, NormalSide.Credit),
        A("153", "在建工程", AccountClass.Asset, NormalSide.Debit),
        A("154", "固定资产清理", AccountClass.Asset, NormalSide.Debit),
        A("161", "无形资产", AccountClass.Asset, NormalSide.Debit),
        A("162", "累计摊销", AccountClass.Asset, NormalSide.Credit),
        A("171", "长期待摊费用", AccountClass.Asset, NormalSide.Debit),
        A("181", "待处理财产损溢", AccountClass.Asset, NormalSide.Either),
        A("201", "短期借款", AccountClass.Liability, NormalSide.Credit),
        A("211", "应付款", AccountClass.Liability, NormalSide.Credit),
        A("212", "应付工资", AccountClass.Liability, NormalSide.Credit),
        A("213", "应付劳务费", AccountClass.Liability, NormalSide.Credit),
        A("214", "应交税费", AccountClass.Liability, NormalSide.Credit),
        A("221", "长期借款及应付款", AccountClass.Liability, NormalSide.Credit),
        A("231", "一事一议资金", AccountClass.Liability, NormalSide.Credit),
        A("241", "专项应付款", AccountClass.Liability, NormalSide.Credit),
        A("301", "资本", AccountClass.Ownership, NormalSide.Credit),
        A("311", "公积公益金", AccountClass.Ownership, NormalSide.Credit),
        A("321", "本年收益", AccountClass.Ownership, NormalSide.Credit),
        A("322", "收益分配", AccountClass.Ownership, NormalSide.Credit),
        A("401", "生产(劳务)成本", AccountClass.Cost, NormalSide.Debit),
        A("501", "经营收入", AccountClass.IncomeExpense, NormalSide.Credit),
        A("502", "投资收益", AccountClass.IncomeExpense, NormalSide.Credit),
        A("503", "补助收入", AccountClass.IncomeExpense, NormalSide.Credit),
        A("504", "其他收入", AccountClass.IncomeExpense, NormalSide.Credit),
        A("511", "经营支出", AccountClass.IncomeExpense, NormalSide.Debit),
        A("512", "税金及附加", AccountClass.IncomeExpense, NormalSide.Debit),
        A("513", "管理费用", AccountClass.IncomeExpense, NormalSide.Debit),
        A("514", "公益支出", AccountClass.IncomeExpense, NormalSide.Debit),
        A("515", "其他支出", AccountClass.IncomeExpense, NormalSide.Debit),
        A("521", "所得税费用", AccountClass.IncomeExpense, NormalSide.Debit),
    ];

    public static readonly FrozenDictionary<string, Account> ByCode = Accounts.ToFrozenDictionary(a => a.Code);

    /// <summary>
    /// 库存现金 and 银行存款 (with their sub-accounts): where fund money is counted as received (debits)
    /// and spent (credits), whatever the other side of the voucher is.
    /// </summary>
    public static readonly IReadOnlyList<string> CashAndBankPrefixes = ["101", "102"];

    /// <summary>Income accounts (501-504 and their sub-accounts): income is credit minus debit.</summary>
    public static readonly IReadOnlyList<string> IncomePrefixes = ["50"];

    /// <summary>Expenditure accounts (511-521 and their sub-accounts): expenditure is debit minus credit.</summary>
    public static readonly IReadOnlyList<string> ExpenditurePrefixes = ["51", "52"];

    public static bool IsCashOrBank(string code) => HasPrefix(code, CashAndBankPrefixes);
    public static bool IsIncome(string code) => HasPrefix(code, IncomePrefixes);
    public static bool IsExpenditure(string code) => HasPrefix(code, ExpenditurePrefixes);

    private static bool HasPrefix(string code, IReadOnlyList<string> prefixes) =>
        prefixes.Any(p => code.StartsWith(p, StringComparison.Ordinal));

    private static Account A(string code, string name, AccountClass cls, NormalSide side) => new(code, name, null, cls, side);
}
