using System.Net;

namespace CollectiveLedger.Tests.Web;

/// <summary>The public log served at /log.jsonl (audit-log.md 14): no sign-in, the same bytes as <c>log export --public</c>, no personal data.</summary>
public class PublicLogPageTests
{
    [Test]
    public async Task The_public_page_links_the_public_log_and_serves_it_without_sign_in_as_log_export_public_writes_it()
    {
        using var workspace = new Workspace();
        workspace.Ledger.Ok("members", "add", "M002", "其木格", "--head", "其木格", "--household-size", "3", "--shares", "3",
            "--id-card", "11010519491231002X", "--bank-account", "6228480012345678901", "--phone", "13800001111");
        var seq = await PublicPagesTests.Published(workspace);
        var villager = workspace.Client();
        var (_, page) = await villager.Page($"/public/notices/{seq}");
        var item = System.Text.RegularExpressions.Regex.Match(page, "<option value=\"(2025-02-01[^\"]*)\"").Groups[1].Value;
        await villager.PostForm("/feedback", new() { ["notice"] = seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["item"] = WebUtility.HtmlDecode(item), ["question"] = "这笔钱是谁交的？", ["contact"] = "139 2222 3333" }, $"/public/notices/{seq}");

        var (_, index) = await villager.Page("/");
        var response = await villager.GetAsync("/log.jsonl");
        var served = await response.Content.ReadAsByteArrayAsync();
        var exported = Path.Combine(workspace.Ledger.Dir, "public.jsonl");
        workspace.Ledger.Ok("log", "export", "--public", "--out", exported);

        Assert.That(index, Does.Contain("href=\"/log.jsonl\""));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/plain; charset=utf-8"));
        Assert.That(served, Is.EqualTo(File.ReadAllBytes(exported)));
        var text = System.Text.Encoding.UTF8.GetString(served);
        Assert.That(text, Does.Contain("\"kind\":\"feedback.received\",\"leaf\":").And.Contain("\"kind\":\"member.added\",\"leaf\":"));
        foreach (var value in new[] { "11010519491231002X", "6228480012345678901", "13800001111", "139 2222 3333", "13922223333", "其木格" })
            Assert.That(text, Does.Not.Contain(value));
    }
}
