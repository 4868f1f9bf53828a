using CollectiveLedger.Core.Distribution;

namespace CollectiveLedger.Reports;

/// <summary>
/// The income distribution plan and its per-household list (<c>distribution plan</c>, <c>distribution
/// show</c>) as a summary, a grid for the terminal and CSV, and JSON. Private numbers arrive masked.
/// </summary>
public static class DistributionReports
{
    public static string Summary(DistributionList list, bool chinese)
    {
        var p = list.Plan;
        string L(string zh, string en) => chinese ? $"{zh} {en}" : en;
        return string.Join('\n',
            L($"{p.Year} 年收益分配方案", $"income distribution plan of {p.Year}") + $" ({list.Status}{(list.Resolution is null ? "" : ", " + list.Resolution)})"
                + (p.Plan == 1 ? "" : L($"方案 {p.Plan}，取代方案 {Numbers(list)}", $"plan {p.Plan}, superseding plan {Numbers(list)}")),
            L("可分配收益", "distributable income") + $": {p.Distributable}",
            L("提取基数（本年收益）", "reserve base (the year's surplus)") + $": {p.ReserveBase ?? p.Distributable}",
            L($"提取公积公益金 {p.ReservePercent}%", $"to 311 reserve {p.ReservePercent}%") + $": {p.Reserve}",
            L("可按股分配", "to divide by shares") + $": {p.ToShare}",
            L("总股数", "total shares") + $": {p.TotalShares}",
            L("每股分配额", "per share") + $": {p.PerShare}",
            L("分配到户合计", "distributed to households") + $": {p.Distributed}",
            L("留存未分配", "left undistributed") + $": {p.Undistributed}",
            L("取整方法：" + DistributionList.RoundingZh, "rounding: " + DistributionList.RoundingEn)) + "\n";
    }

    /// <summary>The numbers of the plans the current one superseded, e.g. "1、2".</summary>
    private static string Numbers(DistributionList list) => string.Join("、", list.Superseded.Select(s => s.Plan.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static Grid Households(DistributionList list, bool forDisplay) => new(
        ["编码 code", "户名 name", "户主 head", "人口 size", "股数 shares", "分配额 amount", "身份证 ID card", "银行账号 bank account", "电话 phone"],
        list.Rows.Select(r => (IReadOnlyList<GridCell>)[r.Member, r.Name, r.Head, r.HouseholdSize?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new GridCell(r.Shares.ToString(System.Globalization.CultureInfo.InvariantCulture), true), GridCell.Money(r.Amount, forDisplay),
            r.IdCardMasked, r.BankAccountMasked, r.PhoneMasked]).ToList(),
        forDisplay ? $"{list.Plan.Year} 年收益分配到户清单 distribution per household (每股 per share {list.Plan.PerShare})" : null);

    public static byte[] Json(DistributionList list) => Reports.Json.Write(w =>
    {
        var p = list.Plan;
        w.WriteStartObject();
        w.WriteNumber("year", p.Year);
        w.WriteString("status", list.Status);
        w.WriteString("resolution", list.Resolution);
        w.WriteString("distributable", p.Distributable.ToString());
        w.WriteString("reserve_base", (p.ReserveBase ?? p.Distributable).ToString());
        w.WriteNumber("reserve_percent", p.ReservePercent);
        w.WriteString("reserve", p.Reserve.ToString());
        w.WriteString("to_share", p.ToShare.ToString());
        w.WriteNumber("total_shares", p.TotalShares);
        w.WriteString("per_share", p.PerShare.ToString());
        w.WriteString("distributed", p.Distributed.ToString());
        w.WriteString("undistributed", p.Undistributed.ToString());
        w.WriteString("rounding", DistributionList.RoundingEn);
        if (p.Plan != 1)
        {
            // Only for a plan made again before approval: the current plan's number and the plans it superseded, marked as such.
            w.WriteNumber("plan", p.Plan);
            w.WriteStartArray("superseded");
            foreach (var s in list.Superseded)
            {
                w.WriteStartObject();
                w.WriteNumber("plan", s.Plan);
                w.WriteString("status", "superseded");
                w.WriteString("by", s.By);
                w.WriteNumber("reserve_percent", s.ReservePercent);
                w.WriteString("reserve", s.Reserve.ToString());
                w.WriteString("per_share", s.PerShare.ToString());
                w.WriteString("distributed", s.Distributed.ToString());
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteStartArray("households");
        foreach (var r in list.Rows)
        {
            w.WriteStartObject();
            w.WriteString("member", r.Member);
            w.WriteString("name", r.Name);
            w.WriteString("head", r.Head);
            if (r.HouseholdSize is { } size) w.WriteNumber("household_size", size); else w.WriteNull("household_size");
            w.WriteNumber("shares", r.Shares);
            w.WriteString("amount", r.Amount.ToString());
            w.WriteString("id_card", r.IdCardMasked);
            w.WriteString("bank_account", r.BankAccountMasked);
            w.WriteString("phone", r.PhoneMasked);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
