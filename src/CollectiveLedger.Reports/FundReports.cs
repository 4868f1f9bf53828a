using System.Text.Json;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Reporting;

namespace CollectiveLedger.Reports;

/// <summary>The fund usage report (<c>report funds</c>) as a summary grid, an item grid, and JSON (schemas/fund-report.schema.json).</summary>
public static class FundReports
{
    public static Grid Summary(FundReport report, bool forDisplay) => new(
        ["资金 fund", "名称 name", "类别 kind", "批复文号 document", "批复金额 granted", "本期收到 received", "累计收到 received to date",
         "本期支出 spent", "累计支出 spent to date", "结余 balance", "未到位 outstanding"],
        report.Funds.Select(f => (IReadOnlyList<GridCell>)[f.Usage.Code, f.Usage.Name, f.Terms?.Kind, f.Terms?.Document,
            f.Terms is { } t ? GridCell.Money(t.Granted, forDisplay) : "", GridCell.Money(f.ReceivedInPeriod, forDisplay),
            GridCell.Money(f.Usage.ReceivedToDate, forDisplay), GridCell.Money(f.Usage.SpentInPeriod, forDisplay),
            GridCell.Money(f.Usage.SpentToDate, forDisplay), GridCell.Money(f.Usage.Balance, forDisplay),
            f.Outstanding is { } o ? GridCell.Money(o, forDisplay) : ""]).ToList(),
        forDisplay ? $"{report.Org}  专项资金使用情况 fund usage  {report.From} ~ {report.To}" : null);

    public static Grid Items(FundReport report, bool forDisplay) => new(
        ["资金 fund", "日期 date", "凭证号 voucher", "摘要 summary", "列支科目 charged to", "支出金额 amount"],
        report.Funds.SelectMany(f => f.Items.Select(i => (IReadOnlyList<GridCell>)[f.Usage.Code, IsoDate.Format(i.Date), i.Voucher.ToString(),
            i.Reversal ? "红字冲销 " + i.Summary : i.Summary, i.ChargedTo, GridCell.Money(i.Amount, forDisplay)])).ToList(),
        forDisplay ? $"{report.Org}  专项资金支出明细 fund payments  {report.From} ~ {report.To}" : null);

    public static byte[] Json(FundReport report) => Reports.Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("org", report.Org);
        w.WriteString("from", report.From.ToString());
        w.WriteString("to", report.To.ToString());
        w.WriteStartArray("funds");
        foreach (var f in report.Funds) WriteFund(w, f);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteFund(Utf8JsonWriter w, FundReportEntry f)
    {
        w.WriteStartObject();
        w.WriteString("code", f.Usage.Code);
        w.WriteString("name", f.Usage.Name);
        if (f.Terms is { } t)
        {
            w.WriteString("kind", t.Kind);
            w.WriteString("agency", t.Agency);
            w.WriteString("document", t.Document);
            w.WriteString("granted", t.Granted.ToString());
            w.WriteString("purpose", t.Purpose);
            w.WriteStartArray("accounts");
            foreach (var a in t.AccountList) w.WriteStringValue(a);
            w.WriteEndArray();
            w.WriteString("project", t.Project);
            w.WriteString("valid_from", t.ValidFrom is { } from ? IsoDate.Format(from) : null);
            w.WriteString("valid_to", t.ValidTo is { } to ? IsoDate.Format(to) : null);
        }
        w.WriteString("received_in_period", f.ReceivedInPeriod.ToString());
        w.WriteString("received_to_date", f.Usage.ReceivedToDate.ToString());
        w.WriteString("spent_in_period", f.Usage.SpentInPeriod.ToString());
        w.WriteString("spent_to_date", f.Usage.SpentToDate.ToString());
        w.WriteString("balance", f.Usage.Balance.ToString());
        if (f.Outstanding is { } o) w.WriteString("outstanding", o.ToString());
        SpendingItems(w, "items", f.Items);
        w.WriteEndObject();
    }

    /// <summary>A fund's payments as a JSON array (also the project notice's "payments").</summary>
    internal static void SpendingItems(Utf8JsonWriter w, string name, IEnumerable<FundSpendingItem> items)
    {
        w.WriteStartArray(name);
        foreach (var i in items)
        {
            w.WriteStartObject();
            w.WriteString("date", IsoDate.Format(i.Date));
            w.WriteString("period", i.Voucher.Period.ToString());
            w.WriteNumber("number", i.Voucher.Number);
            w.WriteString("summary", i.Summary);
            w.WriteString("charged_to", i.ChargedTo);
            w.WriteString("amount", i.Amount.ToString());
            w.WriteBoolean("reversal", i.Reversal);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
