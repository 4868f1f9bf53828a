using System.Net;
using CollectiveLedger.Storage;
using Microsoft.Data.Sqlite;

namespace CollectiveLedger.Tests.Web;

/// <summary>Every staff page's role check, the reports, verify, and the users and settings page, over HTTP.</summary>
public class StaffPagesTests
{
    private static readonly string[] Everyone = ["会计", "审核员", "财务", "主任", "监委", "出纳", "审计", "管理员"];

    private static readonly (string Page, string[] Allowed)[] Pages =
    [
        ("/staff", Everyone),
        ("/staff/vouchers/new", ["会计"]),
        ("/staff/drafts", Everyone),
        ("/staff/vouchers", Everyone),
        ("/staff/reports", Everyone),
        ("/staff/verify", Everyone),
        ("/staff/admin", ["管理员"]),
        ("/staff/bank", ["会计", "监委", "审计"]),
    ];

    [Test]
    public async Task Each_staff_page_opens_for_its_roles_only_and_never_for_someone_without_a_role()
    {
        using var workspace = new Workspace();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var person in Everyone.Append("无角色")) clients[person] = await workspace.SignedIn(person);
        var anonymous = workspace.Client();

        foreach (var (page, allowed) in Pages)
        {
            Assert.That((await anonymous.GetAsync(page)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"{page} anonymous");
            foreach (var (person, client) in clients)
                Assert.That((await client.GetAsync(page)).StatusCode, Is.EqualTo(allowed.Contains(person) ? HttpStatusCode.OK : HttpStatusCode.Forbidden),
                    $"{page} as {person}");
        }
    }

