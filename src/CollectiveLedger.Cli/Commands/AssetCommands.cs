using System.CommandLine;
using CollectiveLedger.Core.Assets;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Reports;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>assets add|transfer|depreciate|dispose|herd|rear|mature|list|herds</c>: the asset register. Each change
/// that moves money appends its register entry and its voucher in one write transaction, so the
/// register and the books never part. Rules live in Core's <see cref="AssetRules"/>.
/// </summary>
public static class AssetCommands
{
    public static Command Declare(ContextOf context) => new("assets", "资产登记簿（固定资产、生物资产） the asset register (fixed and biological assets)")
    {
        DeclareAdd(context, transfer: false), DeclareAdd(context, transfer: true), DeclareDepreciate(context), DeclareDispose(context), DeclareHerd(context),
        DeclareRear(context), DeclareMature(context), DeclareListing(context, "list", "资产登记簿：原值、折旧、净值、存栏 the register: cost, depreciation, book value, head", List),
        DeclareListing(context, "herds", "畜群存栏变动 the herds' head count changes", Herds),
    };

    private static Command DeclareAdd(ContextOf context, bool transfer)
    {
        var code = Options.Argument("CODE", "资产编号 the asset's code");
        var name = Options.Argument("NAME", "资产名称 the asset's name");
        var paidFrom = transfer
            ? Options.Text("--from", "153xx", "在建工程科目（必填） the construction-in-progress account (required)")
            : Options.Text("--paid-from", "CODE", "付款科目：同时记购置凭证（借 资产科目，贷 此科目） the account that paid: posts the acquisition voucher too");
        var category = Options.Text("--category", "C", "类别，如 machinery、well、livestock（必填） the category, e.g. machinery, well, livestock (required)");
        var location = Options.Text("--location", "TEXT", "存放地点 where it is");
        var acquired = Options.Text("--acquired", "YYYY-MM-DD", "取得日期（必填） when it was acquired (required)");
        var cost = Options.Text("--cost", "X", "原值（必填） its cost (required)");
        var fund = Options.Text("--fund", "CODE", "资金来源的专项资金 the support fund it was bought with");
        var life = Options.Text("--life-months", "N", "折旧月数 its useful life in months");
        var residual = Options.Text("--residual", "X", "预计净残值 its residual value");
        var account = Options.Text("--account", "CODE", "资产科目（必填） the asset account (required)");
        var depreciationAccount = Options.Text("--depreciation-account", "CODE", "累计折旧科目 the accumulated depreciation account");
        var expenseAccount = Options.Text("--expense-account", "CODE", "折旧费用科目（如井、路：514 的折旧明细） the depreciation expense account (well, road: 514's 折旧 leaf)");
        var species = Options.Text("--species", "S", "畜种 species (livestock)");
        var head = Options.Text("--head", "N", "存栏头数 head count (livestock)");
        var openingDepreciation = Options.Text("--opening-depreciation", "X", "已提折旧（从账上接收时） depreciation already charged (taken over from the books)");
        var openingMonths = Options.Text("--opening-months", "N", "已提折旧月数 months already depreciated");
        var attachments = Options.Text("--attachments", "N", "附件张数（与 --paid-from 同用） attachments of the voucher (with --paid-from)");
        var nominal = Options.Flag("--nominal", "名义金额：无偿取得，--cost 1，不提折旧 nominal amount: received for nothing, --cost 1, never depreciated");
        var command = new Command(transfer ? "transfer" : "add", transfer
            ? "在建工程转固（从 153 科目转入） moves construction in progress (153) into a fixed asset"
            : "登记资产；给出 --paid-from 则同时记购置凭证 registers an asset; with --paid-from its acquisition voucher too")
        {
            code, name, category, account, acquired, cost, paidFrom, life, residual, expenseAccount, depreciationAccount, fund, location, species, head,
            openingDepreciation, openingMonths, nominal, attachments,
        };
        command.Handle(context, (ctx, p) =>
        {
            var assetCode = p.Value(code);
            var assetName = p.Value(name);
            var payer = transfer ? p.Required(paidFrom) : p.GetValue(paidFrom);
            if (transfer && !payer!.StartsWith(AssetRules.Construction, StringComparison.Ordinal))
                throw new UsageException("assets transfer --from names a construction-in-progress account (153...)");
            var input = new AssetInput(assetCode, assetName, p.Required(category), p.GetValue(location), p.Required(acquired), p.Required(cost),
                p.GetValue(fund), p.GetValue(life), p.GetValue(residual), p.Required(account), p.GetValue(depreciationAccount),
                p.GetValue(expenseAccount), p.GetValue(species), p.GetValue(head), p.GetValue(openingDepreciation),
                p.GetValue(openingMonths), payer, p.GetValue(attachments), p.Flag(nominal));
            return Add(ctx, input);
        });
        return command;
    }

