using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Distribution;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>
/// Every phrase the distribution notice (收益分配方案公示) prints, in Chinese (the default, for the notice
/// board) or English; the phrases it shares with the other notices (dates, amounts, review,
/// signatures, verification) come from <see cref="Common"/>, so the notices say them alike.
/// </summary>
public sealed class DistributionNoticeText(bool chinese)
{
    public NoticeText Common { get; } = new(chinese);

    private string T(string zh, string en) => Common.Chinese ? zh : en;

    public string Name(DistributionNotice n) => n.Plan == 1
        ? T($"{n.Year}年度收益分配方案公示", $"Income Distribution Plan of {n.Year}")
        : T($"{n.Year}年度收益分配方案（第{n.Plan}稿）公示", $"Income Distribution Plan of {n.Year} (plan {n.Plan})");
    public string Heading(DistributionNotice n) => $"{n.Org}  {Name(n)}";
    public string Meta(DistributionNotice n) => $"{Common.Published(n.PublicationDate)}　{Common.Unit(n.Currency)}";

    public string PlanCaption => T("一、分配方案", "1. The plan");
    public string Distributable => T("可分配收益", "Distributable income");
    public string Reserve(DistributionNotice n) => T($"提取公积公益金（{n.ReservePercent}%）", $"To the reserve (311, {n.ReservePercent}%)");
    public string ReserveBase => T("提取基数（本年收益）", "Reserve base (the year's surplus)");
    public string ToShare => T("可按股分配", "To divide by shares");
    public string TotalShares => T("总股数", "Total shares");
    public string PerShare => T("每股分配额", "Per share");
    public string Distributed => T("分配到户合计", "Distributed to households");
    public string Undistributed => T("未分配（留作未分配收益）", "Not distributed (stays undistributed)");
    public string Rounding => T($"取整方法：{DistributionList.RoundingZh}。", $"Rounding: {DistributionList.RoundingEn}.");
    public string PerShareInWords(DistributionNotice n) => T(
        $"每股分配额 {NoticeText.Money(n.PerShare)} 元（{Common.Words(n.PerShare)}），共 {n.TotalShares} 股。",
        $"Each share receives {NoticeText.Money(n.PerShare)} yuan ({Common.Words(n.PerShare)}); {n.TotalShares} shares in all.");

    public string StatusLine(DistributionNotice n) => n.Resolution is null
        ? T($"公示期：{NoticeText.ChineseDate(n.PublicationDate)}至{NoticeText.ChineseDate(n.PostedUntil)}，共 {n.PostingDays} 日。公示期满后提交成员（代表）大会审议，审议通过后方可入账和发放。",
            $"Posted from {IsoDate.Format(n.PublicationDate)} to {IsoDate.Format(n.PostedUntil)}, {n.PostingDays} days. After that the members' meeting decides on it; it is booked and paid only once approved.")
        : T($"本方案已经成员（代表）大会审议通过，决议：{n.Resolution}。{StatusZh(n.Status)}",
            $"This plan was approved by the members' meeting, resolution {n.Resolution}. {StatusEn(n.Status)}");
    private static string StatusZh(string status) => status switch { "paid" => "已入账并发放到户。", "posted" => "已入账，尚未发放。", _ => "尚未入账。" };
    private static string StatusEn(string status) => status switch { "paid" => "It is posted and paid.", "posted" => "It is posted, not yet paid.", _ => "It is not yet posted." };

    public string HouseholdsCaption => T("二、分配到户清单", "2. Per household");
    public string Code => T("成员编码", "Code");
    public string Household => T("户名", "Household");
    public string Head => T("户主", "Head");
    public string Shares => T("股数", "Shares");
    public string Total => T("合计", "Total");
    public string NoHouseholds => T("无", "None");

    public string ReviewCaption => T("三、审核与监督", "3. Review and objection");
    public string VerificationCaption => T("四、账目核验", "4. Verification");
}
