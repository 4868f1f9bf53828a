using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CollectiveLedger.Tests.Storage;

/// <summary>verify catches every kind of edit made behind the program's back, naming where.</summary>
public class TamperTests
{
    private static TestLedger Books()
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("counterparties", "add", "C01", "苏木财政所");
        var file = ledger.WriteFile("v.jsonl", string.Join("\n", Enumerable.Range(1, 6).Select(i =>
            $$"""{"ref":"T{{i}}","date":"2025-0{{1 + i % 3}}-1{{i}}","summary":"第{{i}}笔","lines":[{"account":"10201","debit":"{{i}}00.00","fund":"F01"},{"account":"50101","credit":"{{i}}00.00","fund":"F01","member":"M001","counterparty":"C01"}]}""")));
        ledger.Ok("vouchers", "import", file);
        ledger.Ok("period", "close", "2025-01");
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
        return ledger;
    }

    private static JsonElement Verify(TestLedger ledger, params string[] extra)
    {
        var (code, stdout, _) = ledger.Run(["verify", "--format", "json", .. extra]);
        var report = JsonDocument.Parse(stdout).RootElement;
        Assert.That(code, Is.EqualTo(1), stdout);
        Assert.That(report.GetProperty("ok").GetBoolean(), Is.False);
        return report;
    }

    private static void Unlock(TestLedger ledger) => ledger.Sql("""
        DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER vouchers_no_update; DROP TRIGGER vouchers_no_delete;
        DROP TRIGGER voucher_lines_no_update; DROP TRIGGER voucher_lines_no_delete; DROP TRIGGER vouchers_open_period;
        DROP TRIGGER voucher_lines_leaf_account; DROP TRIGGER accounts_parent_without_postings;
        """);

    [Test]
    public void The_triggers_refuse_edits_of_the_log_and_posted_vouchers()
    {
        using var ledger = Books();

        foreach (var sql in new[] { "UPDATE audit_log SET hash = hash", "DELETE FROM audit_log WHERE seq = 3", "UPDATE vouchers SET summary = 'x'",
                     "DELETE FROM voucher_lines", "UPDATE voucher_lines SET debit_fen = debit_fen + 1 WHERE debit_fen > 0" })
            Assert.That(() => ledger.Sql(sql), Throws.Exception.With.Message.Contains("never").Or.Message.Contains("append-only"), sql);
    }

    // Every column of every table: one cell changed is found, named by table, key and column.
    private static readonly object[] Cells =
    [
        new object[] { "ledger", "org", "UPDATE ledger SET org = org || '改'" },
        new object[] { "accounts", "name", "UPDATE accounts SET name = '改' WHERE code = '10201'" },
        new object[] { "accounts", "parent", "UPDATE accounts SET parent = NULL, level = 1 WHERE code = '10201'" },
        new object[] { "funds", "name", "UPDATE funds SET name = '改' WHERE code = 'F01'" },
        new object[] { "members", "name", "UPDATE members SET name = '改' WHERE code = 'M001'" },
        new object[] { "counterparties", "name", "UPDATE counterparties SET name = '改'" },
        new object[] { "closed_periods", "balances_sha256", "UPDATE closed_periods SET balances_sha256 = printf('%064d', 7)" },
        new object[] { "vouchers", "cashier", "UPDATE vouchers SET cashier = '某人' WHERE ref = 'T3'" },
        new object[] { "vouchers", "source", "UPDATE vouchers SET source = 'reversal' WHERE ref = 'T3'" },
        new object[] { "vouchers", "date", "UPDATE vouchers SET date = '2025-02-28' WHERE number = 1 AND period = '2025-02'" },
        new object[] { "vouchers", "summary", "UPDATE vouchers SET summary = '改' WHERE ref = 'T3'" },
        new object[] { "vouchers", "ref", "UPDATE vouchers SET ref = 'Z' WHERE ref = 'T3'" },
        new object[] { "voucher_lines", "debit_fen", "UPDATE voucher_lines SET debit_fen = debit_fen + 1 WHERE line_no = 1 AND voucher_seq = (SELECT max(voucher_seq) FROM voucher_lines)" },
        new object[] { "voucher_lines", "account", "UPDATE voucher_lines SET account = '101' WHERE line_no = 1 AND voucher_seq = (SELECT min(voucher_seq) FROM voucher_lines)" },
        new object[] { "voucher_lines", "member", "UPDATE voucher_lines SET member = NULL WHERE line_no = 2" },
        new object[] { "voucher_lines", "fund", "UPDATE voucher_lines SET fund = NULL WHERE line_no = 1" },
        new object[] { "account_turnover", "credit_fen", "UPDATE account_turnover SET credit_fen = credit_fen + 1 WHERE account = (SELECT min(account) FROM account_turnover)" },
        new object[] { "fund_days", "debit_fen", "UPDATE fund_days SET debit_fen = debit_fen + 1 WHERE date = (SELECT min(date) FROM fund_days)" },
    ];

    [TestCaseSource(nameof(Cells))]
    public void A_changed_cell_is_found_with_its_table_and_column(string table, string column, string sql)
    {
        using var ledger = Books();
        Unlock(ledger);
        ledger.Sql(sql);

        var problems = Verify(ledger).GetProperty("problems").EnumerateArray().ToList();

        Assert.That(problems.Any(p => p.GetProperty("kind").GetString() == "replay" && p.GetProperty("table").GetString() == table
            && p.GetProperty("column").GetString() == column), Is.True, string.Join("\n", problems));
    }

    [TestCase("INSERT INTO members (code, name, added_seq) VALUES ('M666', '冒名', 3)", "members")]
    [TestCase("INSERT INTO vouchers SELECT 999, period, 99, date, kind, 'FAKE', summary, attachments, NULL, NULL, 'import', NULL, NULL, NULL FROM vouchers LIMIT 1", "vouchers")]
    [TestCase("INSERT INTO voucher_lines SELECT voucher_seq, 9, account, debit_fen, credit_fen, fund, member, counterparty, summary FROM voucher_lines LIMIT 1", "voucher_lines")]
    [TestCase("DELETE FROM voucher_lines WHERE line_no = 2 AND voucher_seq = (SELECT min(voucher_seq) FROM voucher_lines)", "voucher_lines")]
    [TestCase("DELETE FROM closed_periods", "closed_periods")]
    [TestCase("INSERT INTO account_turnover VALUES ('2030-01', '101', 'normal', '', 100, 0)", "account_turnover")]
    [TestCase("DELETE FROM account_turnover WHERE account = (SELECT max(account) FROM account_turnover)", "account_turnover")]
    [TestCase("INSERT INTO fund_days VALUES ('F01', '2030-01-01', 100, 0)", "fund_days")]
    [TestCase("DELETE FROM fund_days WHERE date = (SELECT max(date) FROM fund_days)", "fund_days")]
    [TestCase("DELETE FROM accounts WHERE code = '50101'", "accounts")]
    public void An_inserted_or_deleted_row_is_found(string sql, string table)
    {
        using var ledger = Books();
        Unlock(ledger);
        ledger.Sql("PRAGMA foreign_keys = OFF; " + sql);

        var problems = Verify(ledger).GetProperty("problems").EnumerateArray().ToList();

        Assert.That(problems.Any(p => p.GetProperty("table").GetString() == table), Is.True, string.Join("\n", problems));
    }

    [Test]
    public void A_stored_hash_that_is_not_the_hash_of_its_entry_is_named_with_both_values()
    {
        using var ledger = Books();
        Unlock(ledger);
        var forged = new string('0', 63) + "1";
        ledger.Sql($"UPDATE audit_log SET hash = '{forged}' WHERE seq = 5");

        var problems = Verify(ledger).GetProperty("problems").EnumerateArray().ToList();

        var problem = problems.Single(p => p.GetProperty("kind").GetString() == "chain" && p.GetProperty("column").GetString() == "hash");
        Assert.That(problem.GetProperty("seq").GetInt64(), Is.EqualTo(5));
        Assert.That(problem.GetProperty("actual").GetString(), Is.EqualTo(forged));
        Assert.That(problem.GetProperty("expected").GetString(), Is.Not.EqualTo(forged).And.Length.EqualTo(64));
    }

    [Test]
    public void An_entry_edited_with_every_later_hash_recomputed_is_caught_by_replay_and_by_an_anchor()
    {
        using var ledger = Books();
        var anchor = ledger.Head();
        Unlock(ledger);
        RewriteFrom(ledger, 8, json => json.Replace("\"第2笔\"", "\"第2笔（改）\""));

        var report = Verify(ledger, "--anchor", $"{anchor.Count - 1}:{anchor.Hash}");
        var kinds = report.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("kind").GetString()).ToList();

        Assert.That(kinds, Does.Contain("replay"), "the tables still say what the log said before");
        Assert.That(kinds, Does.Contain("anchor"), "the head no longer matches what was printed");
        Assert.That(kinds, Does.Not.Contain("chain"), "the forger recomputed every hash");
    }

    [Test]
    public void A_forged_entry_that_breaks_a_posting_rule_is_named_by_replay_even_with_hashes_recomputed()
    {
        using var ledger = Books();
        Unlock(ledger);
        RewriteFrom(ledger, 7, json => json.Replace("\"debit\":\"100.00\"", "\"debit\":\"-100.00\"").Replace("\"credit\":\"100.00\"", "\"credit\":\"-100.00\""));

        var messages = Verify(ledger).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()).ToList();

        Assert.That(messages, Has.Some.Contains("is not positive"));
    }

    [Test]
    public void Cutting_off_the_last_entries_is_caught_by_an_anchor()
    {
        using var ledger = Books();
        var anchor = ledger.Head();
        Unlock(ledger);
        ledger.Sql($"DELETE FROM closed_periods; DELETE FROM audit_log WHERE seq = {anchor.Count - 1}");

        var problems = Verify(ledger, "--anchor", $"{anchor.Count - 1}:{anchor.Hash}").GetProperty("problems").EnumerateArray().ToList();

        Assert.That(problems.Any(p => p.GetProperty("kind").GetString() == "anchor" && p.GetProperty("message").GetString()!.Contains("cut short")), Is.True);
    }

    [Test]
    public void Two_swapped_entries_break_the_chain_at_the_first_of_them()
    {
        using var ledger = Books();
        Unlock(ledger);
        ledger.Sql("""
            UPDATE audit_log SET seq = 1000 WHERE seq = 8; UPDATE audit_log SET seq = 8 WHERE seq = 9; UPDATE audit_log SET seq = 9 WHERE seq = 1000;
            """);

        var problems = Verify(ledger).GetProperty("problems").EnumerateArray().ToList();

        var firstChain = problems.First(p => p.GetProperty("kind").GetString() == "chain");
        Assert.That(firstChain.GetProperty("seq").GetInt64(), Is.EqualTo(8));
    }

    private static void RewriteFrom(TestLedger ledger, long seq, Func<string, string> edit) => TamperHelpers.RewriteEntry(ledger, seq, edit);
}

