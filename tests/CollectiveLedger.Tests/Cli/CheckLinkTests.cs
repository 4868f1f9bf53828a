using System.Text.Json;
using System.Text.RegularExpressions;
using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// The QR code of a notice with <c>disclosure.public_url</c> set: the phone page's address holding the
/// checkpoint and the signer's key (<see cref="CheckLink"/>), read here from the printed HTML's QR code as
/// a scanner reads it; and <c>verify --checkpoint</c> taking that address as it takes the note.
/// </summary>
public partial class CheckLinkTests
{
    private const string Passphrase = "test-passphrase-1234";

    [OneTimeSetUp]
    public static void PassphraseForTests() => Environment.SetEnvironmentVariable("CLEDGER_PASSPHRASE", Passphrase);

    private static TestLedger Books(out string key)
    {
        var ledger = TestLedger.WithBasics();
        key = Path.Combine(ledger.Dir, "accountant.key");
        ledger.Ok("keys", "generate", "--name", "test.village/accountant", "--out", key);
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json",
            """[{"ref":"A","date":"2025-02-01","summary":"收取草场承包费","lines":[{"account":"10201","debit":"100"},{"account":"50101","credit":"100"}]}]"""));
        return ledger;
    }

    [Test]
    public void With_a_public_address_the_QR_code_is_the_phone_page_holding_the_note_and_key_and_verify_reads_the_scanned_address()
    {
        using var ledger = Books(out var key);
        ledger.Ok("settings", "set", "disclosure.public_url", "https://gacha.example/village/");
        var html = Path.Combine(ledger.Dir, "notice.html");
        var json = Path.Combine(ledger.Dir, "notice.json");

        ledger.PublishNotice(["--period", "2025-02", "--sign", key], "2025-03-05", [html, json]);
        var scanned = Scan(File.ReadAllText(html));

        var note = JsonDocument.Parse(File.ReadAllBytes(json)).RootElement.GetProperty("verification").GetProperty("signed_note").GetString()!;
        using (var keyFile = CollectiveLedger.Cli.SigningKeyFile.Load(key, Passphrase))
            Assert.That(scanned, Is.EqualTo(CheckLink.For("https://gacha.example/village", note, [keyFile.PublicKey])));
        Assert.That(scanned, Does.StartWith("https://gacha.example/village/check#n="));
        Assert.That(CheckLink.TryReadNote(scanned, out var carried), Is.True);
        Assert.That(carried, Is.EqualTo(note), "the address carries the exact note printed beside it");
        var file = ledger.WriteFile("scanned.txt", scanned + "\n");
        Assert.That(ledger.Ok("verify", "--checkpoint", file), Does.Contain("consistent"));
    }

    [Test]
    public void Without_a_public_address_the_QR_code_carries_the_note_itself()
    {
        using var ledger = Books(out var key);
        var html = Path.Combine(ledger.Dir, "notice.html");
        var json = Path.Combine(ledger.Dir, "notice.json");

        ledger.PublishNotice(["--period", "2025-02", "--sign", key], "2025-03-05", [html, json]);

        var note = JsonDocument.Parse(File.ReadAllBytes(json)).RootElement.GetProperty("verification").GetProperty("signed_note").GetString()!;
        Assert.That(Scan(File.ReadAllText(html)), Is.EqualTo(note));
    }

    [TestCase("ftp://gacha.example")]
    [TestCase("gacha.example")]
    [TestCase("https://gacha.example/?a=1")]
    [TestCase("https://gacha.example/#x")]
    [TestCase("https://gacha example")]
    public void A_public_address_that_is_not_an_http_or_https_site_is_refused(string value)
    {
        using var ledger = TestLedger.WithBasics();

        var (code, _, stderr) = ledger.Run("settings", "set", "disclosure.public_url", value);

        Assert.That(code, Is.Not.Zero);
        Assert.That(stderr, Does.Contain("disclosure.public_url").And.Not.Match(TestLedger.StackTraceLine));
        Assert.That(ledger.Setting("disclosure.public_url"), Is.Empty);
    }

    [GeneratedRegex("""<svg [^>]*viewBox="0 0 (\d+) \d+"[^>]*>.*?<path d="([^"]*)" """, RegexOptions.Singleline)]
    private static partial Regex QrSvg();

    [GeneratedRegex(@"M(\d+) (\d+)h1v1h-1z")]
    private static partial Regex Module();

    /// <summary>Reads the notice's QR code as a scanner does: the printed squares as an image, 4 pixels a module, decoded by ZXing.</summary>
    private static string Scan(string html)
    {
        var svg = QrSvg().Match(html);
        Assert.That(svg.Success, "the notice has its QR code");
        var modules = int.Parse(svg.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        const int Scale = 4;
        var side = modules * Scale;
        var pixels = Enumerable.Repeat((byte)255, side * side).ToArray();
        foreach (Match m in Module().Matches(svg.Groups[2].Value))
        {
            var (x, y) = (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
            for (var dy = 0; dy < Scale; dy++)
                for (var dx = 0; dx < Scale; dx++) pixels[((y * Scale) + dy) * side + (x * Scale) + dx] = 0;
        }
        var image = new ZXing.BinaryBitmap(new ZXing.Common.HybridBinarizer(new ZXing.RGBLuminanceSource(pixels, side, side, ZXing.RGBLuminanceSource.BitmapFormat.Gray8)));
        var result = new ZXing.QrCode.QRCodeReader().decode(image, new Dictionary<ZXing.DecodeHintType, object> { [ZXing.DecodeHintType.PURE_BARCODE] = true, [ZXing.DecodeHintType.CHARACTER_SET] = "UTF-8" });
        Assert.That(result, Is.Not.Null, "the QR code decodes");
        return result.Text;
    }
}
