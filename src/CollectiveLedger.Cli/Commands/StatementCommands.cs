using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Reports;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>report balance-sheet (--year YYYY | --period YYYY-MM)</c> (资产负债表 at the year or month end)
/// , <c>report income --year YYYY</c> (收益及收益分配表) and <c>report notes --year YYYY</c> (会计报表附注). Read-only.
/// </summary>
public static class StatementCommands
{
    public static int BalanceSheet(Context ctx, Args args)
    {
        var format = ctx.Format(args);
        var yearText = args.Option("--year");
        var periodText = args.Option("--period");
        args.Done(2);
        if ((yearText is null) == (periodText is null)) throw new UsageException("report balance-sheet needs --year YYYY or --period YYYY-MM");
        var end = periodText is not null
            ? Context.ParsePeriod(periodText, "--period").LastDay
            : new DateOnly(ParseYear(yearText!), 12, 31);
        using var store = ctx.Open();
        var ledger = store.LoadState().Ledger;
        if (BeforeStart(ctx, end.Year, ledger, periodText is null ? "--year" : "--period") is { } refused) return refused;
        var sheet = store.BalanceSheet(end);
        ctx.Render(StatementReports.BalanceSheetGrid(sheet, ledger, format == OutputFormat.Table), format, () => StatementReports.BalanceSheetJson(sheet, ledger));
        return ExitCodes.Done;
    }

    public static int Income(Context ctx, Args args)
    {
        var format = ctx.Format(args);
        var year = ParseYear(args.Required("--year"));
        args.Done(2);
        using var store = ctx.Open();
        var state = store.LoadState();
        if (BeforeStart(ctx, year, state.Ledger, "--year") is { } refused) return refused;
        var statement = store.IncomeStatement(year, state.IsYearClosed(year - 1));
        var closed = state.IsYearClosed(year);
        ctx.Render(StatementReports.IncomeStatementGrid(statement, state.Ledger, closed, format == OutputFormat.Table), format,
            () => StatementReports.IncomeStatementJson(statement, state.Ledger, closed));
        return ExitCodes.Done;
    }

    /// <summary><c>report notes --year YYYY</c>: 会计报表附注 of the year, read-only.</summary>
    public static int Notes(Context ctx, Args args)
    {
        var format = ctx.Format(args);
        var year = ParseYear(args.Required("--year"));
        args.Done(2);
        using var store = ctx.Open();
        var state = store.LoadState();
        if (BeforeStart(ctx, year, state.Ledger, "--year") is { } refused) return refused;
        var notes = store.ReportNotes(year, state);
        ctx.Render(StatementReports.NotesGrid(notes, state.Ledger, format == OutputFormat.Table), format, () => StatementReports.NotesJson(notes, state.Ledger));
        return ExitCodes.Done;
    }

    /// <summary>The refusal of a statement for a year before the ledger starts, or null.</summary>
    private static int? BeforeStart(Context ctx, int year, Core.Ledger.LedgerCreated ledger, string field) =>
        year < ledger.StartPeriod.Year
            ? ctx.Reject([new Violation(ViolationCode.YearBeforeLedgerStart, new Place(Field: field),
                year.ToString(System.Globalization.CultureInfo.InvariantCulture), ledger.StartPeriod.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))])
            : null;

    private static int ParseYear(string text) =>
        Core.Ledger.YearRules.TryParseYear(text, out var year) ? year : throw new UsageException($"--year must be a year YYYY, not '{text}'");
}
