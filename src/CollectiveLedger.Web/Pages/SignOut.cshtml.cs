using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages;

/// <summary>
/// Signs out (a POST with the antiforgery token, so that no other site can sign anyone out). The
/// user's session stamp is drawn anew first, so that the cookie ends on the server too, not only
/// in this browser: a copy of it, or the same user's cookie on another device, no longer signs in.
/// </summary>
public sealed class SignOutModel(Books books) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (books.User is { } user) books.Store.Credentials.EndSessions(user);
        await HttpContext.SignOutAsync();
        return Redirect("/");
    }
}
