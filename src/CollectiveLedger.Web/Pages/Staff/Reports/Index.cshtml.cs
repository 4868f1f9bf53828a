using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Publishing;
using CollectiveLedger.Reports;
using CollectiveLedger.Reports.Pdf;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Staff.Reports;

/// <summary>
/// The reports of <c>cledger report</c>, from the same store queries and the same report grids:
/// trial balance, journal, account ledger, support funds, balance sheet, income statement and their notes; shown
/// as a table, downloaded as CSV (as <c>--format csv</c> writes it) or PDF. A long journal or ledger
/// is shown a page at a time (the downloads hold everything): on books of 100,000 vouchers a month's
/// journal alone is thousands of rows, more than a phone should load.
/// </summary>
[Roles(Core.Approval.Role.Accountant, Core.Approval.Role.Reviewer, Core.Approval.Role.FinanceLead, Core.Approval.Role.CommitteeChair,
    Core.Approval.Role.Supervisor, Core.Approval.Role.Cashier, Core.Approval.Role.Auditor, Core.Approval.Role.Administrator)]
public sealed class IndexModel(Books books, Lang lang) : PageModel
{
    public static readonly string[] Kinds = ["trial-balance", "journal", "ledger", "funds", "balance-sheet", "income", "notes"];

    /// <summary>Rows of a report on one page; a journal page holds whole vouchers, about as many lines.</summary>
    public const int PageRows = 500;
    private const int PageVouchers = PageRows / 2;

    /// <summary>The page shown, from 1.</summary>
    public int PageNumber { get; private set; } = 1;
    public bool HasNextPage { get; private set; }

    public string Which { get; private set; } = "trial-balance";
    public string From { get; private set; } = "";
    public string To { get; private set; } = "";
    public string? Account { get; private set; }
    public Grid? Grid { get; private set; }
    public string? Problem { get; private set; }

    public string Title(string kind) => kind switch
    {
        "trial-balance" => lang.T("科目余额表", "Trial balance"),
        "journal" => lang.T("序时账", "Journal"),
        "ledger" => lang.T("明细账", "Account ledger"),
        "funds" => lang.T("专项资金", "Support funds"),
        "balance-sheet" => lang.T("资产负债表", "Balance sheet"),
        "notes" => lang.T("会计报表附注", "Notes to the statements"),
        _ => lang.T("收益及收益分配表", "Income and distribution statement"),
    };

