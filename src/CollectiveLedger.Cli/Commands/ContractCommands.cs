using CollectiveLedger.Core.Contracts;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Reports;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>contracts add|receive|recognize|due</c>: the resource contract register. A receipt or a
/// recognition appends its register entry and its voucher in one write transaction. Rules live in
/// Core's <see cref="ContractRules"/>.
/// </summary>
public static class ContractCommands
{
    private const string Usage = "contracts add|receive|recognize|due";

    public static int Run(Context ctx, Args args) => args.Positional(1, Usage) switch
    {
        "add" => Add(ctx, args),
        "receive" => Receive(ctx, args),
        "recognize" => Recognize(ctx, args),
        "due" => Due(ctx, args),
        _ => throw new UsageException(Usage),
    };

    /// <summary>
    /// <c>contracts add NUMBER --party CODE --resource R --area AREA (亩, 平方米 for a building) --rent YUAN --from DATE --to DATE
    /// [--schedule annual|once] [--income-account 501xx] [--prepaid-account 211xx]</c>.
    /// </summary>
    private static int Add(Context ctx, Args args)
    {
        var number = args.Positional(2, "NUMBER");
        var party = args.Required("--party");
        var resource = args.Required("--resource");
        var area = args.Required("--area");
        var rent = args.Required("--rent");
        var from = args.Required("--from");
        var to = args.Required("--to");
        var schedule = args.Option("--schedule");
        var income = args.Option("--income-account");
        var prepaid = args.Option("--prepaid-account");
        args.Done(3);
        return ctx.Post(session => ContractRules.Add(number, party, resource, area, rent, from, to, schedule, income, prepaid, session.State),
            ctx.Say($"已登记合同 {number}", $"registered contract {number}"));
    }

    /// <summary><c>contracts receive NUMBER --date DATE --amount YUAN --account CODE [--attachments N]</c>.</summary>
    private static int Receive(Context ctx, Args args)
    {
        var number = args.Positional(2, "NUMBER");
        var date = args.Required("--date");
        var amount = args.Required("--amount");
        var account = args.Required("--account");
        var attachments = args.Option("--attachments");
        args.Done(3);
        return ctx.Post(session => ContractRules.Receive(number, date, amount, account, session.State, session.Today, attachments),
            ctx.Say($"已收取合同 {number} 承包费", $"received rent on contract {number}"));
    }

    private static int Recognize(Context ctx, Args args)
    {
        var year = args.Required("--year");
        args.Done(2);
        return ctx.Post(session => ContractRules.Recognize(year, session.State, session.Today),
            ctx.Say($"已结转 {year} 年预收承包费", $"recognized the rent prepaid for {year}"));
    }

    /// <summary><c>contracts due [--as-of DATE]</c>: per contract, due to the date, received by then, overdue.</summary>
    private static int Due(Context ctx, Args args)
    {
        var asOfText = args.Option("--as-of");
        var format = ctx.Format(args);
        args.Done(2);
        var asOf = ChinaTime.Today(ctx.Clock.GetUtcNow());
        if (asOfText is not null && !IsoDate.TryParse(asOfText, out asOf)) throw new UsageException("--as-of YYYY-MM-DD");
        using var store = ctx.Open();
        var rows = ContractRules.Due(store.LoadState(), asOf);
        ctx.Render(ContractReports.Due(rows, asOf, format == OutputFormat.Table), format, () => ContractReports.DueJson(rows, asOf));
        return ExitCodes.Done;
    }
}
