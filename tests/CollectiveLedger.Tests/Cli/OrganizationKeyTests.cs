using System.Net;
using System.Text;
using System.Text.Json;
using CollectiveLedger.Tests.Reports;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// Publishing signs by default (issue 15): the organization's key beside the books (ledger.db.key),
/// made by init or by the first notice when a passphrase is at hand, signs every checkpoint put on
/// paper; --unsigned publishes unsigned, and the paper says so; with neither a passphrase nor
/// --unsigned the command stops and records nothing.
/// </summary>
[NonParallelizable]
public class OrganizationKeyTests
{
    private const string Passphrase = "org-passphrase-1234";

    /// <summary>What an unsigned notice states in its checkpoint block, as PdfText reads it (white space removed).</summary>
    private const string UnsignedZh = "未签名：只能核对与账簿一致，不能证明由谁发布";
    private const string UnsignedEn = "unsigned:canbecheckedagainstthebooks,doesnotprovewhoissuedit";

    [SetUp]
    [TearDown]
    public void NoPassphrase() => Environment.SetEnvironmentVariable("CLEDGER_PASSPHRASE", null);

    private static void GivePassphrase() => Environment.SetEnvironmentVariable("CLEDGER_PASSPHRASE", Passphrase);

    private static string[] Init(bool key) =>
        ["init", "--org", "测试嘎查股份经济合作社", "--org-code", "N2TEST", "--start", "2025-01", "--attachments-required", "false", .. key ? Array.Empty<string>() : ["--no-key"]];

