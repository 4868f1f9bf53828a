using System.CommandLine;
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
    public static Command Declare(ContextOf context)
    {
        static Option<string> Out() => Options.Text("--out", "FILE.pdf", "写出的 PDF（不给则写到标准输出） the PDF to write (stdout without it)");
        static Option<string> Font() => Options.Text("--font", "PATH", "能显示中文的字体 a font covering Chinese");

        var period = Options.Text("--period", "YYYY-MM", "月份（必填） the month (required)");
        var number = Options.Text("--number", "N", "只印这一张 only this voucher");
        var vouchersOut = Out();
        var vouchersFont = Font();
        var vouchers = new Command("vouchers", "记账凭证，每张 A4 两张，签名取自审批日志 the month's vouchers, two to an A4 page, names from the approval log")
            { period, number, vouchersOut, vouchersFont };
        vouchers.Handle(context, (ctx, p) =>
        {
            var path = PdfPath(p.GetValue(vouchersOut));
            var month = Context.ParsePeriod(p.Required(period), "--period");
            int? n = p.GetValue(number) is { } text
                ? int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed >= 1 ? parsed
                    : throw new UsageException($"--number is a voucher number (1, 2, ...), not '{text}'")
                : null;
            return Vouchers(ctx, month, n, path, p.GetValue(vouchersFont));
        });

        var year = Options.Text("--year", "YYYY", "年度（必填） the year (required)");
        var book = Options.Text("--book", "general|detail|cash|bank", "账簿：总账、明细账、现金日记账、银行存款日记账（必填） the book (required)");
        var account = Options.Text("--account", "CODE", "明细账、日记账的科目 the account, for a detail, cash or bank book");
        var booksOut = Out();
        var booksFont = Font();
        var books = new Command("books", "总账、明细账、现金日记账、银行存款日记账，带承前页/过次页 a year's book, with 承前页/过次页 at every page break")
            { year, book, account, booksOut, booksFont };
        books.Handle(context, (ctx, p) =>
        {
            var path = PdfPath(p.GetValue(booksOut));
            var yearText = p.Required(year);
            if (!int.TryParse(yearText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) || y is < 1900 or > 9999)
                throw new UsageException($"--year is YYYY, not '{yearText}'");
            var bookText = p.Required(book);
            if (!BookKinds.TryParse(bookText, out var kind)) throw new UsageException($"--book is general, detail, cash or bank, not '{bookText}'");
            return Books(ctx, y, kind, p.GetValue(account), path, p.GetValue(booksFont));
        });
        return new Command("print", "印出会计档案（PDF，不记录） prints the archive's paper (PDF; nothing is recorded)") { vouchers, books };
    }

    private static string? PdfPath(string? path) =>
        path is not null && !path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
            ? throw new UsageException($"print writes a PDF: --out must end in .pdf, not '{path}'")
            : path;

    private static int Vouchers(Context ctx, Period period, int? number, string? path, string? font)
    {
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

    private static int Books(Context ctx, int year, BookKind kind, string? account, string? path, string? font)
    {
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
