using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Reporting;

namespace CollectiveLedger.Reports;

/// <summary>
/// The township and county views as grids (the web's tables and their CSV): one row per village of a
/// township, one per township of a county. States are said in words (按时 on time, 逾期 late), never by
/// colour alone. Computes nothing: the figures are <see cref="VillageStatus"/>'s and <see cref="TownshipTotals"/>'s.
/// </summary>
public static class VillageReports
{
    /// <summary>A village of the township view: its code and name, and its status or why its books could not be read.</summary>
    public sealed record VillageLine(string Code, string Name, VillageStatus? Status, string? Problem);

    public static readonly IReadOnlyList<string> TownshipHeaders =
    [
        "村 village", "名称 name", "已结账月份 months closed", "已过未结账月份 ended months open", "最近公告 last notice", "公告日期 notice date",
        "是否按时 on time", "公开迟延或逾期的月份 months late or overdue", "待审批 pending approvals", "专项资金结余 fund balance",
        "逾期合同 overdue contracts", "逾期租金 overdue rent", "问题 problem",
    ];

    public static Grid Township(string township, IEnumerable<VillageLine> villages, bool forDisplay) => new(
        TownshipHeaders,
        villages.Select(v => v.Status is { } s
            ? (IReadOnlyList<GridCell>)[v.Code, v.Name, Count(s.MonthsClosed), Count(s.MonthsOpen), Scope(s.LastNotice),
                s.LastNotice is { } n ? Core.Periods.IsoDate.Format(n.Date) : "", OnTime(s.LastNotice), Count(s.MonthsLate),
                Count(s.PendingApprovals), GridCell.Money(s.FundBalance, forDisplay), Count(s.OverdueContracts.Length),
                GridCell.Money(s.OverdueRent, forDisplay), ""]
            : [v.Code, v.Name, "", "", "", "", "", "", "", "", "", "", v.Problem]).ToList(),
        forDisplay ? $"{township}  各村账务状况 villages" : null);

    public static readonly IReadOnlyList<string> CountyHeaders =
    [
        "乡镇 township", "村数 villages", "有未结账月份的村 with months open", "公开迟延或逾期的村 with notices late", "待审批 pending approvals",
        "专项资金批复 funds granted", "专项资金支出 funds spent", "专项资金结余 fund balance", "有逾期合同的村 with overdue contracts",
        "逾期租金 overdue rent", "账套无法读取 unreadable",
    ];

    public static Grid County(string county, IEnumerable<TownshipTotals> townships, bool forDisplay) => new(
        CountyHeaders,
        townships.Select(t => (IReadOnlyList<GridCell>)[t.Township, Count(t.Villages), Count(t.WithOpenMonths), Count(t.WithLateNotices),
            Count(t.PendingApprovals), GridCell.Money(t.FundGranted, forDisplay), GridCell.Money(t.FundSpent, forDisplay),
            GridCell.Money(t.FundBalance, forDisplay), Count(t.WithOverdueContracts), GridCell.Money(t.OverdueRent, forDisplay), Count(t.Unreadable)]).ToList(),
        forDisplay ? $"{county}  各乡镇 townships" : null);

    /// <summary>A notice's months as the notices name them: 2026-03, 2026-Q1 or 2026.</summary>
    public static string Scope(VillageNotice? notice) => notice is null ? "" : Scope(notice.Period);

    public static string Scope(DisclosurePeriod p) => p.Scope switch
    {
        "quarter" => $"{p.From.Year:D4}-Q{(p.From.Month + 2) / 3}",
        "year" => $"{p.From.Year:D4}",
        _ => p.From == p.To ? p.From.ToString() : $"{p.From}~{p.To}",
    };

    /// <summary>Whether the last notice was on time, in words.</summary>
    public static string OnTime(VillageNotice? notice) => notice is null ? "无公告 none" : notice.OnTime ? "按时 on time" : "迟延 late";

    /// <summary>A month's notice, in words.</summary>
    public static string Say(MonthDisclosure d) => d switch
    {
        MonthDisclosure.OnTime => "按时公开 on time",
        MonthDisclosure.Late => "迟延公开 late",
        MonthDisclosure.Overdue => "逾期未公开 overdue",
        _ => "未到期 not yet due",
    };

    private static GridCell Count(int n) => new(n.ToString(System.Globalization.CultureInfo.InvariantCulture), true);
}
