using System.Diagnostics;
using System.Text.Json;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Ledger;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// 原始凭证 on public notices (issue 17): never shown unless the setting notice.attachments said "shown" when the notice
/// was prepared; then the notice lists each file of the vouchers it names with its SHA-256, and its PDF and HTML print
/// the photos. <c>vouchers show --format json</c> lists a voucher's files. Runs on SQLite, and on PostgreSQL when
/// CLEDGER_TEST_POSTGRES is set.
/// </summary>
public class NoticeAttachmentTests
{
    private const string March = """
        [{"ref":"A","date":"2025-03-05","summary":"收取草场承包费","attachments":2,"lines":[{"account":"10201","debit":"100.00"},{"account":"50101","credit":"100.00","member":"M001"}]},
         {"ref":"B","date":"2025-03-09","summary":"购买办公用品","attachments":1,"lines":[{"account":"513","debit":"35.00"},{"account":"10201","credit":"35.00"}]}]
        """;

    /// <summary>Books with March's two vouchers; 记-0001 keeps a photo and a PDF scan.</summary>
    private static (TestLedger Ledger, AttachmentAdded Photo, AttachmentAdded Scan) Books()
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("march.json", March));
        var photo = Path.Combine(ledger.Dir, "收据 13912345678.jpg");
        File.WriteAllBytes(photo, ReceiptPhotos.JpegWithGpsExif(80, 40));
        var scan = Path.Combine(ledger.Dir, "发票.pdf");
        File.WriteAllBytes(scan, "%PDF-1.4\n1 0 obj<</Type /Page>>endobj\n%%EOF\n"u8.ToArray());
        ledger.Ok("vouchers", "attach", "1", "--period", "2025-03", photo, scan);
        using var store = ledger.Open();
        var files = store.Attachments.Of(new CollectiveLedger.Core.Vouchers.VoucherKey(new CollectiveLedger.Core.Periods.Period(2025, 3), 1));
        AttachmentAdded Added(int i) => new(files[i].Voucher, files[i].Sha256, files[i].MediaType, (int)files[i].SizeBytes, (int)files[i].Pages, files[i].FileName);
        return (ledger, Added(0), Added(1));
    }

    private static string Out(TestLedger ledger, string name) => Path.Combine(ledger.Dir, name);

    /// <summary>pdftotext's text of <paramref name="pdf"/> (poppler-utils, as a person would read the file back), white space removed.</summary>
    private static string PdfToText(string pdf) => Reports.PdfText.Squeeze(Tool("pdftotext", "-enc", "UTF-8", pdf, "-"));

    /// <summary>The images <c>pdfimages -list</c> finds in <paramref name="pdf"/>: one line each after its two header lines.</summary>
    private static string[] PdfImages(string pdf) => [.. Tool("pdfimages", "-list", pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)];

    private static string Tool(string name, params string[] args)
    {
        var info = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        Assert.That(p.ExitCode, Is.Zero, $"{name} failed: {stderr.Result}");
        return stdout.Result;
    }

    [Test]
    public void The_setting_takes_hidden_or_shown_and_refuses_anything_else_in_Chinese_and_English_leaving_the_books_unchanged()
    {
        using var ledger = TestLedger.WithBasics();
        var head = ledger.Head();

        var (code, stdout, stderr) = ledger.RunProcess("--lang", "zh-CN", "settings", "set", DisclosureAttachments.SettingKey, "yes");

        Assert.That(code, Is.EqualTo(1), stdout + stderr);
        Assert.That(stderr, Does.Contain("设置 notice.attachments 的值无效").And.Contain("hidden | shown"));
        Assert.That(ledger.Run("settings", "set", DisclosureAttachments.SettingKey, "yes").Err, Does.Contain("setting notice.attachments has an invalid value"));
        Assert.That(stderr, Does.Not.Match(TestLedger.StackTraceLine));
        Assert.That(ledger.Head(), Is.EqualTo(head), "nothing written");
        Assert.That(SettingRules.Change(DisclosureAttachments.SettingKey, " shown ").Accepted, Is.True);
        Assert.That(SettingRules.Change(DisclosureAttachments.SettingKey, "hidden").Accepted, Is.True);
        Assert.That(SettingRules.Change(DisclosureAttachments.SettingKey, "Shown").Violations.Single().Code, Is.EqualTo(CollectiveLedger.Core.Validation.ViolationCode.SettingInvalid));
        ledger.Ok("settings", "set", DisclosureAttachments.SettingKey, "shown");
        Assert.That(ledger.Setting(DisclosureAttachments.SettingKey), Is.EqualTo("shown"));
    }

    [Test]
    public void A_notice_prepared_while_the_setting_is_unset_says_nothing_of_the_files_and_stays_so_when_the_setting_changes_before_publication()
    {
        var (ledger, photo, _) = Books();
        using var _ledger = ledger;
        ledger.Set(("role.supervisor", TestLedger.Supervisor));
        ledger.Ok("notices", "prepare", "--period", "2025-03", "--unsigned", "--date", "2025-04-03");
        var formats = new[] { "json", "html", "pdf", "csv" };
        foreach (var format in formats) ledger.Ok("notices", "show", "1", "--out", Out(ledger, "before." + format));

        ledger.Ok("settings", "set", DisclosureAttachments.SettingKey, "shown");
        foreach (var format in formats)
            Assert.That(ledger.Ok("notices", "show", "1", "--out", Out(ledger, "after." + format)), Does.Contain("as prepared"), format);
        ledger.OkAs(TestLedger.Supervisor, "notices", "review", "1");
        ledger.Ok("notices", "publish", "1", "--out", Out(ledger, "notice.json"), "--out", Out(ledger, "notice.html"), "--out", Out(ledger, "notice.pdf"), "--out", Out(ledger, "notice.csv"));

        foreach (var format in formats)
            Assert.That(File.ReadAllBytes(Out(ledger, "after." + format)), Is.EqualTo(File.ReadAllBytes(Out(ledger, "before." + format))),
                $"the {format} built again after the setting changed is byte for byte the one prepared");
        foreach (var format in new[] { "json", "html", "csv" })
            Assert.That(File.ReadAllText(Out(ledger, "notice." + format)), Does.Not.Contain(photo.Sha256[..16]).And.Not.Contain("原始凭证").And.Not.Contain("data:image"), format);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Out(ledger, "notice.json")));
        Assert.That(json.RootElement.TryGetProperty("attachments", out _), Is.False, "the JSON has no attachments key");
        Assert.That(PdfToText(Out(ledger, "notice.pdf")), Does.Not.Contain(photo.Sha256[..16]).And.Not.Contain("原始凭证"));
        Assert.That(PdfImages(Out(ledger, "notice.pdf")), Is.Empty, "no picture in the PDF");
    }

    [Test]
    public void A_notice_prepared_while_shown_lists_each_file_with_its_hash_and_prints_the_photo_but_not_the_pdf()
    {
        var (ledger, photo, scan) = Books();
        using var _ledger = ledger;
        ledger.Ok("settings", "set", DisclosureAttachments.SettingKey, "shown");
        ledger.Set(("role.supervisor", TestLedger.Supervisor));
        var prepared = ledger.Ok("notices", "prepare", "--period", "2025-03", "--unsigned", "--date", "2025-04-03");
        ledger.Ok("notices", "show", "1", "--out", Out(ledger, "draft.json"));
        ledger.OkAs(TestLedger.Supervisor, "notices", "review", "1");

        var (code, stdout, stderr) = ledger.RunProcess("--actor", "tester", "notices", "publish", "1",
            "--out", Out(ledger, "notice.json"), "--out", Out(ledger, "notice.html"), "--out", Out(ledger, "notice.pdf"));

        Assert.That(code, Is.Zero, stdout + stderr);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Out(ledger, "notice.json")));
        var vouchers = json.RootElement.GetProperty("attachments").EnumerateArray().ToList();
        Assert.That(vouchers.Select(v => v.GetProperty("voucher").GetString()), Is.EqualTo(new[] { "记-0001", "记-0002" }), "every voucher the notice names");
        Assert.That(vouchers.Select(v => v.GetProperty("count").GetInt32()), Is.EqualTo(new[] { 2, 0 }));
        var files = vouchers[0].GetProperty("files").EnumerateArray().ToList();
        Assert.That(files.Select(f => f.GetProperty("sha256").GetString()), Is.EqualTo(new[] { photo.Sha256, scan.Sha256 }));
        Assert.That(files[0].GetProperty("file_name").GetString(), Is.EqualTo("收据 139****5678.jpg"), "a phone number in a file name is masked as on every notice");
        var schema = Python.Run("-c", """
            import json, sys, jsonschema
            jsonschema.validate(json.load(open(sys.argv[2], encoding="utf-8")), json.load(open(sys.argv[1], encoding="utf-8")))
            """.Replace("            ", ""), Path.Combine(TestLedger.RepoRoot, "schemas", "disclosure.schema.json"), Out(ledger, "notice.json"));
        Assert.That(schema.Code, Is.Zero, schema.Out + schema.Err);
        var order = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestLedger.RepoRoot, "schemas", "disclosure.schema.json"))).RootElement
            .GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(json.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(order.Where(k => k != "feedback")), "the keys in the schema's order");
        Assert.That(prepared, Does.Contain(Sha256Hex.Of(File.ReadAllBytes(Out(ledger, "draft.json")))), "the content SHA-256 prepared is of the JSON that lists the files");
        Assert.That(File.ReadAllText(Out(ledger, "draft.json")), Does.Contain(photo.Sha256));

        var text = PdfToText(Out(ledger, "notice.pdf"));
        Assert.That(text, Does.Contain("原始凭证").And.Contain(photo.Sha256[..16]).And.Contain(scan.Sha256[..16]).And.Contain("发票.pdf"), "the list names both files (a full SHA-256 wraps in its cell), the photo's caption its first 16 hex digits");
        var images = PdfImages(Out(ledger, "notice.pdf"));
        Assert.That(images, Has.Length.EqualTo(1), "the photo is printed, the PDF scan only listed: " + string.Join("\n", images));
        Assert.That(images[0], Does.Contain(" 80 ").And.Contain(" 40 "), "the photo as the books keep it, 80 × 40");

        var html = File.ReadAllText(Out(ledger, "notice.html"));
        var inline = System.Text.RegularExpressions.Regex.Match(html, "<img src=\"data:image/jpeg;base64,([A-Za-z0-9+/=]+)\"");
        Assert.That(inline.Success, Is.True, "the HTML carries the photo inline");
        Assert.That(Sha256Hex.Of(Convert.FromBase64String(inline.Groups[1].Value)), Is.EqualTo(photo.Sha256), "the bytes the books keep");
        Assert.That(html, Does.Contain(photo.Sha256[..16]).And.Contain(scan.Sha256));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(html, "<img ").Count, Is.EqualTo(1));
        Assert.That(ledger.Run("verify").Code, Is.Zero);
    }

    [Test]
    public void A_file_attached_after_the_notice_was_prepared_is_not_on_it_and_publication_still_goes_through()
    {
        var (ledger, _, _) = Books();
        using var _ledger = ledger;
        ledger.Ok("settings", "set", DisclosureAttachments.SettingKey, "shown");
        ledger.Set(("role.supervisor", TestLedger.Supervisor));
        ledger.Ok("notices", "prepare", "--period", "2025-03", "--unsigned", "--date", "2025-04-03");
        var late = Path.Combine(ledger.Dir, "late.png");
        File.WriteAllBytes(late, ReceiptPng());
        ledger.Ok("vouchers", "attach", "2", "--period", "2025-03", late);
        ledger.OkAs(TestLedger.Supervisor, "notices", "review", "1");

        ledger.Ok("notices", "publish", "1", "--out", Out(ledger, "notice.json"));

        using var json = JsonDocument.Parse(File.ReadAllBytes(Out(ledger, "notice.json")));
        Assert.That(json.RootElement.GetProperty("attachments")[1].GetProperty("count").GetInt32(), Is.Zero, "the notice shows the files as prepared");
    }

    [Test]
    public void Vouchers_show_as_json_lists_the_files_kept_with_the_voucher_and_keeps_its_other_fields()
    {
        var (ledger, photo, scan) = Books();
        using var _ledger = ledger;

        var (code, stdout, stderr) = ledger.RunProcess("vouchers", "show", "1", "--period", "2025-03", "--format", "json");

        Assert.That(code, Is.Zero, stderr);
        var voucher = JsonDocument.Parse(stdout).RootElement;
        Assert.That(voucher.GetProperty("attachments").GetInt32(), Is.EqualTo(2), "the declared 附件张数 as before");
        Assert.That(voucher.GetProperty("lines").GetArrayLength(), Is.EqualTo(2));
        var files = voucher.GetProperty("attachment_files").EnumerateArray().ToList();
        Assert.That(files.Select(f => f.GetProperty("sha256").GetString()), Is.EqualTo(new[] { photo.Sha256, scan.Sha256 }));
        Assert.That(files.Select(f => f.GetProperty("file_name").GetString()), Is.EqualTo(new[] { "收据 13912345678.jpg", "发票.pdf" }));
        Assert.That(files.Select(f => f.GetProperty("media_type").GetString()), Is.EqualTo(new[] { "image/jpeg", "application/pdf" }));
        Assert.That(files[1].GetProperty("size_bytes").GetInt64(), Is.EqualTo(scan.SizeBytes));
        Assert.That(files[0].GetProperty("added_by").GetString(), Is.EqualTo("tester"));
        Assert.That(files[0].GetProperty("added_at").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$"));
        var other = JsonDocument.Parse(ledger.Ok("vouchers", "show", "2", "--period", "2025-03", "--format", "json")).RootElement;
        Assert.That(other.GetProperty("attachment_files").GetArrayLength(), Is.Zero);
        var listed = JsonDocument.Parse(ledger.Ok("vouchers", "list", "--period", "2025-03", "--format", "json")).RootElement;
        Assert.That(listed[0].TryGetProperty("attachment_files", out _), Is.False, "the listing's shape is unchanged");
    }

    /// <summary>A small PNG receipt.</summary>
    internal static byte[] ReceiptPng()
    {
        using var bitmap = new SkiaSharp.SKBitmap(30, 20);
        bitmap.Erase(SkiaSharp.SKColors.Green);
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
