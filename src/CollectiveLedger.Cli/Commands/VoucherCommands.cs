using System.CommandLine;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Vouchers;
using CollectiveLedger.Import;
using CollectiveLedger.Reports;

namespace CollectiveLedger.Cli.Commands;

/// <summary><c>vouchers import|list|show|reverse</c>; the approval verbs are <see cref="ApprovalCommands"/>.</summary>
public static class VoucherCommands
{
    public static Command Declare(ContextOf context)
    {
        var file = Options.Argument("FILE", "凭证文件：JSON 数组、JSON Lines、CSV 或 .xlsx 工作簿 a voucher file: JSON array, JSON Lines, CSV or an .xlsx workbook");
        var dryRun = Options.Flag("--dry-run", "只检查，不记账 check the whole file, post nothing");
        var encoding = Convert2004Command.Encoding();
        var import = new Command("import", "检查整个文件，然后全部记账或全不记账 validates the whole file, then posts every voucher or none") { file, dryRun, encoding };
        import.Handle(context, (ctx, p) => Import(ctx, p.Value(file), p.Flag(dryRun), p.GetValue(encoding)));

        var format = Options.Format();
        var range = new RangeOptions();
        var list = range.AddTo(new Command("list", "列出凭证（默认全部月份） lists the vouchers (every month by default)") { format });
        list.Handle(context, (ctx, p) => List(ctx, ctx.Format(p, format), store => range.Read(p, store)));

        var number = Number();
        var period = Period();
        var showFormat = Options.Format();
        var show = new Command("show", "显示一张凭证 shows one voucher") { number, period, showFormat };
        show.Handle(context, (ctx, p) => Show(ctx, Key(p, number, period), ctx.Format(p, showFormat)));

        var reverseNumber = Number();
        var reversePeriod = Period();
        var date = Options.Text("--date", "YYYY-MM-DD", "冲销凭证日期（必填） the reversal's date (required)");
        var reason = Options.Text("--reason", "TEXT", "冲销原因（必填） why (required)");
        var reverse = new Command("reverse", "红字冲销一张凭证 reverses a voucher in red ink") { reverseNumber, reversePeriod, date, reason };
        reverse.Handle(context, (ctx, p) => Reverse(ctx, Key(p, reverseNumber, reversePeriod), p.Required(date), p.Required(reason)));

        var attachNumber = Number();
        var attachPeriod = Period();
        var attachFiles = new Argument<string[]>("FILE")
        {
            Description = "原始凭证文件：照片（JPEG/PNG）或扫描件（PDF），每个不超过 10 MB source documents: photos (JPEG/PNG) or scans (PDF), 10 MB each at most",
            Arity = ArgumentArity.OneOrMore,
        };
        var attach = new Command("attach",
            "把原始凭证的照片或扫描件存入账簿，附在凭证上（全部存入或全不存） keeps photos or scans of a voucher's source documents with it in the books, all or none")
            { attachNumber, attachPeriod, attachFiles };
        attach.Handle(context, (ctx, p) => Attach(ctx, Key(p, attachNumber, attachPeriod), p.GetValue(attachFiles) ?? []));

        var vouchers = new Command("vouchers", "记账凭证 vouchers") { import, list, show, reverse, attach };
        foreach (var approval in ApprovalCommands.Declare(context)) vouchers.Add(approval);
        return vouchers;
    }

    private static Argument<string> Number() => Options.Argument("NUMBER", "凭证号：12、0012 或 记-0012 the voucher number: 12, 0012 or 记-0012");

    private static Option<string> Period() => Options.Text("--period", "YYYY-MM", "凭证所在月份（必填） the voucher's month (required)");