    private static Command DeclareDepreciate(ContextOf context)
    {
        var period = Options.Text("--period", "YYYY-MM", "计提月份（必填） the month (required)");
        var command = new Command("depreciate", "计提一个月的直线法折旧（一张凭证，每月一次） posts a month's straight-line depreciation (one voucher, once a month)") { period };
        command.Handle(context, (ctx, p) => Depreciate(ctx, p.Required(period)));
        return command;
    }

    private static Command DeclareDispose(ContextOf context)
    {
        var code = Options.Argument("CODE", "资产编号 the asset's code");
        var date = Options.Text("--date", "YYYY-MM-DD", "清理日期（必填） the date (required)");
        var reason = Options.Text("--reason", "TEXT", "原因，如 出售、报废（必填） why, e.g. 出售, 报废 (required)");
        var proceeds = Options.Text("--proceeds", "X", "处置收入 the proceeds");
        var to = Options.Text("--to", "CODE", "收款科目 the account the proceeds went to");
        var gain = Options.Text("--gain-account", "504", "净收益科目（默认 504） the gain account (504 by default)");
        var loss = Options.Text("--loss-account", "515", "净损失科目（默认 515） the loss account (515 by default)");
        var attachments = Options.Text("--attachments", "N", "附件张数 attachments of the voucher");
        var command = new Command("dispose", "清理资产（经 154） disposes of an asset (through 154)") { code, date, reason, proceeds, to, gain, loss, attachments };
        command.Handle(context, (ctx, p) => Dispose(ctx, p.Value(code), p.Required(date), p.Required(reason), p.GetValue(proceeds), p.GetValue(to),
            p.GetValue(gain) ?? "504", p.GetValue(loss) ?? "515", p.GetValue(attachments)));
        return command;
    }

    private static Command DeclareHerd(ContextOf context)
    {
        var code = Options.Argument("CODE", "畜群编号 the herd's code");
        var date = Options.Text("--date", "YYYY-MM-DD", "日期（必填） the date (required)");
        var change = Options.Text("--change", "births|purchases|sales|deaths", "变动类别（必填） the kind of change (required)");
        var head = Options.Text("--head", "N", "头数（必填） head count (required)");
        var note = Options.Text("--note", "TEXT", "备注 a note");
        var loss = Options.Text("--loss-account", "181", "死亡损失转入科目（默认 181） where deaths are written off (181 by default)");
        var command = new Command("herd", "记录存栏变动；死亡按账面价值转入 181 records a head count change; deaths write their share off to 181") { code, date, change, head, note, loss };
        command.Handle(context, (ctx, p) => Herd(ctx, p.Value(code), p.Required(date), p.Required(change), p.Required(head), p.GetValue(note),
            p.GetValue(loss) ?? AssetRules.PendingLosses));
        return command;
    }

    private static Command DeclareRear(ContextOf context)
    {
        var code = Options.Argument("CODE", "幼畜资产编号（131） the young stock's code (131)");
        var date = Options.Text("--date", "YYYY-MM-DD", "日期（必填） the date (required)");
        var amount = Options.Text("--amount", "X", "饲养成本（必填） the rearing cost (required)");
        var from = Options.Text("--from", "CODE", "贷方科目，如 121（必填） the account credited, e.g. 121 (required)");
        var attachments = Options.Text("--attachments", "N", "附件张数 attachments of the voucher");
        var command = new Command("rear", "饲养成本计入幼畜（借 131） capitalises rearing cost into young stock (Dr 131)") { code, date, amount, from, attachments };
        command.Handle(context, (ctx, p) => Rear(ctx, p.Value(code), p.Required(date), p.Required(amount), p.Required(from), p.GetValue(attachments)));
        return command;
    }

    private static Command DeclareMature(ContextOf context)
    {
        var from = Options.Argument("FROM", "幼畜资产编号（131） the young stock's code (131)");
        var to = Options.Text("--to", "CODE", "种畜群编号（132，必填） the breeding herd's code (132, required)");
        var date = Options.Text("--date", "YYYY-MM-DD", "日期（必填） the date (required)");
        var head = Options.Text("--head", "N", "头数（必填） head count (required)");
        var amount = Options.Text("--amount", "X", "转出成本（默认按头数分摊） the cost moved (by default the head's share)");
        var attachments = Options.Text("--attachments", "N", "附件张数 attachments of the voucher");
        var command = new Command("mature", "幼畜成龄转入种畜群（借 132，贷 131） moves matured young stock into a breeding herd (Dr 132 / Cr 131)") { from, to, date, head, amount, attachments };
        command.Handle(context, (ctx, p) => Mature(ctx, p.Value(from), p.Required(to), p.Required(date), p.Required(head), p.GetValue(amount), p.GetValue(attachments)));
        return command;
    }

