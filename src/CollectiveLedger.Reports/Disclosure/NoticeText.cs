using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>
/// Every phrase a notice prints, in Chinese (the default, for the notice board) or English. One place
/// for the wording, so the PDF, HTML and CSV say the same thing.
/// </summary>
public sealed class NoticeText(bool chinese)
{
    public bool Chinese { get; } = chinese;

    private string T(string zh, string en) => Chinese ? zh : en;

    public string Title => T("财务公开榜", "Financial Disclosure Notice");
    public string PeriodLabel(DisclosurePeriod p) => Chinese ? p.LabelZh : p.LabelEn;
    public string Heading(DisclosureNotice n) => $"{n.Org}  {PeriodLabel(n.Period)}{Title}";
    public string Published(DisclosureNotice n) => Published(n.PublicationDate);
    public string Published(DateOnly date) => T($"公布日期：{date:yyyy年M月d日}", $"Published {date:yyyy-MM-dd}");
    public string Unit(DisclosureNotice n) => Unit(n.Currency);
    public string Unit(string currency) => T($"单位：元（{currency}）", $"Amounts in yuan ({currency})");

    public string SummaryCaption => T("一、收支总表", "1. Summary");
    public string OpeningCash => T("期初库存现金及银行存款", "Cash and bank at the start");
    public string IncomeHeader => T("本期收入", "Income");
    public string ExpenditureHeader => T("本期支出", "Expenditure");
    public string IncomeTotal => T("收入合计", "Total income");
    public string ExpenditureTotal => T("支出合计", "Total expenditure");
    public string ClosingCash => T("期末库存现金及银行存款", "Cash and bank at the end");
    public string Item => T("项目", "Item");
    public string Amount => T("金额", "Amount");
    public string InWords => T("大写", "In words");

    public string IncomeItemsCaption => T("二、收入明细（逐项逐笔）", "2. Income, item by item");
    public string ExpenditureItemsCaption => T("三、支出明细（逐项逐笔）", "3. Expenditure, item by item");
    public string Date => T("日期", "Date");
    public string Voucher => T("凭证号", "Voucher");
    public string Summary => T("摘要", "Summary");
    public string Party => T("往来单位或成员", "Counterparty or member");
    public string Account => T("科目", "Account");
    public string ReversalMark => T("（红字冲销）", " (red-ink reversal)");
    public string None => T("本期无", "None in this period");

    public string FundsCaption => T("四、专项资金使用情况", "4. Support funds");
    public string Fund => T("资金名称", "Fund");
    public string Received => T("累计收到", "Received to date");
    public string Spent => T("累计支出", "Spent to date");
    public string SpentInPeriod => T("本期支出", "Spent this period");
    public string Balance => T("结余", "Balance");

    public string ClaimsCaption => T("五、债权债务（期末余额）", "5. Claims and debts at the end of the period");
    public string Receivable => T("应收（债权）", "Receivable (claim)");
    public string Payable => T("应付（债务）", "Payable (debt)");

    public string ReviewCaption => T("六、审核与监督", "6. Review and objection");
    public string ReviewLine => T("本公开内容已经村务监督委员会审核。", "This notice was reviewed by the village affairs supervision committee.");
    public string Objection(DisclosureSettings s) => T(
        $"村民对公开内容有疑问的，请在公布之日起 {s.ObjectionDays} 日内向{s.Contact}提出，将在规定期限内答复。",
        $"Villagers with questions may raise them with {s.Contact} within {s.ObjectionDays} days of publication; they will be answered in time.");
    public string AccountantSign(DisclosureSettings s) => T($"会计：{s.Accountant}", $"Accountant: {s.Accountant}");
    public string ChairSign(DisclosureSettings s) => T($"村（嘎查）委会主任：{s.CommitteeChair}", $"Committee chair: {s.CommitteeChair}");
    public string SupervisionSign(DisclosureSettings s) => T($"村务监督委员会：{s.SupervisionChair}", $"Supervision committee: {s.SupervisionChair}");
    public string SignHere => T("（签字）", "(signature)");

    public string VerificationCaption => T("七、账目核验", "7. Verification");
    public string Entries => T("审计日志条目数", "Audit log entries");
    public string Root => T("日志根哈希", "Log root hash");
    public string Head => T("最新条目哈希", "Head hash");
    public string Keys => T("签名公钥", "Signing keys");
    public string Unsigned => T("（未签名）", "(unsigned)");
    public string HowToCheck => T(
        "核验方法：扫描二维码或抄下上面的数字，交给乡镇经管站或审计人员运行 cledger verify --checkpoint，结果为\u201c一致\u201d即说明账目自公布后未被改动。",
        "How to check: scan the QR code or copy the numbers above and have the township office or an auditor run cledger verify --checkpoint; \"consistent\" means the books are unchanged since publication.");

    public string Footer => T("第 {page} 页 共 {pages} 页", "Page {page} of {pages}");

    public static string Money(Amount a) => a.ToDisplayString();
    public string Words(Amount a) => ChineseUppercase.Format(a);
}
