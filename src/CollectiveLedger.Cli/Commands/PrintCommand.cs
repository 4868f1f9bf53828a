using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Reporting;
using CollectiveLedger.Web;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>print vouchers --period YYYY-MM [--number N] [--out FILE.pdf] [--font PATH]</c>: the month's 记账凭证,
/// two to an A4 page, with the names of the approval log in their boxes;
/// <c>print books --year YYYY --book general|detail|cash|bank [--account CODE] [--out FILE.pdf] [--font PATH]</c>:
/// 总账, 明细账, 现金日记账 or 银行存款日记账 with 承前页/过次页 at every page break. For the archive
/// (会计档案); nothing is recorded. Without --out the PDF goes to stdout.
/// </summary>
public static class PrintCommand
{
    public const string Help = "print vouchers --period YYYY-MM [--number N] | print books --year YYYY --book general|detail|cash|bank [--account CODE]; [--out FILE.pdf] [--font PATH]";

    public static int Run(Context ctx, Args args)
    {
        var which = args.Positional(1, Help);
        if (which is not ("vouchers" or "books")) throw new UsageException(Help);
        var path = args.Option("--out");
        var font = args.Option("--font");
        if (path is not null && !path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) throw new UsageException($"print writes a PDF: --out must end in .pdf, not '{path}'");
        return which == "vouchers" ? Vouchers(ctx, args, path, font) : Books(ctx, args, path, font);
    }

    private static int Vouchers(Context ctx, Args args, string? path, string? font)
    {
        var period = Context.ParsePeriod(args.Required("--period"), "--period");
        int? number = args.Option("--number") is { } text
            ? int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 ? n
                : throw new UsageException($"--number is a voucher number (1, 2, ...), not '{text}'")
            : null;
        args.Done(2);
        var fontPath = DiscloseCommand.FontPath(font);
        using var store = ctx.Open();
        var state = store.LoadState();
        if (ArchivePrinting.Vouchers(store, state, period, number, fontPath) is not { } pdf)
        {
            ctx.Error.WriteLine(number is null
                ? ctx.Say($"{period} 没有凭证，没有可印的。", $"{period} has no vouchers: nothing to print.")
                : ctx.Say($"{period} 没有第 {number} 号凭证。", $"{period} has no voucher number {number}."));
            return ExitCodes.Rejected;
        }
        return Write(ctx, pdf, path, $"{period} 记账凭证", $"the vouchers of {period}");
    }

    private static int Books(Context ctx, Args args, string? path, string? font)
    {
        var yearText = args.Required("--year");
        if (!int.TryParse(yearText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 9999)
            throw new UsageException($"--year is YYYY, not '{yearText}'");
        var bookText = args.Required("--book");
        if (!BookKinds.TryParse(bookText, out var kind)) throw new UsageException($"--book is general, detail, cash or bank, not '{bookText}'");
        var account = args.Option("--account");
        args.Done(2);
        var fontPath = DiscloseCommand.FontPath(font);
        using var store = ctx.Open();
        var state = store.LoadState();
        if (ArchivePrinting.AccountProblem(state, kind, account) is { } problem)
        {
            ctx.Error.WriteLine($"--account: {ctx.Say(problem.Zh, problem.En)}");
            return ExitCodes.Rejected;
        }
        var pdf = ArchivePrinting.Book(store, state, kind, year, account, fontPath);
        return Write(ctx, pdf, path, $"{year} 年{kind.Title()}", $"the {kind.TitleEn()} of {year}");
    }

    private static int Write(Context ctx, byte[] pdf, string? path, string zh, string en)
    {
        if (path is null)
        {
            ctx.WriteBytes(pdf);
            return ExitCodes.Done;
        }
        Files.WriteAtomically(path, stream => { stream.Write(pdf); return 0; });
        ctx.Out.WriteLine(ctx.Say($"已印出{zh}到 {path}。", $"printed {en} to {path}."));
        return ExitCodes.Done;
    }
}