    /// <summary>Books with one voucher in March 2025, made by init with or without the organization's key.</summary>
    private static TestLedger March(bool keyAtInit = false)
    {
        var ledger = new TestLedger();
        ledger.Ok(Init(keyAtInit));
        ledger.Ok("accounts", "add", "10201", "信用社基本户", "--parent", "102");
        ledger.Ok("accounts", "add", "50101", "草场承包费", "--parent", "501");
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json",
            """[{"ref":"A","date":"2025-03-02","summary":"收取草场承包费","lines":[{"account":"10201","debit":"12000.00"},{"account":"50101","credit":"12000.00"}]}]"""));
        return ledger;
    }

    private static string KeyFile(TestLedger ledger) => ledger.KeyFile;

    /// <summary>The books' checkpoint origin, which names the organization's key.</summary>
    private static string Origin(TestLedger ledger) => ledger.Ok("checkpoint").Split('\n')[0];

    private static JsonElement Keys(TestLedger ledger) => JsonDocument.Parse(ledger.Ok("keys", "list", "--format", "json")).RootElement;

    private static JsonElement Verify(TestLedger ledger, string note)
    {
        var (code, stdout, stderr) = ledger.Run("verify", "--checkpoint", ledger.WriteFile("checkpoint.txt", note), "--format", "json");
        Assert.That(code, Is.Zero, stderr);
        return JsonDocument.Parse(stdout).RootElement.GetProperty("checkpoints")[0];
    }

    [Test]
    public void Init_with_a_passphrase_creates_and_registers_the_organizations_key_beside_the_books_and_shows_its_fingerprint()
    {
        using var ledger = new TestLedger();
        GivePassphrase();

        var said = ledger.Ok(Init(key: true));

        var keys = Keys(ledger);
        Assert.That(keys.GetArrayLength(), Is.EqualTo(1));
        Assert.That(keys[0].GetProperty("name").GetString(), Is.EqualTo(Origin(ledger)).And.StartWith("collectiveledger.local/N2TEST/"));
        Assert.That(said, Does.Contain(keys[0].GetProperty("fingerprint").GetString()).And.Contain(KeyFile(ledger)));
        Assert.That(File.ReadAllText(KeyFile(ledger)), Does.Contain("ENCRYPTED PRIVATE KEY").And.Not.Contain(Passphrase));
        if (!OperatingSystem.IsWindows()) Assert.That(File.GetUnixFileMode(KeyFile(ledger)), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(ledger.Run("verify").Code, Is.Zero);
    }

    [Test]
    public void Init_without_a_passphrase_makes_no_key_and_says_the_first_notice_will()
    {
        using var ledger = new TestLedger();

        var said = ledger.Ok(Init(key: true));

        Assert.That(File.Exists(KeyFile(ledger)), Is.False);
        Assert.That(Keys(ledger).GetArrayLength(), Is.Zero);
        Assert.That(said, Does.Contain("the first notice creates it"));
    }

    [Test]
    public void Init_with_a_passphrase_too_short_for_the_key_makes_the_ledger_and_says_why_it_made_no_key()
    {
        using var ledger = new TestLedger();
        Environment.SetEnvironmentVariable("CLEDGER_PASSPHRASE", "short");

        var (code, stdout, err) = ledger.Run(Init(key: true));

        Assert.That(code, Is.Zero, err);
        Assert.That(err, Does.Contain("at least 8 characters"));
        Assert.That(stdout, Does.Contain("the first notice creates it"));
        Assert.That(File.Exists(KeyFile(ledger)), Is.False);
        Assert.That(Keys(ledger).GetArrayLength(), Is.Zero);
    }

    [Test]
    public void Init_refuses_to_adopt_a_key_file_left_beside_a_new_ledger()
    {
        using var ledger = new TestLedger();
        File.WriteAllText(KeyFile(ledger), "someone else's key\n");
        GivePassphrase();

        var (code, _, err) = ledger.Run(Init(key: true));

        Assert.That(code, Is.EqualTo(2));
        Assert.That(err, Does.Contain("already exists").And.Contain("--no-key"));
        Assert.That(ledger.HasBooks, Is.False, "nothing made");
        Assert.That(File.ReadAllText(KeyFile(ledger)), Is.EqualTo("someone else's key\n"));
    }

    [Test]
    public void The_first_notice_creates_and_registers_the_key_signs_with_it_and_verify_finds_the_paper_consistent_and_signed()
    {
        using var ledger = March();
        ledger.Set(("role.supervisor", TestLedger.Supervisor));
        GivePassphrase();

        var prepared = ledger.Ok("notices", "prepare", "--period", "2025-03", "--date", "2025-04-03");
        ledger.OkAs(TestLedger.Supervisor, "notices", "review", "1");
        var json = Path.Combine(ledger.Dir, "n.json");
        var pdf = Path.Combine(ledger.Dir, "n.pdf");
        ledger.Ok("notices", "publish", "1", "--out", json, "--out", pdf);

        var key = Keys(ledger)[0];
        Assert.That(key.GetProperty("name").GetString(), Is.EqualTo(Origin(ledger)));
        Assert.That(prepared, Does.Contain("generated signing key").And.Contain(key.GetProperty("fingerprint").GetString()));
        var verification = JsonDocument.Parse(File.ReadAllBytes(json)).RootElement.GetProperty("verification");
        Assert.That(verification.GetProperty("signed").GetBoolean(), Is.True);
        Assert.That(verification.GetProperty("keys")[0].GetProperty("fingerprint").GetString(), Is.EqualTo(key.GetProperty("fingerprint").GetString()));
        var text = string.Concat(PdfText.Pages(File.ReadAllBytes(pdf)));
        Assert.That(text, Does.Contain(PdfText.Squeeze(key.GetProperty("fingerprint").GetString()!)).And.Not.Contain(UnsignedZh));
        var checkpoint = Verify(ledger, verification.GetProperty("signed_note").GetString()!);
        Assert.That(checkpoint.GetProperty("status").GetString(), Is.EqualTo("consistent"));
        Assert.That(checkpoint.GetProperty("signed_by")[0].GetString(), Does.Contain(Origin(ledger)));

        // The next notice unlocks the same key: no second key is made.
        ledger.Ok("notices", "prepare", "--quarter", "2025-Q1", "--date", "2025-04-03");
        Assert.That(Keys(ledger).GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public void An_unsigned_notice_says_so_in_every_format_and_verifies_as_consistent_unsigned()
    {
        using var ledger = March();
        var files = new[] { "pdf", "html", "csv", "json" }.Select(f => Path.Combine(ledger.Dir, $"n.{f}")).ToArray();

        ledger.PublishNotice(["--period", "2025-03"], "2025-04-03", files); // prepared --unsigned, with no passphrase at all

        var pdf = string.Concat(PdfText.Pages(File.ReadAllBytes(files[0])));
        var html = PdfText.Squeeze(WebUtility.HtmlDecode(File.ReadAllText(files[1])));
        var csv = PdfText.Squeeze(File.ReadAllText(files[2]));
        foreach (var (format, text) in new[] { ("pdf", pdf), ("html", html), ("csv", csv) })
            Assert.That(text, Does.Contain(UnsignedZh + UnsignedEn), format);
        var verification = JsonDocument.Parse(File.ReadAllBytes(files[3])).RootElement.GetProperty("verification");
        Assert.That(verification.GetProperty("signed").GetBoolean(), Is.False);
        Assert.That(verification.GetProperty("keys").GetArrayLength(), Is.Zero);
        Assert.That(Verify(ledger, verification.GetProperty("signed_note").GetString()!).GetProperty("status").GetString(), Is.EqualTo("consistent-unsigned"));
        Assert.That(File.Exists(KeyFile(ledger)), Is.False, "--unsigned makes no key");
    }

    [Test]
    public void An_english_unsigned_notice_says_so_in_english()
    {
        using var ledger = March();
        var html = Path.Combine(ledger.Dir, "n.html");

        ledger.Ok("notices", "prepare", "--period", "2025-03", "--date", "2025-04-03", "--unsigned", "--lang", "en", "--out", html);

        Assert.That(PdfText.Squeeze(WebUtility.HtmlDecode(File.ReadAllText(html))), Does.Contain(UnsignedEn).And.Not.Contain(UnsignedZh));
    }

    [Test]
    public void Without_a_passphrase_or_unsigned_the_real_command_stops_naming_both_ways_out_and_records_nothing()
    {
        using var ledger = March();
        var head = ledger.Head();

        var (code, stdout, err) = ledger.RunProcessWith(new() { ["CLEDGER_PASSPHRASE"] = null },
            "notices", "prepare", "--period", "2025-03", "--date", "2025-04-03");

        Assert.That(code, Is.EqualTo(2), stdout + err);
        Assert.That(err, Does.Contain("没有口令").And.Contain("CLEDGER_PASSPHRASE").And.Contain("--unsigned").And.Contain(KeyFile(ledger)));
        Assert.That(err, Does.Not.Match(TestLedger.StackTraceLine));
        Assert.That(ledger.Head(), Is.EqualTo(head), "no key registered, no notice prepared");
        Assert.That(File.Exists(KeyFile(ledger)), Is.False);
    }

    [Test]
    public void Unsigned_with_sign_is_refused_by_every_command_that_signs()
    {
        using var ledger = March();
        var head = ledger.Head();
        var key = Path.Combine(ledger.Dir, "k.key");

        foreach (var command in new[]
                 {
                     new[] { "notices", "prepare", "--period", "2025-03", "--date", "2025-04-03" },
                     ["disclose", "--fund", "F01", "--date", "2025-04-03", "--format", "json"],
                     ["disclose", "--distribution", "2025", "--date", "2026-03-01", "--format", "json"],
                     ["serve"],
                 })
        {
            var (code, _, err) = ledger.Run([.. command, "--unsigned", "--sign", key]);
            Assert.That(code, Is.EqualTo(2), command[0]);
            Assert.That(err, Does.Contain("--unsigned does not go with --sign"), command[0]);
        }
        Assert.That(ledger.Head(), Is.EqualTo(head));
    }

    [Test]
    public void A_registered_key_whose_file_is_gone_is_not_silently_replaced()
    {
        using var ledger = March();
        GivePassphrase();
        ledger.Ok("notices", "prepare", "--period", "2025-03", "--date", "2025-04-03");
        File.Delete(KeyFile(ledger));
        var head = ledger.Head();

        var (code, _, err) = ledger.Run("notices", "prepare", "--quarter", "2025-Q1", "--date", "2025-04-03");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(err, Does.Contain("is registered but its file").And.Contain("--unsigned"));
        Assert.That(ledger.Head(), Is.EqualTo(head));
        Assert.That(Keys(ledger).GetArrayLength(), Is.EqualTo(1));
    }
}
