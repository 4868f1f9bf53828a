using System.Net;
using System.Security.Cryptography;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Tests.Web;

/// <summary>Publishing a notice from the workspace, and the villagers' public page that shows it without sign-in.</summary>
public class PublicPagesTests
{
    /// <summary>
    /// A workspace whose books have one voucher in February 2025, whose accountant prepared its notice
    /// and whose supervisor approved it and accountant published it from the notices page; returns the notice's entry.
    /// </summary>
    internal static async Task<long> Published(Workspace workspace)
    {
        ImportFebruary(workspace);
        await Prepare(await workspace.SignedIn("会计"), "2025-02");
        return await ReviewAndPublish(workspace);
    }

    internal static void ImportFebruary(Workspace workspace) =>
        workspace.Ledger.Ok("vouchers", "import", workspace.Ledger.WriteFile("v.json",
            """[{"ref":"A","date":"2025-02-01","summary":"收到巴特尔草场承包费","lines":[{"account":"10201","debit":"1234.5"},{"account":"50101","credit":"1234.5","member":"M001"}]}]"""));

    /// <summary>
    /// The supervisor approves notice 1 from its row of the notices page, then the accountant publishes
    /// it from the same row; returns the entry that published it.
    /// </summary>
    private static async Task<long> ReviewAndPublish(Workspace workspace)
    {
        var supervisor = await workspace.SignedIn("监委");
        var (notice, content) = await PublishForm(supervisor, 1);
        var reviewed = await supervisor.PostForm("/staff/notices?handler=Review",
            new() { ["notice"] = notice, ["content"] = content, ["reviewed"] = "true" }, "/staff/notices");
        Assert.That(reviewed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await reviewed.Content.ReadAsStringAsync());
        var accountant = await workspace.SignedIn("会计");
        var response = await accountant.PostForm("/staff/notices?handler=Publish", new() { ["notice"] = notice, ["content"] = content }, "/staff/notices");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The accountant prepares the month's notice dated 5 March 2025 from the notices page.</summary>
    internal static async Task<HttpResponseMessage> Prepare(HttpClient accountant, string month)
    {
        var response = await accountant.PostForm("/staff/notices?handler=Prepare",
            new() { ["Scope"] = "month", ["Period"] = month, ["Date"] = "2025-03-05" }, "/staff/notices");
        return response;
    }

    /// <summary>The hidden fields of notice <paramref name="number"/>'s publish form, as the notices page shows them.</summary>
    internal static async Task<(string Notice, string Content)> PublishForm(HttpClient supervisor, int number)
    {
        var (_, page) = await supervisor.Page("/staff/notices");
        var row = page[page.IndexOf($"id=\"notice-{number}\"", StringComparison.Ordinal)..];
        var content = System.Text.RegularExpressions.Regex.Match(row, "name=\"content\" value=\"([0-9a-f]{64})\"").Groups[1].Value;
        Assert.That(content, Has.Length.EqualTo(64), "the row of the notice carries its content SHA-256");
        return (number.ToString(System.Globalization.CultureInfo.InvariantCulture), content);
    }

    [Test]
    public async Task A_post_to_a_page_that_only_shows_something_answers_405_not_an_error()
    {
        using var workspace = new Workspace();
        var seq = await Published(workspace);
        var accountant = await workspace.SignedIn("会计");

        var toNotice = await workspace.Client().PostForm($"/public/notices/{seq}", new() { ["x"] = "1" });
        var toVoucher = await accountant.PostForm("/staff/vouchers/2025-02/1", new() { ["x"] = "1" });

        Assert.That(toNotice.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(toVoucher.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task A_notice_the_command_line_published_is_one_line_on_the_public_page_with_every_format_on_its_page()
    {
        using var workspace = new Workspace();
        workspace.Ledger.Ok("vouchers", "import", workspace.Ledger.WriteFile("v.json",
            """[{"ref":"A","date":"2025-02-01","summary":"收到草场承包费","lines":[{"account":"10201","debit":"100"},{"account":"50101","credit":"100"}]}]"""));
        workspace.Ledger.PublishNotice(["--period", "2025-02"], "2025-03-05",
            [Path.Combine(workspace.Ledger.Dir, "notice.pdf"), Path.Combine(workspace.Ledger.Dir, "notice.json")], reviewer: "监委");

        var (_, page) = await workspace.Client().Page("/");
        var seq = System.Text.RegularExpressions.Regex.Match(page, "/public/notices/([0-9]+)").Groups[1].Value;
        var (_, notice) = await workspace.Client().Page($"/public/notices/{seq}");

        Assert.That(System.Text.RegularExpressions.Regex.Matches(page, "2025年2月").Count, Is.EqualTo(1), page);
        Assert.That(notice, Does.Contain($"/public/notices/{seq}/files/1").And.Contain($"/public/notices/{seq}/files/2"), "both files are kept and served");
    }

    [Test]
    public async Task The_accountant_prepares_and_previews_the_supervisor_reviews_the_accountant_publishes_and_the_entries_record_every_kept_file()
    {
        using var workspace = new Workspace();
        ImportFebruary(workspace);
        var accountant = await workspace.SignedIn("会计");
        await Prepare(accountant, "2025-02");

        var preview = await accountant.GetAsync("/staff/notices?handler=Preview&notice=1");
        var supervisor = await workspace.SignedIn("监委");
        var (notice, content) = await PublishForm(supervisor, 1);
        var reviewByAccountant = await accountant.PostForm("/staff/notices?handler=Review",
            new() { ["notice"] = notice, ["content"] = content, ["reviewed"] = "true" }, "/staff/notices");
        var publishBySupervisor = await supervisor.PostForm("/staff/notices?handler=Publish", new() { ["notice"] = notice, ["content"] = content }, "/staff/notices");
        var seq = await ReviewAndPublish(workspace);
        using var store = workspace.Ledger.Open(TestClock.Fixed);
        var published = store.Notices.PublishedNotices(seq).Single();
        var files = published.Files;
        var log = workspace.Ledger.Ok("log", "show", "--format", "json");

        Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync()), Does.Contain("财务公开榜").And.Contain("草稿，未经审核"));
        Assert.That(reviewByAccountant.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "only the supervision committee reviews");
        Assert.That(publishBySupervisor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the supervision committee does not publish");
        Assert.That(published.Actor, Is.EqualTo("会计"), "an accountant, not the reviewer, is the actor of disclosure.published");
        Assert.That(log, Does.Contain("\"kind\":\"notice.prepared\"").And.Contain("\"kind\":\"notice.reviewed\""));
        Assert.That(files.Select(f => f.Format), Is.EqualTo(new[] { "pdf", "html", "csv", "json" }));
        foreach (var f in files)
            Assert.That(Convert.ToHexStringLower(SHA256.HashData(store.Notices.NoticeFileBytes(seq, f.FileNo)!)), Is.EqualTo(f.Sha256));
        var html = System.Text.Encoding.UTF8.GetString(store.Notices.NoticeFileBytes(seq, files.Single(f => f.Format == "html").FileNo)!);
        Assert.That(WebUtility.HtmlDecode(html), Does.Contain("审核人：监委").And.Not.Contain("草稿"), "the published notice names its reviewer");
        Assert.That(workspace.Ledger.Run("verify").Code, Is.Zero);
    }

    [Test]
    public async Task A_month_whose_summary_holds_Mongolian_and_an_emoji_is_published_from_the_web_not_refused_with_an_error()
    {
        using var workspace = new Workspace();
        workspace.Ledger.Ok("vouchers", "import", workspace.Ledger.WriteFile("v.json",
            """[{"ref":"A","date":"2025-02-01","summary":"ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ 🐑 𠀀 草场承包费","lines":[{"account":"10201","debit":"100"},{"account":"50101","credit":"100"}]}]"""));
        await Prepare(await workspace.SignedIn("会计"), "2025-02");

        var seq = await ReviewAndPublish(workspace);

        using var store = workspace.Ledger.Open(TestClock.Fixed);
        var pdf = store.Notices.PublishedNotices(seq).Single().Files.Single(f => f.Format == "pdf");
        var path = Path.Combine(workspace.Ledger.Dir, "published.pdf");
        File.WriteAllBytes(path, store.Notices.NoticeFileBytes(seq, pdf.FileNo)!);
        Assert.That(Reports.PopplerTools.Text(path), Does.Contain("ᠮᠣᠩᠭᠣᠯ").And.Contain("🐑"));
    }

    [Test]
    public async Task Publishing_without_having_reviewed_other_content_than_prepared_or_a_month_not_ended_is_refused()
    {
        using var workspace = new Workspace();
        var accountant = await workspace.SignedIn("会计");
        var supervisor = await workspace.SignedIn("监委");
        var future = TestClock.Now.AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await Prepare(accountant, "2025-02");
        var (notice, content) = await PublishForm(supervisor, 1);

        var unreviewed = await accountant.PostForm("/staff/notices?handler=Publish", new() { ["notice"] = notice, ["content"] = content }, "/staff/notices");
        var notTicked = await supervisor.PostForm("/staff/notices?handler=Review", new() { ["notice"] = notice, ["content"] = content }, "/staff/notices");
        var otherContent = await supervisor.PostForm("/staff/notices?handler=Review",
            new() { ["notice"] = notice, ["content"] = new string('0', 64), ["reviewed"] = "true" }, "/staff/notices");
        var notEnded = await Prepare(accountant, future);

        Assert.That(unreviewed.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await unreviewed.Content.ReadAsStringAsync(), Does.Contain("NoticeNotReviewed"));
        Assert.That(notTicked.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), "the supervisor ticks that they read the preview");
        Assert.That(otherContent.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await otherContent.Content.ReadAsStringAsync(), Does.Contain("NoticeContentChanged"));
        Assert.That(notEnded.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await notEnded.Content.ReadAsStringAsync(), Does.Contain("PeriodNotEnded"));
        Assert.That(workspace.Ledger.Ok("log", "show", "--limit", "1000"), Does.Not.Contain("disclosure.published").And.Not.Contain("notice.reviewed"));
    }

    [Test]
    public async Task The_public_page_needs_no_sign_in_and_serves_the_notice_its_files_and_how_to_check_its_checkpoint()
    {
        using var workspace = new Workspace();
        var seq = await Published(workspace);
        var villager = workspace.Client();

        var (homeStatus, home) = await villager.Page("/");
        var (noticeStatus, notice) = await villager.Page($"/public/notices/{seq}");
        var html = await villager.GetAsync($"/public/notices/{seq}/files/2");
        var pdf = await villager.GetAsync($"/public/notices/{seq}/files/1");
        var (missing, _) = await villager.Page("/public/notices/9999");

        Assert.That(homeStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(home, Does.Contain("测试嘎查股份经济合作社").And.Contain($"/public/notices/{seq}").And.Contain("2025年2月"));
        Assert.That(noticeStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(notice, Does.Contain("collectiveledger.local/N2TEST/").And.Contain("verify --anchor").And.Contain("怎样核对"));
        Assert.That(html.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("default-src 'none'"));
        Assert.That(WebUtility.HtmlDecode(await html.Content.ReadAsStringAsync()), Does.Contain("收到巴特尔草场承包费"));
        Assert.That(pdf.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
        Assert.That((await pdf.Content.ReadAsByteArrayAsync())[..5], Is.EqualTo("%PDF-"u8.ToArray()));
        Assert.That(missing, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_kept_file_altered_in_the_database_is_refused_not_served()
    {
        using var workspace = new Workspace();
        var seq = await Published(workspace);
        using (var c = workspace.Ledger.Connect())
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = workspace.Ledger.Spoken(c, "DROP TRIGGER notice_files_no_update; UPDATE notice_files SET bytes = CAST('<h1>改过的</h1>' AS BLOB) WHERE file_no = 2");
            cmd.ExecuteNonQuery();
        }

        var html = await workspace.Client().GetAsync($"/public/notices/{seq}/files/2");

        Assert.That(html.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await html.Content.ReadAsStringAsync(), Does.Not.Contain("改过的"));
    }

    [Test]
    public async Task A_kept_file_altered_together_with_its_recorded_hash_in_the_tables_is_still_refused_the_log_entry_decides()
    {
        using var workspace = new Workspace();
        var seq = await Published(workspace);
        var forged = System.Text.Encoding.UTF8.GetBytes("<h1>改过的</h1>");
        using (var c = workspace.Ledger.Connect())
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = workspace.Ledger.Spoken(c, "DROP TRIGGER notice_files_no_update; UPDATE notice_files SET bytes = @bytes WHERE file_no = 2; " +
                "UPDATE disclosure_files SET sha256 = @sha WHERE file_no = 2");
            cmd.Parameters.AddWithValue("@bytes", forged);
            cmd.Parameters.AddWithValue("@sha", Convert.ToHexStringLower(SHA256.HashData(forged)));
            cmd.ExecuteNonQuery();
        }

        var html = await workspace.Client().GetAsync($"/public/notices/{seq}/files/2");

        Assert.That(html.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await html.Content.ReadAsStringAsync(), Does.Not.Contain("改过的"));
    }
}
