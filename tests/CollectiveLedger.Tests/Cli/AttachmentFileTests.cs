using System.Text.Json;
using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// <c>cledger vouchers attach</c> (issue 17): a voucher's 原始凭证 kept in the books, recorded in the log by
/// attachment.added (its hash, not its bytes), listed by <c>vouchers show</c>, held to its hash by <c>verify</c>,
/// and carried by <c>log export --attachments</c> and <c>restore --attachments</c>. Runs on SQLite, and on
/// PostgreSQL when CLEDGER_TEST_POSTGRES is set.
/// </summary>
public class AttachmentFileTests
{
    private const string March = """[{"ref":"2025-03-01","date":"2025-03-05","summary":"收取草场承包费","attachments":2,"lines":[{"account":"10201","debit":"100.00"},{"account":"50101","credit":"100.00","member":"M001"}]}]""";

    /// <summary>Books with one voucher, 2025-03 记-0001, declaring 2 attachments.</summary>
    private static TestLedger WithVoucher()
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("march.json", March));
        return ledger;
    }

    private static string Photo(TestLedger ledger, string name = "IMG_0001.jpg")
    {
        var path = Path.Combine(ledger.Dir, name);
        File.WriteAllBytes(path, ReceiptPhotos.JpegWithGpsExif());
        return path;
    }

    private static string Scan(TestLedger ledger, string name = "发票.pdf", string text = "")
    {
        var path = Path.Combine(ledger.Dir, name);
        File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes("%PDF-1.4\n1 0 obj<</Type /Page>>endobj\n" + text + "%%EOF\n"));
        return path;
    }

    private static List<JsonElement> Entries(TestLedger ledger, string kind) =>
        [.. JsonDocument.Parse(ledger.Ok("log", "show", "--limit", "1000", "--format", "json")).RootElement.EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == kind)];

    [Test]
    public void A_photo_and_a_scan_are_kept_with_the_voucher_their_hashes_logged_shown_and_verified()
    {
        using var ledger = WithVoucher();

        var stdout = ledger.Ok("vouchers", "attach", "1", "--period", "2025-03", Photo(ledger), Scan(ledger));

        var entries = Entries(ledger, "attachment.added");
        Assert.That(entries, Has.Count.EqualTo(2));
        var photo = entries[0].GetProperty("data");
        Assert.That(photo.GetProperty("period").GetString(), Is.EqualTo("2025-03"));
        Assert.That(photo.GetProperty("number").GetInt32(), Is.EqualTo(1));
        Assert.That(photo.GetProperty("media_type").GetString(), Is.EqualTo("image/jpeg"));
        Assert.That(photo.GetProperty("file_name").GetString(), Is.EqualTo("IMG_0001.jpg"));
        Assert.That(entries[0].GetProperty("actor").GetString(), Is.EqualTo("tester"));
        Assert.That(entries[1].GetProperty("data").GetProperty("pages").GetInt32(), Is.EqualTo(1));
        using (var store = ledger.Open())
        {
            var kept = store.Attachments.File(entries[0].GetProperty("seq").GetInt64())!.Value.Bytes;
            Assert.That(Sha256Hex.Of(kept), Is.EqualTo(photo.GetProperty("sha256").GetString()), "the log records the hash of the bytes kept");
            Assert.That(kept.Length, Is.EqualTo(photo.GetProperty("size_bytes").GetInt32()));
            Assert.That(ReceiptPhotos.Holds(kept, ReceiptPhotos.GpsLatitude) || ReceiptPhotos.Holds(kept, "Exif"u8), Is.False, "kept without its EXIF and GPS position");
        }
        Assert.That(stdout, Does.Contain(photo.GetProperty("sha256").GetString()));
        var shown = ledger.Ok("vouchers", "show", "1", "--period", "2025-03", "--format", "table");
        Assert.That(shown, Does.Contain("附件 2 张，已存 2 个文件").And.Contain("IMG_0001.jpg").And.Contain("发票.pdf"));
        Assert.That(ledger.Run("verify").Code, Is.Zero);
        var exported = Path.Combine(ledger.Dir, "log.jsonl");
        ledger.Ok("log", "export", "--out", exported);
        var python = Python.VerifyLog(exported);
        Assert.That(python.Code, Is.Zero, python.Out + python.Err);
        var (schemaCode, schemaOutput) = EntrySchema.Check(exported);
        Assert.That(schemaCode, Is.Zero, "every entry matches audit-entry.schema.json: " + schemaOutput);
    }

    [Test]
    public void A_stored_file_altered_behind_the_programs_back_makes_verify_exit_1_naming_its_table_key_and_column()
    {
        using var ledger = WithVoucher();
        ledger.Ok("vouchers", "attach", "1", "--period", "2025-03", Scan(ledger));
        var sha256 = Entries(ledger, "attachment.added")[0].GetProperty("data").GetProperty("sha256").GetString();

        ledger.Sql("DROP TRIGGER attachment_files_no_update; UPDATE attachment_files SET bytes = CAST('%PDF-1.4 forged' AS BLOB)");
        var (code, stdout, _) = ledger.Run("verify", "--format", "json");

        Assert.That(code, Is.EqualTo(1));
        var problem = JsonDocument.Parse(stdout).RootElement.GetProperty("problems").EnumerateArray().Single();
        Assert.That(problem.GetProperty("kind").GetString(), Is.EqualTo("replay"));
        Assert.That(problem.GetProperty("table").GetString(), Is.EqualTo("attachment_files"));
        Assert.That(problem.GetProperty("key").GetString(), Is.EqualTo(sha256));
        Assert.That(problem.GetProperty("column").GetString(), Is.EqualTo("bytes"));
        Assert.That(problem.GetProperty("expected").GetString(), Is.EqualTo(sha256));
        Assert.That(problem.GetProperty("message").GetString(), Does.Contain("altered"));
    }

    [Test]
    public void A_stored_file_removed_is_named_missing()
    {
        using var ledger = WithVoucher();
        ledger.Ok("vouchers", "attach", "1", "--period", "2025-03", Scan(ledger));

        ledger.Sql("PRAGMA foreign_keys = OFF; DROP TRIGGER attachment_files_no_delete; DELETE FROM attachment_files");
        var (code, stdout, _) = ledger.Run("verify", "--format", "json");

        Assert.That(code, Is.EqualTo(1));
        var problem = JsonDocument.Parse(stdout).RootElement.GetProperty("problems").EnumerateArray().Single();
        Assert.That(problem.GetProperty("table").GetString(), Is.EqualTo("attachment_files"));
        Assert.That(problem.GetProperty("actual").GetString(), Is.EqualTo("missing"));
    }

    [Test]
    public void Files_that_are_not_JPEG_PNG_or_PDF_a_missing_voucher_or_a_file_twice_keep_nothing()
    {
        using var ledger = WithVoucher();
        var head = ledger.Head();
        var text = ledger.WriteFile("receipt.jpg", "not a photo");

        var wrongType = ledger.Run("vouchers", "attach", "1", "--period", "2025-03", Scan(ledger), text);
        var noVoucher = ledger.Run("vouchers", "attach", "9", "--period", "2025-03", Scan(ledger));
        var twice = ledger.Run("vouchers", "attach", "1", "--period", "2025-03", Scan(ledger), Scan(ledger, "copy.pdf"));
        var noFile = ledger.Run("vouchers", "attach", "1", "--period", "2025-03", Path.Combine(ledger.Dir, "nothing.pdf"));

        Assert.That(wrongType.Code, Is.EqualTo(1));
        Assert.That(wrongType.Err, Does.Contain("[AttachmentTypeUnsupported]").And.Contain("receipt.jpg"));
        Assert.That(noVoucher.Code, Is.EqualTo(1));
        Assert.That(noVoucher.Err, Does.Contain("[VoucherNotFound]"));
        Assert.That(twice.Code, Is.EqualTo(1));
        Assert.That(twice.Err, Does.Contain("[AttachmentExists]"));
        Assert.That(noFile.Code, Is.EqualTo(2));
        foreach (var run in new[] { wrongType, noVoucher, twice, noFile }) Assert.That(run.Err, Does.Not.Match(TestLedger.StackTraceLine));
        Assert.That(ledger.Head(), Is.EqualTo(head), "all or nothing: the good scan of each refused run is not kept either");
    }

    [Test]
    public void A_receipt_found_after_the_month_closed_is_kept_and_a_reversed_voucher_takes_none()
    {
        using var ledger = WithVoucher();
        foreach (var month in new[] { "2025-01", "2025-02", "2025-03" }) ledger.Ok("period", "close", month);

        var late = ledger.Run("vouchers", "attach", "1", "--period", "2025-03", Scan(ledger));
        ledger.Ok("vouchers", "reverse", "1", "--period", "2025-03", "--date", "2025-04-02", "--reason", "金额错误");
        var reversed = ledger.Run("vouchers", "attach", "1", "--period", "2025-03", Scan(ledger, "other.pdf", "2"));

        Assert.That(late.Code, Is.Zero, late.Err);
        Assert.That(reversed.Code, Is.EqualTo(1));
        Assert.That(reversed.Err, Does.Contain("[VoucherAlreadyReversed]"));
        Assert.That(ledger.Run("verify").Code, Is.Zero);
    }

    [Test]
    public void Books_moved_by_their_log_take_their_files_along_and_are_refused_without_them()
    {
        using var ledger = WithVoucher();
        ledger.Ok("vouchers", "attach", "1", "--period", "2025-03", Photo(ledger), Scan(ledger));
        var (log, folder) = (Path.Combine(ledger.Dir, "moved.jsonl"), Path.Combine(ledger.Dir, "files"));

        ledger.Ok("log", "export", "--out", log, "--attachments", folder);
        using var without = new TestLedger();
        var refused = without.Run("restore", "--from-log", log);
        using var with = new TestLedger();
        var restored = with.Run("restore", "--from-log", log, "--attachments", folder);

        var names = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.That(names, Is.EqualTo(Entries(ledger, "attachment.added").Select(e => e.GetProperty("data").GetProperty("sha256").GetString()).Order(StringComparer.Ordinal)));
        Assert.That(refused.Code, Is.EqualTo(1));
        Assert.That(refused.Err, Does.Contain("--attachments").And.Contain("2 attachment files"));
        Assert.That(without.Village is null ? File.Exists(without.Db) : false, Is.False, "no books were written");
        Assert.That(restored.Code, Is.Zero, restored.Err);
        Assert.That(with.Head(), Is.EqualTo(ledger.Head()));
        Assert.That(with.Run("verify").Code, Is.Zero);
        Assert.That(with.Ok("vouchers", "show", "1", "--period", "2025-03", "--format", "table"), Does.Contain("已存 2 个文件"));
    }

    [Test]
    public void A_restore_from_a_folder_with_an_altered_file_writes_no_books()
    {
        using var ledger = WithVoucher();
        ledger.Ok("vouchers", "attach", "1", "--period", "2025-03", Scan(ledger));
        var (log, folder) = (Path.Combine(ledger.Dir, "moved.jsonl"), Path.Combine(ledger.Dir, "files"));
        ledger.Ok("log", "export", "--out", log, "--attachments", folder);
        File.AppendAllText(Directory.GetFiles(folder).Single(), "x");

        using var target = new TestLedger();
        var refused = target.Run("restore", "--from-log", log, "--attachments", folder);

        Assert.That(refused.Code, Is.EqualTo(1));
        Assert.That(refused.Err, Does.Contain("missing").Or.Contain("differ"));
    }

    [Test, Category(TestLedger.SqliteOnly)] // SQLite's file copy; on PostgreSQL backup is pg_dump of the village's schema, files included
    public void A_backup_carries_the_files_and_the_copy_verifies()
    {
        using var ledger = WithVoucher();
        ledger.Ok("vouchers", "attach", "1", "--period", "2025-03", Photo(ledger));
        var copy = Path.Combine(ledger.Dir, "copy.db");

        ledger.Ok("backup", "--out", copy);

        using (var store = CollectiveLedger.Storage.LedgerStore.Open(copy, TestClock.Fixed))
        {
            var kept = store.Attachments.Of(new CollectiveLedger.Core.Vouchers.VoucherKey(new CollectiveLedger.Core.Periods.Period(2025, 3), 1)).Single();
            Assert.That(store.Attachments.File(kept.Seq), Is.Not.Null, "the copy holds the file, still hashing to its entry");
            Assert.That(CollectiveLedger.Storage.Verification.LedgerVerifier.Verify(store, []).Problems, Is.Empty, "verify holds the copied file to its entry");
        }
    }
}
