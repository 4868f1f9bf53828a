using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Vouchers;
using CollectiveLedger.Import;
using CollectiveLedger.Reports;

namespace CollectiveLedger.Cli.Commands;

/// <summary><c>vouchers import|list|show|reverse</c>; the approval verbs are <see cref="ApprovalCommands"/>.</summary>
public static class VoucherCommands
{
    private const string Usage = "vouchers import|list|show|reverse|" + ApprovalCommands.Verbs;

    public static int Run(Context ctx, Args args) => args.Positional(1, Usage) switch
    {
        "import" => Import(ctx, args),
        "list" => List(ctx, args),
        "show" => Show(ctx, args),
        "reverse" => Reverse(ctx, args),
        var verb when ApprovalCommands.Verbs.Split('|').Contains(verb) => ApprovalCommands.Run(ctx, args, verb),
        _ => throw new UsageException(Usage),
    };

    private static int Import(Context ctx, Args args)
    {
        var file = args.Positional(2, "FILE");
        var dryRun = args.Flag("--dry-run");
        if (!InputEncodings.TryParse(args.Option("--encoding"), out var encoding)) throw new UsageException("--encoding is utf-8 or gb18030");
        args.Done(3);
        using var store = ctx.Open();
        var progress = Progress.OnTerminal<int>(ctx, ctx.Say("导入凭证", "importing vouchers"));
        var result = store.Write(ctx.Actor, session => VoucherImport.Run(session, file, encoding, dryRun, progress: progress));
        Progress.Clear(ctx);
        if (!result.Ok)
        {
            ctx.Reject(result.Violations);
            ctx.Error.WriteLine(ctx.Say($"文件 {file} 有 {result.Violations.Count} 个问题，未记账任何凭证。",
                $"{file} has {result.Violations.Count} problems; nothing was posted."));
            return ExitCodes.Rejected;
        }
        ctx.Out.WriteLine(dryRun
            ? ctx.Say($"检查通过（试运行，未记账）：可记账 {result.Posted} 张，已记账 {result.AlreadyPosted} 张。",
                $"dry run passed, nothing posted: {result.Posted} to post, {result.AlreadyPosted} already posted.")
            : ctx.Say($"已记账 {result.Posted} 张凭证，{result.AlreadyPosted} 张此前已记账。",
                $"posted {result.Posted} vouchers; {result.AlreadyPosted} were already posted."));
        return ExitCodes.Done;
    }

    private static int List(Context ctx, Args args)
    {
        var format = ctx.Format(args);
        using var store = ctx.Open();
        var range = Context.Range(args, store);
        args.Done(2);
        var vouchers = range is { } r ? store.Vouchers(r.From, r.To).ToList() : [];
        ctx.Render(VoucherReports.List(vouchers.Select(v => (v.Voucher, v.ReversedBy)), format == OutputFormat.Table), format, () => Json.Write(w =>
        {
            w.WriteStartArray();
            foreach (var v in vouchers) VoucherReports.WriteJson(w, v.Voucher, v.ReversedBy, v.Origin);
            w.WriteEndArray();
        }));
        return ExitCodes.Done;
    }

    private static VoucherKey Key(Args args)
    {
        var text = args.Positional(2, "NUMBER");
        if (!VoucherKey.TryParseNumber(text, out var number)) throw new UsageException($"'{text}' is not a voucher number (12, 0012 or 记-0012)");
        return new VoucherKey(Context.ParsePeriod(args.Required("--period"), "--period"), number);
    }

    private static int Show(Context ctx, Args args)
    {
        var key = Key(args);
        var format = ctx.Format(args);
        args.Done(3);
        using var store = ctx.Open();
        if (store.FindVoucher(key) is not { } stored)
            return ctx.Reject([new Core.Validation.Violation(Core.Validation.ViolationCode.VoucherNotFound, Core.Validation.Place.None, key.ToString())]);
        var v = stored.Voucher;
        var title = $"{v.Period} {v.Key.NumberText}  {Core.Periods.IsoDate.Format(v.Date)}  {v.Summary}  附件 {v.Attachments} 张" +
                    (v.AttachmentsReason is { } why ? $"（{why}）" : "") +
                    (v.Ref is null ? "" : $"  ref {v.Ref}") + (v.Reverses is { } rv ? $"  冲销 reverses {rv}" : "") +
                    (stored.ReversedBy is { } by ? $"  已被冲销 reversed by {by}" : "") +
                    (stored.Origin is { } o ? $"  来源 {o.Source}" + (o.Draft is { } d ? $" 草稿 #{d}" : "") + (o.Cashier is { } c ? $"  出纳 {c}" : "") : "");
        ctx.Render(VoucherReports.Lines([v], format == OutputFormat.Table, title), format, () => Json.Write(w => VoucherReports.WriteJson(w, v, stored.ReversedBy, stored.Origin)));
        return ExitCodes.Done;
    }

    private static int Reverse(Context ctx, Args args)
    {
        var key = Key(args);
        var date = args.Required("--date");
        var reason = args.Required("--reason");
        args.Done(3);
        using var store = ctx.Open();
        var decision = store.Apply(ctx.Actor, session =>
        {
            var stored = session.FindVoucher(key);
            return ReversalRules.Reverse(key, stored?.Voucher, stored?.ReversedBy, date, reason, session.State, session.Today);
        });
        if (!decision.Accepted) return ctx.Reject(decision.Violations);
        var posted = ((VoucherPosted)decision.Event!).Voucher;
        ctx.Out.WriteLine(ctx.Say($"已红字冲销 {key}：新凭证 {posted.Key}。", $"reversed {key} in red ink as {posted.Key}."));
        return ExitCodes.Done;
    }
}
