using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Disclosure;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>
/// Every phrase the project notice (项目资金公告公示) prints, in Chinese (the default, for the notice
/// board) or English; the phrases it shares with the financial disclosure notice (dates, amounts,
/// signatures, verification) come from <see cref="Common"/>, so the two notices say them alike.
/// </summary>
public sealed class ProjectNoticeText(bool chinese)
{
    public NoticeText Common { get; } = new(chinese);

    private string T(string zh, string en) => Common.Chinese ? zh : en;

    public string Title => T("项目资金公告公示", "Project Fund Notice");
    // "嘎查机井建设项目" + "项目资金公告公示" would say 项目 twice.
    public string Name(ProjectNotice n) => T(n.Project.EndsWith("项目", StringComparison.Ordinal) ? $"{n.Project}资金公告公示" : $"{n.Project}{Title}", $"{Title}: {n.Project}");
    public string Heading(ProjectNotice n) => $"{n.Org}  {Name(n)}";
    public string Meta(ProjectNotice n) => $"{Common.Published(n.PublicationDate)}　{Common.Unit(n.Currency)}";

    public string BasicsCaption => T("一、项目基本情况", "1. The project");
    public string Field => T("项目", "Item");
    public string Content => T("内容", "Particulars");
    public string ProjectName => T("项目名称", "Project");
    public string Fund => T("资金名称", "Fund");
    public string Location => T("实施地点", "Location");
    public string Tasks => T("建设任务", "Tasks");
    public string Standard => T("补助标准", "Subsidy standard");
    public string Source => T("资金来源", "Source of funds");
    public string Granted => T("批复金额", "Amount granted");
    public string Period => T("实施期限", "Period");
    public string Implementer => T("实施单位", "Implementing unit");
    public string Responsible => T("责任人", "Responsible person");
    public string Targets => T("绩效目标", "Performance targets");
    public string Beneficiaries => T("联农带农（受益方式）", "How households benefit");

    public string SourceText(ProjectNotice n) => T($"{n.Agency}《{n.Document}》（{n.Kind}）", $"{n.Agency}, {n.Document} ({n.Kind})");
    public string PeriodText(ProjectNotice n) => T($"{NoticeText.ChineseDate(n.ValidFrom)}至{NoticeText.ChineseDate(n.ValidTo)}", $"{IsoDate.Format(n.ValidFrom)} to {IsoDate.Format(n.ValidTo)}");

    public string MoneyCaption(ProjectNotice n) => T($"二、资金到位及使用情况（截至{NoticeText.ChineseDate(n.PublicationDate)}）", $"2. Money received and spent to {IsoDate.Format(n.PublicationDate)}");
    public string Received => T("累计到位", "Received to date");
    public string Spent => T("累计支出", "Spent to date");
    public string Balance => T("结余", "Balance");

    public string PaymentsCaption => T("三、资金支出明细（逐笔）", "3. Payments, one by one");
    public string ChargedTo => T("列支科目", "Charged to");
    public string PaymentParticulars(string summary, string chargedTo) => T($"{summary}；{ChargedTo}：{chargedTo}", $"{summary}; {ChargedTo}: {chargedTo}");
    public string Section => T("部分", "section");
    public string NoPayments => T("尚无支出", "No payments yet");

    public string SupervisionCaption => T("四、公示与监督", "4. Posting and supervision");
    public string Posting(ProjectNotice n) => T(
        $"公示期：{NoticeText.ChineseDate(n.PublicationDate)}至{NoticeText.ChineseDate(n.PostedUntil)}，共 {n.PostingDays} 日（不少于 {ProjectNotice.MinimumPostingDays} 日）。",
        $"Posted from {IsoDate.Format(n.PublicationDate)} to {IsoDate.Format(n.PostedUntil)}, {n.PostingDays} days (at least {ProjectNotice.MinimumPostingDays}).");
    public string Hotline => T($"监督举报电话：{ProjectNotice.Hotline}", $"Supervision and complaints hotline: {ProjectNotice.Hotline}");

    public string VerificationCaption => T("五、账目核验", "5. Verification");
}
