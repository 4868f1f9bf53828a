using Microsoft.AspNetCore.Http;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages;

/// <summary>Sign-in with the user name and password set by <c>cledger users add</c>; failures count towards lockout.</summary>
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
        switch (PasswordSignIn.Check(books.Store, books.Options, UserName, password))
        {
            case SignInOutcome.Ok:
                var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, UserName)], CookieAuthenticationDefaults.AuthenticationScheme);
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
                return LocalRedirect(ReturnUrl);
            case SignInOutcome.LockedOut:
                Problem = lang.T($"登录失败次数过多，账户已锁定，请 {books.Options.LockoutDuration.TotalMinutes:0} 分钟后再试，或请管理员重设密码。",
                    $"Too many failed sign-ins: the account is locked; try again in {books.Options.LockoutDuration.TotalMinutes:0} minutes, or ask the administrator to reset the password.");
                break;
            default:
                Problem = lang.T("用户名或密码不对。", "Wrong user name or password.");
                break;
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    /// <summary>Only a path on this site: a sign-in link cannot send anyone elsewhere afterwards.</summary>
    private string LocalOr(string? url) => url is { Length: > 0 } && Url.IsLocalUrl(url) ? url : "/staff";
}