public static class TamperHelpers
{
    /// <summary>
    /// What a forger with the database file does to rewrite history: change the summary of the voucher with
    /// <paramref name="reference"/> in its table and in its entry, and recompute every hash after it, so that
    /// only a checkpoint held outside the books can catch it.
    /// </summary>
    public static void RewriteSummary(TestLedger ledger, string reference, string from, string to)
    {
        long seq;
        using (var c = ledger.Connect())
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT seq FROM vouchers WHERE ref = @r";
            cmd.Parameters.AddWithValue("@r", reference);
            seq = (long)cmd.ExecuteScalar()!;
        }
        ledger.Sql("DROP TRIGGER audit_log_no_update; DROP TRIGGER vouchers_no_update");
        ledger.Sql($"UPDATE vouchers SET summary = '{to}' WHERE ref = '{reference}'");
        RewriteEntry(ledger, seq, s => s.Replace($"\"{from}\"", $"\"{to}\"", StringComparison.Ordinal));
    }

    /// <summary>What a forger with write access does: edit entry <paramref name="seq"/> and re-chain everything after it.</summary>
    public static void RewriteEntry(TestLedger ledger, long seq, Func<string, string> edit)
    {
        using var c = ledger.Connect();
        var rows = new List<(long Seq, byte[] Bytes)>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT seq, entry FROM audit_log WHERE seq >= @s ORDER BY seq";
            cmd.Parameters.AddWithValue("@s", seq);
            using var r = cmd.ExecuteReader();
            while (r.Read()) rows.Add((r.GetInt64(0), (byte[])r[1]));
        }
        string prev;
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT hash FROM audit_log WHERE seq = @s";
            cmd.Parameters.AddWithValue("@s", seq - 1);
            prev = (string)cmd.ExecuteScalar()!;
        }
        foreach (var (s, bytes) in rows)
        {
            var text = Encoding.UTF8.GetString(bytes);
            if (s == seq) text = edit(text);
            var prevAt = text.IndexOf("\"prev\":\"", StringComparison.Ordinal) + 8;
            text = text[..prevAt] + prev + text[(prevAt + 64)..];
            var newBytes = Encoding.UTF8.GetBytes(text);
            prev = Convert.ToHexStringLower(SHA256.HashData(newBytes));
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE audit_log SET entry = @e, hash = @h WHERE seq = @s";
            cmd.Parameters.AddWithValue("@e", newBytes);
            cmd.Parameters.AddWithValue("@h", prev);
            cmd.Parameters.AddWithValue("@s", s);
            cmd.ExecuteNonQuery();
        }
    }
}
