using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Tests.Web;

/// <summary>
/// Issue 12, finding 2: the administrator never types another person's password. A first password is
/// set on the server (cledger users add) or by the person with a one-time enrolment code; the log
/// records who created every credential (user.credential_set) and who issued every code
/// (user.enrolment_issued), and verify, verify_log.py and the entry schema accept those entries.
/// </summary>
public sealed partial class EnrolmentTests
{
    private const string NewPassword = "my-own-password-1";

    [GeneratedRegex("<strong class=\"code\">([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</strong>")]
    private static partial Regex CodePattern();

    [Test]
    public async Task The_administrator_cannot_set_another_persons_first_password_on_the_web()
    {
        using var workspace = new Workspace();
        var admin = await workspace.SignedIn("管理员");

        // What the old page did: "add a user" with a password typed by the administrator.
        var typed = await admin.PostForm("/staff/admin?handler=Password", new() { ["user"] = "新会计", ["password"] = "typed-by-the-admin" }, "/staff/admin");
        var signIn = await workspace.Client().PostForm("/signin", new() { ["userName"] = "新会计", ["password"] = "typed-by-the-admin" });

        Assert.That(typed.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await typed.Content.ReadAsStringAsync(), Does.Contain("首次登录码"));
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "no password was set for the new user");
        using var store = workspace.Ledger.Open(TestClock.Fixed);
        Assert.That(store.Credentials.FindCredential("新会计"), Is.Null);
    }

    [Test]
    public async Task No_enrolment_code_is_issued_for_someone_who_has_a_password_nor_by_anyone_but_the_administrator()
    {
        using var workspace = new Workspace();
        var admin = await workspace.SignedIn("管理员");
        var accountant = await workspace.SignedIn("会计");

        var chair = await admin.PostForm("/staff/admin?handler=Enrol", new() { ["user"] = "主任" }, "/staff/admin");
        var notAdmin = await accountant.PostAsync("/staff/admin?handler=Enrol", new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "新会计" }));

        Assert.That(chair.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await chair.Content.ReadAsStringAsync(), Does.Contain("cledger users password 主任"));
        Assert.That(notAdmin.StatusCode, Is.AnyOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest));
        Assert.That(workspace.Ledger.Ok("log", "show", "--limit", "1000", "--format", "json"), Does.Not.Contain("user.enrolment_issued"));
        using var store = workspace.Ledger.Open(TestClock.Fixed);
        Assert.That(store.Credentials.EnrolmentExpiry("主任"), Is.Null);
        Assert.That(store.Credentials.EnrolmentExpiry("新会计"), Is.Null);
    }

    [Test]
    public async Task A_code_is_shown_once_enrols_its_person_exactly_once_and_the_log_names_who_issued_it_and_who_set_the_password()
    {
        using var workspace = new Workspace();
        workspace.Ledger.Ok("settings", "set", "role.auditor", "审计、新会计"); // a role first, a password later
        var admin = await workspace.SignedIn("管理员");

        var (status, html) = await Issue(admin, "新会计");
        var code = CodePattern().Match(html).Groups[1].Value;
        var adminPageLater = await admin.GetStringAsync("/staff/admin");
        var person = workspace.Client();
        // Typed as people type it from paper: lower case, spaces instead of hyphens.
        var enrolled = await person.PostForm("/enrol", Form("新会计", code.ToLowerInvariant().Replace('-', ' '), NewPassword));
        var staff = await person.GetAsync("/staff");
        var again = await workspace.Client().PostForm("/enrol", Form("新会计", code, "another-password-2"));
        var signIn = await workspace.Client().PostForm("/signin", new() { ["userName"] = "新会计", ["password"] = NewPassword });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(code, Has.Length.EqualTo(14), html);
        Assert.That(adminPageLater, Does.Not.Contain(code), "the code is shown once");
        Assert.That(enrolled.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(staff.StatusCode, Is.EqualTo(HttpStatusCode.OK), "enrolling signs the person in");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a code is used once");
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        using (var store = workspace.Ledger.Open(TestClock.Fixed))
        {
            Assert.That(CollectiveLedger.Web.Passwords.Matches("新会计", store.Credentials.FindCredential("新会计")!.PasswordHash, NewPassword), "the second attempt changed nothing");
            Assert.That(store.Credentials.EnrolmentExpiry("新会计"), Is.Null, "the code is gone");
        }

        var log = Export(workspace.Ledger);
        var entries = Entries(log).Where(e => e.GetProperty("kind").GetString()!.StartsWith("user.", StringComparison.Ordinal)
                                              && e.GetProperty("data").GetProperty("user").GetString() == "新会计").ToList();
        // Every new entry of these kinds is salted (audit-log.md 14): 32 random hex digits, compared here by their form.
        Assert.That(entries.Select(e => e.GetProperty("data").GetProperty("salt").GetString()), Has.All.Match("^[0-9a-f]{32}$"));
        Assert.That(entries.Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("actor").GetString(),
                System.Text.RegularExpressions.Regex.Replace(e.GetProperty("data").GetRawText(), ",\"salt\":\"[0-9a-f]{32}\"", ""))),
            Is.EqualTo(new[]
            {
                ("user.enrolment_issued", "管理员", "{\"by\":\"管理员\",\"user\":\"新会计\"}"),
                ("user.credential_set", "新会计", "{\"by\":\"新会计\",\"user\":\"新会计\",\"via\":\"enrolment\"}"),
            }));
        var text = File.ReadAllText(log);
        Assert.That(text, Does.Not.Contain(code).And.Not.Contain(code.Replace("-", "", StringComparison.Ordinal)).And.Not.Contain(NewPassword).And.Not.Contain("AQAAAA"));
        Assert.That(workspace.Ledger.Run("verify").Code, Is.Zero);
        var (pythonCode, pythonOutput) = Python.Run(Path.Combine(TestLedger.RepoRoot, "schemas", "verify_log.py"), log);
        Assert.That(pythonCode, Is.Zero, pythonOutput);
        var (schemaCode, schemaOutput) = Cli.EntrySchema.Check(log);
        Assert.That(schemaCode, Is.Zero, schemaOutput);
    }

    [Test]
    public async Task Wrong_expired_replaced_and_unknown_codes_all_fail_with_one_message_and_wrong_codes_lock_like_sign_in()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestClock.Now);
        using var workspace = new Workspace(o => o with { Clock = clock, LockoutThreshold = 3, SignInPermitsPerMinute = 1000 });
        var admin = await workspace.SignedIn("管理员");
        workspace.Ledger.Ok("users", "remove", "无角色");

        var replaced = CodePattern().Match((await Issue(admin, "新会计")).Html).Groups[1].Value;
        var current = CodePattern().Match((await Issue(admin, "新会计")).Html).Groups[1].Value;
        var expiring = CodePattern().Match((await Issue(admin, "无角色")).Html).Groups[1].Value;
        var locking = CodePattern().Match((await Issue(admin, "出纳新人")).Html).Groups[1].Value;
        async Task<(HttpStatusCode, string)> Enrol(string user, string code)
        {
            var response = await workspace.Client().PostForm("/enrol", Form(user, code, NewPassword));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var failures = new List<(HttpStatusCode Status, string Html)>
        {
            await Enrol("新会计", replaced),
            await Enrol("没有此人", current),
            await Enrol("新会计", "AAAA-BBBB-CCCC"),
        };
        var withCurrent = await Enrol("新会计", current);
        for (var i = 0; i < 3; i++) failures.Add(await Enrol("出纳新人", "WRONG-CODE-000"));
        var rightWhileLocked = await Enrol("出纳新人", locking);
        clock.Advance(CollectiveLedger.Web.Enrolment.Lifetime + TimeSpan.FromMinutes(1));
        var expired = await Enrol("无角色", expiring);
        var afterLockButExpired = await Enrol("出纳新人", locking);
        failures.Add(rightWhileLocked);
        failures.Add(expired);
        failures.Add(afterLockButExpired);

        const string Message = "用户名或首次登录码不对，或此码已用过、已过期";
        Assert.That(failures.Select(f => f.Status), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(failures.Select(f => f.Html), Is.All.Contain(Message));
        Assert.That(withCurrent.Item1, Is.EqualTo(HttpStatusCode.Redirect), "the new code works after a wrong one and the replaced one were tried");
        using var store = workspace.Ledger.Open(TestClock.Fixed);
        Assert.That(store.Credentials.FindCredential("出纳新人"), Is.Null, "the right code is refused while locked, and after it expired");
        Assert.That(store.Credentials.FindCredential("无角色"), Is.Null);
        Assert.That(workspace.Ledger.Run("verify").Code, Is.Zero);
    }

    [Test]
    public async Task A_password_that_breaks_the_rules_is_refused_before_the_code_is_checked_or_counted()
    {
        using var workspace = new Workspace(o => o with { LockoutThreshold = 1 });
        var admin = await workspace.SignedIn("管理员");
        var code = CodePattern().Match((await Issue(admin, "新会计")).Html).Groups[1].Value;

        var tooShort = await workspace.Client().PostForm("/enrol", Form("新会计", code, "short"));
        var differ = await workspace.Client().PostForm("/enrol", new() { ["userName"] = "新会计", ["code"] = code, ["password"] = NewPassword, ["repeat"] = "something-else-1" });
        var right = await workspace.Client().PostForm("/enrol", Form("新会计", code, NewPassword));

        Assert.That((tooShort.StatusCode, differ.StatusCode), Is.EqualTo((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity)));
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "neither counted towards the lockout of one attempt");
    }

    [Test]
    public async Task The_enrolment_form_needs_its_antiforgery_token_and_is_rate_limited_like_sign_in()
    {
        using var workspace = new Workspace(o => o with { SignInPermitsPerMinute = 2 });
        var client = workspace.Client();
        var withoutToken = await client.PostAsync("/enrol", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["userName"] = "新会计", ["code"] = "AAAA-BBBB-CCCC", ["password"] = NewPassword, ["repeat"] = NewPassword }));
        var token = await client.Token("/enrol");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await client.PostAsync("/enrol", new FormUrlEncodedContent(Form("新会计", "AAAA-BBBB-CCCC", NewPassword).Append(new("__RequestVerificationToken", token))))).StatusCode);
        var signInPage = await workspace.Client().GetStringAsync("/signin");

        Assert.That(withoutToken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(statuses[^1], Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(signInPage, Does.Contain("href=\"/enrol\"").And.Contain("首次登录"));
    }

    [Test]
    public void Users_add_and_password_on_the_server_write_user_credential_set_via_server_by_the_actor_and_every_verifier_accepts_them()
    {
        using var ledger = TestLedger.WithBasics();
        Environment.SetEnvironmentVariable("CLEDGER_PASSWORD", "cli-password-1");
        try
        {
            ledger.OkAs("管理员", "users", "add", "乌云");
            ledger.OkAs("村会计", "users", "password", "乌云");
        }
        finally { Environment.SetEnvironmentVariable("CLEDGER_PASSWORD", null); }

        var log = Export(ledger);
        var entries = Entries(log).Where(e => e.GetProperty("kind").GetString() == "user.credential_set").ToList();
        Assert.That(entries.Select(e => e.GetProperty("data").GetProperty("salt").GetString()), Has.All.Match("^[0-9a-f]{32}$"), "salted (audit-log.md 14)");
        Assert.That(entries.Select(e => (e.GetProperty("actor").GetString(),
            System.Text.RegularExpressions.Regex.Replace(e.GetProperty("data").GetRawText(), ",\"salt\":\"[0-9a-f]{32}\"", ""))), Is.EqualTo(new[]
        {
            ("管理员", "{\"by\":\"管理员\",\"user\":\"乌云\",\"via\":\"server\"}"),
            ("村会计", "{\"by\":\"村会计\",\"user\":\"乌云\",\"via\":\"server\"}"),
        }));
        Assert.That(File.ReadAllText(log), Does.Not.Contain("cli-password-1").And.Not.Contain("AQAAAA"));
        Assert.That(ledger.Run("verify").Code, Is.Zero);
        var (pythonCode, pythonOutput) = Python.Run(Path.Combine(TestLedger.RepoRoot, "schemas", "verify_log.py"), log);
        Assert.That(pythonCode, Is.Zero, pythonOutput);
        var (schemaCode, schemaOutput) = Cli.EntrySchema.Check(log);
        Assert.That(schemaCode, Is.Zero, schemaOutput);
    }

    [Test]
    public void Verify_and_verify_log_py_refuse_an_enrolment_without_a_code_issued_and_a_credential_set_in_someone_elses_name()
    {
        foreach (var (forged, actor) in new[]
                 {
                     (new CredentialSet("主任", "主任", CredentialSet.Enrolment), "主任"),
                     (new CredentialSet("主任", "管理员", CredentialSet.Server), "出纳"),
                     (new CredentialSet("主任", "管理员", CredentialSet.Self), "管理员"),
                 })
        {
            using var ledger = TestLedger.WithBasics();
            using (var store = ledger.Open(TestClock.Fixed))
                store.Write(actor, session => session.Append(forged)); // past the rules, as a forger would write it

            var (code, _, _) = ledger.Run("verify");
            var (pythonCode, pythonOutput) = Python.Run(Path.Combine(TestLedger.RepoRoot, "schemas", "verify_log.py"), Export(ledger));

            Assert.That(code, Is.Not.Zero, forged.ToString());
            Assert.That(pythonCode, Is.Not.Zero, forged + ": " + pythonOutput);
        }
    }

    [Test]
    public async Task A_code_issued_is_used_once_in_the_books_too_a_second_enrolment_entry_does_not_verify()
    {
        using var workspace = new Workspace();
        var admin = await workspace.SignedIn("管理员");
        var code = CodePattern().Match((await Issue(admin, "新会计")).Html).Groups[1].Value;
        Assert.That((await workspace.Client().PostForm("/enrol", Form("新会计", code, NewPassword))).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(workspace.Ledger.Run("verify").Code, Is.Zero);

        using (var store = workspace.Ledger.Open(TestClock.Fixed))
            store.Write("新会计", session => session.Append(new CredentialSet("新会计", "新会计", CredentialSet.Enrolment)));

        Assert.That(workspace.Ledger.Run("verify").Code, Is.Not.Zero);
        var (pythonCode, _) = Python.Run(Path.Combine(TestLedger.RepoRoot, "schemas", "verify_log.py"), Export(workspace.Ledger));
        Assert.That(pythonCode, Is.Not.Zero);
    }

    private static async Task<(HttpStatusCode Status, string Html)> Issue(HttpClient admin, string user)
    {
        var response = await admin.PostForm("/staff/admin?handler=Enrol", new() { ["user"] = user }, "/staff/admin");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        return (response.StatusCode, html);
    }

    private static Dictionary<string, string> Form(string user, string code, string password) =>
        new() { ["userName"] = user, ["code"] = code, ["password"] = password, ["repeat"] = password };

    private static string Export(TestLedger ledger)
    {
        var log = Path.Combine(ledger.Dir, $"log-{Guid.NewGuid():N}.jsonl");
        ledger.Ok("log", "export", "--out", log);
        return log;
    }

    private static IEnumerable<JsonElement> Entries(string log) =>
        File.ReadAllLines(log).Select(line => JsonDocument.Parse(line).RootElement);

}
