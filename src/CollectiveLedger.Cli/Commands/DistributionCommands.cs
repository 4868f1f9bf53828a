using System.CommandLine;
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
    public static Command Declare(ContextOf context)
    {
        static Option<string> Year() => Options.Text("--year", "YYYY", "分配的年度（必填） the year distributed (required)");

        var planYear = Year();
        var percent = Options.Text("--reserve-percent", "N", "提取公积公益金的百分比（必填） the percent of the surplus kept as reserve (required)");
        var distribute = Options.Text("--distribute", "AMOUNT", "分配金额（默认其余全部） the amount distributed (by default the rest)");
        var planFormat = Options.Format();
        var plan = new Command("plan", "按股份编制分配方案（批准前可重做） plans the distribution by shares (may be redone until approved)") { planYear, percent, distribute, planFormat };
        plan.Handle(context, (ctx, p) =>
        {
            var year = p.Required(planYear);
            var reserve = p.Required(percent);
            var amount = p.GetValue(distribute);
            return Step(ctx, state => DistributionRules.Plan(year, reserve, state, ctx.Actor, amount), year, ctx.Format(p, planFormat));
        });

        var approveYear = Year();
        var resolution = Options.Text("--resolution", "TEXT", "成员（代表）大会决议（必填） the members' meeting resolution (required)");
        var planNumber = Options.Text("--plan", "N", "批准的方案号（当前方案） the plan approved (the current one)");
        var approve = new Command("approve", "记录成员（代表）大会决议（role.committee_chair，非编制人） records the members' meeting resolution (role.committee_chair, not the planner)")
            { approveYear, resolution, planNumber };
        approve.Handle(context, (ctx, p) =>
        {
            var year = p.Required(approveYear);
            var text = p.Required(resolution);
            var number = p.GetValue(planNumber);
            return Step(ctx, state => DistributionRules.Approve(year, text, state, ctx.Actor, number), year, null);
        });

        var postYear = Year();
        var date = Options.Text("--date", "YYYY-MM-DD", "入账日期（必填） the date (required)");
        var payable = Options.Text("--payable-account", "CODE", "应付款科目 the payable account");
        var reserveAccount = Options.Text("--reserve-account", "CODE", "公积公益金科目 the reserve account");
        var post = new Command("post", "分配方案入账 posts the approved distribution") { postYear, date, payable, reserveAccount };
        post.Handle(context, (ctx, p) =>
        {
            var year = p.Required(postYear);
            var day = p.Required(date);
            var payableAccount = p.GetValue(payable);
            var reserve = p.GetValue(reserveAccount);
            return Step(ctx, null, year, null, (state, today) => DistributionRules.Post(year, day, payableAccount, state, ctx.Actor, today, reserve));
        });

        var payYear = Year();
        var payDate = Options.Text("--date", "YYYY-MM-DD", "支付日期（必填） the date (required)");
        var account = Options.Text("--account", "CODE", "付款科目（必填） the account paid from (required)");
        var pay = new Command("pay", "支付分红 pays the distribution") { payYear, payDate, account };
        pay.Handle(context, (ctx, p) =>
        {
            var year = p.Required(payYear);
            var day = p.Required(payDate);
            var from = p.Required(account);
            return Step(ctx, null, year, null, (state, today) => DistributionRules.Pay(year, day, from, state, ctx.Actor, today));
        });

        var showYear = Year();
        var format = Options.Format();
        var show = new Command("show", "分户分配清单（隐私号码打码） the per-household list, private numbers masked") { showYear, format };
        show.Handle(context, (ctx, p) =>
        {
            var year = p.Required(showYear);
            return Show(ctx, year, ctx.Format(p, format));
        });

        return new Command("distribution", "年终收益分配（年度结账后） income distribution by shares, after year close") { plan, approve, post, pay, show };
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
