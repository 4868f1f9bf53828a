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
    private const string Usage = "assets add|transfer|depreciate|dispose|herd|rear|mature|list|herds";

    public static int Run(Context ctx, Args args) => args.Positional(1, Usage) switch
    {
        "add" => Add(ctx, args, transfer: false),
        "transfer" => Add(ctx, args, transfer: true),
        "depreciate" => Depreciate(ctx, args),
        "dispose" => Dispose(ctx, args),
        "herd" => Herd(ctx, args),
        "rear" => Rear(ctx, args),
        "mature" => Mature(ctx, args),
        "list" => List(ctx, args),
        "herds" => Herds(ctx, args),
        _ => throw new UsageException(Usage),
    };

    /// <summary>
    /// <c>assets add CODE NAME --category C --account A --acquired DATE --cost X [...] [--paid-from ACCOUNT]</c>.
    /// With --paid-from the acquisition voucher (Dr A / Cr ACCOUNT) is posted with it; without, the
    /// asset is taken over from the books (its cost, and --opening-depreciation, already there).
    /// <c>assets transfer CODE NAME --from 153xx ...</c> is the same with the construction account
    /// paying: 在建工程转固. --nominal registers an asset received for nothing at the nominal amount of
    /// 1.00 (名义金额, --cost 1), never depreciated.
    /// </summary>
    private static int Add(Context ctx, Args args, bool transfer)
    {
        var code = args.Positional(2, "CODE");
        var name = args.Positional(3, "NAME");
        var paidFrom = transfer ? args.Required("--from") : args.Option("--paid-from");
        if (transfer && !paidFrom!.StartsWith(AssetRules.Construction, StringComparison.Ordinal))
            throw new UsageException("assets transfer --from names a construction-in-progress account (153...)");
        var input = new AssetInput(code, name, args.Required("--category"), args.Option("--location"), args.Required("--acquired"), args.Required("--cost"),
            args.Option("--fund"), args.Option("--life-months"), args.Option("--residual"), args.Required("--account"), args.Option("--depreciation-account"),
            args.Option("--expense-account"), args.Option("--species"), args.Option("--head"), args.Option("--opening-depreciation"),
            args.Option("--opening-months"), paidFrom, args.Option("--attachments"), args.Flag("--nominal"));
        args.Done(4);
        return ctx.Post(session => AssetRules.Add(input, session.State, session.Today, Place.None),
            ctx.Say($"已登记资产 {code}", $"registered asset {code}"));
    }

    private static int Depreciate(Context ctx, Args args)
    {
        var period = args.Required("--period");
        args.Done(2);
        return ctx.Post(session => AssetRules.Depreciate(period, session.State, session.Today),
            ctx.Say($"已计提 {period} 月折旧", $"posted the depreciation of {period}"));
    }

    /// <summary><c>assets dispose CODE --date DATE --reason TEXT [--proceeds X --to ACCOUNT] [--gain-account 504] [--loss-account 515] [--attachments N]</c>.</summary>
    private static int Dispose(Context ctx, Args args)
    {
        var code = args.Positional(2, "CODE");
        var date = args.Required("--date");
        var reason = args.Required("--reason");
        var proceeds = args.Option("--proceeds");
        var to = args.Option("--to");
        var gain = args.Option("--gain-account") ?? "504";
        var loss = args.Option("--loss-account") ?? "515";
        var attachments = args.Option("--attachments");
        args.Done(3);
        return ctx.Post(session => AssetRules.Dispose(code, date, proceeds, to, gain, loss, reason, session.State, session.Today, attachments),
            ctx.Say($"已清理资产 {code}", $"disposed of asset {code}"));
    }

    /// <summary>
    /// <c>assets herd CODE --date DATE --change births|purchases|sales|deaths --head N [--note TEXT] [--loss-account 181]</c>.
    /// Deaths write the dead animals' share of the herd's carrying amount off to 181 待处理财产损溢.
    /// </summary>
    private static int Herd(Context ctx, Args args)
    {
        var code = args.Positional(2, "CODE");
        var date = args.Required("--date");
        var change = args.Required("--change");
        var head = args.Required("--head");
        var note = args.Option("--note");
        var loss = args.Option("--loss-account") ?? AssetRules.PendingLosses;
        args.Done(3);
        return ctx.Post(session => AssetRules.ChangeHerd(code, date, change, head, note, session.State, session.Today, loss),
            ctx.Say($"已记录畜群 {code} 存栏变动", $"recorded the head count change of herd {code}"));
    }

    /// <summary><c>assets rear CODE --date DATE --amount X --from ACCOUNT [--attachments N]</c>: 饲养成本 into a 131 asset (Dr 131 / Cr ACCOUNT).</summary>
    private static int Rear(Context ctx, Args args)
    {
        var code = args.Positional(2, "CODE");
        var date = args.Required("--date");
        var amount = args.Required("--amount");
        var from = args.Required("--from");
        var attachments = args.Option("--attachments");
        args.Done(3);
        return ctx.Post(session => AssetRules.Rear(code, date, amount, from, attachments, session.State, session.Today),
            ctx.Say($"已将饲养成本计入 {code}", $"capitalised the rearing cost into {code}"));
    }

    /// <summary>
    /// <c>assets mature FROM --to CODE --date DATE --head N [--amount X] [--attachments N]</c>: young stock on 131 join
    /// a breeding herd on 132 with their share of the cost (Dr 132 / Cr 131).
    /// </summary>
    private static int Mature(Context ctx, Args args)
    {
        var from = args.Positional(2, "FROM");
        var to = args.Required("--to");
        var date = args.Required("--date");
        var head = args.Required("--head");
        var amount = args.Option("--amount");
        var attachments = args.Option("--attachments");
        args.Done(3);
        return ctx.Post(session => AssetRules.Mature(from, to, date, head, amount, attachments, session.State, session.Today),
            ctx.Say($"已将 {from} 成龄幼畜转入 {to}", $"transferred the matured young stock of {from} to {to}"));
    }

    private static int List(Context ctx, Args args)
    {
        var format = ctx.Format(args);
        args.Done(2);
        using var store = ctx.Open();
        var register = store.AssetRegister();
        ctx.Render(AssetReports.Register(register, format == OutputFormat.Table), format, () => AssetReports.RegisterJson(register));
        return ExitCodes.Done;
    }

    private static int Herds(Context ctx, Args args)
    {
        var format = ctx.Format(args);
        args.Done(2);
        using var store = ctx.Open();
        var changes = store.HerdChanges();
        ctx.Render(AssetReports.Herds(changes), format, () => AssetReports.HerdsJson(changes));
        return ExitCodes.Done;
    }
}
