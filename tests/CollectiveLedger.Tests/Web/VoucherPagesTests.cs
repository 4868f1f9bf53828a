using System.Net;

namespace CollectiveLedger.Tests.Web;

/// <summary>Voucher entry, the approval queue and the voucher page over HTTP, with Core's rules and the roles.</summary>
public class VoucherPagesTests
{
    private static Dictionary<string, string> Voucher(string summary, params (string Account, string? Debit, string? Credit, string? LineSummary)[] lines)
    {
        var form = new Dictionary<string, string>
        {
            ["Form.Ref"] = "web-test-" + Guid.NewGuid().ToString("N")[..8], ["Form.Date"] = "2025-03-05", ["Form.Summary"] = summary,
            ["Form.Attachments"] = "2", ["Form.Cashier"] = "出纳",
        };
        for (var i = 0; i < lines.Length; i++)
        {
            form[$"Form.Lines[{i}].Account"] = lines[i].Account;
            form[$"Form.Lines[{i}].Debit"] = lines[i].Debit ?? "";
            form[$"Form.Lines[{i}].Credit"] = lines[i].Credit ?? "";
            form[$"Form.Lines[{i}].Summary"] = lines[i].LineSummary ?? "";
        }
        return form;
    }

    private static readonly (string, string?, string?, string?)[] ThreeLines =
        [("10201 信用社基本户", "3000", null, null), ("50101", null, "2000", null), ("501", null, "1000", null)];

