using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Reports;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Publishing;

/// <summary>
/// A report of the books as both front ends show it: its grid (for display, or whole for CSV and
/// PDF) and its JSON. <c>cledger report</c> and the workspace's reports page read each report here,
/// so the query, the year flags and the grid are decided once.
/// </summary>
public sealed record BookReport(Func<bool, Grid> Grid, Func<byte[]> Json)
{
    public static BookReport TrialBalance(LedgerStore store, LedgerCreated ledger, Period from, Period to)
    {
        var tb = store.Books.TrialBalance(from, to);
        return new(display => TrialBalanceReport.Grid(tb, ledger, display), () => TrialBalanceReport.Json(tb, ledger));
    }

    /// <param name="items">Each receipt and payment in the grid as well as the totals.</param>
    /// <param name="read">Whether the items are read at all: the JSON has them when they are; a page that shows only the totals need not.</param>
    public static BookReport Funds(LedgerStore store, Period from, Period to, bool items, bool read = true)
    {
        var funds = store.Funds.FundReport(from, to, items || read);
        return new(display => items ? FundReports.Items(funds, display) : FundReports.Summary(funds, display), () => FundReports.Json(funds));
    }

    public static BookReport BalanceSheet(LedgerStore store, LedgerCreated ledger, DateOnly end)
    {
        var sheet = store.Statements.BalanceSheet(end);
        return new(display => StatementReports.BalanceSheetGrid(sheet, ledger, display), () => StatementReports.BalanceSheetJson(sheet, ledger));
    }

    /// <summary>收益及收益分配表: with last year's column once last year is closed; its distribution lines final once this year is.</summary>
    public static BookReport Income(LedgerStore store, LedgerState state, int year)
    {
        var statement = store.Statements.IncomeStatement(year, state.IsYearClosed(year - 1));
        var closed = state.IsYearClosed(year);
        return new(display => StatementReports.IncomeStatementGrid(statement, state.Ledger, closed, display),
            () => StatementReports.IncomeStatementJson(statement, state.Ledger, closed));
    }

    public static BookReport Notes(LedgerStore store, LedgerState state, int year)
    {
        var notes = store.Statements.ReportNotes(year, state);
        return new(display => StatementReports.NotesGrid(notes, state.Ledger, display), () => StatementReports.NotesJson(notes, state.Ledger));
    }
}
