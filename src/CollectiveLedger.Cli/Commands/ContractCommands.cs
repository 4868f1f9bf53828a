using System.CommandLine;
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
    public static Command Declare(ContextOf context)
    {
        var number = Options.Argument("NUMBER", "合同编号 the contract's number");
        var party = Options.Text("--party", "CODE", "承包方（成员或往来单位编码，必填） the contracting party's code (required)");
        var resource = Options.Text("--resource", "grassland|farmland|water_surface|building", "资源类别（必填） the resource (required)");
        var area = Options.Text("--area", "MU|M2", "面积：亩，房屋为平方米（必填） the area: mu, or m² for a building (required)");
        var rent = Options.Text("--rent", "X", "每年承包费（必填） the yearly rent (required)");
        var from = Options.Text("--from", "YYYY-MM-DD", "承包期起（必填） the term's first day (required)");
        var to = Options.Text("--to", "YYYY-MM-DD", "承包期止（必填） the term's last day (required)");
        var schedule = Options.Text("--schedule", "annual|once", "收费方式 how the rent is due");
        var income = Options.Text("--income-account", "501xx", "收入科目 the income account");
        var prepaid = Options.Text("--prepaid-account", "211xx", "预收承包费科目 the prepaid rent account");
        var add = new Command("add", "登记资源承包合同 registers a resource contract") { number, party, resource, area, rent, from, to, schedule, income, prepaid };
        add.Handle(context, (ctx, p) => Add(ctx, p.Value(number), p.Required(party), p.Required(resource), p.Required(area), p.Required(rent), p.Required(from),
            p.Required(to), p.GetValue(schedule), p.GetValue(income), p.GetValue(prepaid)));

        var receiveNumber = Options.Argument("NUMBER", "合同编号 the contract's number");
        var date = Options.Text("--date", "YYYY-MM-DD", "收款日期（必填） the date (required)");
        var amount = Options.Text("--amount", "X", "金额（必填） the amount (required)");
        var account = Options.Text("--account", "CODE", "收款科目（必填） the account received into (required)");
        var attachments = Options.Text("--attachments", "N", "附件张数 attachments of the voucher");
        var receive = new Command("receive", "收取承包费：本年计入收入，以后年度计入预收 receives rent: this year's to income, later years' to prepaid")
            { receiveNumber, date, amount, account, attachments };
        receive.Handle(context, (ctx, p) => Receive(ctx, p.Value(receiveNumber), p.Required(date), p.Required(amount), p.Required(account), p.GetValue(attachments)));

        var year = Options.Text("--year", "YYYY", "年度（必填） the year (required)");
        var recognize = new Command("recognize", "把该年的预收承包费转入收入 recognizes the rent prepaid for the year") { year };
        recognize.Handle(context, (ctx, p) => Recognize(ctx, p.Required(year)));

        var asOf = Options.Text("--as-of", "YYYY-MM-DD", "截止日期（默认今天） the date (today by default)");
        var format = Options.Format();
        var due = new Command("due", "每份合同到期应收、已收、逾期 per contract: due to the date, received, overdue") { asOf, format };
        due.Handle(context, (ctx, p) => Due(ctx, p.GetValue(asOf), ctx.Format(p, format)));

        return new Command("contracts", "资源承包合同 resource contracts") { add, receive, recognize, due };
    }

    /// <summary>
    /// <c>contracts add NUMBER --party CODE --resource R --area AREA (亩, 平方米 for a building) --rent YUAN --from DATE --to DATE
    /// [--schedule annual|once] [--income-account 501xx] [--prepaid-account 211xx]</c>.
    /// </summary>
    private static int Add(Context ctx, string number, string party, string resource, string area, string rent, string from, string to, string? schedule,
        string? income, string? prepaid)
    {
        return ctx.Post(session => ContractRules.Add(number, party, resource, area, rent, from, to, schedule, income, prepaid, session.State),
            ctx.Say($"已登记合同 {number}", $"registered contract {number}"));
    }

    /// <summary><c>contracts receive NUMBER --date DATE --amount YUAN --account CODE [--attachments N]</c>.</summary>
    private static int Receive(Context ctx, string number, string date, string amount, string account, string? attachments)
    {
        return ctx.Post(session => ContractRules.Receive(number, date, amount, account, session.State, session.Today, attachments),
            ctx.Say($"已收取合同 {number} 承包费", $"received rent on contract {number}"));
    }

    private static int Recognize(Context ctx, string year)
    {
        return ctx.Post(session => ContractRules.Recognize(year, session.State, session.Today),
            ctx.Say($"已结转 {year} 年预收承包费", $"recognized the rent prepaid for {year}"));
    }

    /// <summary><c>contracts due [--as-of DATE]</c>: per contract, due to the date, received by then, overdue.</summary>
    private static int Due(Context ctx, string? asOfText, OutputFormat format)
    {
        var asOf = ChinaTime.Today(ctx.Clock.GetUtcNow());
        if (asOfText is not null && !IsoDate.TryParse(asOfText, out asOf)) throw new UsageException("--as-of YYYY-MM-DD");
        using var store = ctx.Open();
        var rows = ContractRules.Due(store.LoadState(), asOf);
        ctx.Render(ContractReports.Due(rows, asOf, format == OutputFormat.Table), format, () => ContractReports.DueJson(rows, asOf));
        return ExitCodes.Done;
    }
}