    public IActionResult OnGet(string? which, string? from, string? to, string? account, string? format, int p = 1)
    {
        var state = books.State;
        var range = books.Store.Books.VoucherPeriods();
        var today = Period.Of(books.Today);
        Which = Kinds.Contains(which) ? which! : "trial-balance";
        var first = Period.TryParse(from, out var f) ? f : range?.Last ?? today;
        var last = Period.TryParse(to, out var t) ? t : first;
        if (last < first) (first, last) = (last, first);
        From = first.ToString();
        To = last.ToString();
        Account = string.IsNullOrWhiteSpace(account) ? null : account.Trim().Split(' ')[0];
        var display = format is not ("csv" or "xlsx" or "pdf");
        PageNumber = display ? Math.Clamp(p, 1, 100_000) : 1; // "p": Razor Pages keeps "page" for itself
        var ledger = state.Ledger;
        switch (Which)
        {
            case "trial-balance":
                Grid = BookReport.TrialBalance(books.Store, ledger, first, last).Grid(display);
                break;
            case "journal":
                var vouchers = books.Store.Books.Vouchers(first, last).Select(v => v.Voucher);
                if (display)
                {
                    // Streamed: reading stops after the page (and one voucher more, to know there is a next page).
                    var shown = vouchers.Skip((PageNumber - 1) * PageVouchers).Take(PageVouchers + 1).ToList();
                    HasNextPage = shown.Count > PageVouchers;
                    vouchers = shown.Take(PageVouchers);
                }
                Grid = VoucherReports.Lines(vouchers, display);
                break;
            case "ledger":
                if (Account is null) Problem = lang.T("请填写科目代码。", "Give an account code.");
                else if (books.Store.Books.AccountLedger(Account, first, last) is { } accountLedger)
                {
                    Grid = display ? VoucherReports.Ledger(accountLedger, display, (PageNumber - 1) * PageRows, PageRows) : VoucherReports.Ledger(accountLedger, display);
                    HasNextPage = display && accountLedger.Rows.Length > PageNumber * PageRows;
                }
                else Problem = new Violation(ViolationCode.AccountNotFound, new Place(Field: "account"), Account).Message(lang.Language);
                break;
            case "funds":
                Grid = BookReport.Funds(books.Store, first, last, items: false, read: false).Grid(display);
                break;
            case "balance-sheet":
                Grid = last.Year < ledger.StartPeriod.Year ? null : BookReport.BalanceSheet(books.Store, ledger, last.LastDay).Grid(display);
                break;
            case "notes":
                Grid = last.Year < ledger.StartPeriod.Year ? null : BookReport.Notes(books.Store, state, last.Year).Grid(display);
                break;
            default:
                Grid = last.Year < ledger.StartPeriod.Year ? null : BookReport.Income(books.Store, state, last.Year).Grid(display);
                break;
        }
        if (Grid is null || display) return Page();
        var name = $"{Which}-{From}-{To}";
        if (format == "csv") return File(CsvRenderer.Render(Grid), "text/csv; charset=utf-8", name + ".csv");
        if (format == "xlsx") return File(XlsxRenderer.Render(Grid, Which), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        if (books.Options.FontPath is not { } font)
        {
            Problem = lang.T("没有可显示中文的字体，无法生成 PDF：请安装 fonts-wqy-microhei。", "No font covers Chinese, so no PDF: install fonts-wqy-microhei.");
            return Page();
        }
        var title = $"{Title(Which)} {From}{(From == To ? "" : " ~ " + To)}";
        return File(GridPdf.Render(Grid, title, ledger.Org, font, books.Options.Clock.GetUtcNow()), "application/pdf", name + ".pdf");
    }

    /// <summary>
    /// The vouchers of a month (<paramref name="period"/>) or a book of a year (<paramref name="year"/>,
    /// <paramref name="book"/> general|detail|cash|bank, optionally one <paramref name="account"/>) as
    /// printed for the archive, the same PDF as <c>cledger print</c> (<see cref="ArchivePrinting"/>).
    /// </summary>
    public IActionResult OnGetPrint(string? what, string? period, int? year, string? book, string? account)
    {
        var state = books.State;
        // The page shown with a problem keeps the month or year asked for in its form and links.
        From = To = (Period.TryParse(period, out var asked) ? asked
            : year is >= 1900 and <= 9999 ? new Period(year.Value, 1) : Period.Of(books.Today)).ToString();
        if (books.Options.FontPath is not { } font)
        {
            Problem = lang.T("没有可显示中文的字体，无法生成 PDF：请安装 fonts-wqy-microhei。", "No font covers Chinese, so no PDF: install fonts-wqy-microhei.");
            return Page();
        }
        if (what == "vouchers")
        {
            if (!Period.TryParse(period, out var month))
            {
                Problem = lang.T("请填写月份 YYYY-MM。", "Give a month as YYYY-MM.");
                return Page();
            }
            From = To = month.ToString();
            if (ArchivePrinting.Vouchers(books.Store, state, month, null, font) is { } vouchers)
                return File(vouchers, "application/pdf", ArchivePrinting.VoucherFileName(month));
            Problem = lang.T($"{month} 没有凭证。", $"{month} has no vouchers.");
            return Page();
        }
        if (!Core.Reporting.BookKinds.TryParse(book, out var kind) || year is not (>= 1900 and <= 9999))
        {
            Problem = lang.T("请选择账簿和年度。", "Choose a book and a year.");
            return Page();
        }
        var code = string.IsNullOrWhiteSpace(account) ? null : account.Trim();
        if (ArchivePrinting.AccountProblem(state, kind, code) is { } problem)
        {
            Problem = lang.T(problem.Zh, problem.En);
            return Page();
        }
        return File(ArchivePrinting.Book(books.Store, state, kind, year.Value, code, font), "application/pdf", ArchivePrinting.BookFileName(kind, year.Value, code));
    }

    /// <summary>The link that prints the month <see cref="From"/>'s vouchers.</summary>
    public string VouchersPrintLink => $"/staff/reports?handler=print&what=vouchers&period={From}";

    /// <summary>The link that prints a book of the year of <see cref="From"/>; the ledger's account when one is given (for the 明细账).</summary>
    public string BookPrintLink(Core.Reporting.BookKind kind) =>
        $"/staff/reports?handler=print&what=book&book={Core.Reporting.BookKinds.ToText(kind)}&year={From[..4]}" +
        (kind == Core.Reporting.BookKind.Detail && Account is not null ? $"&account={Uri.EscapeDataString(Account)}" : "");

    public string Link(string format) => Link() + $"&format={format}";

    public string PageLink(int page) => Link() + $"&p={page}";

    private string Link() => $"/staff/reports?which={Which}&from={From}&to={To}&account={Uri.EscapeDataString(Account ?? "")}";
}
