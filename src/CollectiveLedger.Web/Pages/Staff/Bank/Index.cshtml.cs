using System.Security.Cryptography;
using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Bank;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Import;
using CollectiveLedger.Reports;
using CollectiveLedger.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Staff.Bank;

/// <summary>
/// 银行对账 (issue 17) in the workspace, the same steps as <c>cledger bank</c>: the bank accounts with statements, and for
/// one account and month the items outstanding on both sides, the matched pairs and the 银行存款余额调节表 (Reports'
/// <see cref="BankReports"/> grid of Core's <see cref="BankReconciliation"/>, as PDF and XLSX too). A holder of
/// role.accountant imports a statement (Import's <see cref="BankStatementReader"/>, Storage's <see cref="BankStatements"/>),
/// matches the month automatically or a line by hand, and undoes a match (<see cref="BankRules"/>), each entry under their
/// name; the supervision committee and auditors see the page. A refusal is shown in Chinese and English, the books unchanged.
/// </summary>
[Roles(Role.Accountant, Role.Supervisor, Role.Auditor)]
// A statement file: a year of a village's account is well under this.
[RequestSizeLimit(MaxFileBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + 64 * 1024)]
public sealed class IndexModel(Books books, Lang lang) : PageModel
{
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>A bank account with statements: its lines, the first and last dates and the last balance.</summary>
    public sealed record StatementAccount(string Code, string Name, int Lines, DateOnly From, DateOnly To, Core.Money.Amount Balance);

    public IReadOnlyList<StatementAccount> Accounts { get; private set; } = [];

    /// <summary>Every bank account (102 and under it): where a statement may be imported.</summary>
    public IReadOnlyList<(string Code, string Name)> BankAccounts { get; private set; } = [];

    public string? Account { get; private set; }
    public Period? Period { get; private set; }

    /// <summary>The months of the account's statement lines, the latest first.</summary>
    public IReadOnlyList<Period> Months { get; private set; } = [];

    public BankReconciliation? Reconciliation { get; private set; }
    public Grid? ReconciliationGrid { get; private set; }

    /// <summary>The month's statement lines that are matched, each with its posting.</summary>
    public IReadOnlyList<(BankStatementLine Line, BankPosting? Posting)> Matched { get; private set; } = [];

    /// <summary>Each refusal, Chinese first with English beside it.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public bool CanReconcile => books.HoldsAny([Role.Accountant]);

    public IActionResult OnGet(string? account, string? period) => Show(account, period);

    public IActionResult OnGetPdf(string? account, string? period)
    {
        Load(account, period);
        if (Reconciliation is not { } r) return NotFound();
        if (books.Options.FontPath is not { } font)
        {
            Problems = [lang.T("没有可显示中文的字体，无法生成 PDF：请安装 fonts-wqy-microhei。", "No font covers Chinese, so no PDF: install fonts-wqy-microhei.")];
            return Page();
        }
        return File(BankReports.ReconciliationPdf(r, books.State.Ledger.Org, font, books.Options.Clock.GetUtcNow()), "application/pdf", FileName(r) + ".pdf");
    }