    [Test]
    public async Task The_trial_balance_shows_the_books_and_downloads_as_the_same_CSV_as_the_command_line_and_as_PDF()
    {
        using var workspace = new Workspace();
        workspace.Ledger.Ok("vouchers", "import", workspace.Ledger.WriteFile("v.json",
            """[{"ref":"A","date":"2025-02-01","summary":"收到承包费","lines":[{"account":"10201","debit":"1234.5"},{"account":"50101","credit":"1234.5"}]}]"""));
        var auditor = await workspace.SignedIn("审计");

        var (_, html) = await auditor.Page("/staff/reports?which=trial-balance&from=2025-02&to=2025-02");
        var csv = await auditor.GetByteArrayAsync("/staff/reports?which=trial-balance&from=2025-02&to=2025-02&format=csv");
        var pdf = await auditor.GetAsync("/staff/reports?which=trial-balance&from=2025-02&to=2025-02&format=pdf");
        var (_, ledger) = await auditor.Page("/staff/reports?which=ledger&from=2025-02&to=2025-02&account=10201");

        Assert.That(html, Does.Contain("1,234.50").And.Contain("信用社基本户"));
        Assert.That(csv[..3], Is.EqualTo(System.Text.Encoding.UTF8.Preamble.ToArray()), "with the BOM Chinese spreadsheet programs need");
        Assert.That(System.Text.Encoding.UTF8.GetString(csv[3..]), Is.EqualTo(workspace.Ledger.Ok("report", "trial-balance", "--period", "2025-02", "--format", "csv")));
        Assert.That(pdf.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
        Assert.That((await pdf.Content.ReadAsByteArrayAsync())[..5], Is.EqualTo("%PDF-"u8.ToArray()));
        Assert.That(ledger, Does.Contain("收到承包费"));
    }

    [Test]
    public async Task The_trial_balance_downloads_as_an_Excel_workbook_with_the_same_numbers_as_the_command_lines()
    {
        using var workspace = new Workspace();
        workspace.Ledger.Ok("vouchers", "import", workspace.Ledger.WriteFile("v.json",
            """[{"ref":"A","date":"2025-02-01","summary":"收到承包费","lines":[{"account":"10201","debit":"1234.5"},{"account":"50101","credit":"1234.5"}]}]"""));
        var auditor = await workspace.SignedIn("审计");
        var cli = Path.Combine(workspace.Ledger.Dir, "tb.xlsx");
        workspace.Ledger.Ok("report", "trial-balance", "--period", "2025-02", "--format", "xlsx", "--out", cli);

        var response = await auditor.GetAsync("/staff/reports?which=trial-balance&from=2025-02&to=2025-02&format=xlsx");

        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        var web = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var command = MiniExcelLibs.MiniExcel.Query(cli, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.That(web.Select(r => r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))),
            Is.EqualTo(command.Select(r => r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))));
        Assert.That(web.Any(r => Convert.ToDecimal(r["本期借方 period Dr"], System.Globalization.CultureInfo.InvariantCulture) == 1234.50m));
    }

    [Test]
    public async Task The_report_notes_show_in_the_workspace_and_download_as_the_same_CSV_as_the_command_line()
    {
        using var workspace = new Workspace();
        var auditor = await workspace.SignedIn("审计");

        var (_, html) = await auditor.Page("/staff/reports?which=notes&from=2025-12&to=2025-12");
        var csv = await auditor.GetByteArrayAsync("/staff/reports?which=notes&from=2025-12&to=2025-12&format=csv");

        Assert.That(html, Does.Contain("会计报表附注").And.Contain("财会〔2023〕14号"));
        Assert.That(System.Text.Encoding.UTF8.GetString(csv[3..]), Is.EqualTo(workspace.Ledger.Ok("report", "notes", "--year", "2025", "--format", "csv")));
    }

    [Test]
    public async Task A_long_journal_and_account_ledger_are_shown_a_page_at_a_time_and_the_ledger_carries_its_balance_from_page_to_page()
    {
        using var workspace = new Workspace();
        var vouchers = Enumerable.Range(1, 600).Select(i =>
            $$"""{"ref":"R{{i}}","date":"2025-02-{{1 + i % 28:D2}}","summary":"第{{i}}笔","lines":[{"account":"10201","debit":"1.00"},{"account":"50101","credit":"1.00"}]}""");
        workspace.Ledger.Ok("vouchers", "import", workspace.Ledger.WriteFile("v.json", "[" + string.Join(",", vouchers) + "]"));
        var auditor = await workspace.SignedIn("审计");
        const string ledger = "/staff/reports?which=ledger&from=2025-02&to=2025-02&account=10201";
        const string journal = "/staff/reports?which=journal&from=2025-02&to=2025-02";

        var (_, first) = await auditor.Page(ledger);
        var (_, second) = await auditor.Page(ledger + "&p=2");
        var (_, journalFirst) = await auditor.Page(journal);
        var (_, journalLast) = await auditor.Page(journal + "&p=3");
        var csv = await auditor.GetStringAsync(ledger + "&format=csv");

        int Rows(string html) => System.Text.RegularExpressions.Regex.Matches(html, "<tr>").Count - 1;
        Assert.That(Rows(first), Is.EqualTo(502), "brought forward, 500 lines, carried to the next page");
        Assert.That(first, Does.Contain("过次页").And.Contain("借 500.00").And.Not.Contain("本期合计").And.Contain("p=2"));
        Assert.That(second, Does.Contain("承前页").And.Contain("本期合计").And.Contain("借 600.00").And.Not.Contain("过次页"));
        Assert.That(Rows(journalFirst), Is.EqualTo(500), "250 vouchers of two lines");
        Assert.That(journalFirst, Does.Contain("p=2"));
        Assert.That(Rows(journalLast), Is.EqualTo(200), "the last 100 vouchers");
        Assert.That(journalLast, Does.Not.Contain("下一页"));
        Assert.That(csv.Split('\n').Count(l => l.Contains("第")), Is.EqualTo(600), "the download holds every line");
    }

    [Test]
    public async Task Report_PDFs_use_the_font_the_workspace_was_given_and_without_one_say_what_to_install()
    {
        using var workspace = new Workspace(o => o with { FontPath = null });
        var auditor = await workspace.SignedIn("审计");

        var (status, html) = await auditor.Page("/staff/reports?which=trial-balance&from=2025-02&to=2025-02&format=pdf");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("fonts-wqy-microhei"));
    }

    [Test]
    public async Task Verify_runs_from_the_page_is_recorded_for_the_dashboard_and_names_a_tampered_row()
    {
        using var workspace = new Workspace();
        workspace.Ledger.Ok("vouchers", "import", workspace.Ledger.WriteFile("v.json",
            """[{"ref":"A","date":"2025-02-01","summary":"收到承包费","lines":[{"account":"10201","debit":"100"},{"account":"50101","credit":"100"}]}]"""));
        var auditor = await workspace.SignedIn("审计");

        var passed = await (await auditor.PostForm("/staff/verify", new() { ["checkpoint"] = "" })).Content.ReadAsStringAsync();
        var (_, dashboard) = await auditor.Page("/staff");
        using (var c = workspace.Ledger.Connect())
        using (var cmd = c.CreateCommand())
        {
            // Someone editing the file behind the program's back removes the guard trigger first.
            cmd.CommandText = workspace.Ledger.Spoken(c, "DROP TRIGGER voucher_lines_no_update; UPDATE voucher_lines SET debit_fen = 10100 WHERE account = '10201'");
            cmd.ExecuteNonQuery();
        }
        var failed = await (await auditor.PostForm("/staff/verify", new() { ["checkpoint"] = "" })).Content.ReadAsStringAsync();
        var garbage = await auditor.PostForm("/staff/verify", new() { ["checkpoint"] = "not a checkpoint <b>" });

        Assert.That(passed, Does.Contain("校验通过"));
        Assert.That(dashboard, Does.Contain("通过").And.Contain("审计"));
        Assert.That(failed, Does.Contain("发现问题").And.Contain("voucher_lines"));
        Assert.That(garbage.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await garbage.Content.ReadAsStringAsync(), Does.Contain("not a checkpoint &lt;b&gt;"));
    }

    [Test]
    public async Task The_verify_page_shows_integrity_and_reconciliation_as_two_sections_like_the_command_line()
    {
        using var workspace = new Workspace();
        workspace.Ledger.Ok("accounts", "add", "15104", "机械", "--parent", "151");
        workspace.Ledger.Ok("accounts", "add", "51305", "折旧费", "--parent", "513");
        workspace.Ledger.Ok("vouchers", "import", workspace.Ledger.WriteFile("o.json", """
            [{"ref":"O","date":"2025-01-01","kind":"opening","summary":"期初余额","lines":[{"account":"15104","debit":"8000.00"},{"account":"301","credit":"8000.00"}]}]
            """));
        // The register takes over only part of 151: the books need an accountant, nobody tampered with them.
        workspace.Ledger.Ok("assets", "add", "OLD1", "旧拖拉机", "--category", "machinery", "--account", "15104", "--acquired", "2020-01-10", "--cost", "5000",
            "--life-months", "120", "--expense-account", "51305");
        var auditor = await workspace.SignedIn("审计");

        var reconciliation = await (await auditor.PostForm("/staff/verify", new() { ["checkpoint"] = "" })).Content.ReadAsStringAsync();
        workspace.Ledger.Sql("DROP TRIGGER voucher_lines_no_update; UPDATE voucher_lines SET debit_fen = 900000 WHERE account = '15104'");
        var both = await (await auditor.PostForm("/staff/verify", new() { ["checkpoint"] = "" })).Content.ReadAsStringAsync();

        Assert.That(reconciliation, Does.Contain("发现问题：对账"));
        Assert.That(reconciliation, Does.Match("""<section id="verify-integrity">\s*<h3 class="ok">完整性 integrity[^<]*: 通过 OK</h3>\s*</section>"""));
        Assert.That(reconciliation, Does.Match("""<section id="verify-reconciliation">\s*<h3 class="bad">对账 reconciliation[^<]*发现 1 个问题[^<]*</h3>\s*<pre class="checkpoint">\s*\[register\][^<]*151"""));
        Assert.That(reconciliation.IndexOf("verify-integrity", StringComparison.Ordinal), Is.LessThan(reconciliation.IndexOf("verify-reconciliation", StringComparison.Ordinal)));
        Assert.That(both, Does.Contain("发现问题：完整性"));
        Assert.That(both, Does.Match("""<section id="verify-integrity">\s*<h3 class="bad">完整性 integrity[^<]*</h3>\s*<pre class="checkpoint">[^<]*voucher_lines"""));
        Assert.That(both, Does.Match("""<section id="verify-reconciliation">\s*<h3 class="bad">"""));
    }

    [Test]
    public async Task The_administrator_grants_and_revokes_roles_as_audit_entries_without_any_secret_and_changes_only_their_own_password()
    {
        using var workspace = new Workspace();
        var admin = await workspace.SignedIn("管理员");

        var granted = await admin.PostForm("/staff/admin?handler=Role", new() { ["user"] = "审计", ["role"] = "supervisor", ["grant"] = "1" }, "/staff/admin");
        var revoked = await admin.PostForm("/staff/admin?handler=Role", new() { ["user"] = "会计", ["role"] = "accountant", ["grant"] = "0" }, "/staff/admin");
        var takeover = await admin.PostForm("/staff/admin?handler=Password", new() { ["user"] = "主任", ["password"] = "chair-taken-over" }, "/staff/admin");
        var own = await admin.PostForm("/staff/admin?handler=Password", new() { ["user"] = "管理员", ["password"] = "admin-new-password" }, "/staff/admin");
        var afterOwn = await admin.GetAsync("/staff/admin");
        var accountantNow = await (await workspace.SignedIn("会计")).GetAsync("/staff/vouchers/new");

        Assert.That((granted.StatusCode, revoked.StatusCode, own.StatusCode), Is.EqualTo((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect)));
        Assert.That(afterOwn.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the session that set its own new password goes on");
        Assert.That(takeover.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), "another person's password is reset only on the server");
        Assert.That(await takeover.Content.ReadAsStringAsync(), Does.Contain("cledger users password"));
        Assert.That((await workspace.Client().PostForm("/signin", new() { ["userName"] = "主任", ["password"] = Workspace.Password })).StatusCode,
            Is.EqualTo(HttpStatusCode.Redirect), "the committee chair's password is unchanged");
        Assert.That((await workspace.Client().PostForm("/signin", new() { ["userName"] = "管理员", ["password"] = "admin-new-password" })).StatusCode,
            Is.EqualTo(HttpStatusCode.Redirect));
        workspace.Ledger.Ok("log", "export", "--out", Path.Combine(workspace.Ledger.Dir, "log.jsonl"));
        var exported = File.ReadAllText(Path.Combine(workspace.Ledger.Dir, "log.jsonl"));
        Assert.That(exported, Does.Contain("\"key\":\"role.supervisor\",\"value\":\"监委、审计\"").And.Contain("\"key\":\"role.accountant\",\"value\":\"\""));
        Assert.That(exported, Does.Match("\"data\":\\{\"by\":\"管理员\",\"salt\":\"[0-9a-f]{32}\",\"user\":\"管理员\",\"via\":\"self\"\\},\"kind\":\"user.credential_set\""),
            "the log says the administrator set their own password (salted, audit-log.md 14)");
        Assert.That(exported, Does.Not.Contain("AQAAAA").And.Not.Contain("admin-new-password").And.Not.Contain("chair-taken-over"));
        Assert.That(exported, Does.Not.Match("\\{\"by\":\"管理员\"(,\"salt\":\"[0-9a-f]{32}\")?,\"user\":\"主任\""), "the administrator set no credential for the committee chair");
        Assert.That(accountantNow.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a revoked role closes the page at once");
        Assert.That(workspace.Ledger.Run("verify").Code, Is.Zero);
    }

    [Test, Category(TestLedger.SqliteOnly)] // lists the tables from sqlite_schema; PostgresSchemaTests holds PostgreSQL's tables to SQLite's
    public void Every_table_is_either_the_log_a_projection_verify_compares_or_explicitly_outside_the_books()
    {
        using var ledger = TestLedger.WithBasics();
        using var c = ledger.Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        var tables = new List<string>();
        using (var reader = cmd.ExecuteReader()) while (reader.Read()) tables.Add(reader.GetString(0));

        var known = Table.All.Select(t => t.Name).Concat(Table.OutsideTheBooks).Concat(Table.Files).Append("audit_log").ToHashSet();

        Assert.That(tables.Where(t => !known.Contains(t)), Is.Empty);
        Assert.That(Table.OutsideTheBooks, Is.EquivalentTo(new[] { "credentials", "verify_runs", "notice_files", "enrolment_codes", "witness_cosignatures" }));
        Assert.That(Table.Files, Is.EquivalentTo(new[] { "attachment_files" }), "the books' files, held by verify to their entries' hashes");
    }

    [Test]
    public void Users_are_added_from_the_command_line_with_a_hashed_password_and_verify_ignores_the_credentials()
    {
        using var ledger = TestLedger.WithBasics();
        Environment.SetEnvironmentVariable("CLEDGER_PASSWORD", "cli-password-1");
        try
        {
            ledger.Ok("users", "add", "乌云");
            Assert.That(ledger.Run("users", "add", "乌云").Code, Is.EqualTo(1), "a user is added once");
        }
        finally { Environment.SetEnvironmentVariable("CLEDGER_PASSWORD", null); }
        ledger.Ok("settings", "set", "role.accountant", "乌云");

        using var store = ledger.Open(TestClock.Fixed);
        var credential = store.Credentials.FindCredential("乌云")!;
        Assert.That(credential.PasswordHash, Does.Not.Contain("cli-password-1"));
        Assert.That(CollectiveLedger.Web.Passwords.Matches("乌云", credential.PasswordHash, "cli-password-1"));
        var listed = System.Text.Json.JsonDocument.Parse(ledger.Ok("users", "list", "--format", "json")).RootElement[0];
        Assert.That((listed.GetProperty("user").GetString(), listed.GetProperty("roles")[0].GetString()), Is.EqualTo(("乌云", "accountant")));
        var entries = ledger.Ok("log", "show", "--format", "json");
        Assert.That(entries, Does.Contain("user.credential_set").And.Not.Contain("cli-password-1").And.Not.Contain(credential.PasswordHash));
        Assert.That(ledger.Run("verify").Code, Is.Zero);
    }

    [Test]
    public async Task Staff_pages_and_downloads_tell_the_browser_not_to_store_them()
    {
        using var workspace = new Workspace();
        var auditor = await workspace.SignedIn("审计");

        var responses = new[]
        {
            await auditor.GetAsync("/staff"),
            await auditor.GetAsync("/staff/reports?which=trial-balance&from=2025-02&to=2025-02&format=csv"),
            await auditor.GetAsync("/staff/reports?which=trial-balance&from=2025-02&to=2025-02&format=pdf"),
            await auditor.GetAsync("/staff/verify"),
        };

        foreach (var response in responses)
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, response.RequestMessage!.RequestUri!.ToString());
    }

    [Test]
    public async Task Verify_runs_beyond_the_limit_per_user_and_minute_answer_429_and_other_users_still_run_it()
    {
        using var workspace = new Workspace(o => o with { VerifyPermitsPerMinute = 2 });
        var auditor = await workspace.SignedIn("审计");
        var accountant = await workspace.SignedIn("会计");
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 3; i++)
            statuses.Add((await auditor.PostForm("/staff/verify", new() { ["checkpoint"] = "" })).StatusCode);
        var other = await accountant.PostForm("/staff/verify", new() { ["checkpoint"] = "" });

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_administrator_cannot_add_a_user_whose_name_hides_a_character_or_reads_like_a_role_holder()
    {
        using var workspace = new Workspace();
        var admin = await workspace.SignedIn("管理员");

        var hidden = await admin.PostForm("/staff/admin?handler=Enrol", new() { ["user"] = "主\u200B任" }, "/staff/admin");
        var lookalike = await admin.PostForm("/staff/admin?handler=Enrol", new() { ["user"] = "主 任" }, "/staff/admin");
        var grant = await admin.PostForm("/staff/admin?handler=Setting", new() { ["key"] = "role.supervisor", ["value"] = "监委、主 任" }, "/staff/admin");

        Assert.That(hidden.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.UnprocessableEntity));
        Assert.That(lookalike.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.UnprocessableEntity));
        Assert.That(await lookalike.Content.ReadAsStringAsync(), Does.Contain("主任"));
        Assert.That(grant.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.UnprocessableEntity), "a role holder that reads like another is refused too");
        using var store = workspace.Ledger.Open(TestClock.Fixed);
        Assert.That(store.Credentials.UserNames().Any(n => n.Contains('\u200B', StringComparison.Ordinal) || n == "主 任"), Is.False, "no such user was added");
        Assert.That(store.Credentials.EnrolmentExpiry("主 任") ?? store.Credentials.EnrolmentExpiry("主\u200B任"), Is.Null, "and no code issued for one");
    }
}
