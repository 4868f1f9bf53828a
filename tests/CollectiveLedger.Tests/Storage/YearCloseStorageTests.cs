using System.Text.Json;

namespace CollectiveLedger.Tests.Storage;

/// <summary>Schema version 4 (year close) on old and new files, and verify catching edits of what year close wrote.</summary>
public class YearCloseStorageTests
{
    private static TestLedger ClosedYear()
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json", """
            [{"ref":"A","date":"2025-03-05","summary":"草场承包费","lines":[{"account":"10201","debit":"500.00"},{"account":"50101","credit":"500.00"}]},
             {"ref":"B","date":"2025-07-10","summary":"办公费","lines":[{"account":"513","debit":"120.50"},{"account":"10201","credit":"120.50"}]}]
            """));
        for (var m = 1; m <= 11; m++) ledger.Ok("period", "close", $"2025-{m:D2}");
        ledger.Ok("year", "close", "2025");
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
        return ledger;
    }

    private static List<JsonElement> Problems(TestLedger ledger)
    {
        var (code, stdout, _) = ledger.Run("verify", "--format", "json");
        Assert.That(code, Is.EqualTo(1), stdout);
        return JsonDocument.Parse(stdout).RootElement.GetProperty("problems").EnumerateArray().ToList();
    }

    private static long Scalar(TestLedger ledger, string sql)
    {
        using var c = ledger.Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Test, Category(TestLedger.SqliteOnly)] // an old SQLite file, migrated forward: PostgreSQL books start at the latest schema
    public void A_database_of_schema_version_2_opens_migrates_closes_its_year_and_verifies()
    {
        using var ledger = new TestLedger();
        using (var fresh = new TestLedger())
        {
            fresh.Ok("init", "--org", "老账套嘎查", "--org-code", "N2OLD", "--start", "2025-01", "--attachments-required", "false");
            // A file as version 2 wrote it: its two schema files, and entry 0 with the rows it implies
            // (taken from a new ledger: entry 0 and its rows did not change).
            using var c = ledger.Connect();
            using var cmd = c.CreateCommand();
            var schema = Path.Combine(TestLedger.RepoRoot, "src", "CollectiveLedger.Storage", "Schema");
            cmd.CommandText = $"""
                PRAGMA application_id = 1129072466; PRAGMA journal_mode = WAL;
                {File.ReadAllText(Path.Combine(schema, "001-initial.sql"))}
                {File.ReadAllText(Path.Combine(schema, "002-disclosure.sql"))}
                PRAGMA user_version = 2;
                ATTACH '{fresh.Db}' AS fresh;
                INSERT INTO audit_log SELECT * FROM fresh.audit_log WHERE seq = 0;
                INSERT INTO ledger SELECT * FROM fresh.ledger;
                INSERT INTO accounts SELECT * FROM fresh.accounts;
                DETACH fresh;
                """;
            cmd.ExecuteNonQuery();
        }
        Assert.That(Scalar(ledger, "SELECT count(*) FROM sqlite_schema WHERE name IN ('years', 'drafts')"), Is.EqualTo(0));
        Assert.That(Scalar(ledger, "SELECT instr(sql, 'closing') FROM sqlite_schema WHERE name = 'vouchers'"), Is.EqualTo(0));

        ledger.Ok("accounts", "add", "10201", "信用社基本户", "--parent", "102");
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json", """[{"date":"2025-03-05","summary":"承包费","lines":[{"account":"10201","debit":"500.00"},{"account":"501","credit":"500.00"}]}]"""));
        for (var m = 1; m <= 11; m++) ledger.Ok("period", "close", $"2025-{m:D2}");
        ledger.Ok("year", "close", "2025");

        var latest = Directory.GetFiles(Path.Combine(TestLedger.RepoRoot, "src", "CollectiveLedger.Storage", "Schema"), "*.sql")
            .Max(f => int.Parse(Path.GetFileName(f)[..3], System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(Scalar(ledger, "PRAGMA user_version"), Is.EqualTo(latest), "migrated through every later file");
        Assert.That(Scalar(ledger, "SELECT count(*) FROM vouchers WHERE kind = 'closing' AND source = 'year_close'"), Is.EqualTo(2));
        Assert.That(Scalar(ledger, "SELECT count(*) FROM years WHERE year = 2025 AND status = 'closed'"), Is.EqualTo(1));
        Assert.That(Scalar(ledger, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), Is.EqualTo(1));
        Assert.That(() => ledger.Sql("INSERT INTO vouchers (seq, period, number, date, kind, summary, attachments) VALUES (999, '2026-12', 9, '2026-12-31', 'bogus', 'x', 0)"),
            Throws.Exception.With.Message.Contains("CHECK").IgnoreCase, "the relaxed CHECK still refuses other kinds");
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void The_triggers_mirror_the_year_rules()
    {
        using var ledger = ClosedYear();

        Assert.That(() => ledger.Sql("INSERT INTO years (year, status, seq) VALUES (2026, 'closed', 999)"), Throws.Exception.With.Message.Contains("EarlierPeriodOpen"));
        Assert.That(() => ledger.Sql("INSERT INTO vouchers (seq, period, number, date, kind, summary, attachments) VALUES (999, '2026-03', 1, '2026-03-01', 'closing', 'x', 0)"),
            Throws.Exception.With.Message.Contains("31 December"));
        Assert.That(() => ledger.Sql("INSERT INTO vouchers (seq, period, number, date, kind, summary, attachments) VALUES (999, '2027-03', 1, '2027-03-01', 'normal', 'x', 0)"),
            Throws.Exception.With.Message.Contains("PriorYearNotClosed"));
        Assert.That(() => ledger.Sql("UPDATE years SET seq = 1"), Throws.Exception.With.Message.Contains("never"));
    }

    [TestCase("UPDATE years SET seq = 1", "years", "seq")]
    public void An_edited_years_row_is_found_with_its_column(string sql, string table, string column)
    {
        using var ledger = ClosedYear();
        ledger.Sql("DROP TRIGGER years_no_update; " + sql);

        var problems = Problems(ledger);

        Assert.That(problems.Any(p => p.GetProperty("table").GetString() == table && p.GetProperty("column").GetString() == column), Is.True,
            string.Join("\n", problems));
    }

    [Test]
    public void A_deleted_years_row_is_found()
    {
        using var ledger = ClosedYear();
        ledger.Sql("DROP TRIGGER years_no_delete; DELETE FROM years");

        var problems = Problems(ledger);

        Assert.That(problems.Any(p => p.GetProperty("table").GetString() == "years" && p.GetProperty("actual").GetString() == "missing"), Is.True,
            string.Join("\n", problems));
    }

    [Test]
    public void A_closing_voucher_forged_with_every_later_hash_recomputed_is_named_by_replay()
    {
        using var ledger = ClosedYear();
        var seq = Scalar(ledger, "SELECT seq FROM vouchers WHERE kind = 'closing' ORDER BY seq LIMIT 1");
        ledger.Sql("DROP TRIGGER audit_log_no_update");

        // 500.00 of income moved as 400.00: still balanced, still canonical, but not what the books call for.
        TamperHelpers.RewriteEntry(ledger, seq, json => json.Replace("\"500.00\"", "\"400.00\"").Replace("\"379.50\"", "\"279.50\""));

        var messages = Problems(ledger).Select(p => p.GetProperty("message").GetString()).ToList();
        Assert.That(messages, Has.Some.Contains("is not what year close 2025 computes"));
        Assert.That(messages, Has.Some.Contains("account 50101 still has a balance of -100.00 after the year-end closing"));
    }

    [Test]
    public void A_year_closed_entry_without_its_closing_vouchers_is_named_by_replay()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json", """[{"date":"2025-03-05","summary":"承包费","lines":[{"account":"10201","debit":"500.00"},{"account":"50101","credit":"500.00"}]}]"""));
        for (var m = 1; m <= 11; m++) ledger.Ok("period", "close", $"2025-{m:D2}");
        var seq = ledger.Head().Count - 1;
        ledger.Sql("DROP TRIGGER audit_log_no_update");

        // The last month close rewritten as year.closed for a year whose December never closed.
        TamperHelpers.RewriteEntry(ledger, seq, json => json.Replace("\"kind\":\"period.closed\"", "\"kind\":\"year.closed\"").Replace(json[(json.IndexOf("\"data\":", StringComparison.Ordinal) + 7)..(json.IndexOf("},\"kind\"", StringComparison.Ordinal) + 1)], "{\"year\":2025}"));

        var messages = Problems(ledger).Select(p => p.GetProperty("message").GetString()).ToList();
        Assert.That(messages, Has.Some.Contains("year.closed 2025 does not follow the closing vouchers"));
    }
}
