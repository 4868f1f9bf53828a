using System.Text.Json;

namespace CollectiveLedger.Tests.Storage;

/// <summary>
/// The month sums the database keeps (Schema/011, account_turnover, by account, kind and fund): filled in for a ledger written
/// before them, kept by the trigger for every posted line (red ink included), and read by reports.
/// </summary>
public class TurnoverTests
{
    private const string Vouchers = """
        [{"ref":"O","date":"2025-01-01","kind":"opening","summary":"期初","lines":[{"account":"10201","debit":"9000.00"},{"account":"321","credit":"9000.00"}]},
         {"ref":"A","date":"2025-03-05","summary":"草场承包费","lines":[{"account":"10201","debit":"500.00"},{"account":"50101","credit":"500.00"}]},
         {"ref":"B","date":"2025-03-20","summary":"草场承包费","lines":[{"account":"101","debit":"250.25"},{"account":"50101","credit":"250.25"}]},
         {"ref":"C","date":"2025-07-10","summary":"办公费","lines":[{"account":"513","debit":"120.50"},{"account":"10201","credit":"120.50"}]},
         {"ref":"F","date":"2025-07-12","summary":"衔接资金到账","lines":[{"account":"10201","debit":"3000.00","fund":"F01"},{"account":"241","credit":"3000.00","fund":"F01"}]}]
        """;