    private static async Task<int> Submitted(HttpClient accountant, Dictionary<string, string> form)
    {
        var response = await accountant.PostForm("/staff/vouchers/new?handler=Submit", form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        return int.Parse(response.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Test]
    public async Task A_three_line_voucher_is_entered_submitted_reviewed_approved_and_posted_with_its_audit_trail()
    {
        using var workspace = new Workspace();
        workspace.Ledger.Ok("accounts", "add", "50102", "其他承包费", "--parent", "501");
        var id = await Submitted(await workspace.SignedIn("会计"),
            Voucher("收取草场承包费", ("10201 信用社基本户", "3000", null, null), ("50101", null, "2000", null), ("50102 其他承包费", null, "1000", null)));
        var reviewer = await workspace.SignedIn("审核员");
        var chair = await workspace.SignedIn("主任");
        var supervisor = await workspace.SignedIn("监委");

        var reviewed = await reviewer.PostForm($"/staff/drafts/{id}?handler=Review", [], $"/staff/drafts/{id}");
        var first = await chair.PostForm($"/staff/drafts/{id}?handler=Approve", [], $"/staff/drafts/{id}");
        var (_, queue) = await supervisor.Page("/staff/drafts");
        var last = await supervisor.PostForm($"/staff/drafts/{id}?handler=Approve", [], $"/staff/drafts/{id}");
        var (status, page) = await supervisor.Page(last.Headers.Location!.ToString());

        Assert.That((reviewed.StatusCode, first.StatusCode, last.StatusCode), Is.EqualTo((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect)));
        Assert.That(queue, Does.Contain($"#{id}</a> ★"), "the queue marks what waits for the supervisor");
        Assert.That(last.Headers.Location!.ToString(), Is.EqualTo("/staff/vouchers/2025-03/1"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page, Does.Contain("收取草场承包费").And.Contain("3,000.00").And.Contain("人民币叁仟元整"));
        foreach (var person in new[] { "会计", "审核员", "主任", "监委" }) Assert.That(page, Does.Contain($"<td>{person}</td>"));
        Assert.That(page, Does.Contain("记账").And.Contain("审批").And.Contain("审核"));
        Assert.That(workspace.Ledger.Run("verify").Code, Is.Zero);
    }

    [Test]
    public async Task An_unbalanced_voucher_comes_back_with_Cores_violation_and_nothing_is_written()
    {
        using var workspace = new Workspace();
        var accountant = await workspace.SignedIn("会计");
        var before = workspace.Ledger.Head();

        var response = await accountant.PostForm("/staff/vouchers/new?handler=Submit",
            Voucher("不平的凭证", ("10201", "100", null, null), ("50101", null, "90", null), ("9999", null, "5", null)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(html, Does.Contain("[EntryMustBalance]").And.Contain("[AccountNotFound]"));
        Assert.That(html, Does.Match(@"name=""Form.Lines\[2\].Account"" value=""9999""[^>]*>\s*<span class=""problem"">[^<]*\[AccountNotFound\]"),
            "the violation is shown next to the field it concerns");
        Assert.That(workspace.Ledger.Head(), Is.EqualTo(before));
    }

    [Test]
    public async Task With_the_rule_on_a_cash_voucher_without_attachments_comes_back_until_it_gives_a_reason_which_the_draft_shows()
    {
        using var workspace = new Workspace();
        workspace.Ledger.Ok("settings", "set", "vouchers.attachments_required", "true");
        var accountant = await workspace.SignedIn("会计");
        var form = Voucher("银行手续费", ("50101", "5", null, null), ("10201", null, "5", null));
        form["Form.Attachments"] = "0";

        var refused = await accountant.PostForm("/staff/vouchers/new?handler=Submit", form);
        var html = await refused.Content.ReadAsStringAsync();
        form["Form.AttachmentsReason"] = "银行自动扣收，无纸质单据";
        var id = await Submitted(accountant, form);
        var (_, draft) = await accountant.Page($"/staff/drafts/{id}");

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(html, Does.Match(@"name=""Form.Attachments"" value=""0""[^>]*>\s*<span class=""problem"">[^<]*\[AttachmentsRequired\]"),
            "the violation is shown next to 附件张数");
        Assert.That(html, Does.Contain("name=\"Form.AttachmentsReason\""), "the reason box is beside it");
        Assert.That(draft, Does.Contain("银行自动扣收，无纸质单据"));
    }

    [Test]
    public async Task Hostile_summaries_are_shown_as_text_everywhere()
    {
        using var workspace = new Workspace();
        const string script = "<script>alert(1)</script>";
        const string image = "\"><img src=x onerror=alert(2)>";
        var id = await Submitted(await workspace.SignedIn("会计"),
            Voucher(script, ("10201", "100", null, image), ("50101", null, "100", null)));
        var reviewer = await workspace.SignedIn("审核员");

        var pages = new[] { await reviewer.Page($"/staff/drafts/{id}"), await reviewer.Page("/staff/drafts"), await reviewer.Page("/staff") };

        foreach (var (status, html) in pages)
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Not.Contain("<script>alert").And.Not.Contain("<img src=x"));
        }
        Assert.That(pages[0].Html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.Contain("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    }

    [Test]
    public async Task Segregation_of_duties_comes_from_Core_a_preparer_cannot_approve_their_own_voucher()
    {
        using var workspace = new Workspace();
        workspace.Ledger.Ok("settings", "set", "role.accountant", "会计、财务");
        var financeLead = await workspace.SignedIn("财务");
        var id = await Submitted(financeLead, Voucher("小额支出", ("10201", "500", null, null), ("50101", null, "500", null)));
        await (await workspace.SignedIn("审核员")).PostForm($"/staff/drafts/{id}?handler=Review", [], $"/staff/drafts/{id}");

        var response = await financeLead.PostForm($"/staff/drafts/{id}?handler=Approve", [], $"/staff/drafts/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("[SelfApproval]"));
    }

    [Test]
    public async Task Steps_are_refused_to_roles_that_do_not_take_them()
    {
        using var workspace = new Workspace();
        var id = await Submitted(await workspace.SignedIn("会计"), Voucher("支出", ("10201", "500", null, null), ("50101", null, "500", null)));
        var auditor = await workspace.SignedIn("审计");
        var cashier = await workspace.SignedIn("出纳");

        var auditorEnters = await auditor.PostForm("/staff/vouchers/new?handler=Submit", Voucher("x", ThreeLines), formPage: "/staff/drafts");
        var auditorReviews = await auditor.PostForm($"/staff/drafts/{id}?handler=Review", [], $"/staff/drafts/{id}");
        var cashierApproves = await cashier.PostForm($"/staff/drafts/{id}?handler=Approve", [], $"/staff/drafts/{id}");
        var auditorReads = await auditor.Page($"/staff/drafts/{id}");

        Assert.That((auditorEnters.StatusCode, auditorReviews.StatusCode, cashierApproves.StatusCode),
            Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
        Assert.That(auditorReads.Status, Is.EqualTo(HttpStatusCode.OK), "the auditor reads everything");
    }

    [Test]
    public async Task A_voucher_search_finds_by_text_and_account()
    {
        using var workspace = new Workspace();
        workspace.Ledger.Ok("vouchers", "import", workspace.Ledger.WriteFile("v.json",
            """
            [{"ref":"A","date":"2025-02-01","summary":"收到草场承包费","lines":[{"account":"10201","debit":"100"},{"account":"50101","credit":"100"}]},
             {"ref":"B","date":"2025-02-02","summary":"收到补助","lines":[{"account":"10201","debit":"50"},{"account":"503","credit":"50"}]}]
            """));
        var auditor = await workspace.SignedIn("审计");

        var (_, byText) = await auditor.Page("/staff/vouchers?q=" + Uri.EscapeDataString("草场"));
        var (_, byAccount) = await auditor.Page("/staff/vouchers?account=503");

        Assert.That(byText, Does.Contain("收到草场承包费").And.Not.Contain("收到补助"));
        Assert.That(byAccount, Does.Contain("收到补助").And.Not.Contain("收到草场承包费"));
    }
}
