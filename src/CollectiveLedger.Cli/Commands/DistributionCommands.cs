using CollectiveLedger.Core.Distribution;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Reports;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>distribution plan|approve|post|pay|show</c>: income distribution by shares after a closed year.
/// Each step is Core's rule (<see cref="DistributionRules"/>) in one write transaction; show prints
/// the current plan's per-household list with private numbers masked, and names the plans it superseded.
/// </summary>
public static class DistributionCommands
{
    private const string Usage = "distribution plan --year YYYY --reserve-percent N [--distribute AMOUNT] | approve --year YYYY --resolution TEXT [--plan N] | " +
                                 "post --year YYYY --date DATE [--payable-account CODE] [--reserve-account CODE] | pay --year YYYY --date DATE --account CODE | show --year YYYY [--format table|csv|json]";

    public static int Run(Context ctx, Args args)
    {
        var which = args.Positional(1, Usage);
        var year = args.Required("--year");
        switch (which)
        {
            case "plan":
                var percent = args.Required("--reserve-percent");
                var distribute = args.Option("--distribute");
                var planFormat = ctx.Format(args);
                args.Done(2);
                return Step(ctx, state => DistributionRules.Plan(year, percent, state, ctx.Actor, distribute), year, planFormat);
            case "approve":
                var resolution = args.Required("--resolution");
                var plan = args.Option("--plan");
                args.Done(2);
                return Step(ctx, state => DistributionRules.Approve(year, resolution, state, ctx.Actor, plan), year, null);
            case "post":
                var date = args.Required("--date");
                var payable = args.Option("--payable-account");
                var reserveAccount = args.Option("--reserve-account");
                args.Done(2);
                return Step(ctx, null, year, null, (state, today) => DistributionRules.Post(year, date, payable, state, ctx.Actor, today, reserveAccount));
            case "pay":
                var payDate = args.Required("--date");
                var account = args.Required("--account");
                args.Done(2);
                return Step(ctx, null, year, null, (state, today) => DistributionRules.Pay(year, payDate, account, state, ctx.Actor, today));
            case "show":
                var format = ctx.Format(args);
                args.Done(2);
                return Show(ctx, year, format);
            default:
                throw new UsageException(Usage);
        }
    }

    private static int Step(Context ctx, Func<LedgerState, Decision>? decide, string yearText, OutputFormat? showAs,
        Func<LedgerState, DateOnly, Decision>? decideToday = null)
    {
        using var store = ctx.Open();
        var decision = store.Apply(ctx.Actor, session => decide?.Invoke(session.State) ?? decideToday!(session.State, session.Today));
        if (!decision.Accepted) return ctx.Reject(decision.Violations);
        var posted = decision.Then.OfType<VoucherPosted>().Select(p => p.Voucher.Key.ToString()).ToList();
        var message = decision.Event switch
        {
            DistributionPlanned => null,
            DistributionApproved a => ctx.Say($"已记录成员（代表）大会决议 {a.Resolution}（方案 {a.Plan}）。", $"recorded the members' meeting resolution {a.Resolution} (plan {a.Plan})."),
            DistributionPosted => ctx.Say($"收益分配已入账：{string.Join("、", posted)}。", $"posted the distribution: {string.Join(", ", posted)}."),
            _ => ctx.Say($"分红已支付：{string.Join("、", posted)}。", $"paid the distribution: {string.Join(", ", posted)}."),
        };
        if (message is not null)
        {
            ctx.Out.WriteLine(message);
            return ExitCodes.Done;
        }
        return Show(ctx, yearText, showAs ?? OutputFormat.Table);
    }

    private static int Show(Context ctx, string yearText, OutputFormat format)
    {
        if (!YearRules.TryParseYear(yearText, out var year)) return ctx.Reject([new Violation(ViolationCode.YearInvalid, new Place(Field: "year"), yearText)]);
        using var store = ctx.Open();
        var state = store.LoadState();
        if (state.Distribution(year) is not { } record)
            return ctx.Reject([new Violation(ViolationCode.DistributionNotPlanned, new Place(Field: "year"), yearText)]);
        var list = DistributionList.Of(record, state);
        if (format == OutputFormat.Table) ctx.Out.Write(DistributionReports.Summary(list, ctx.Chinese) + "\n");
        ctx.Render(DistributionReports.Households(list, format == OutputFormat.Table), format, () => DistributionReports.Json(list));
        return ExitCodes.Done;
    }
}
