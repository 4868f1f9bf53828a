using System.Text;
using Microsoft.Playwright;

namespace CollectiveLedger.Tests.Web;

/// <summary>
/// The phone page (/check) in Debian's Chromium on a 390 × 844 screen, reached as a villager reaches it:
/// from the public page's notice, by the link that carries what the QR code carries. The page checks the
/// paper's signature and a consistency proof to today's checkpoint in the browser (WebCrypto).
/// </summary>
public class PhoneCheckTests
{
    [Test]
    public async Task A_villager_sees_consistent_for_honest_books_and_the_evidence_once_history_before_the_notice_is_rewritten()
    {
        using var workspace = TransparencyLogTests.Signed(out _);
        await PublicPagesTests.Published(workspace);
        AddMarch(workspace.Ledger);

        await InBrowser(workspace, async (page, url) =>
        {
            await OpenFromTheNotice(page, url);
            var verdict = await Verdict(page);
            Assert.That(verdict, Does.StartWith("一致").And.Contain("consistent"));
            Assert.That(await page.TextContentAsync("#steps"), Does.Contain("纸上的签名有效").And.Contain("一致性证明成立"));
            await NoSidewaysScroll(page);
            var shot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "phone-check.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });
            TestContext.AddTestAttachment(shot, "the phone page: consistent");

            // Someone with the database file rewrites the February voucher on the notice and recomputes every hash after it.
            RewriteFebruary(workspace.Ledger);
            await page.ReloadAsync();

            Assert.That(await Verdict(page), Does.StartWith("不一致"));
            var evidence = await page.TextContentAsync("#evidence");
            Assert.That(evidence, Does.Contain("纸上的根").And.Contain("今天日志给出的根").And.Contain("一致性证明不成立"));
            Assert.That(await page.TextContentAsync("#steps"), Does.Contain("纸上的签名有效"), "the paper itself is genuine");
            await NoSidewaysScroll(page);
        });
    }

    [Test]
    public async Task A_signature_altered_in_the_scanned_address_is_a_signature_failure()
    {
        using var workspace = TransparencyLogTests.Signed(out _);
        await PublicPagesTests.Published(workspace);

        await InBrowser(workspace, async (page, url) =>
        {
            await OpenFromTheNotice(page, url);
            Assert.That(await Verdict(page), Does.StartWith("一致"));

            // A forged paper: the address the QR code carries, with one character of the signature changed, scanned into a new tab.
            var forged = await page.Context.NewPageAsync();
            await forged.GotoAsync(WithSignatureAltered(page.Url));

            Assert.That(await Verdict(forged), Does.StartWith("签名无效"));
            Assert.That(await forged.TextContentAsync("#steps"), Does.Contain("检查点或签名被改过"));
            await NoSidewaysScroll(forged);
        });
    }

    [Test]
    public async Task An_unsigned_notice_is_said_to_be_unsigned_and_still_checked_for_consistency()
    {
        using var workspace = new Workspace();
        await PublicPagesTests.Published(workspace);
        AddMarch(workspace.Ledger);

        await InBrowser(workspace, async (page, url) =>
        {
            await OpenFromTheNotice(page, url);

            Assert.That(await Verdict(page), Does.StartWith("一致"));
            Assert.That(await page.TextContentAsync("#steps"), Does.Contain("未签名").And.Contain("一致性证明成立"));
        });
    }

    [Test]
    public async Task Where_the_browser_offers_no_WebCrypto_the_page_says_it_cannot_check_there_Chinese_first()
    {
        using var workspace = new Workspace();
        await PublicPagesTests.Published(workspace);

        await InBrowser(workspace, async (page, url) =>
        {
            // What a browser shows a page served over plain http from an address that is not this computer's own.
            await page.Context.AddInitScriptAsync("Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined });");
            await OpenFromTheNotice(page, url);

            Assert.That(await Verdict(page), Does.StartWith("无法在此核对").And.Contain("cannot check here"));
            Assert.That(await page.TextContentAsync("#steps"), Does.Contain("https"));
        });
    }

    private static void AddMarch(TestLedger ledger) =>
        ledger.Ok("vouchers", "import", ledger.WriteFile("march.json",
            """[{"ref":"M","date":"2025-03-10","summary":"收到打草作业费","lines":[{"account":"10201","debit":"800"},{"account":"50101","credit":"800"}]}]"""));

    /// <summary>The public page, the notice, and its 用手机核对 link: what scanning the paper's QR code opens.</summary>
    private static async Task OpenFromTheNotice(IPage page, string url)
    {
        await page.GotoAsync(url + "/");
        await page.ClickAsync("ul.notices a");
        await page.ClickAsync("#check-on-phone");
        await page.WaitForURLAsync(url + "/check#**");
    }

    private static async Task<string> Verdict(IPage page)
    {
        await page.Locator("#verdict.ok, #verdict.bad").WaitForAsync();
        return (await page.TextContentAsync("#verdict"))!;
    }

    private static async Task NoSidewaysScroll(IPage page) =>
        Assert.That(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), Is.True, "no horizontal scroll at 390 px");

    private static string WithSignatureAltered(string address)
    {
        var hash = address.IndexOf('#', StringComparison.Ordinal);
        var parts = address[(hash + 1)..].Split('&');
        var note = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0].AsSpan(2)));
        var line = note.LastIndexOf(' ');
        var at = line + 20; // inside the signature bytes, past the key ID
        note = note[..at] + (note[at] == 'A' ? 'B' : 'A') + note[(at + 1)..];
        parts[0] = "n=" + System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(note));
        return address[..(hash + 1)] + string.Join('&', parts);
    }

    private static void RewriteFebruary(TestLedger ledger) =>
        CollectiveLedger.Tests.Storage.TamperHelpers.RewriteSummary(ledger, "A", "收到巴特尔草场承包费", "收到巴特尔草场承包费（改）");

    /// <summary>The workspace in Chromium on a 390 × 844 screen.</summary>
    private static Task InBrowser(Workspace workspace, Func<IPage, string, Task> act) =>
        Browser.Run(workspace.Options, new ViewportSize { Width = 390, Height = 844 }, act);
}