    private static Command DeclareListing(ContextOf context, string name, string description, Func<Context, OutputFormat, int> run)
    {
        var format = Options.Format();
        var command = new Command(name, description) { format };
        command.Handle(context, (ctx, p) => run(ctx, ctx.Format(p, format)));
        return command;
    }

    /// <summary>
    /// <c>assets add CODE NAME --category C --account A --acquired DATE --cost X [...] [--paid-from ACCOUNT]</c>.
    /// With --paid-from the acquisition voucher (Dr A / Cr ACCOUNT) is posted with it; without, the
    /// asset is taken over from the books (its cost, and --opening-depreciation, already there).
    /// <c>assets transfer CODE NAME --from 153xx ...</c> is the same with the construction account
    /// paying: 在建工程转固. --nominal registers an asset received for nothing at the nominal amount of
    /// 1.00 (名义金额, --cost 1), never depreciated.
    /// </summary>
    private static int Add(Context ctx, AssetInput input) =>
        ctx.Post(session => AssetRules.Add(input, session.State, session.Today, Place.None),
            ctx.Say($"已登记资产 {input.Code}", $"registered asset {input.Code}"));

    private static int Depreciate(Context ctx, string period)
    {
        return ctx.Post(session => AssetRules.Depreciate(period, session.State, session.Today),
            ctx.Say($"已计提 {period} 月折旧", $"posted the depreciation of {period}"));
    }

    /// <summary><c>assets dispose CODE --date DATE --reason TEXT [--proceeds X --to ACCOUNT] [--gain-account 504] [--loss-account 515] [--attachments N]</c>.</summary>
    private static int Dispose(Context ctx, string code, string date, string reason, string? proceeds, string? to, string gain, string loss, string? attachments)
    {
        return ctx.Post(session => AssetRules.Dispose(code, date, proceeds, to, gain, loss, reason, session.State, session.Today, attachments),
            ctx.Say($"已清理资产 {code}", $"disposed of asset {code}"));
    }

    /// <summary>
    /// <c>assets herd CODE --date DATE --change births|purchases|sales|deaths --head N [--note TEXT] [--loss-account 181]</c>.
    /// Deaths write the dead animals' share of the herd's carrying amount off to 181 待处理财产损溢.
    /// </summary>
    private static int Herd(Context ctx, string code, string date, string change, string head, string? note, string loss)
    {
        return ctx.Post(session => AssetRules.ChangeHerd(code, date, change, head, note, session.State, session.Today, loss),
            ctx.Say($"已记录畜群 {code} 存栏变动", $"recorded the head count change of herd {code}"));
    }

    /// <summary><c>assets rear CODE --date DATE --amount X --from ACCOUNT [--attachments N]</c>: 饲养成本 into a 131 asset (Dr 131 / Cr ACCOUNT).</summary>
    private static int Rear(Context ctx, string code, string date, string amount, string from, string? attachments)
    {
        return ctx.Post(session => AssetRules.Rear(code, date, amount, from, attachments, session.State, session.Today),
            ctx.Say($"已将饲养成本计入 {code}", $"capitalised the rearing cost into {code}"));
    }

    /// <summary>
    /// <c>assets mature FROM --to CODE --date DATE --head N [--amount X] [--attachments N]</c>: young stock on 131 join
    /// a breeding herd on 132 with their share of the cost (Dr 132 / Cr 131).
    /// </summary>
    private static int Mature(Context ctx, string from, string to, string date, string head, string? amount, string? attachments)
    {
        return ctx.Post(session => AssetRules.Mature(from, to, date, head, amount, attachments, session.State, session.Today),
            ctx.Say($"已将 {from} 成龄幼畜转入 {to}", $"transferred the matured young stock of {from} to {to}"));
    }

    private static int List(Context ctx, OutputFormat format)
    {
        using var store = ctx.Open();
        var register = store.Assets.AssetRegister();
        ctx.Render(AssetReports.Register(register, format == OutputFormat.Table), format, () => AssetReports.RegisterJson(register));
        return ExitCodes.Done;
    }

    private static int Herds(Context ctx, OutputFormat format)
    {
        using var store = ctx.Open();
        var changes = store.Assets.HerdChanges();
        ctx.Render(AssetReports.Herds(changes), format, () => AssetReports.HerdsJson(changes));
        return ExitCodes.Done;
    }
}
