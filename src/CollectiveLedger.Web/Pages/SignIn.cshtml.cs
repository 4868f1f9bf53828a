using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages;

/// <summary>Sign-in with the user name and password (set by <c>cledger users add</c> or on the enrolment page); failures count towards lockout.</summary>
public sealed class SignInModel(Books books, Lang lang) : PageModel
{
    public string? Problem { get; private set; }
    public string UserName { get; private set; } = "";
    public string ReturnUrl { get; private set; } = "/staff";

    public void OnGet(string? returnUrl) => ReturnUrl = LocalOr(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? userName, string? password, string? returnUrl)
    {
        ReturnUrl = LocalOr(returnUrl);
        UserName = (userName ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (UserName.Length is 0 or > 100 || string.IsNullOrEmpty(password) || password.Length > Passwords.MaxLength)
        {
            Problem = lang.T("请输入用户名和密码。", "Enter your user name and password.");
            return Page();
        }
        if (PasswordSignIn.Check(books.Store, books.Options, UserName, password) == SignInOutcome.Ok)
        {
            await Passwords.SignIn(HttpContext, books.Store.Credentials.FindCredential(UserName)!);
            return LocalRedirect(ReturnUrl);
        }
        // One message for an unknown name, a wrong password and a locked account: which names
        // exist, and which are locked, is nothing a stranger at the sign-in page should learn.
        var (count, minutes) = (books.Options.LockoutThreshold, books.Options.LockoutDuration.TotalMinutes);
        Problem = lang.T($"用户名或密码不对。连续输错 {count} 次，账户会锁定 {minutes:0} 分钟；忘记密码请找管理员。",
            $"Wrong user name or password. {count} wrong passwords in a row lock the account for {minutes:0} minutes; if you forgot yours, ask the administrator.");
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    /// <summary>Only a path on this site: a sign-in link cannot send anyone elsewhere afterwards.</summary>
    private string LocalOr(string? url) => url is { Length: > 0 } && Url.IsLocalUrl(url) ? url : "/staff";
}
