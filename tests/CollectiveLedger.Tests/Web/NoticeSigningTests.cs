using System.Net;
using System.Net.Sockets;
using CollectiveLedger.Cli;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Tests.Web;

/// <summary>
/// Notices prepared from the web are signed as on the command line (issue 15): with the keys serve
/// unlocked at start (the organization's key by default), unsigned only when serve was started with
/// --unsigned; with neither, the notices page says notices cannot be signed and how to restart serve.
/// </summary>
[NonParallelizable]
public class NoticeSigningTests
{
    private const string Passphrase = "org-passphrase-1234";

    [SetUp]
    [TearDown]
    public void NoPassphrase() => Environment.SetEnvironmentVariable("CLEDGER_PASSPHRASE", null);

    [Test]
    public async Task Without_a_key_or_unsigned_the_notices_page_says_notices_cannot_be_signed_and_refuses_to_prepare()
    {
        using var workspace = new Workspace(o => o with { PublishUnsigned = false });
        PublicPagesTests.ImportFebruary(workspace);
        var accountant = await workspace.SignedIn("会计");
        var head = workspace.Ledger.Head();

        var (_, page) = await accountant.Page("/staff/notices");
        var response = await PublicPagesTests.Prepare(accountant, "2025-02");
        var answer = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.That(WebUtility.HtmlDecode(page), Does.Contain("id=\"signing-unavailable\"").And.Contain("不能准备公开榜").And.Contain("CLEDGER_PASSPHRASE").And.Contain("cledger serve --unsigned"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(answer, Does.Contain("组织的签名密钥未解锁"));
        Assert.That(workspace.Ledger.Head(), Is.EqualTo(head), "nothing prepared");
    }

    [Test]
    public async Task Started_unsigned_the_web_prepares_a_notice_whose_preview_says_it_is_unsigned()
    {
        using var workspace = new Workspace(); // as serve --unsigned
        PublicPagesTests.ImportFebruary(workspace);
        var accountant = await workspace.SignedIn("会计");

        var response = await PublicPagesTests.Prepare(accountant, "2025-02");
        var (_, page) = await accountant.Page("/staff/notices");
        var (_, preview) = await accountant.Page("/staff/notices?handler=Preview&notice=1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(page, Does.Contain("id=\"publishes-unsigned\"").And.Not.Contain("id=\"signing-unavailable\""));
        Assert.That(WebUtility.HtmlDecode(preview), Does.Contain("未签名：只能核对与账簿一致，不能证明由谁发布"));
    }

    [Test]
    public async Task With_the_organizations_key_unlocked_as_serve_does_by_default_the_web_signs_the_notice_it_prepares()
    {
        SigningKeyFile? key = null;
        using var workspace = new Workspace(o =>
        {
            // What serve does at start without --sign or --unsigned: the organization's key, made and registered as none exists yet.
            var ctx = new Context(o.Db, "tester", Language.En, TextWriter.Null, TextWriter.Null, TestClock.Fixed, Passphrase) { Village = o.Village };
            using var store = ctx.Open();
            key = OrganizationKey.Unlock(ctx, store);
            return o with { PublishUnsigned = false, Signers = [key.Signer] };
        });
        using var unlocked = key!;
        PublicPagesTests.ImportFebruary(workspace);
        var accountant = await workspace.SignedIn("会计");

        var response = await PublicPagesTests.Prepare(accountant, "2025-02");
        var (_, page) = await accountant.Page("/staff/notices");
        var (_, preview) = await accountant.Page("/staff/notices?handler=Preview&notice=1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        Assert.That(page, Does.Not.Contain("id=\"signing-unavailable\"").And.Not.Contain("id=\"publishes-unsigned\""));
        Assert.That(preview, Does.Contain("collectiveledger.local/N2TEST/").And.Not.Contain("未签名"));
        Assert.That(File.Exists(workspace.Ledger.KeyFile), Is.True);
    }

    [Test]
    public void Serve_without_a_passphrase_says_at_start_that_the_web_cannot_sign_notices()
    {
        using var ledger = TestLedger.WithBasics();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        // The port is taken so that serve stops once it has said what it would serve with.
        var (code, _, err) = ledger.RunProcessWith(new() { ["CLEDGER_PASSPHRASE"] = null }, "serve", "--urls", $"http://127.0.0.1:{port}");
        var (unsignedCode, _, unsignedErr) = ledger.RunProcessWith(new() { ["CLEDGER_PASSPHRASE"] = null }, "serve", "--unsigned", "--urls", $"http://127.0.0.1:{port}");

        Assert.That(code, Is.EqualTo(2), err);
        Assert.That(err, Does.Contain("notices cannot be prepared from the web").And.Contain("serve --unsigned").And.Contain("CLEDGER_PASSPHRASE"));
        Assert.That(unsignedCode, Is.EqualTo(2), unsignedErr);
        Assert.That(unsignedErr, Does.Not.Contain("notices cannot be prepared"));
    }
}