    public IActionResult OnGetXlsx(string? account, string? period)
    {
        Load(account, period);
        if (Reconciliation is not { } r) return NotFound();
        return File(XlsxRenderer.Render(BankReports.Reconciliation(r, forDisplay: false), "银行存款余额调节表"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(r) + ".xlsx");
    }

    private static string FileName(BankReconciliation r) => $"bank-reconciliation-{r.Account}-{r.Period}";

    /// <summary>The statement file, read as <c>bank import FILE --account CODE [--bank] [--encoding]</c> reads it.</summary>
    [Roles(Role.Accountant)]
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, string? account, string? bank, string? encoding)
    {
        var name = file is null ? "" : FileNameOf(file.FileName);
        List<Violation> problems = [];
        if (file is null || file.Length == 0) problems.Add(new Violation(ViolationCode.FieldMissing, new Place(Field: "file"), "file"));
        else if (file.Length > MaxFileBytes) problems.Add(new Violation(ViolationCode.FieldInvalid, new Place(File: name), "file", $"{file.Length} > {MaxFileBytes} bytes"));
        else if (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            problems.Add(new Violation(ViolationCode.FieldInvalid, new Place(File: name), "file", "对账单是 .csv 或 .xlsx 文件 a statement is a .csv or .xlsx file"));
        if (string.IsNullOrWhiteSpace(account)) problems.Add(new Violation(ViolationCode.FieldMissing, new Place(Field: "account"), "account"));
        IReadOnlyList<BankColumnMap> maps = string.IsNullOrEmpty(bank) ? BankColumnMap.BuiltIn : BankColumnMap.Named(bank) is { } named ? [named] : [];
        if (maps.Count == 0) problems.Add(new Violation(ViolationCode.FieldInvalid, new Place(Field: "bank"), "bank", "rcc | psbc | abc"));
        if (!InputEncodings.TryParse(string.IsNullOrEmpty(encoding) ? null : encoding, out var inputEncoding))
            problems.Add(new Violation(ViolationCode.FieldInvalid, new Place(Field: "encoding"), "encoding", "utf-8 | gb18030"));
        if (problems.Count > 0) return Refused(problems, account, null);

        // The reader takes a file by its path and names it in its messages: the upload is written under its own name.
        var folder = Directory.CreateTempSubdirectory("cledger-bank-");
        try
        {
            var path = Path.Combine(folder.FullName, name);
            byte[] bytes;
            using (var buffer = new MemoryStream((int)file!.Length))
            {
                await file.CopyToAsync(buffer, HttpContext.RequestAborted);
                bytes = buffer.ToArray();
            }
            await System.IO.File.WriteAllBytesAsync(path, bytes, HttpContext.RequestAborted);
            var lines = BankStatementReader.Read(path, inputEncoding, maps, problems, out var headers, out var used);
            if (problems.Count > 0) return Refused(problems, account, null);
            var outcome = BankStatements.Import(books.Store, books.User!, account!, used.Bank, name, Convert.ToHexStringLower(SHA256.HashData(bytes)), lines);
            switch (outcome)
            {
                case BankImport.Accepted a:
                    TempData["Done"] = lang.T($"已导入对账单 {name}：{a.Event.Lines.Length} 行。", $"Imported the statement {name}: {a.Event.Lines.Length} lines.");
                    return Back(account!, Core.Periods.Period.Of(a.Event.Lines.Max(l => l.Date)));
                case BankImport.AlreadyImported already:
                    TempData["Done"] = lang.T($"对账单 {name} 已导入过（{already.Lines} 行），未做任何更改。", $"The statement {name} was already imported ({already.Lines} lines): nothing changed.");
                    return Back(account!, Core.Periods.Period.Of(lines.Max(l => l.Date)));
                case BankImport.Rejected r:
                    return Refused(BankStatementReader.NamingColumns(r.Violations, headers), account, null);
                default:
                    throw new InvalidOperationException("an import decision of no known kind");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The month matched automatically, as <c>bank match --account --period</c>.</summary>
    [Roles(Role.Accountant)]
    public IActionResult OnPostAutoMatch(string? account, string? period)
    {
        if (!TryMonth(account, period, out var month)) return BadRequest();
        var decision = BankStatements.AutoMatch(books.Store, books.User!, account!, month, null, new Place(Field: "account"), out var pairs);
        if (!decision.Accepted && decision.Violations.Count > 0) return Refused(decision.Violations, account, period);
        TempData["Done"] = lang.T($"{account} {month}：自动勾对 {pairs} 对。", $"{account} {month}: matched {pairs} pairs automatically.");
        return Back(account!, month);
    }

    /// <summary>One statement line with one voucher line, as <c>bank match --line ID --voucher PERIOD/NUMBER/LINE</c>.</summary>
    [Roles(Role.Accountant)]
    public IActionResult OnPostMatch(string? account, string? period, int line, string? posting)
    {
        if (!TryMonth(account, period, out var month)) return BadRequest();
        if (!PostingKey.TryParse(posting, out var key))
            return Refused([new Violation(ViolationCode.FieldMissing, new Place(Field: "posting"), "posting")], account, period);
        var decision = books.Store.Apply(books.User!, session =>
            BankRules.Match([(line, key, session.BankPosting(key))], BankMatched.Manual, session.Actor, session.State));
        if (!decision.Accepted) return Refused(decision.Violations, account, period);
        TempData["Done"] = lang.T($"已勾对对账单行 {line} 与 {key}。", $"Matched statement line {line} with {key}.");
        return Back(account!, month);
    }

    /// <summary>A match undone, as <c>bank unmatch --line ID</c>.</summary>
    [Roles(Role.Accountant)]
    public IActionResult OnPostUnmatch(string? account, string? period, int line)
    {
        if (!TryMonth(account, period, out var month)) return BadRequest();
        var decision = books.Store.Apply(books.User!, session => BankRules.Unmatch(line, session.Actor, session.State));
        if (!decision.Accepted) return Refused(decision.Violations, account, period);
        TempData["Done"] = lang.T($"已取消对账单行 {line} 的勾对。", $"Unmatched statement line {line}.");
        return Back(account!, month);
    }

    private static bool TryMonth(string? account, string? period, out Period month)
    {
        month = default;
        return !string.IsNullOrEmpty(account) && Core.Periods.Period.TryParse(period, out month);
    }

    private RedirectResult Back(string account, Period period) =>
        Redirect($"/staff/bank?account={Uri.EscapeDataString(account)}&period={period}");

    /// <summary>The page again with the refusals above it (422); nothing was written.</summary>
    private PageResult Refused(IEnumerable<Violation> violations, string? account, string? period)
    {
        Problems = [.. violations.Select(v =>
            $"{(v.Place == Place.None ? "" : v.Place + "：")}{v.Message(Language.ZhCN)} {v.Message(Language.En)} [{v.Code}]")];
        books.Refresh();
        Load(account, period);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private PageResult Show(string? account, string? period)
    {
        Load(account, period);
        return Page();
    }

    /// <summary>The accounts, and for the account asked (else the first with statements) and month asked (else its latest) what the page shows.</summary>
    private void Load(string? account, string? period)
    {
        var state = books.State;
        BankAccounts = [.. state.Accounts.Values.Where(a => BankRules.IsBankAccount(state, a.Code)).OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => (a.Code, a.Name))];
        Accounts = [.. BankAccounts.Select(a => (a, Lines: state.BankLinesOf(a.Code).ToList())).Where(x => x.Lines.Count > 0)
            .Select(x => new StatementAccount(x.a.Code, x.a.Name, x.Lines.Count, x.Lines[0].Date, x.Lines[^1].Date, x.Lines[^1].Balance))];
        Account = account is not null && BankAccounts.Any(a => a.Code == account) ? account : Accounts.FirstOrDefault()?.Code ?? BankAccounts.FirstOrDefault().Code;
        if (Account is null || Accounts.All(a => a.Code != Account)) return;
        var lines = state.BankLinesOf(Account).ToList();
        Months = [.. lines.Select(l => Core.Periods.Period.Of(l.Date)).Distinct().OrderDescending()];
        Period = Core.Periods.Period.TryParse(period, out var asked) ? asked : Months[0];
        Reconciliation = books.Store.Bank.Reconciliation(state, Account, Period.Value, out var postings);
        if (Reconciliation is { } r) ReconciliationGrid = BankReports.Reconciliation(r, forDisplay: true) with { Title = null };
        var byKey = postings.ToDictionary(p => p.Key);
        Matched = [.. lines.Where(l => Core.Periods.Period.Of(l.Date) == Period && state.BankMatchOf(l.Id) is not null)
            .Select(l => (l, byKey.GetValueOrDefault(state.BankMatchOf(l.Id)!.Value)))];
    }

    /// <summary>The uploaded file's own name, without folders and without characters a file name cannot hold.</summary>
    private static string FileNameOf(string uploaded)
    {
        var name = Path.GetFileName(uploaded.Replace('\\', '/'));
        name = new string([.. name.Select(c => char.IsControl(c) || Path.GetInvalidFileNameChars().Contains(c) ? '_' : c)]);
        return name.Length is 0 or > 120 || name.StartsWith('.') ? "statement" + Path.GetExtension(name) : name;
    }
}
