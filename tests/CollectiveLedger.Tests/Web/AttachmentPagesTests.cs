using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CollectiveLedger.Core.Audit;
using Microsoft.Playwright;

namespace CollectiveLedger.Tests.Web;

/// <summary>
/// 原始凭证 on the staff voucher page (issue 17): the accountant takes a photo with a phone and keeps it with the
/// voucher; everyone who sees the voucher sees the photo; only an accountant adds files, all or none.
/// </summary>
public class AttachmentPagesTests
{
    private const string March = """[{"ref":"2025-03-01","date":"2025-03-05","summary":"收取草场承包费","attachments":2,"lines":[{"account":"10201","debit":"100.00"},{"account":"50101","credit":"100.00","member":"M001"}]}]""";

    private static Workspace WithVoucher()
    {
        var workspace = new Workspace();
        workspace.Ledger.Ok("vouchers", "import", workspace.Ledger.WriteFile("march.json", March));
        return workspace;
    }

    private static List<JsonElement> Attached(TestLedger ledger) =>
        [.. JsonDocument.Parse(ledger.Ok("log", "show", "--limit", "1000", "--format", "json")).RootElement.EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "attachment.added")];

    [Test]
    public async Task On_a_phone_the_accountant_keeps_a_photo_with_the_voucher_and_sees_it_there_with_its_hash_in_the_log()
    {
        using var workspace = WithVoucher();
        var photo = ReceiptPhotos.JpegWithGpsExif(40, 20);

        await Browser.Run(workspace.Options, new ViewportSize { Width = 390, Height = 844 }, async (page, url) =>
        {
            await Browser.SignIn(page, url, "会计");
            await page.ClickAsync("nav a[href='/staff/vouchers']");
            await page.ClickAsync("a[href='/staff/vouchers/2025-03/1']");
            Assert.That(await page.TextContentAsync(".attachment-count"), Does.Contain("附件 2 张，已存 0 个文件"));
            var input = page.Locator("input[type='file'][name='files']");
            Assert.That(await input.GetAttributeAsync("capture"), Is.EqualTo("environment"), "the phone offers its camera");
            Assert.That(await input.GetAttributeAsync("accept"), Is.EqualTo("image/jpeg,image/png,application/pdf"));

            // The photo the camera took, handed to the form as the phone hands it over.
            await input.SetInputFilesAsync(new FilePayload { Name = "IMG_20250305.jpg", MimeType = "image/jpeg", Buffer = photo });
            await page.ClickAsync("button.attach-files");

            Assert.That(await page.TextContentAsync(".done"), Does.Contain("已存入 1 个附件文件"));
            Assert.That(await page.TextContentAsync(".attachment-count"), Does.Contain("附件 2 张，已存 1 个文件"));
            Assert.That(await page.TextContentAsync(".attachment"), Does.Contain("IMG_20250305.jpg"));
            var image = page.Locator(".attachment img");
            await image.ScrollIntoViewIfNeededAsync();
            Assert.That(await image.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : -1"), Is.EqualTo(20), "the photo is shown, upright (20 wide, 40 high)");
            Assert.That(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), Is.True, "no sideways scroll on the phone");
            var shownHash = (await page.TextContentAsync(".attachment .sha256"))!.Replace("SHA-256", "", StringComparison.Ordinal).Trim();

            var entry = Attached(workspace.Ledger).Single();
            Assert.That(entry.GetProperty("data").GetProperty("sha256").GetString(), Is.EqualTo(shownHash), "the hash on the page is the one in the log");
            Assert.That(entry.GetProperty("actor").GetString(), Is.EqualTo("会计"));
            using var store = workspace.Ledger.Open();
            var kept = store.Attachments.File(entry.GetProperty("seq").GetInt64())!.Value.Bytes;
            Assert.That(Sha256Hex.Of(kept), Is.EqualTo(shownHash));
            Assert.That(ReceiptPhotos.Holds(kept, ReceiptPhotos.GpsLatitude), Is.False, "the GPS position did not reach the books");
        });
        Assert.That(workspace.Ledger.Run("verify").Code, Is.Zero);
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, string name, byte[] bytes, string contentType)
    {
        var token = await client.Token("/staff/vouchers/2025-03/1");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "files", name);
        return await client.PostAsync("/staff/vouchers/2025-03/1?handler=Attach", form);
    }

    [Test]
    public async Task An_auditor_sees_the_photo_but_cannot_add_one_and_a_file_that_is_no_photo_keeps_nothing()
    {
        using var workspace = WithVoucher();
        var accountant = await workspace.SignedIn("会计");
        var auditor = await workspace.SignedIn("审计");

        var refused = await Upload(accountant, "receipt.jpg", "not a photo"u8.ToArray(), "image/jpeg");
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        var kept = await Upload(accountant, "receipt.jpg", ReceiptPhotos.Jpeg(), "image/jpeg");
        var seq = Attached(workspace.Ledger).Single().GetProperty("seq").GetInt64();
        var (status, html) = await auditor.Page("/staff/vouchers/2025-03/1");
        var file = await auditor.GetAsync($"/staff/vouchers/2025-03/1?handler=file&seq={seq}");
        var byAuditor = await Upload(auditor, "other.jpg", ReceiptPhotos.Jpeg(30, 30), "image/jpeg");

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(refusedHtml, Does.Contain("[AttachmentTypeUnsupported]"));
        Assert.That(kept.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("已存 1 个文件").And.Contain($"handler=file&amp;seq={seq}").And.Not.Contain("attach-files"));
        Assert.That(file.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(file.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/jpeg"));
        Assert.That(byAuditor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(Attached(workspace.Ledger), Has.Count.EqualTo(1));
    }
}
