using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Reporting;

namespace CollectiveLedger.Reports;

/// <summary>
/// The annual statements, 资产负债表 and 收益及收益分配表, as listings (table, CSV) and JSON
/// (schemas/balance-sheet.schema.json, schemas/income-statement.schema.json). Lays out only.
/// </summary>
public static class StatementReports
{
    public static byte[] BalanceSheetJson(BalanceSheet sheet, LedgerCreated ledger) => Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("ledger", ledger.LedgerId);
        w.WriteString("org", ledger.Org);
        w.WriteString("currency", ledger.Currency);
        w.WriteString("year_start", IsoDate.Format(sheet.YearStart));
        w.WriteString("date", IsoDate.Format(sheet.End));
        w.WriteStartArray("lines");
        foreach (var line in sheet.Lines)
        {
            w.WriteStartObject();
            w.WriteNumber("line", line.Number);
            w.WriteString("key", line.Key);
            w.WriteString("name", line.Name);
            w.WriteString("section", line.Section);
            w.WriteBoolean("total", line.Total);
            w.WriteString("year_start", line.YearStart.ToString());
            w.WriteString("end", line.End.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static Grid BalanceSheetGrid(BalanceSheet sheet, LedgerCreated ledger, bool forDisplay) => new(
        ["项目 item", "行次 line", "期末余额 end", "年初余额 year start"],
        sheet.Lines.Where(BalanceSheet.IsPrinted).Select(l => (IReadOnlyList<GridCell>)
            [new GridCell(forDisplay && !l.Total ? "  " + l.Name : l.Name), new GridCell(l.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), true),
             Money(l.End, forDisplay), Money(l.YearStart, forDisplay)]).ToList(),
        forDisplay ? $"{ledger.Org}  资产负债表 balance sheet  {IsoDate.Format(sheet.End)}  ({ledger.Currency})" : null);

    public static byte[] IncomeStatementJson(IncomeStatement statement, LedgerCreated ledger, bool yearClosed) => Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("ledger", ledger.LedgerId);
        w.WriteString("org", ledger.Org);
        w.WriteString("currency", ledger.Currency);
        w.WriteNumber("year", statement.Year);
        w.WriteString("from", IsoDate.Format(new DateOnly(statement.Year, 1, 1)));
        w.WriteString("to", IsoDate.Format(statement.End));
        w.WriteBoolean("year_closed", yearClosed);
        w.WriteStartArray("lines");
        foreach (var line in statement.Lines)
        {
            w.WriteStartObject();
            w.WriteNumber("line", line.Number);
            w.WriteString("key", line.Key);
            w.WriteString("name", line.Name.Trim());
            w.WriteBoolean("total", line.Total);
            w.WriteString("amount", line.Amount.ToString());
            if (line.PriorYear is { } prior) w.WriteString("prior_year_amount", prior.ToString());
            else w.WriteNull("prior_year_amount");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static Grid IncomeStatementGrid(IncomeStatement statement, LedgerCreated ledger, bool yearClosed, bool forDisplay) => new(
        ["项目 item", "行次 line", "本年金额 this year", "上年金额 prior year"],
        statement.Lines.Select(l => (IReadOnlyList<GridCell>)
            [new GridCell(forDisplay ? l.Name : l.Name.Trim()), new GridCell(l.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), true),
             Money(l.Amount, forDisplay), l.PriorYear is { } prior ? Money(prior, forDisplay) : new GridCell("", true)]).ToList(),
        forDisplay ? $"{ledger.Org}  收益及收益分配表 income and distribution  {statement.Year}  ({ledger.Currency})" +
                     (yearClosed ? "" : "  未年终结账 year not closed") : null);

    /// <summary>会计报表附注 as JSON: each section with its key, title, sentences and amounts (name, amount).</summary>
    public static byte[] NotesJson(ReportNotes notes, LedgerCreated ledger) => Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("ledger", ledger.LedgerId);
        w.WriteString("org", ledger.Org);
        w.WriteString("currency", ledger.Currency);
        w.WriteNumber("year", notes.Year);
        w.WriteBoolean("year_closed", notes.YearClosed);
        w.WriteStartArray("sections");
        foreach (var section in notes.Sections)
        {
            w.WriteStartObject();
            w.WriteString("key", section.Key);
            w.WriteString("title", section.Title);
            w.WriteStartArray("text");
            foreach (var sentence in section.Text) w.WriteStringValue(sentence);
            w.WriteEndArray();
            w.WriteStartArray("items");
            foreach (var item in section.Items)
            {
                w.WriteStartObject();
                w.WriteString("name", item.Name);
                w.WriteString("amount", item.Amount.ToString());
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>会计报表附注 as a listing: one row per sentence (amount blank) and per amount, under its section's title.</summary>
    public static Grid NotesGrid(ReportNotes notes, LedgerCreated ledger, bool forDisplay) => new(
        ["部分 section", "说明 note", "金额 amount"],
        notes.Sections.SelectMany(section =>
            section.Text.Select(t => (IReadOnlyList<GridCell>)[new GridCell(section.Title), new GridCell(t), new GridCell("", true)])
                .Concat(section.Items.Select(i => (IReadOnlyList<GridCell>)[new GridCell(section.Title), new GridCell(i.Name), Money(i.Amount, forDisplay)]))).ToList(),
        forDisplay ? $"{ledger.Org}  会计报表附注 notes to the statements  {notes.Year}  ({ledger.Currency})" +
                     (notes.YearClosed ? "" : "  未年终结账 year not closed") : null);

    private static GridCell Money(Core.Money.Amount amount, bool forDisplay) => new(forDisplay ? amount.ToDisplayString() : amount.ToString(), true);
}
