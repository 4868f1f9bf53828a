using Microsoft.AspNetCore.Http;
using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Transactions;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Staff.Vouchers;

/// <summary>One line of the voucher form, as typed.</summary>
public sealed class LineForm
{
    public string? Account { get; set; }
    public string? Debit { get; set; }
    public string? Credit { get; set; }
    public string? Fund { get; set; }
    public string? Member { get; set; }
    public string? Summary { get; set; }

    public bool Blank => string.IsNullOrWhiteSpace(Account) && string.IsNullOrWhiteSpace(Debit) && string.IsNullOrWhiteSpace(Credit)
        && string.IsNullOrWhiteSpace(Fund) && string.IsNullOrWhiteSpace(Member) && string.IsNullOrWhiteSpace(Summary);
}

/// <summary>The voucher form, as typed. <see cref="Ref"/> is made when the form is first shown, so that a form sent twice makes one draft.</summary>
public sealed class VoucherForm
{
    public string? Ref { get; set; }
    public string? Date { get; set; }
    public string? Summary { get; set; }
    public string? Attachments { get; set; }
    public string? AttachmentsReason { get; set; }
    public string? Cashier { get; set; }
    public List<LineForm> Lines { get; set; } = [];
}

/// <summary>
/// Voucher entry (录入凭证): the form becomes Core's <see cref="VoucherInput"/>, exactly what a voucher
/// file line becomes, and goes through <see cref="Drafting.Save"/> (a draft, and submitted when
/// asked) in one write transaction. Violations come back next to their fields.
/// </summary>
[Roles(Role.Accountant)]
public sealed class NewModel(Books books, Lang lang) : PageModel
{
    public const int StartLines = 4;
    public const int MaxLines = 60;

    [BindProperty]
    public VoucherForm Form { get; set; } = new();

    public FieldProblems Problems { get; private set; } = new();

    public IReadOnlyList<(string Code, string Name)> LeafAccounts { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Funds { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Members { get; private set; } = [];
    public IReadOnlyList<string> Cashiers { get; private set; } = [];

    public void OnGet()
    {
        Form = new VoucherForm
        {
            Ref = "web-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)),
            Date = Core.Periods.IsoDate.Format(books.Today),
            Attachments = "0",
            Lines = [.. Enumerable.Range(0, StartLines).Select(_ => new LineForm())],
        };
        Choices();
    }

    /// <summary>Two more empty lines (the way to add lines without script).</summary>
    public IActionResult OnPostMore()
    {
        Form.Lines.AddRange([new LineForm(), new LineForm()]);
        Choices();
        return Page();
    }

    public IActionResult OnPostSave() => Save(submit: false);

    public IActionResult OnPostSubmit() => Save(submit: true);

    private IActionResult Save(bool submit)
    {
        var me = books.User!;
        if (Form.Lines.Count > MaxLines) Form.Lines = Form.Lines[..MaxLines];
        var input = Input(Form);
        var saved = books.Store.Write(me, session => Drafting.Save(session, input, submit));
        var (violations, id) = (saved.Violations, saved.Value);
        if (violations.Count > 0)
        {
            Problems = new FieldProblems(violations, lang.Language);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Choices();
            return Page();
        }
        TempData["Done"] = submit
            ? lang.T($"凭证草稿 #{id} 已保存并提交审核。", $"Draft #{id} saved and submitted for review.")
            : lang.T($"凭证草稿 #{id} 已保存，尚未提交。", $"Draft #{id} saved, not yet submitted.");
        return Redirect($"/staff/drafts/{id}");
    }

    /// <summary>The form as Core's input: blank lines left out, each line keeping its row number as its place; "10201 信用社基本户" means 10201.</summary>
    public static VoucherInput Input(VoucherForm form) => new(Place.None, Blank(form.Ref), Blank(form.Date), Blank(form.Summary), Blank(form.Attachments), null,
        [.. form.Lines.Select((l, i) => (Line: l, Index: i)).Where(x => !x.Line.Blank).Select(x => new VoucherLineInput(new Place(Field: $"lines[{x.Index}]"),
            Blank(x.Line.Account?.Trim().Split([' ', '\u3000'], 2)[0]), Blank(x.Line.Debit), Blank(x.Line.Credit), Blank(x.Line.Fund), Blank(x.Line.Member), null,
            Blank(x.Line.Summary)))],
        Blank(form.Cashier), Blank(form.AttachmentsReason));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Choices()
    {
        var state = books.State;
        LeafAccounts = [.. state.Accounts.Values.Where(a => state.IsLeaf(a.Code)).OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => (a.Code, a.Name))];
        Funds = books.Store.Dimensions(DimensionKind.Fund);
        Members = books.Store.Dimensions(DimensionKind.Member);
        Cashiers = ApprovalPolicy.Holders(state, Role.Cashier);
        while (Form.Lines.Count < 2) Form.Lines.Add(new LineForm());
    }
}
