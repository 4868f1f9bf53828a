using System.Text.Json;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Reporting;

namespace CollectiveLedger.Reports;

/// <summary>科目余额表 in the normative JSON (DESIGN.md section 3) and as a listing.</summary>
public static class TrialBalanceReport
{
    private static readonly string[] Columns = ["opening_debit", "opening_credit", "period_debit", "period_credit", "closing_debit", "closing_credit"];

    public static byte[] Json(TrialBalance tb, LedgerCreated ledger) => Reports.Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("ledger", ledger.LedgerId);
        w.WriteString("org", ledger.Org);
        w.WriteString("currency", ledger.Currency);
        w.WriteString("from", tb.From.ToString());
        w.WriteString("to", tb.To.ToString());
        w.WriteStartArray("rows");
        foreach (var row in tb.Rows)
        {
            w.WriteStartObject();
            w.WriteString("code", row.Code);
            w.WriteString("name", row.Name);
            w.WriteNumber("level", row.Level);
            w.WriteBoolean("leaf", row.Leaf);
            WriteAmounts(w, row);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("totals");
        WriteAmounts(w, tb.Totals);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static void WriteAmounts(Utf8JsonWriter w, TrialBalanceRow row)
    {
        var values = Amounts(row);
        for (var i = 0; i < Columns.Length; i++) w.WriteString(Columns[i], values[i].ToString());
    }

    private static Core.Money.Amount[] Amounts(TrialBalanceRow r) =>
        [r.OpeningDebit, r.OpeningCredit, r.PeriodDebit, r.PeriodCredit, r.ClosingDebit, r.ClosingCredit];

    public static Grid Grid(TrialBalance tb, LedgerCreated ledger, bool forDisplay)
    {
        var rows = tb.Rows.Append(tb.Totals).Select(r => (IReadOnlyList<GridCell>)
            [new GridCell(forDisplay ? new string(' ', Math.Max(0, r.Level - 1) * 2) + r.Code : r.Code), r.Name,
             .. Amounts(r).Select(a => GridCell.Money(a, forDisplay))]).ToList();
        return new Grid(["科目编码 code", "科目名称 name", "期初借方 opening Dr", "期初贷方 opening Cr", "本期借方 period Dr", "本期贷方 period Cr",
            "期末借方 closing Dr", "期末贷方 closing Cr"], rows,
            forDisplay ? $"{ledger.Org}  科目余额表 trial balance  {tb.From}{(tb.From == tb.To ? "" : " ~ " + tb.To)}  ({ledger.Currency})" : null);
    }
}