    private static int Import(Context ctx, string file, bool dryRun, string? encodingName)
    {
        if (!InputEncodings.TryParse(encodingName, out var encoding)) throw new UsageException("--encoding is utf-8 or gb18030");
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

    private static int List(Context ctx, OutputFormat format, Func<Storage.LedgerStore, (Core.Periods.Period From, Core.Periods.Period To)?> months)
    {
        using var store = ctx.Open();
        var range = months(store);
        var vouchers = range is { } r ? store.Books.Vouchers(r.From, r.To).ToList() : [];
        ctx.Render(VoucherReports.List(vouchers.Select(v => (v.Voucher, v.ReversedBy)), format == OutputFormat.Table), format, () => Json.Write(w =>
        {
            w.WriteStartArray();
            foreach (var v in vouchers) VoucherReports.WriteJson(w, v.Voucher, v.ReversedBy, v.Origin);
            w.WriteEndArray();
        }));
        return ExitCodes.Done;
    }

    private static VoucherKey Key(ParseResult parsed, Argument<string> numberArgument, Option<string> period)
    {
        var text = parsed.Value(numberArgument);
        if (!VoucherKey.TryParseNumber(text, out var number)) throw new UsageException($"'{text}' is not a voucher number (12, 0012 or 记-0012)");
        return new VoucherKey(Context.ParsePeriod(parsed.Required(period), "--period"), number);
    }

    private static int Show(Context ctx, VoucherKey key, OutputFormat format)
    {
        using var store = ctx.Open();
        if (store.Books.FindVoucher(key) is not { } stored)
            return ctx.Reject([new Core.Validation.Violation(Core.Validation.ViolationCode.VoucherNotFound, Core.Validation.Place.None, key.ToString())]);
        var v = stored.Voucher;
        var files = store.Attachments.Of(key);
        var title = $"{v.Period} {v.Key.NumberText}  {Core.Periods.IsoDate.Format(v.Date)}  {v.Summary}  {AttachmentFileRules.Summary(v.Attachments, files.Count)}" +
                    (v.AttachmentsReason is { } why ? $"（{why}）" : "") +
                    (v.Ref is null ? "" : $"  ref {v.Ref}") + (v.Reverses is { } rv ? $"  冲销 reverses {rv}" : "") +
                    (stored.ReversedBy is { } by ? $"  已被冲销 reversed by {by}" : "") +
                    (stored.Origin is { } o ? $"  来源 {o.Source}" + (o.Draft is { } d ? $" 草稿 #{d}" : "") + (o.Cashier is { } c ? $"  出纳 {c}" : "") : "");
        ctx.Render(VoucherReports.Lines([v], format == OutputFormat.Table, title), format, () => Json.Write(w => VoucherReports.WriteJson(w, v, stored.ReversedBy, stored.Origin,
            [.. files.Select(f => (f.Seq, f.FileName, f.MediaType, f.SizeBytes, f.Pages, f.Sha256, f.Actor, f.Time))])));
        if (format == OutputFormat.Table && files.Count > 0)
            ctx.Render(VoucherReports.Attachments(files.Select(f => (f.FileName, f.MediaType, f.SizeBytes, f.Pages, f.Sha256, f.Actor, f.Time)).ToList()),
                format, () => []);
        return ExitCodes.Done;
    }

    /// <summary>
    /// <c>vouchers attach NUMBER --period YYYY-MM FILE...</c>: each file checked and made ready as the workspace does
    /// (<see cref="Reports.Attachments.AttachmentFiles.Prepare"/>: images re-encoded, EXIF dropped), then all kept with the voucher in one
    /// transaction or none (<see cref="Storage.AttachmentTables.Attach"/>).
    /// </summary>
    private static int Attach(Context ctx, VoucherKey key, IReadOnlyList<string> paths)
    {
        var uploads = new List<Storage.AttachmentUpload>();
        var violations = new List<Core.Validation.Violation>();
        foreach (var path in paths)
        {
            if (!File.Exists(path)) throw new UsageException($"找不到文件 {path} file {path} not found");
            var given = File.ReadAllBytes(path);
            if (Reports.Attachments.AttachmentFiles.Prepare(given, Path.GetFileName(path), out var refused) is { } ready)
                uploads.Add(new Storage.AttachmentUpload(ready.Bytes, ready.MediaType, ready.Pages, Path.GetFileName(path)));
            violations.AddRange(refused);
        }
        if (violations.Count > 0)
        {
            ctx.Reject(violations);
            ctx.Error.WriteLine(ctx.Say("没有存入任何附件。", "no file was kept."));
            return ExitCodes.Rejected;
        }
        using var store = ctx.Open();
        var (added, rejected) = store.Attachments.Attach(ctx.Actor, key, uploads);
        if (rejected.Count > 0)
        {
            ctx.Reject(rejected);
            ctx.Error.WriteLine(ctx.Say("没有存入任何附件。", "no file was kept."));
            return ExitCodes.Rejected;
        }
        foreach (var a in added)
            ctx.Out.WriteLine(ctx.Say($"已存入 {a.FileName}（{a.MediaType}，{a.SizeBytes} 字节，SHA-256 {a.Sha256}）到凭证 {key}。",
                $"kept {a.FileName} ({a.MediaType}, {a.SizeBytes} bytes, SHA-256 {a.Sha256}) with voucher {key}."));
        return ExitCodes.Done;
    }

    private static int Reverse(Context ctx, VoucherKey key, string date, string reason)
    {
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