    private static List<(string Period, string Account, string Kind, string Fund, long Debit, long Credit)> Sums(TestLedger ledger)
    {
        using var c = ledger.Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT period, account, kind, fund, debit_fen, credit_fen FROM account_turnover ORDER BY period, account, kind, fund";
        using var r = cmd.ExecuteReader();
        var rows = new List<(string, string, string, string, long, long)>();
        while (r.Read()) rows.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetInt64(5)));
        return rows;
    }

    private static List<(string Fund, string Date, long Debit, long Credit)> FundDays(TestLedger ledger)
    {
        using var c = ledger.Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT fund, date, debit_fen, credit_fen FROM fund_days ORDER BY fund, date";
        using var r = cmd.ExecuteReader();
        var rows = new List<(string, string, long, long)>();
        while (r.Read()) rows.Add((r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3)));
        return rows;
    }

    [Test]
    public void Every_posted_line_is_added_to_its_month_and_a_reversal_takes_it_back()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json", Vouchers));
        ledger.Ok("vouchers", "reverse", "2", "--period", "2025-03", "--date", "2025-03-25", "--reason", "重复");

        Assert.That(Sums(ledger), Is.EqualTo(new[]
        {
            ("2025-01", "10201", "opening", "", 900000L, 0L), ("2025-01", "321", "opening", "", 0L, 900000L),
            ("2025-03", "101", "normal", "", 0L, 0L) /* 250.25 and its red-ink -250.25 */, ("2025-03", "10201", "normal", "", 50000L, 0L), ("2025-03", "50101", "normal", "", 0L, 50000L),
            ("2025-07", "10201", "normal", "", 0L, 12050L), ("2025-07", "10201", "normal", "F01", 300000L, 0L),
            ("2025-07", "241", "normal", "F01", 0L, 300000L), ("2025-07", "513", "normal", "", 12050L, 0L),
        }));
        Assert.That(FundDays(ledger), Is.EqualTo(new[] { ("F01", "2025-07-12", 300000L, 0L) }), "a fund's cash and bank lines by day (Schema/018); 241 is neither");
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    [Category(TestLedger.SqliteOnly)] // an old SQLite file, migrated forward: PostgreSQL books start at the latest schema
    public void A_ledger_written_before_the_sums_existed_gets_them_when_opened_and_its_reports_do_not_change()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json", Vouchers));
        var before = ledger.Ok("report", "trial-balance", "--from", "2025-01", "--to", "2025-12", "--format", "json");
        var sums = Sums(ledger);
        var fundDays = FundDays(ledger);
        // The file as version 10 left it: no table, no trigger, no index (nor version 12's notice tables, nor 13's session stamp, nor 14's credential tables, nor 15's role changes,
        // nor 16's distribution columns and relaxed CHECK, nor 17's nominal assets, nor 18's fund days, nor 19's herd cost moves and register view,
        // nor 20's attachments_reason, nor 22's witness cosignatures, nor 23's attachment tables, nor 24's bank statements; the distribution tables keep version 21's keys by plan, which 21 rebuilds again from what 16 gives back).
        ledger.Sql("PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql, '(undistributed_fen < total_shares OR to_share_fen IS NOT NULL))', " +
            "'undistributed_fen < total_shares)') WHERE name = 'distributions'; PRAGMA writable_schema = RESET;");
        ledger.Sql("ALTER TABLE distributions DROP COLUMN to_share_fen; ALTER TABLE distributions DROP COLUMN reserve_base_fen; ALTER TABLE distribution_steps DROP COLUMN reserve_account; " +
            "ALTER TABLE assets DROP COLUMN nominal; ALTER TABLE vouchers DROP COLUMN attachments_reason; DROP TABLE role_changes; DROP TABLE user_credentials; DROP TABLE enrolment_codes; ALTER TABLE credentials DROP COLUMN session_stamp; DROP TABLE notice_publications; DROP TABLE notice_reviews; DROP TABLE notices; " +
            "DROP TABLE bank_unmatches; DROP TABLE bank_matches; DROP TABLE bank_lines; DROP TABLE bank_statements; " +
            "DROP TABLE voucher_attachments; DROP TABLE attachment_files; DROP TRIGGER voucher_lines_fund_days; DROP TABLE fund_days; DROP TABLE witness_cosignatures; DROP TRIGGER voucher_lines_turnover; DROP TABLE account_turnover; DROP INDEX voucher_lines_fund; PRAGMA user_version = 10;");
        var view005 = File.ReadAllText(Path.Combine(TestLedger.RepoRoot, "src", "CollectiveLedger.Storage", "Schema", "005-assets.sql"));
        ledger.Sql("DROP VIEW asset_register; DROP TABLE asset_cost_changes; " + view005[view005.IndexOf("CREATE VIEW asset_register", StringComparison.Ordinal)..]);

        var after = ledger.Ok("report", "trial-balance", "--from", "2025-01", "--to", "2025-12", "--format", "json");

        Assert.That(Sums(ledger), Is.EqualTo(sums));
        Assert.That(FundDays(ledger), Is.EqualTo(fundDays).And.Not.Empty);
        Assert.That(JsonDocument.Parse(after).RootElement.GetProperty("rows").ToString(), Is.EqualTo(JsonDocument.Parse(before).RootElement.GetProperty("rows").ToString()));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void A_trial_balance_read_with_the_chart_alone_is_the_one_the_whole_state_gives_and_names_the_same_ledger()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json", Vouchers));
        using var store = ledger.Open();

        var chart = store.LoadChart();
        var state = store.LoadState();
        Assert.That(chart.Ledger, Is.EqualTo(state.Ledger));
        Assert.That(chart.Accounts.Keys, Is.EquivalentTo(state.Accounts.Keys).And.Contains("10201").And.Contains("50101"));
        Assert.That(chart.Accounts["10201"], Is.EqualTo(state.Accounts["10201"]));
        // 10201 in July: 9,000.00 opening and 500.00 in March before it; 3,000.00 in (fund F01) and 120.50 out.
        var july = store.Books.TrialBalance(new CollectiveLedger.Core.Periods.Period(2025, 7), new CollectiveLedger.Core.Periods.Period(2025, 7));
        var bank = july.Rows.Single(r => r.Code == "10201");
        Assert.That((bank.Name, bank.OpeningDebit.Fen, bank.PeriodDebit.Fen, bank.PeriodCredit.Fen, bank.ClosingDebit.Fen),
            Is.EqualTo(("信用社基本户", 950000L, 300000L, 12050L, 1237950L)));
    }
}

