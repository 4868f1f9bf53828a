using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Ledger;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Staff.Admin;

/// <summary>
/// Users, roles and ledger settings, for the administrator. A role granted or revoked is
/// <c>settings set role.X</c>: Core's <see cref="SettingRules.Set"/>, one setting.changed entry
/// with the names and nothing else, or, for who approves and supervises, a request that a committee
/// chair or supervisor approves on the approval page. The administrator changes only their own password here; a new
/// person gets a one-time enrolment code (<see cref="Enrolment"/>) and sets their first password
/// themselves. Passwords and codes are kept as hashes outside the books; the log records who created
/// every credential and who issued every code (user.credential_set, user.enrolment_issued).
/// </summary>
[Roles(Role.Administrator)]
public sealed class IndexModel(Books books, Lang lang) : PageModel
{
    public IReadOnlyList<(string Name, IReadOnlyList<Role> Roles)> Users { get; private set; } = [];
    public IReadOnlyList<(string Key, string? Value)> Settings { get; private set; } = [];
    public FieldProblems Problems { get; private set; } = new();

    public void OnGet() => Load();

    public IActionResult OnPostRole(string? user, string? role, string? grant)
    {
        if (user is null || !Roles.TryParse(role, out var r)) return BadRequest();
        var holders = ApprovalPolicy.Holders(books.State, r).ToList();
        if (grant == "1" && !holders.Contains(user)) holders.Add(user);
        if (grant != "1") holders.Remove(user);
        return Setting(r.SettingKey(), string.Join("、", holders));
    }

    public IActionResult OnPostSetting(string? key, string? value) => Setting(key ?? "", value ?? "");

    /// <summary>The enrolment code just issued, shown once in this response and never again (only its hash is kept).</summary>
    public (string User, string Code, DateTimeOffset Expires)? Issued { get; private set; }

    /// <summary>
    /// Issues a one-time enrolment code for a person who has no password (new, or removed): the
    /// administrator never types anyone else's password. A person who has one resets it on the server.
    /// </summary>
    public IActionResult OnPostEnrol(string? user)
    {
        var name = (user ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);
        var violations = new List<Core.Validation.Violation>();
        var clean = Core.Validation.TextRules.CleanName(name, Core.Validation.TextRules.NameMax, new Core.Validation.Place(Field: "user"), violations);
        if (clean is not { Length: > 0 } || violations.Count > 0 || ApprovalPolicy.SplitNames(clean) is not [var only] || only != clean)
            Problems.Add("user", lang.T("用户名为 1 至 100 个字符，不含控制字符和 、,;", "A user name has 1 to 100 characters, no control characters and no 、,;"));
        else if (clean == books.User)
            Problems.Add("user", lang.T("自己的密码在下面修改；首次登录码是发给别人的。", "Change your own password below; an enrolment code is for someone else."));
        // A new user may not read like another user or a role holder (Core's rule for every new name).
        else if (Core.Validation.TextRules.ConfusableWith(clean,
                     books.Store.Credentials.UserNames().Concat(Roles.All.SelectMany(r => ApprovalPolicy.Holders(books.State, r)))) is { } other)
            Problems.Add("user", new Core.Validation.Violation(Core.Validation.ViolationCode.NameConfusable, new Core.Validation.Place(Field: "user"), clean, other)
                .Message(lang.Language));
        if (Problems.Any) return Refused();
        var code = Enrolment.NewCode();
        var expires = books.Options.Clock.GetUtcNow() + Enrolment.Lifetime;
        // The store refuses a name that has a password, and a signed-in person who is no longer an administrator.
        var decision = books.Store.Credentials.IssueEnrolment(books.User!, clean!, Enrolment.Hash(clean!, code), expires);
        if (!decision.Accepted)
        {
            foreach (var v in decision.Violations) Problems.Add("user", v.Message(lang.Language));
            return Refused();
        }
        Issued = (clean!, Enrolment.Display(code), expires);
        Load();
        return Page();
    }

    /// <summary>
    /// The administrator's own password (user.credential_set via self). Another person's password is set
    /// only on the server (cledger users add|password) or by that person with an enrolment code: an
    /// administrator who could type it could sign in as the committee chair and approve in their name.
    /// </summary>
    public async Task<IActionResult> OnPostPassword(string? user, string? password)
    {
        if (user is { Length: > 0 } && user.Trim().Normalize(System.Text.NormalizationForm.FormC) != books.User)
            Problems.Add("user", lang.T($"这里只能改自己的密码。他人首次登录请发放首次登录码；重设他人的密码须在服务器上运行 cledger users password。",
                "Only your own password is changed here. Give someone else an enrolment code for their first sign-in; another person's password is reset on the server with cledger users password."));
        else if (Passwords.Problem(password ?? "", lang.Chinese) is { } problem) Problems.Add("password", problem);
        if (Problems.Any) return Refused();
        var me = books.User!;
        var decision = books.Store.Credentials.SetPassword(me, me, Passwords.Hash(me, password!), CredentialSet.Self);
        if (!decision.Accepted)
        {
            Problems = new FieldProblems(decision.Violations, lang.Language);
            return Refused();
        }
        // A new password ends the sessions of the old one; this one goes on with the new.
        await Passwords.SignIn(HttpContext, books.Store.Credentials.FindCredential(me)!);
        TempData["Done"] = lang.T("已修改你的密码。", "Your password is changed.");
        return Redirect("/staff/admin");
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Load();
        return Page();
    }

    private IActionResult Setting(string key, string value)
    {
        var decision = books.Store.Apply(books.User!, session => SettingRules.Set(key, value, session.State, books.User!));
        if (!decision.Accepted)
        {
            Problems = new FieldProblems(decision.Violations, lang.Language);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Load();
            return Page();
        }
        TempData["Done"] = decision.Event is RoleChangeRequested r
            ? lang.T($"已申请将 {key} 改为「{r.Value}」，待委员会主任或监督委员会成员中的另一人在“审批”页批准。",
                $"Asked to set {key} to \"{r.Value}\"; a committee chair or supervisor other than you approves it on the Approval page.")
            : lang.T($"已设置 {key}。", $"{key} set.");
        return Redirect("/staff/admin");
    }

    private void Load()
    {
        books.Refresh();
        var state = books.State;
        var names = books.Store.Credentials.UserNames().Union(Roles.All.SelectMany(r => ApprovalPolicy.Holders(state, r)), StringComparer.Ordinal).Order(StringComparer.Ordinal);
        Users = [.. names.Select(n => (n, (IReadOnlyList<Role>)[.. Roles.All.Where(r => ApprovalPolicy.Holds(state, n, r))]))];
        Settings = [.. SettingRules.Keys.Where(k => !k.StartsWith("role.", StringComparison.Ordinal)).Select(k => (k, state.Setting(k)))];
    }
}
