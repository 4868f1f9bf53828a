using System.Net;
using System.Security.Cryptography;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Tests.Web;

/// <summary>Publishing a notice from the workspace, and the villagers' public page that shows it without sign-in.</summary>
public class PublicPagesTests
{
    /// <summary>A workspace whose books have one voucher in February 2025 and whose supervisor published its notice; returns the notice's entry.</summary>
    internal static async Task<long> Published(Workspace workspace)
    {
        workspace.Ledger.Ok("vouchers", "import", workspace.Ledger.WriteFile("v.json",
            """[{"ref":"A","date":"2025-02-01","summary":"收到巴特尔草场承包费","lines":[{"account":"10201","debit":"1234.5"},{"account":"50101","credit":"1234.5","member":"M001"}]}]"""));
        var supervisor = await workspace.SignedIn("监委");
        var response = await supervisor.PostForm("/staff/notices?handler=Publish",
            new() { ["Scope"] = "month", ["Period"] = "2025-02", ["Date"] = "2025-03-05", ["reviewed"] = "true" }, "/staff/notices");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
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
    public async Task A_notice_the_command_line_published_format_by_format_is_one_line_on_the_public_page_with_a_link_per_format()
    {
        using var workspace = new Workspace();
        workspace.Ledger.Ok("vouchers", "import", workspace.Ledger.WriteFile("v.json",
            """[{"ref":"A","date":"2025-02-01","summary":"收到草场承包费","lines":[{"account":"10201","debit":"100"},{"account":"50101","credit":"100"}]}]"""));
        foreach (var format in new[] { "pdf", "json" })
            workspace.Ledger.Ok("disclose", "--period", "2025-02", "--date", "2025-03-05", "--format", format,
                "--out", Path.Combine(workspace.Ledger.Dir, "notice." + format));

        var (_, page) = await workspace.Client().Page("/");

        Assert.That(System.Text.RegularExpressions.Regex.Matches(page, "2025年2月").Count, Is.EqualTo(1), page);
        Assert.That(page, Does.Contain(">PDF</a>").And.Contain(">JSON</a>"));
    }

    [Test]
    public async Task The_accountant_previews_the_supervisor_publishes_and_the_entry_records_every_kept_file()
    {
        using var workspace = new Workspace();
        var accountant = await workspace.SignedIn("会计");

        var preview = await accountant.GetAsync("/staff/notices?handler=Preview&Scope=month&Period=2025-02&Date=2025-03-05");
        var byAccountant = await accountant.PostForm("/staff/notices?handler=Publish",
            new() { ["Scope"] = "month", ["Period"] = "2025-02", ["Date"] = "2025-03-05", ["reviewed"] = "true" }, "/staff/notices");
        var seq = await Published(workspace);
        using var store = LedgerStore.Open(workspace.Ledger.Db, TimeProvider.System);
        var notice = store.PublishedNotices(seq).Single();
        var files = notice.Files;

        Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync()), Does.Contain("财务公开榜"));
        Assert.That(byAccountant.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "only the supervision committee publishes");
        Assert.That(notice.Actor, Is.EqualTo("监委"), "the supervisor who reviewed it is the actor of disclosure.published");
        Assert.That(notice.Period.Scope, Is.EqualTo("month"));
        Assert.That(files.Select(f => f.Format), Is.EqualTo(new[] { "pdf", "html", "csv", "json" }));
        foreach (var f in files)
            Assert.That(Convert.ToHexStringLower(SHA256.HashData(store.NoticeFileBytes(seq, f.FileNo)!)), Is.EqualTo(f.Sha256));
        Assert.That(workspace.Ledger.Run("verify").Code, Is.Zero);
    }

    [Test]
    public async Task Publishing_without_having_reviewed_or_for_a_month_not_ended_is_refused()
    {
        using var workspace = new Workspace();
        var supervisor = await workspace.SignedIn("监委");
        var future = DateTime.UtcNow.AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var unreviewed = await supervisor.PostForm("/staff/notices?handler=Publish",
            new() { ["Scope"] = "month", ["Period"] = "2025-02", ["Date"] = "2025-03-05" }, "/staff/notices");
        var notEnded = await supervisor.PostForm("/staff/notices?handler=Publish",
            new() { ["Scope"] = "month", ["Period"] = future, ["Date"] = "2025-03-05", ["reviewed"] = "true" }, "/staff/notices");

        Assert.That(unreviewed.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(notEnded.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await notEnded.Content.ReadAsStringAsync(), Does.Contain("PeriodNotEnded"));
        Assert.That(workspace.Ledger.Ok("log", "show"), Does.Not.Contain("disclosure.published"));
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
            cmd.CommandText = "DROP TRIGGER notice_files_no_update; UPDATE notice_files SET bytes = CAST('<h1>改过的</h1>' AS BLOB) WHERE file_no = 2";
            cmd.ExecuteNonQuery();
        }

        var html = await workspace.Client().GetAsync($"/public/notices/{seq}/files/2");

        Assert.That(html.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await html.Content.ReadAsStringAsync(), Does.Not.Contain("改过的"));
    }
}
