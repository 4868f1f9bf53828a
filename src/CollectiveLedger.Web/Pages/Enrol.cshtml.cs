using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages;

/// <summary>
/// First sign-in (首次登录): a person with an enrolment code from the administrator sets their own first
/// password. Wrong codes count towards the lockout like wrong passwords; one message for every failure
/// (unknown name, no code, wrong, used, replaced, expired or locked code, a password already set).
/// </summary>
public sealed class EnrolModel(Books books, Lang lang) : PageModel
{
    public string? Problem { get; private set; }
    public string UserName { get; private set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string? userName, string? code, string? password, string? repeat)
    {
        UserName = (userName ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (UserName.Length is 0 or > 100 || string.IsNullOrWhiteSpace(code) || code.Length > 40)
            return Refused(lang.T("请输入用户名和首次登录码。", "Enter your user name and enrolment code."), StatusCodes.Status422UnprocessableEntity);
        // The password's own rules are no secret: said before any code is checked (and not counted).
        if (Passwords.Problem(password ?? "", lang.Chinese) is { } problem) return Refused(problem, StatusCodes.Status422UnprocessableEntity);
        if (password != repeat)
            return Refused(lang.T("两次输入的密码不一样。", "The two passwords differ."), StatusCodes.Status422UnprocessableEntity);
        if (Enrolment.Enrol(books.Store, books.Options, UserName, code, password!))
        {
            await Passwords.SignIn(HttpContext, books.Store.Credentials.FindCredential(UserName)!);
            return LocalRedirect("/staff");
        }
        var (count, minutes) = (books.Options.LockoutThreshold, books.Options.LockoutDuration.TotalMinutes);
        return Refused(lang.T($"用户名或首次登录码不对，或此码已用过、已过期。连续输错 {count} 次，会锁定 {minutes:0} 分钟；请找管理员重新发放。",
            $"Wrong user name or enrolment code, or the code was used or has expired. {count} wrong codes in a row lock it for {minutes:0} minutes; ask the administrator for a new one."),
            StatusCodes.Status401Unauthorized);
    }

    private PageResult Refused(string problem, int status)
    {
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }
}
