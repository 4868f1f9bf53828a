using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CollectiveLedger.Web;

/// <summary>
/// The web workspace (<c>cledger serve</c>): the villagers' public page (/ and /public, no sign-in:
/// published notices and feedback) and the staff pages after sign-in under /staff, on ASP.NET Core
/// from the shared framework. Razor Pages render on the server and
/// encode every value they print. The pages are thin: each calls Core's rules through the same store
/// and the same report models as the command line.
/// </summary>
public static class WebWorkspace
{
    public const string AuthCookie = "cledger-auth";
    public const string RateLimitedPolicy = "sign-in-and-feedback";

    /// <summary>Pool threads made without waiting: the requests served at once before the pool has to grow slowly.</summary>
    private const int MinThreads = 128;

    /// <summary>The host, not yet started: Kestrel on <paramref name="urls"/> (tests swap in their own server).</summary>
    public static IHostBuilder CreateHostBuilder(WorkspaceOptions options, params string[] urls)
    {
        var bindings = urls.Length == 0 ? [WorkspaceOptions.DefaultUrl] : urls;
        // Every request reads and writes the books synchronously on a pool thread, and opening a PostgreSQL
        // connection finishes on another pool thread: with the pool grown only as fast as the runtime adds
        // threads (one or two a second), fifty sign-ins at once starved it until connections timed out. The
        // threads a burst needs are made at once instead.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, MinThreads), io);
        return new HostBuilder()
            .UseContentRoot(AppContext.BaseDirectory)
            // The host's own "failed to start" (a port in use) is thrown to the command, which says it in one line.
            .ConfigureLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None))
            .ConfigureWebHost(web => web
                .UseKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024)
                .UseUrls(bindings)
                // Razor Pages find their pages in this assembly, whichever program hosts it.
                .UseSetting(WebHostDefaults.ApplicationKey, typeof(WebWorkspace).Assembly.GetName().Name)
                .ConfigureServices(services => ConfigureServices(services, options, AllowedHosts.For(bindings)))
                .Configure(Configure));
    }

    private static void ConfigureServices(IServiceCollection services, WorkspaceOptions options, IReadOnlyList<string> allowedHosts)
    {
        services.AddSingleton(options);
        services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o =>
        {
            o.AllowedHosts = [.. allowedHosts];
            o.AllowEmptyHosts = false;
        });
        services.AddHttpContextAccessor();
        // Chinese stays Chinese in the HTML; <, >, &, quotes and everything outside the text ranges are still encoded.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<Lang>();
        services.AddScoped<Books>();
        services.AddSingleton<LogSnapshots>();
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Staff");
            o.Conventions.ConfigureFilter(new RoleFilter());
            o.Conventions.ConfigureFilter(new NoHandlerFilter());
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "cledger-af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SuppressXFrameOptionsHeader = true; // SecurityHeaders sends DENY on every response
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = AuthCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/signin";
            o.ReturnUrlParameter = "returnUrl";
            // A cookie holds only while its user still has the password and the session stamp it was
            // issued for: removing a user, setting a new password or signing out ends every session
            // at its next request, a copy of the cookie included.
            o.Events.OnValidatePrincipal = async context =>
            {
                var name = context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.Name)?.Value;
                var stamp = context.Principal?.FindFirst(Passwords.StampClaim)?.Value;
                Storage.Credential? credential = null;
                try
                {
                    if (name is not null) credential = context.HttpContext.RequestServices.GetRequiredService<Books>().Store.Credentials.FindCredential(name);
                }
                catch (Exception e) when (e is Storage.LedgerOpenException or System.Data.Common.DbException)
                {
                    // Books that cannot be read sign nobody in; the page itself reports the problem (the error page must not fail here too).
                }
                if (credential is not null && stamp == Passwords.Stamp(credential)) return;
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            };
            // The way to the sign-in page is a path, never an address built from the Host header.
            o.Events.OnRedirectToLogin = context =>
            {
                var target = new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute);
                context.Response.Redirect(target.IsAbsoluteUri ? target.PathAndQuery : context.RedirectUri);
                return Task.CompletedTask;
            };
            // A page the person's roles do not open answers 403 (shown by the status page), not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorization();
        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = options.MaxUploadBytes;
            o.ValueLengthLimit = 64 * 1024;
            o.ValueCountLimit = 1024;
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Posts of the sign-in, enrolment and feedback forms per client address and minute, and verify runs (each
            // replays the whole log) per signed-in user and minute; everything else is not limited.
            // Told apart by the page routing chose, not by the path typed: /signin/ and /SIGNIN are the same page.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("");
                var page = (context.GetEndpoint() as Microsoft.AspNetCore.Routing.RouteEndpoint)?.RoutePattern.RawText?.Trim('/') ?? "";
                var permits = page switch
                {
                    "signin" or "enrol" => options.SignInPermitsPerMinute,
                    "feedback" => options.FeedbackPermitsPerMinute,
                    "staff/verify" => options.VerifyPermitsPerMinute,
                    _ => 0,
                };
                if (permits == 0) return RateLimitPartition.GetNoLimiter("");
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "local";
                var who = page == "staff/verify" && context.User.Identity is { IsAuthenticated: true, Name: { } user } ? "user " + user : client;
                return RateLimitPartition.GetFixedWindowLimiter(page + " " + who, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
    }

    private static void Configure(WebHostBuilderContext context, IApplicationBuilder app)
    {
        // Before anything else: a request naming a host this workspace is not bound to gets 400 and nothing more.
        app.UseHostFiltering();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.Use(SecurityHeaders.Add);
        app.UseRouting();
        // After authentication, so that verify is limited per user; sign-in and feedback per address.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapRazorPages();
            Assets.Map(endpoints);
            NoticeFiles.Map(endpoints);
            TransparencyLog.Map(endpoints);
            PublicLogFile.Map(endpoints);
        });
    }

    /// <summary>Runs the workspace until the process is stopped.</summary>
    public static void Run(WorkspaceOptions options, string[] urls, TextWriter stdout, TextWriter stderr)
    {
        using var host = CreateHostBuilder(options, urls).Build();
        try
        {
            host.Start();
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException or System.Net.Sockets.SocketException)
        {
            throw new WorkspaceCannotStartException($"工作台无法启动 the workspace cannot start: {e.Message}", e);
        }
        foreach (var url in urls) stdout.WriteLine($"公开页 public page: {url}/   工作台 workspace: {url}/staff");
        stdout.WriteLine("按 Ctrl+C 停止 press Ctrl+C to stop");
        host.WaitForShutdown();
    }
}

/// <summary>The workspace could not start (its address is taken): the environment, said in one line, not a bug.</summary>
public sealed class WorkspaceCannotStartException(string message, Exception inner) : Exception(message, inner);
