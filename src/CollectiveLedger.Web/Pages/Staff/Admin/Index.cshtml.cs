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
/// chair or supervisor approves on the approval page. A password is set outside the books (credentials table), as
/// <c>cledger users add|password</c> does; it never reaches the log.
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

    public async Task<IActionResult> OnPostPassword(string? user, string? password)
    {
        var name = (user ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);
        var violations = new List<Core.Validation.Violation>();
        var clean = Core.Validation.TextRules.CleanName(name, Core.Validation.TextRules.NameMax, new Core.Validation.Place(Field: "user"), violations);
        if (clean is not { Length: > 0 } || violations.Count > 0 || ApprovalPolicy.SplitNames(clean) is not [var only] || only != clean)
            Problems.Add("user", lang.T("用户名为 1 至 100 个字符，不含控制字符和 、,;", "A user name has 1 to 100 characters, no control characters and no 、,;"));
        // A new user, or the administrator's own password: another person's password is reset only on the
        // server (cledger users password), or an administrator could sign in as the committee chair
        // and approve under their name, and the books would never show it.
        else if (clean != books.User && books.Store.FindCredential(clean) is not null)
            Problems.Add("user", lang.T($"{clean} 已有密码。重设他人的密码须在服务器上运行 cledger users password {clean}。",
                $"{clean} has a password already. Another person's password is reset on the server: cledger users password {clean}."));
        // A new user may not read like another user or a role holder (Core's rule for every new name).
        else if (clean != books.User && Core.Validation.TextRules.ConfusableWith(clean,
                     books.Store.UserNames().Concat(Roles.All.SelectMany(r => ApprovalPolicy.Holders(books.State, r)))) is { } other)
            Problems.Add("user", new Core.Validation.Violation(Core.Validation.ViolationCode.NameConfusable, new Core.Validation.Place(Field: "user"), clean, other)
                .Message(lang.Language));
        else if (Passwords.Problem(password ?? "", lang.Chinese) is { } problem) Problems.Add("password", problem);
        if (Problems.Any)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Load();
            return Page();
        }
        var hash = Passwords.Hash(clean!, password!);
        books.Store.SetPasswordHash(clean!, hash);
        // A new password ends the sessions of the old one; this one goes on with the new.
        if (clean == books.User) await Passwords.SignIn(HttpContext, books.Store.FindCredential(clean!)!);
        TempData["Done"] = lang.T($"已为 {clean} 设置密码。", $"Password set for {clean}.");
        return Redirect("/staff/admin");
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
        var names = books.Store.UserNames().Union(Roles.All.SelectMany(r => ApprovalPolicy.Holders(state, r)), StringComparer.Ordinal).Order(StringComparer.Ordinal);
        Users = [.. names.Select(n => (n, (IReadOnlyList<Role>)[.. Roles.All.Where(r => ApprovalPolicy.Holds(state, n, r))]))];
        Settings = [.. SettingRules.Keys.Where(k => !k.StartsWith("role.", StringComparison.Ordinal)).Select(k => (k, state.Setting(k)))];
    }
}
