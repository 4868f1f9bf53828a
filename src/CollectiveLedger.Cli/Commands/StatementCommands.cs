using System.CommandLine;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Publishing;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>report balance-sheet (--year YYYY | --period YYYY-MM)</c> (资产负债表 at the year or month end)
/// , <c>report income --year YYYY</c> (收益及收益分配表) and <c>report notes --year YYYY</c> (会计报表附注). Read-only.
/// </summary>
public static class StatementCommands
{
    /// <summary><c>report balance-sheet|income|notes</c>.</summary>
    public static IEnumerable<Command> Declare(ContextOf context)
    {
        var format = Options.Format();
        var year = Options.Text("--year", "YYYY", "年末 at the year's end");
        var period = Options.Text("--period", "YYYY-MM", "月末 at the month's end");
        var balanceSheet = new Command("balance-sheet", "资产负债表（--year 或 --period） the balance sheet (--year or --period)") { year, period, format };
        balanceSheet.Handle(context, (ctx, p) => BalanceSheet(ctx, ctx.Format(p, format), p.GetValue(year), p.GetValue(period)));
        yield return balanceSheet;

        foreach (var (name, description, run) in new (string, string, Func<Context, OutputFormat, string, int>)[]
                 {
                     ("income", "收益及收益分配表 the income and distribution statement", Income),
                     ("notes", "会计报表附注 the notes to the statements", Notes),
                 })
        {
            var statementFormat = Options.Format();
            var statementYear = Options.Text("--year", "YYYY", "年度（必填） the year (required)");
            var command = new Command(name, description) { statementYear, statementFormat };
            command.Handle(context, (ctx, p) => run(ctx, ctx.Format(p, statementFormat), p.Required(statementYear)));
            yield return command;
        }
    }

    public static int BalanceSheet(Context ctx, OutputFormat format, string? yearText, string? periodText)
    {
        if ((yearText is null) == (periodText is null)) throw new UsageException("report balance-sheet needs --year YYYY or --period YYYY-MM");
        var end = periodText is not null
            ? Context.ParsePeriod(periodText, "--period").LastDay
            : new DateOnly(ParseYear(yearText!), 12, 31);
        using var store = ctx.Open();
        var ledger = store.LoadState().Ledger;
        if (BeforeStart(ctx, end.Year, ledger, periodText is null ? "--year" : "--period") is { } refused) return refused;
        ctx.Render(BookReport.BalanceSheet(store, ledger, end), format);
        return ExitCodes.Done;
    }

    public static int Income(Context ctx, OutputFormat format, string yearText)
    {
        var year = ParseYear(yearText);
        using var store = ctx.Open();
        var state = store.LoadState();
        if (BeforeStart(ctx, year, state.Ledger, "--year") is { } refused) return refused;
        ctx.Render(BookReport.Income(store, state, year), format);
        return ExitCodes.Done;
    }

    /// <summary><c>report notes --year YYYY</c>: 会计报表附注 of the year, read-only.</summary>
    public static int Notes(Context ctx, OutputFormat format, string yearText)
    {
        var year = ParseYear(yearText);
        using var store = ctx.Open();
        var state = store.LoadState();
        if (BeforeStart(ctx, year, state.Ledger, "--year") is { } refused) return refused;
        ctx.Render(BookReport.Notes(store, state, year), format);
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
