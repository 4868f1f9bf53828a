using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CollectiveLedger.Tests.Reports;
using CollectiveLedger.Tests.Storage;

namespace CollectiveLedger.Tests.Cli;

/// <summary>Public notices end to end: every section, masking, page breaking, determinism, and the checkpoint that catches later tampering.</summary>
public class DisclosureTests
{
    private const string Passphrase = "test-passphrase-1234";

    [OneTimeSetUp]
    public static void PassphraseForTests() => Environment.SetEnvironmentVariable("CLEDGER_PASSPHRASE", Passphrase);

    [OneTimeTearDown]
    public static void NoPassphraseAfterwards() => Environment.SetEnvironmentVariable("CLEDGER_PASSPHRASE", null);

    /// <summary>A small month with income, expenditure, a fund, a claim, a debt, a reversal and personal data in summaries.</summary>
    private static TestLedger Books(int extraItems = 0)
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("accounts", "add", "11201", "牧户道尔吉", "--parent", "112");
        ledger.Ok("accounts", "add", "21101", "草原建筑工程有限公司", "--parent", "211");
        ledger.Ok("counterparties", "add", "C01", "旗农牧局");
        ledger.Ok("settings", "set", "signatory.accountant", "乌云其其格");
        ledger.Ok("settings", "set", "disclosure.objection_days", "10");
        ledger.Ok("settings", "set", "disclosure.contact", "村务监督委员会 13912345678");
        ledger.Ok("keys", "generate", "--name", "test.village/accountant", "--out", Path.Combine(ledger.Dir, "acct.key"));
        var lines = new List<string>
        {
            """{"ref":"O","date":"2025-01-01","kind":"opening","summary":"期初","lines":[{"account":"10201","debit":"50000.00"},{"account":"301","credit":"50000.00"}]}""",
            """{"ref":"A","date":"2025-03-02","summary":"收取草场承包费","lines":[{"account":"10201","debit":"12000.00"},{"account":"50101","credit":"12000.00","member":"M001","summary":"巴特尔 身份证150102198001011234"}]}""",
            """{"ref":"B","date":"2025-03-05","summary":"收到衔接资金","lines":[{"account":"10201","debit":"30000.00","fund":"F01"},{"account":"241","credit":"30000.00","fund":"F01","counterparty":"C01"}]}""",
            """{"ref":"C","date":"2025-03-09","summary":"机井工程款","lines":[{"account":"153","debit":"8000.00","fund":"F01"},{"account":"10201","credit":"8000.00","fund":"F01"}]}""",
            """{"ref":"D","date":"2025-03-12","summary":"<script>alert(1)</script> 办公费","lines":[{"account":"513","debit":"350.50"},{"account":"10201","credit":"350.50"}]}""",
            """{"ref":"E","date":"2025-03-15","summary":"=1+1 赊销","lines":[{"account":"11201","debit":"900.00"},{"account":"21101","credit":"900.00"}]}""",
        };
        lines.AddRange(Enumerable.Range(1, extraItems).Select(i =>
            $$"""{"ref":"X{{i}}","date":"2025-03-{{1 + i % 28:D2}}","summary":"零星支出第{{i}}笔","lines":[{"account":"513","debit":"{{i}}.00"},{"account":"10201","credit":"{{i}}.00"}]}"""));
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.jsonl", string.Join("\n", lines) + "\n"));
        ledger.Ok("vouchers", "reverse", "4", "--period", "2025-03", "--date", "2025-03-20", "--reason", "办公费重复");
        return ledger;
    }

    private static string Key(TestLedger ledger) => Path.Combine(ledger.Dir, "acct.key");

    private static (byte[] Bytes, string Path) Disclose(TestLedger ledger, string file, params string[] extra)
    {
        var path = Path.Combine(ledger.Dir, file);
        ledger.Ok(["disclose", "--period", "2025-03", "--date", "2025-04-03", "--sign", Key(ledger), "--out", path, .. extra]);
        return (File.ReadAllBytes(path), path);
    }

    /// <summary>March's notice prepared, reviewed and published as <paramref name="file"/>.</summary>
    private static (byte[] Bytes, string Path) Publish(TestLedger ledger, string file)
    {
        var path = Path.Combine(ledger.Dir, file);
        ledger.PublishNotice(["--period", "2025-03", "--sign", Key(ledger)], "2025-04-03", [path]);
        return (File.ReadAllBytes(path), path);
    }

    [Test]
    public void The_pdf_notice_reads_back_with_every_section_the_totals_and_the_head_hash()
    {
        using var ledger = Books();

        var (pdf, _) = Disclose(ledger, "notice.pdf");

        var text = string.Concat(PdfText.Pages(pdf));
        var json = JsonDocument.Parse(File.ReadAllBytes(Disclose(ledger, "notice.json").Path)).RootElement;
        foreach (var expected in new[] { "财务公开榜", "2025年3月", "一、收支总表", "二、收入明细", "三、支出明细", "四、专项资金使用情况", "五、债权债务",
                     "九、审核与监督", "十、账目核验", "12,000.00", "人民币壹万贰仟元整", "（红字冲销）", "-350.50", "乌云其其格", "10日内",
                     json.GetProperty("verification").GetProperty("head_hash").GetString()!, "30,000.00", "22,000.00", "牧户道尔吉", "草原建筑工程有限公司" })
            Assert.That(text, Does.Contain(expected.Replace(" ", "")), expected);
        Assert.That(text, Does.Not.Contain("150102198001011234").And.Not.Contain("13912345678"), "personal data never in full");
        Assert.That(text, Does.Contain("1501**********1234").And.Contain("139****5678"));
    }

    [Test]
    public void The_same_notice_made_again_gives_identical_files_unsigned_drafts_and_a_signed_prepared_notice_alike()
    {
        using var ledger = Books();
        ledger.Ok("notices", "prepare", "--period", "2025-03", "--date", "2025-04-03", "--sign", Key(ledger));

        foreach (var format in new[] { "pdf", "html", "csv", "json" })
        {
            string Draft(string name)
            {
                var path = Path.Combine(ledger.Dir, name);
                ledger.Ok("disclose", "--period", "2025-03", "--date", "2025-04-03", "--out", path);
                return path;
            }
            string Shown(string name)
            {
                var path = Path.Combine(ledger.Dir, name);
                ledger.Ok("notices", "show", "1", "--out", path);
                return path;
            }
            Assert.That(File.ReadAllBytes(Draft($"b.{format}")), Is.EqualTo(File.ReadAllBytes(Draft($"a.{format}"))), format + " draft");
            Assert.That(File.ReadAllBytes(Shown($"d.{format}")), Is.EqualTo(File.ReadAllBytes(Shown($"c.{format}"))), format + " prepared, signed");
        }
    }

    [Test]
    public void Publishing_records_the_checkpoint_and_the_sha256_of_the_file_in_the_log()
    {
        using var ledger = Books();

        var (pdf, _) = Publish(ledger, "notice.pdf");

        var last = JsonDocument.Parse(ledger.Ok("log", "show", "--from", (ledger.Head().Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "json")).RootElement[0];
        Assert.That(last.GetProperty("kind").GetString(), Is.EqualTo("disclosure.published"));
        var data = last.GetProperty("data");
        Assert.That(data.GetProperty("files")[0].GetProperty("sha256").GetString(), Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf))));
        Assert.That(data.GetProperty("checkpoint").GetString(), Does.Contain("\n\n\u2014 test.village/accountant "));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void A_month_of_600_items_breaks_across_numbered_pages_with_the_header_repeated_and_stays_small()
    {
        using var ledger = Books(extraItems: 600);

        var (pdf, _) = Disclose(ledger, "long.pdf");

        var pages = PdfText.Pages(pdf);
        Assert.That(pages.Count, Is.GreaterThan(5));
        for (var i = 0; i < pages.Count; i++) Assert.That(pages[i], Does.Contain($"第{i + 1}页共{pages.Count}页"));
        var itemPages = pages.Where(p => p.Contains("零星支出", StringComparison.Ordinal)).ToList();
        Assert.That(itemPages.All(p => p.Contains("凭证号摘要", StringComparison.Ordinal) || p.Contains("日期凭证号", StringComparison.Ordinal)), Is.True,
            "every page of the item table repeats the header row");
        Assert.That(Enumerable.Range(1, 600).All(i => pages.Any(p => p.Contains($"零星支出第{i}笔", StringComparison.Ordinal))), Is.True, "no row lost or split");
        Assert.That(pdf.Length, Is.LessThan(300 * 1024));
    }

    [Test]
    public void Page_one_rendered_to_png_is_not_blank()
    {
        using var ledger = Books();
        var (_, path) = Disclose(ledger, "notice.pdf");
        var png = Path.Combine(ledger.Dir, "page");

        using (var p = Process.Start("pdftoppm", ["-r", "40", "-png", "-f", "1", "-l", "1", path, png])) p.WaitForExit();

        using var bitmap = SkiaSharp.SKBitmap.Decode(Directory.GetFiles(ledger.Dir, "page*.png").Single());
        var dark = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
                if (bitmap.GetPixel(x, y).Red < 128) dark++;
        Assert.That(dark, Is.GreaterThan(bitmap.Width * bitmap.Height / 100), "at least 1% of the page is ink");
    }

    [Test]
    public void Html_is_self_contained_and_shows_hostile_text_as_text_and_csv_opens_in_spreadsheets()
    {
        using var ledger = Books();

        var html = Encoding.UTF8.GetString(Disclose(ledger, "notice.html").Bytes);
        var csv = Disclose(ledger, "notice.csv").Bytes;

        Assert.That(html, Does.Not.Contain("<script>alert"));
        Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
        Assert.That(html, Does.Not.Contain("src=\"http").And.Not.Contain("href=\"http"), "no external files");
        Assert.That(html, Does.Contain("<svg"), "the QR code is inline");
        Assert.That(csv.Take(3), Is.EqualTo(Encoding.UTF8.GetPreamble()));
        var csvText = Encoding.UTF8.GetString(csv);
        Assert.That(csvText, Does.Contain(",-350.50").And.Contain("1501**********1234"));
    }

    [Test]
    public void A3_landscape_and_english_are_available()
    {
        using var ledger = Books();

        var (pdf, _) = Disclose(ledger, "a3.pdf", "--paper", "A3", "--lang", "en");

        var (width, height) = PdfText.PageSizes(pdf)[0];
        Assert.That(width, Is.EqualTo(1190.55).Within(1.0));
        Assert.That(height, Is.EqualTo(841.89).Within(1.0));
        Assert.That(PdfText.Pages(pdf)[0], Does.Contain("FinancialDisclosureNotice"));
    }

    [Test]
    public void The_checkpoint_from_a_notice_is_consistent_until_history_is_rewritten()
    {
        using var ledger = Books();
        var json = JsonDocument.Parse(File.ReadAllBytes(Disclose(ledger, "notice.json").Path)).RootElement;
        var checkpoint = ledger.WriteFile("checkpoint.txt", json.GetProperty("verification").GetProperty("signed_note").GetString()!);
        Assert.That(ledger.Ok("verify", "--format", "table", "--checkpoint", checkpoint), Does.Contain("consistent"));

        RewriteSummaryOfA(ledger);

        var (code, stdout, _) = ledger.Run("verify", "--checkpoint", checkpoint, "--format", "json");
        var report = JsonDocument.Parse(stdout).RootElement;
        Assert.That(code, Is.EqualTo(1));
        Assert.That(report.GetProperty("checkpoints")[0].GetProperty("status").GetString(), Is.EqualTo("rewritten"));
        Assert.That(report.GetProperty("problems").EnumerateArray().Any(p => p.GetProperty("message").GetString()!.Contains("history rewritten within the first")), Is.True);
    }

    [Test]
    public void A_checkpoint_is_read_as_a_scanner_gives_it_and_an_unsigned_one_is_checked_for_consistency()
    {
        using var ledger = Books();
        var note = JsonDocument.Parse(File.ReadAllBytes(Disclose(ledger, "notice.json").Path)).RootElement
            .GetProperty("verification").GetProperty("signed_note").GetString()!;
        // zbarimg --raw ends the text with one more newline, as phone scanners do; a note copied on Windows has CRLF and trailing spaces.
        var scanned = ledger.WriteFile("scanned.txt", note + "\n");
        var copied = ledger.WriteFile("copied.txt", note.Replace("\n", "\r\n", StringComparison.Ordinal) + "  \r\n");
        var body = ledger.Ok("checkpoint");
        var unsigned = ledger.WriteFile("unsigned.txt", body + "\n\n");

        var (code, stdout, stderr) = ledger.Run("verify", "--checkpoint", scanned, "--checkpoint", copied, "--checkpoint", unsigned, "--format", "json");

        Assert.That(code, Is.Zero, stderr);
        var results = JsonDocument.Parse(stdout).RootElement.GetProperty("checkpoints").EnumerateArray()
            .Select(c => (c.GetProperty("status").GetString(), c.GetProperty("signed_by").GetArrayLength())).ToList();
        Assert.That(results, Is.EqualTo(new[] { ("consistent", 1), ("consistent", 1), ("consistent-unsigned", 0) }));
        Assert.That(ledger.Ok("verify", "--format", "table", "--checkpoint", unsigned), Does.Contain("unsigned: consistent with the paper, not proof of who issued it"));

        // The same history rewritten: the unsigned checkpoint still tells.
        RewriteSummaryOfA(ledger);
        var (after, report, _) = ledger.Run("verify", "--checkpoint", unsigned, "--format", "json");
        Assert.That(after, Is.EqualTo(1));
        Assert.That(JsonDocument.Parse(report).RootElement.GetProperty("checkpoints")[0].GetProperty("status").GetString(), Is.EqualTo("rewritten"));
    }

    /// <summary>Someone with the database file changes voucher A's summary and recomputes every hash after it.</summary>
    private static void RewriteSummaryOfA(TestLedger ledger) => TamperHelpers.RewriteSummary(ledger, "A", "收取草场承包费", "收取草场承包费（改）");

    [Test]
    public void Text_that_is_no_checkpoint_at_all_is_a_usage_error()
    {
        using var ledger = Books();
        var (code, _, stderr) = ledger.Run("verify", "--checkpoint", ledger.WriteFile("list.txt", "买草料 300 元\n"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("is not a checkpoint").And.Not.Match(TestLedger.StackTraceLine));
    }

    [Test]
    public void Verify_holds_the_log_against_the_checkpoint_each_published_notice_carries()
    {
        using var ledger = Books();
        Publish(ledger, "notice.json");
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
        var last = ledger.Head().Count - 1;

        // A forger re-signs nothing but swaps the root in the recorded checkpoint and re-chains.
        ledger.Sql("DROP TRIGGER audit_log_no_update; DROP TRIGGER disclosures_no_update");
        TamperHelpers.RewriteEntry(ledger, last, json =>
        {
            var at = json.IndexOf("\\n", json.IndexOf("\\n", json.IndexOf("\"checkpoint\":\"", StringComparison.Ordinal), StringComparison.Ordinal) + 2, StringComparison.Ordinal) + 2;
            return json[..at] + (json[at] == 'A' ? 'B' : 'A') + json[(at + 1)..];
        });

        var (code, stdout, _) = ledger.Run("verify", "--format", "table");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Does.Contain("[checkpoint]"));
    }

    [Test]
    public void A_log_cut_shorter_than_the_checkpoint_is_named_as_such()
    {
        using var ledger = Books();
        var json = JsonDocument.Parse(File.ReadAllBytes(Disclose(ledger, "notice.json").Path)).RootElement;
        var checkpoint = ledger.WriteFile("checkpoint.txt", json.GetProperty("verification").GetProperty("signed_note").GetString()!);
        var size = json.GetProperty("verification").GetProperty("entries").GetInt64();

        ledger.Sql($"DROP TRIGGER audit_log_no_delete; DROP TRIGGER disclosures_no_delete; DELETE FROM disclosure_files; DELETE FROM disclosures; DELETE FROM audit_log WHERE seq >= {size - 1}");

        var (code, stdout, _) = ledger.Run("verify", "--format", "table", "--checkpoint", checkpoint);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Does.Contain("log shorter than the checkpoint"));
    }

    [Test]
    public void A_forged_or_foreign_signature_is_refused()
    {
        using var ledger = Books();
        var note = JsonDocument.Parse(File.ReadAllBytes(Disclose(ledger, "notice.json").Path)).RootElement
            .GetProperty("verification").GetProperty("signed_note").GetString()!;
        var lines = note.Split('\n');
        var signature = Convert.FromBase64String(lines[^2].Split(' ')[^1]);
        signature[^1] ^= 0x01;
        var forged = string.Join('\n', lines[..^2]) + "\n" + string.Join(' ', lines[^2].Split(' ')[..^1]) + " " + Convert.ToBase64String(signature) + "\n";
        var alteredRoot = note.Replace(lines[2], Convert.ToBase64String(new byte[32]));

        foreach (var (name, text, expected) in new[] { ("forged", forged, "does not verify"), ("altered", alteredRoot, "does not verify") })
        {
            var (code, stdout, _) = ledger.Run("verify", "--format", "table", "--checkpoint", ledger.WriteFile(name + ".txt", text));
            Assert.That(code, Is.EqualTo(1), name);
            Assert.That(stdout, Does.Contain(expected), name);
        }

        using var other = Books();
        var (otherCode, otherOut, _) = other.Run("verify", "--format", "table", "--checkpoint", other.WriteFile("foreign.txt", note));
        Assert.That(otherCode, Is.EqualTo(1));
        Assert.That(otherOut, Does.Contain("no key registered in this ledger signed the checkpoint"));
    }

    [TestCase("/nonexistent/font.ttf")]
    [TestCase("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")]
    public void Without_a_chinese_font_the_command_names_the_fix(string font)
    {
        using var ledger = Books();

        var (code, _, stderr) = ledger.Run("disclose", "--period", "2025-03", "--date", "2025-04-03", "--out", Path.Combine(ledger.Dir, "x.pdf"), "--font", font);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("apt-get install fonts-wqy-microhei").And.Contain("--font PATH"));
        Assert.That(File.Exists(Path.Combine(ledger.Dir, "x.pdf")), Is.False);
    }

    [Test]
    public void A_notice_for_a_month_that_has_not_ended_is_refused()
    {
        using var ledger = Books();

        var (code, _, stderr) = ledger.Run("disclose", "--period", "2025-03", "--date", "2025-03-20", "--out", Path.Combine(ledger.Dir, "early.pdf"));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("[PeriodNotEnded]"));
    }
}
