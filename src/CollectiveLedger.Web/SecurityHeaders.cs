using Microsoft.AspNetCore.Http;

namespace CollectiveLedger.Web;

/// <summary>
/// Headers on every response: a content security policy that allows script and style only from this
/// server (no inline script anywhere), no framing, no MIME sniffing, no referrer to other sites.
/// Staff pages and their downloads (the books as CSV and PDF, the feedback queue with phone numbers)
/// are never stored by the browser or anything between: <c>Cache-Control: no-store</c>; nor are the
/// sign-in and enrolment pages (the administrator's page shows an enrolment code once: a staff page).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static Task Add(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (context.Request.Path.StartsWithSegments("/staff") || context.Request.Path.StartsWithSegments("/signin")
            || context.Request.Path.StartsWithSegments("/enrol"))
            // Set as the response starts, after whatever the page, a file result or antiforgery set.
            context.Response.OnStarting(() =>
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
                return Task.CompletedTask;
            });
        return next();
    }
}
