using System.Collections.Concurrent;
using System.Net;
using CollectiveLedger.Storage;
using CollectiveLedger.Storage.Engines;
using Microsoft.AspNetCore.Identity;

namespace CollectiveLedger.Tests.Web;

/// <summary>Sign-in, lockout, antiforgery, security headers and the language switch, over HTTP.</summary>
public class SignInTests
{
    [Test]
    public async Task Staff_pages_send_an_anonymous_visitor_to_sign_in()
    {
        using var workspace = new Workspace();
        var client = workspace.Client();

        var response = await client.GetAsync("/staff");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.ToString(), Does.Contain("/signin?returnUrl=%2Fstaff"));
    }

    [Test]
    public async Task A_user_signs_in_sees_the_dashboard_and_signs_out()
    {
        using var workspace = new Workspace();
        var client = await workspace.SignedIn("会计");

        var (status, html) = await client.Page("/staff");
        var signedOut = await client.PostForm("/signout", [], formPage: "/staff");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("测试嘎查股份经济合作社").And.Contain("会计"));
        Assert.That(signedOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await client.GetAsync("/staff")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the cookie no longer signs in");
    }

    /// <summary>The books held by another writer past <c>CLEDGER_LOCK_TIMEOUT</c>: a worded 503, as the command line words it, and nothing written.</summary>
    [Test]
    public async Task A_sign_in_while_another_writer_holds_the_books_past_the_lock_wait_is_a_worded_busy_page()
    {
        using var workspace = new Workspace();
        var client = workspace.Client();
        var wait = Environment.GetEnvironmentVariable(LockWait.Variable);
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = Task.Run(() =>
        {
            using var store = workspace.Ledger.Open();
            store.Write("另一个会计", _ =>
            {
                holding.Set();
                release.Wait(TimeSpan.FromMinutes(2));
                return 0;
            });
        });
        HttpResponseMessage busy;
        try
        {
            Environment.SetEnvironmentVariable(LockWait.Variable, "1");
            Assert.That(holding.Wait(TimeSpan.FromMinutes(1)), Is.True, "the other writer holds the books");
            busy = await client.PostForm("/signin", new() { ["userName"] = "会计", ["password"] = "wrong-password" });
        }
        finally
        {
            Environment.SetEnvironmentVariable(LockWait.Variable, wait);
            release.Set();
            await holder;
        }
        var html = await busy.Content.ReadAsStringAsync();

        Assert.That(busy.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(html, Does.Contain("账套正忙").And.Contain("超过 1 秒").And.Not.Contain("程序内部出错"));
        using (var store = workspace.Ledger.Open())
            Assert.That(store.Credentials.FindCredential("会计")!.FailedCount, Is.Zero, "the failed attempt was not counted: nothing was written");
        Assert.That((await client.PostForm("/signin", new() { ["userName"] = "会计", ["password"] = Workspace.Password })).StatusCode,
            Is.EqualTo(HttpStatusCode.Redirect), "once the other writer is done, signing in works");
    }

    [Test]
    public async Task A_wrong_password_is_refused_and_five_in_a_row_lock_the_user_out_even_with_the_right_one()
    {
        using var workspace = new Workspace();
        var client = workspace.Client();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 5; i++)
            statuses.Add((await client.PostForm("/signin", new() { ["userName"] = "会计", ["password"] = "wrong-password" })).StatusCode);
        var right = await client.PostForm("/signin", new() { ["userName"] = "会计", ["password"] = Workspace.Password });

        var unknown = await workspace.Client().PostForm("/signin", new() { ["userName"] = "没有这个人", ["password"] = "wrong-password" });

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        // Locked, wrong or unknown: one message, so the page tells a stranger neither which names exist nor which are locked.
        var message = "用户名或密码不对。连续输错 5 次，账户会锁定 15 分钟";
        Assert.That(await right.Content.ReadAsStringAsync(), Does.Contain(message));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain(message));
        Assert.That((await workspace.Client().PostForm("/signin", new() { ["userName"] = "审计", ["password"] = Workspace.Password })).StatusCode,
            Is.EqualTo(HttpStatusCode.Redirect), "other users are not locked out");
    }

    [Test]
    public async Task Sign_in_posts_beyond_the_limit_per_minute_answer_429_however_the_path_is_spelled()
    {
        using var workspace = new Workspace(o => o with { SignInPermitsPerMinute = 2 });
        var client = workspace.Client();
        var statuses = new List<HttpStatusCode>();

        foreach (var path in new[] { "/signin", "/signin/", "/SIGNIN", "/SignIn/" })
            statuses.Add((await client.PostForm(path, new() { ["userName"] = "会计", ["password"] = "wrong-password" }, "/signin")).StatusCode);

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests }));
    }

    [Test]
    public async Task Removing_a_user_or_setting_a_new_password_ends_their_sessions_at_once()
    {
        using var workspace = new Workspace();
        var removed = await workspace.SignedIn("财务");
        var changed = await workspace.SignedIn("会计");
        var untouched = await workspace.SignedIn("审计");

        using (var store = workspace.Ledger.Open(TestClock.Fixed))
        {
            store.Credentials.RemoveCredential("财务");
            store.Credentials.SetPassword("tester", "会计", CollectiveLedger.Web.Passwords.Hash("会计", "a-new-password-1"), CollectiveLedger.Core.Ledger.CredentialSet.Server);
        }

        Assert.That((await removed.GetAsync("/staff")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "a removed user's cookie no longer signs in");
        Assert.That((await changed.GetAsync("/staff")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "a cookie issued for the old password no longer signs in");
        Assert.That((await untouched.GetAsync("/staff")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_form_posted_without_its_antiforgery_token_is_rejected()
    {
        using var workspace = new Workspace();
        var client = workspace.Client();

        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["userName"] = "会计", ["password"] = Workspace.Password }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("cledger-auth")), Is.False);
    }

    [Test]
    public async Task Every_response_carries_the_security_headers_and_the_auth_cookie_is_http_only_and_strict()
    {
        using var workspace = new Workspace();
        var client = workspace.Client();

        var page = await client.GetAsync("/signin");
        var signIn = await client.PostForm("/signin", new() { ["userName"] = "会计", ["password"] = Workspace.Password });

        Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self'").And.Contain("frame-ancestors 'none'"));
        Assert.That(page.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(page.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
        Assert.That(page.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("same-origin"));
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cledger-auth=")).ToLowerInvariant();
        Assert.That(cookie, Does.Contain("httponly").And.Contain("samesite=strict"));
    }

    [Test, Category(TestLedger.SqliteOnly)] // the books' file deleted under the running workspace
    public async Task An_internal_error_shows_a_friendly_page_without_the_exception()
    {
        using var workspace = new Workspace();
        var client = await workspace.SignedIn("会计");
        File.Delete(workspace.Ledger.Db); // the books vanish under the running workspace

        var (status, html) = await client.Page("/");
        var staff = await client.GetAsync("/staff");

        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(html, Does.Contain("出错了").And.Not.Contain("Exception").And.Not.Match(TestLedger.StackTraceLine));
        Assert.That(staff.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "books that cannot be read sign nobody in");
    }

    [Test]
    public async Task The_language_switch_turns_the_pages_to_English_and_back()
    {
        using var workspace = new Workspace();
        var client = workspace.Client();

        var switched = await client.PostForm("/lang", new() { ["to"] = "en", ["back"] = "/signin" }, formPage: "/signin");
        var (_, english) = await client.Page("/signin");
        await client.PostForm("/lang", new() { ["to"] = "zh-CN", ["back"] = "https://evil.example/" }, formPage: "/signin");
        var (_, chinese) = await client.Page("/signin");

        Assert.That(switched.Headers.Location!.ToString(), Is.EqualTo("/signin"));
        Assert.That(english, Does.Contain("Staff sign-in").And.Contain("lang=\"en\""));
        Assert.That(chinese, Does.Contain("工作人员登录"));
    }

    [Test]
    public async Task A_signed_in_person_without_any_role_gets_403()
    {
        using var workspace = new Workspace();
        var client = await workspace.SignedIn("无角色");

        var (status, html) = await client.Page("/staff");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(html, Does.Contain("没有权限"));
    }

    [Test]
    public async Task Fifty_wrong_passwords_sent_at_once_are_checked_at_most_five_times_and_lock_the_account_until_the_lock_ends()
    {
        var hasher = new CountingHasher();
        var start = TestClock.Now;
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(start);
        using var workspace = new Workspace(o => o with { Hasher = hasher, Clock = clock, SignInPermitsPerMinute = 1000 });
        var realHash = StoredCredential(workspace, "会计").PasswordHash;
        var client = workspace.Client();
        var token = await client.Token("/signin");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
            (await client.PostAsync("/signin", SignInForm(token, "会计", "wrong-password"))).StatusCode));
        var whileLocked = await workspace.Client().PostForm("/signin", new() { ["userName"] = "会计", ["password"] = Workspace.Password });
        var checkedAgainstTheRealHash = hasher.ChecksAgainst(realHash);
        var stored = StoredCredential(workspace, "会计");
        clock.Advance(workspace.Options.LockoutDuration + TimeSpan.FromSeconds(1));
        var afterTheLock = await workspace.Client().PostForm("/signin", new() { ["userName"] = "会计", ["password"] = Workspace.Password });

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(checkedAgainstTheRealHash, Is.LessThanOrEqualTo(workspace.Options.LockoutThreshold), "no more guesses are tried than the lockout allows");
        Assert.That(whileLocked.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the right password is refused while the account is locked");
        Assert.That(stored.FailedCount, Is.GreaterThanOrEqualTo(workspace.Options.LockoutThreshold));
        Assert.That(stored.LockedUntil, Is.GreaterThan(start + workspace.Options.LockoutDuration - TimeSpan.FromSeconds(1)));
        Assert.That(afterTheLock.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the lock ends after its time");
    }

    [Test]
    public async Task Every_outcome_runs_the_password_hasher_once_so_that_the_time_taken_tells_nothing()
    {
        var hasher = new CountingHasher();
        using var workspace = new Workspace(o => o with { Hasher = hasher, LockoutThreshold = 2 });
        async Task<int> Checks(string user, string password)
        {
            var client = workspace.Client();
            var token = await client.Token("/signin");
            var before = hasher.Count;
            await client.PostAsync("/signin", SignInForm(token, user, password));
            return hasher.Count - before;
        }

        var right = await Checks("会计", Workspace.Password);
        var wrong = await Checks("会计", "wrong-password");
        var unknown = await Checks("没有这个人", "wrong-password");
        var lockingWrong = await Checks("会计", "wrong-password");
        var lockedWrong = await Checks("会计", "wrong-password");
        var lockedRight = await Checks("会计", Workspace.Password);

        Assert.That(new[] { right, wrong, unknown, lockingWrong, lockedWrong, lockedRight }, Is.All.EqualTo(1));
    }

    [Test]
    public async Task A_cookie_captured_before_sign_out_is_refused_after_it()
    {
        using var workspace = new Workspace();
        var client = workspace.Client();
        var signIn = await client.PostForm("/signin", new() { ["userName"] = "会计", ["password"] = Workspace.Password });
        var captured = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CollectiveLedger.Web.WebWorkspace.AuthCookie + "=")).Split(';')[0];
        var replay = workspace.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        replay.DefaultRequestHeaders.Add("Cookie", captured);

        var before = await replay.GetAsync("/staff");
        await client.PostForm("/signout", [], formPage: "/staff");
        var after = await replay.GetAsync("/staff");

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the captured cookie signs in before sign-out");
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "and no longer after");
        Assert.That(after.Headers.Location!.ToString(), Does.Contain("/signin?returnUrl="));
    }

    [Test]
    public async Task A_request_naming_another_host_is_refused_and_redirects_never_name_a_host()
    {
        using var workspace = new Workspace();
        var client = workspace.Client();

        var evil = await client.GetAsync("http://evil.example/signin");
        var evilStaff = await client.GetAsync("http://evil.example/staff");
        var loopback = await client.GetAsync("http://127.0.0.1/signin");
        var toSignIn = await client.GetAsync("/staff");
        var signIn = await client.PostForm("/signin", new() { ["userName"] = "会计", ["password"] = Workspace.Password });
        var signOut = await client.PostForm("/signout", [], formPage: "/staff");

        Assert.That(evil.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(evilStaff.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(evilStaff.Headers.Location, Is.Null);
        Assert.That(loopback.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        foreach (var redirect in new[] { toSignIn, signIn, signOut })
        {
            Assert.That(redirect.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(redirect.Headers.Location!.IsAbsoluteUri, Is.False, redirect.Headers.Location.ToString());
            Assert.That(redirect.Headers.Location.ToString(), Does.StartWith("/").And.Not.StartWith("//"));
        }
    }

    [Test]
    public void The_hosts_answered_are_those_of_the_addresses_served()
    {
        var loopback = CollectiveLedger.Web.AllowedHosts.For(["http://127.0.0.1:5080"]);
        var named = CollectiveLedger.Web.AllowedHosts.For(["http://ledger.village.example:8080", "https://192.168.1.20"]);
        var everywhere = CollectiveLedger.Web.AllowedHosts.For(["http://0.0.0.0:5080"]);

        Assert.That(loopback, Is.EquivalentTo(new[] { "localhost", "127.0.0.1", "[::1]" }));
        Assert.That(named, Is.EquivalentTo(new[] { "ledger.village.example", "192.168.1.20" }));
        Assert.That(everywhere, Does.Contain("localhost").And.Contain(Dns.GetHostName()).And.Not.Contain("evil.example"));
    }

    private static Credential StoredCredential(Workspace workspace, string user)
    {
        using var store = workspace.Ledger.Open(TestClock.Fixed);
        return store.Credentials.FindCredential(user)!;
    }

    private static FormUrlEncodedContent SignInForm(string token, string user, string password) => new(new Dictionary<string, string>
        { ["userName"] = user, ["password"] = password, ["__RequestVerificationToken"] = token });

    /// <summary>Identity's hasher, counting each password check and the hash it was made against.</summary>
    private sealed class CountingHasher : IPasswordHasher<string>
    {
        private readonly PasswordHasher<string> _real = new();
        private readonly ConcurrentQueue<string> _checked = new();

        public int Count => _checked.Count;

        public int ChecksAgainst(string hash) => _checked.Count(h => h == hash);

        public string HashPassword(string user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(string user, string hashedPassword, string providedPassword)
        {
            _checked.Enqueue(hashedPassword);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
