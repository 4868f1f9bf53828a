using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CollectiveLedger.Storage;
using CollectiveLedger.Storage.Schema;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CollectiveLedger.Tests.Postgres;

/// <summary>
/// Schema/postgres/schema.sql (issue 16) against SQLite's schema, held side by side: a fresh SQLite book made by
/// <c>init</c> (LedgerStore.Create) and a fresh PostgreSQL village made by schema.sql have the same tables and
/// columns, refuse the same rows with the same messages, keep the same sums, order text keys the same
/// (bytewise), and one village's schema sees nothing of another's.
/// </summary>
public class PostgresSchemaTests
{
    // ---- the same shape ----

    [Test]
    public void Schema_sql_makes_the_tables_views_and_columns_of_a_fresh_SQLite_book()
    {
        using var book = TestLedger.WithBasics(TestLedger.OnSqlite());
        using var village = new TestVillage();

        var sqlite = SqliteColumns(book);
        var postgres = PostgresColumns(village);

        Assert.That(postgres, Is.EqualTo(sqlite), "tables and views, columns in order: name, type, nullability, default");
        Assert.That(sqlite, Has.Count.GreaterThan(250), "the SQLite side was read");
    }

    [Test]
    public void Every_text_column_of_the_PostgreSQL_tables_compares_bytewise_as_SQLite_does()
    {
        using var village = new TestVillage();

        var collations = village.Connection.Query<(string Table, string Column, string? Collation)>("""
            SELECT c.table_name, c.column_name, c.collation_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = @Schema AND t.table_type = 'BASE TABLE' AND c.data_type = 'text'
            """, new { village.Schema }).ToList();

        Assert.That(collations, Has.Count.GreaterThan(150));
        Assert.That(collations.Where(c => c.Collation != "C").Select(c => $"{c.Table}.{c.Column}"), Is.Empty);
    }

    [Test]
    public void Schema_sql_makes_the_indexes_SQLite_makes_under_the_same_names()
    {
        using var book = TestLedger.WithBasics(TestLedger.OnSqlite());
        using var village = new TestVillage();
        using var sqlite = book.Connect();

        var expected = sqlite.Query<string>("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL").Order(StringComparer.Ordinal);
        var actual = village.Connection.Query<string>("""
            SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @Schema AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            """, new { village.Schema }).Order(StringComparer.Ordinal);

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Every_SQLite_trigger_has_its_PostgreSQL_equivalent_with_the_same_message()
    {
        using var book = TestLedger.WithBasics(TestLedger.OnSqlite());
        using var village = new TestVillage();
        using var sqlite = book.Connect();
        var sqliteTriggers = sqlite.Query<(string Name, string Table, string Sql)>("SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger'").ToList();
        var pgTriggers = village.Connection.Query<(string Name, string Table, string Event, string Timing, string Orientation, string Statement)>("""
            SELECT trigger_name, event_object_table, event_manipulation, action_timing, action_orientation, action_statement
            FROM information_schema.triggers WHERE trigger_schema = @Schema
            """, new { village.Schema }).ToList();
        var functions = string.Join("\n", village.Connection.Query<string>(
            "SELECT p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = @Schema", new { village.Schema }));

        Assert.That(sqliteTriggers, Has.Count.GreaterThan(60));
        foreach (var (name, table, sql) in sqliteTriggers)
        {
            var message = Regex.Match(sql, @"RAISE\(ABORT, '((?:[^']|'')*)'\)").Groups[1].Value;
            if (name.EndsWith("_no_update", StringComparison.Ordinal) || name.EndsWith("_no_delete", StringComparison.Ordinal))
            {
                // The same trigger, by the shared function, with the same message as its argument.
                var change = name.EndsWith("_no_update", StringComparison.Ordinal) ? "UPDATE" : "DELETE";
                Assert.That(pgTriggers, Does.Contain((name, table, change, "BEFORE", "ROW", $"EXECUTE FUNCTION refuse_change('{message}')")), name);
            }
            else
            {
                // A rule: a trigger of the same name, or a step of its table's one rules function, raising the same message.
                Assert.That(pgTriggers.Any(t => t.Name == name && t.Table == table) || functions.Contains($"-- {name} ", StringComparison.Ordinal),
                    Is.True, $"{name} has no PostgreSQL equivalent");
                if (message.Length > 0)
                    Assert.That(functions, Does.Contain($"RAISE EXCEPTION '{message}'"), name);
            }
        }
    }

    /// <summary>schema.sql is version 22; every later SQLite migration NNN-name.sql comes with postgres/NNN-name.sql (Storage's README).</summary>
    [Test]
    public void Schema_sql_and_the_PostgreSQL_migrations_after_it_reach_the_latest_SQLite_version()
    {
        var header = Regex.Match(Migrations.PostgresSchema, @"^-- CollectiveLedger schema for PostgreSQL, version (\d+):");
        var schemaVersion = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
        var pairs = typeof(LedgerStore).Assembly.GetManifestResourceNames()
            .Where(n => n.Contains(Migrations.PostgresFolder, StringComparison.Ordinal))
            .Select(n => n[(n.IndexOf(Migrations.PostgresFolder, StringComparison.Ordinal) + Migrations.PostgresFolder.Length)..])
            .Where(f => f.Length > 3 && f[..3].All(char.IsAsciiDigit))
            .Select(f => int.Parse(f[..3], CultureInfo.InvariantCulture))
            .Order();

        Assert.That(header.Success, Is.True, "schema.sql opens with its version");
        Assert.That(schemaVersion, Is.EqualTo(Migrations.PostgresSchemaVersion), "the version the pairs start from is schema.sql's");
        Assert.That(Migrations.PostgresPairs.Select(m => m.Version), Is.EqualTo(pairs), "the pairs are loaded, in order");
        Assert.That(pairs, Is.EqualTo(Enumerable.Range(schemaVersion + 1, Migrations.Latest - schemaVersion)),
            "each SQLite migration after schema.sql's version has its postgres/NNN-name.sql");
        Assert.That(Migrations.All.Select(m => m.Version), Is.EqualTo(Enumerable.Range(1, Migrations.Latest)), "postgres/ holds no SQLite migration");
    }

    /// <summary>
    /// A village an earlier program made (schema.sql alone, version 22 in its comment) is taken forward by the
    /// pairs when this program opens it (Server.MigrateForward), and then has what a village made today has.
    /// </summary>
    [Test]
    public void A_village_made_at_version_22_is_taken_forward_when_opened_and_then_matches_a_fresh_one()
    {
        var code = "v22_" + Guid.NewGuid().ToString("N")[..12];
        var schema = "village_" + code;
        using var old = new NpgsqlConnection(TestPostgres.ConnectionString);
        old.Open();
        try
        {
            old.Execute($"CREATE SCHEMA {schema}; SET search_path TO {schema}");
            old.Execute(Migrations.PostgresSchema);
            old.Execute($"COMMENT ON SCHEMA {schema} IS 'CollectiveLedger 22'");
            Assert.That(PostgresColumns(old, schema).Any(c => c.StartsWith("voucher_attachments(", StringComparison.Ordinal)), Is.False, "version 22 has no attachments");

            using (LedgerStore.Open(TestPostgres.ConnectionString, TestClock.Fixed, code)) { }

            using var fresh = new TestVillage();
            var comment = old.ExecuteScalar<string>("SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = @schema", new { schema });
            Assert.That(comment, Is.EqualTo("CollectiveLedger " + Migrations.Latest.ToString(CultureInfo.InvariantCulture)));
            Assert.That(Migrations.Latest, Is.GreaterThanOrEqualTo(23));
            Assert.That(PostgresColumns(old, schema), Is.EqualTo(PostgresColumns(fresh)), "tables and columns as a fresh village's");
            const string triggers = "SELECT trigger_name || ' ' || event_manipulation FROM information_schema.triggers WHERE trigger_schema = @Schema ORDER BY 1";
            Assert.That(old.Query<string>(triggers, new { Schema = schema }), Is.EqualTo(fresh.Connection.Query<string>(triggers, new { fresh.Schema })));
            Assert.That(old.Query<string>(triggers, new { Schema = schema }), Does.Contain("attachment_files_no_update UPDATE"));
        }
        finally
        {
            old.Execute($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    // ---- the same rules ----

    [Test]
    public void Posting_into_a_closed_month_is_refused_with_PeriodClosed_until_the_month_is_reopened()
    {
        using var village = VillageWithChart();
        village.Execute("INSERT INTO closed_periods (period, closed_seq) VALUES ('2025-03', 10)");

        var refusal = village.Refusal(InsertVoucher, Voucher(20, "2025-03-05"));
        village.Execute("INSERT INTO period_reopens (seq, period, action, by, role, reason) VALUES (11, '2025-03', 'reopened', 'b', 'committee_chair', NULL)");
        village.Execute(InsertVoucher, Voucher(20, "2025-03-05"));

        Assert.That(refusal, Is.EqualTo("PeriodClosed"));
        Assert.That(village.Connection.ExecuteScalar<long>("SELECT count(*) FROM vouchers WHERE period = '2025-03'"), Is.EqualTo(1));
    }

    [Test]
    public void A_line_on_an_account_with_sub_accounts_is_refused_with_AccountNotLeaf_and_a_posted_account_gets_no_sub_account()
    {
        using var village = VillageWithChart();
        village.Execute(InsertVoucher, Voucher(20, "2025-03-05"));

        var onParent = village.Refusal(InsertLine, Line(20, 1, "102", 100, 0, null));
        village.Execute(InsertLine, Line(20, 1, "10201", 100, 0, null));
        var belowPosted = village.Refusal("INSERT INTO accounts (code, name, parent, class, normal_side, level, added_seq) VALUES ('1020101', '子户', '10201', 'asset', 'debit', 3, 30)");

        Assert.That(onParent, Is.EqualTo("AccountNotLeaf"));
        Assert.That(belowPosted, Is.EqualTo("AccountHasPostings"));
    }

    [Test]
    public void Year_and_distribution_rules_refuse_with_SQLites_messages_in_SQLites_order()
    {
        using var village = VillageWithChart();

        var nextYear = village.Refusal(InsertVoucher, Voucher(20, "2026-01-05"));
        var closingInJune = village.Refusal(InsertVoucher, Voucher(21, "2025-06-30", kind: "closing"));
        village.Execute("INSERT INTO closed_periods (period, closed_seq) VALUES ('2025-06', 10)");
        var closingInClosedJune = village.Refusal(InsertVoucher, Voucher(21, "2025-06-30", kind: "closing"));
        var yearBeforeDecember = village.Refusal("INSERT INTO years (year, status, seq) VALUES (2025, 'closed', 30)");
        var planOfOpenYear = village.Refusal("""
            INSERT INTO distributions (year, plan, planned_seq, by, reserve_percent, distributable_fen, reserve_fen, total_shares, per_share_fen, distributed_fen, undistributed_fen)
            VALUES (2025, 1, 30, 'p', 10, 1000, 100, 9, 100, 900, 0)
            """);
        var secondPlanFirst = village.Refusal("""
            INSERT INTO distributions (year, plan, planned_seq, by, reserve_percent, distributable_fen, reserve_fen, total_shares, per_share_fen, distributed_fen, undistributed_fen)
            VALUES (2025, 2, 30, 'p', 10, 1000, 100, 9, 100, 900, 0)
            """);

        Assert.That(nextYear, Is.EqualTo("PriorYearNotClosed"));
        Assert.That(closingInJune, Is.EqualTo("closing vouchers are dated 31 December"));
        Assert.That(closingInClosedJune, Is.EqualTo("closing vouchers are dated 31 December"), "SQLite fires its latest trigger first");
        Assert.That(yearBeforeDecember, Is.EqualTo("EarlierPeriodOpen"));
        Assert.That(planOfOpenYear, Is.EqualTo("DistributionYearNotClosed"));
        Assert.That(secondPlanFirst, Is.EqualTo("DistributionAlreadyDone"), "numbering is checked before the year, as in SQLite");
    }

    /// <summary>
    /// The rules of the registers, notices, role changes and distributions, as statements run one by one on both
    /// engines from the same books: each accepted or refused alike, with the same message.
    /// </summary>
    [Test]
    public void Register_notice_role_and_distribution_rules_give_the_same_outcome_statement_by_statement()
    {
        using var book = TestLedger.WithBasics(TestLedger.OnSqlite());
        using var village = VillageWithChart(book);
        using var sqlite = SqliteOf(book);
        const string contract = "INSERT INTO contracts (number, party, resource, area_hundredth_mu, rent_fen, starts, ends, schedule, income_account, prepaid_account, added_seq) VALUES ";
        const string plan = "INSERT INTO distributions (year, plan, planned_seq, by, reserve_percent, distributable_fen, reserve_fen, total_shares, per_share_fen, distributed_fen, undistributed_fen) VALUES ";
        const string notice = "INSERT INTO notices (number, seq, scope, from_period, to_period, date, checkpoint, content_sha256, by) VALUES ";
        var sha = new string('a', 64);
        (string Sql, string? Refusal)[] script =
        [
            ("INSERT INTO accounts (code, name, parent, class, normal_side, level, added_seq) VALUES ('21199', '预收承包费', '211', 'liability', 'credit', 2, 50)", null),
            (contract + "('HT-1', 'X9', 'grassland', 100, 3000, '2025-01-01', '2027-12-31', 'annual', '50101', '21199', 51)", "a contract party is a registered member or counterparty"),
            (contract + "('HT-1', 'M001', 'grassland', 100, 3000, '2025-01-01', '2027-12-31', 'annual', '50101', '21199', 51)", null),
            (notice + $"(1, 60, 'month', '2025-03', '2025-03', '2025-04-01', 'c', '{sha}', '乌云')", null),
            ($"INSERT INTO notice_reviews (notice, seq, content_sha256, date, opinion, by) VALUES (1, 61, '{sha}', '2025-04-02', '同意', '乌云')", "a notice is reviewed as prepared, by someone who did not prepare it"),
            ($"INSERT INTO notice_reviews (notice, seq, content_sha256, date, opinion, by) VALUES (1, 61, '{new string('b', 64)}', '2025-04-02', '同意', '额尔敦')", "a notice is reviewed as prepared, by someone who did not prepare it"),
            ("INSERT INTO disclosures (seq, scope, from_period, to_period, date, checkpoint) VALUES (62, 'month', '2025-03', '2025-03', '2025-04-03', 'c')", null),
            ("INSERT INTO notice_publications (disclosure_seq, notice) VALUES (62, 1)", "a notice is published only after its review"),
            ($"INSERT INTO notice_reviews (notice, seq, content_sha256, date, opinion, by) VALUES (1, 61, '{sha}', '2025-04-02', '同意', '额尔敦')", null),
            ("INSERT INTO notice_publications (disclosure_seq, notice) VALUES (62, 1)", null),
            ("INSERT INTO role_changes (seq, key, action, by, role, value) VALUES (70, 'role.supervisor', 'requested', '阿拉坦仓', NULL, '其木格')", null),
            ("INSERT INTO role_changes (seq, key, action, by, role, value) VALUES (71, 'role.supervisor', 'approved', '阿拉坦仓', 'committee_chair', '其木格')", "RoleChangeNotRequested"),
            ("INSERT INTO role_changes (seq, key, action, by, role, value) VALUES (71, 'role.supervisor', 'approved', '巴特尔', 'committee_chair', '额尔敦')", "RoleChangeNotRequested"),
            ("INSERT INTO role_changes (seq, key, action, by, role, value) VALUES (71, 'role.supervisor', 'approved', '巴特尔', 'committee_chair', '其木格')", null),
            ("INSERT INTO role_changes (seq, key, action, by, role, value) VALUES (72, 'role.supervisor', 'approved', '额尔敦', 'supervisor', '其木格')", "RoleChangeNotRequested"),
            ("INSERT INTO closed_periods (period, closed_seq) VALUES ('2025-12', 80)", null),
            ("INSERT INTO years (year, status, seq) VALUES (2025, 'closed', 81)", null),
            (plan + "(2025, 1, 82, '乌云', 10, 1000, 100, 9, 100, 900, 0)", null),
            ("INSERT INTO distribution_households (year, plan, member, shares, amount_fen) VALUES (2025, 1, 'M001', 3, 299)", "a household receives shares x per-share amount"),
            ("INSERT INTO distribution_households (year, plan, member, shares, amount_fen) VALUES (2025, 1, 'M001', 3, 300)", null),
            ("INSERT INTO distribution_steps (seq, year, action, by, role, plan) VALUES (83, 2025, 'posted', '乌云', NULL, NULL)", "DistributionNotApproved"),
            ("INSERT INTO distribution_steps (seq, year, action, by, role, plan) VALUES (83, 2025, 'approved', '巴特尔', 'committee_chair', 2)", "DistributionNotApproved"),
            (plan + "(2025, 3, 83, '乌云', 10, 1000, 100, 9, 100, 900, 0)", "DistributionAlreadyDone"),
            (plan + "(2025, 2, 83, '乌云', 20, 1000, 200, 8, 100, 800, 0)", null),
            ("INSERT INTO distribution_steps (seq, year, action, by, role, plan) VALUES (84, 2025, 'approved', '巴特尔', 'committee_chair', 1)", "DistributionNotApproved"),
            ("INSERT INTO distribution_steps (seq, year, action, by, role, plan) VALUES (84, 2025, 'approved', '巴特尔', 'committee_chair', 2)", null),
            (plan + "(2025, 3, 85, '乌云', 10, 1000, 100, 9, 100, 900, 0)", "DistributionAlreadyDone"),
            ("INSERT INTO distribution_steps (seq, year, action, by, role, plan) VALUES (85, 2025, 'paid', '乌云', NULL, NULL)", "DistributionNotApproved"),
            ("INSERT INTO distribution_steps (seq, year, action, by, role, plan) VALUES (85, 2025, 'posted', '乌云', NULL, NULL)", null),
            ("INSERT INTO distribution_steps (seq, year, action, by, role, plan) VALUES (86, 2025, 'paid', '乌云', NULL, NULL)", null),
            ("INSERT INTO contract_receipts (seq, contract, date, amount_fen, account) VALUES (87, 'HT-1', '2025-03-01', 9000, '10201')", null),
            ("INSERT INTO contract_recognitions (seq, contract, year, amount_fen) VALUES (88, 'HT-1', 2025, 3000)", null),
            ("INSERT INTO contract_recognitions (seq, contract, year, amount_fen) VALUES (89, 'HT-1', 2025, 3000)", "UNIQUE"),
            ("INSERT INTO assets (code, name, category, location, acquired, cost_fen, fund, life_months, residual_fen, account, depreciation_account, expense_account, species, head, opening_depreciation_fen, opening_months, paid_from, added_seq, nominal) " +
             "VALUES ('GD-1', '机井', 'well', NULL, '2025-01-01', 10000, NULL, 0, 0, '151', NULL, NULL, NULL, 0, 0, 0, NULL, 90, 0)", null),
            ("INSERT INTO asset_depreciation (seq, asset, period, amount_fen) VALUES (91, 'GD-1', '2025-02', 0)", null),
            ("INSERT INTO herd_changes (seq, asset, date, change, head, note) VALUES (92, 'GD-1', '2025-03-01', 'births', 1, NULL)", null),
            ("INSERT INTO asset_cost_changes (seq, asset, date, change, head, cost_fen, depreciation_fen, account) VALUES (93, 'GD-1', '2025-03-02', 'reared', 0, 100, 0, '101')", null),
            ("INSERT INTO asset_disposals (seq, asset, date, proceeds_fen, proceeds_account, gain_loss_account, reason) VALUES (94, 'GD-1', '2025-04-01', 0, NULL, NULL, '报废')", null),
            ("INSERT INTO feedback (number, seq, scope, from_period, to_period, date, item, question, contact) VALUES (1, 95, 'month', '2025-03', '2025-03', '2025-04-02', '电费', '为什么多了？', NULL)", null),
            ("INSERT INTO feedback_answers (feedback, seq, date, by, answer) VALUES (1, 96, '2025-04-05', '乌云', '见凭证 12 号')", null),
        ];
        string[] neverEdited = ["contracts", "contract_receipts", "contract_recognitions", "notices", "notice_reviews", "notice_publications", "disclosures",
            "role_changes", "years", "distributions", "distribution_households", "distribution_steps", "assets", "asset_depreciation", "asset_disposals",
            "herd_changes", "asset_cost_changes", "feedback", "feedback_answers"];
        var changes = neverEdited.SelectMany(t => new[] { $"UPDATE {t} SET {Table.Named(t).Columns[0]} = {Table.Named(t).Columns[0]}", $"DELETE FROM {t}" }).ToList();

        var inSqlite = script.Select(s => SqliteOutcome(sqlite, s.Sql)).ToList();
        var inPostgres = script.Select(s => PostgresOutcome(village, s.Sql)).ToList();
        var changedInSqlite = changes.Select(c => SqliteOutcome(sqlite, c)).ToList();
        var changedInPostgres = changes.Select(c => PostgresOutcome(village, c)).ToList();

        // Constraint violations are worded by each engine; the rules' own messages are the same.
        Assert.That(inSqlite.Select(Unique), Is.EqualTo(script.Select(s => s.Refusal)), "SQLite");
        Assert.That(inPostgres.Select(Unique), Is.EqualTo(inSqlite.Select(Unique)), "PostgreSQL");
        Assert.That(changedInSqlite, Has.None.Null, "SQLite refuses every change");
        Assert.That(changedInPostgres, Is.EqualTo(changedInSqlite));
        Assert.That(village.Connection.ExecuteScalar<string>("SELECT disposed FROM asset_register WHERE code = 'GD-1'"), Is.EqualTo("2025-04-01"));
        Assert.That(village.Connection.QuerySingle<(long, long, long, long)>("SELECT cost_fen, depreciated_fen, months, head FROM asset_register"), Is.EqualTo((10100L, 0L, 1L, 1L)));
    }

    private static string? Unique(string? message) =>
        message is not null && (message.StartsWith("UNIQUE constraint failed", StringComparison.Ordinal) || message.StartsWith("duplicate key value", StringComparison.Ordinal))
            ? "UNIQUE" : message;

    /// <summary>
    /// A row of each table that is never edited (those easy to fill without a chain of others): the update, the
    /// delete and, in PostgreSQL, TRUNCATE are refused, with the message SQLite gives for the same statement.
    /// </summary>
    [TestCase("audit_log", "INSERT INTO audit_log (seq, hash, entry) VALUES (1000, @Hash, @Bytes)")]
    [TestCase("vouchers", "INSERT INTO vouchers (seq, period, number, date, kind, summary, attachments) VALUES (1000, '2025-03', 900, '2025-03-05', 'normal', 's', 0)")]
    [TestCase("voucher_lines", "INSERT INTO voucher_lines (voucher_seq, line_no, account, debit_fen, credit_fen) VALUES (1000, 1, '10201', 100, 0)")]
    [TestCase("drafts", "INSERT INTO drafts (seq, draft, preparer, cashier, date, ref, summary, total_fen) VALUES (1000, 1, 'p', NULL, '2025-03-05', NULL, 's', 100)")]
    [TestCase("draft_steps", "INSERT INTO draft_steps (seq, draft, action, by, role, note) VALUES (1000, 1, 'submitted', 'p', NULL, NULL)")]
    [TestCase("period_reopens", "INSERT INTO period_reopens (seq, period, action, by, role, reason) VALUES (1000, '2025-03', 'requested', 'p', NULL, 'r')")]
    [TestCase("years", "INSERT INTO years (year, status, seq) VALUES (2031, 'opened', 1000)")]
    [TestCase("role_changes", "INSERT INTO role_changes (seq, key, action, by, role, value) VALUES (1000, 'role.reviewer', 'requested', 'p', NULL, 'v')")]
    [TestCase("disclosures", "INSERT INTO disclosures (seq, scope, from_period, to_period, date, checkpoint) VALUES (1000, 'month', '2025-03', '2025-03', '2025-04-01', 'c')")]
    [TestCase("feedback", "INSERT INTO feedback (number, seq, scope, from_period, to_period, date, item, question, contact) VALUES (1, 1000, 'month', '2025-03', '2025-03', '2025-04-01', 'i', 'q', NULL)")]
    [TestCase("notices", "INSERT INTO notices (number, seq, scope, from_period, to_period, date, checkpoint, content_sha256, by) VALUES (1, 1000, 'month', '2025-03', '2025-03', '2025-04-01', 'c', @Hash, 'p')")]
    [TestCase("user_credentials", "INSERT INTO user_credentials (seq, \"user\", action, by, via) VALUES (1000, 'u', 'enrolment_issued', 'a', NULL)")]
    [TestCase("witness_cosignatures", "INSERT INTO witness_cosignatures (witness, key_id, size, root, line, received_at) VALUES ('w', 'abcdefgh', 1, @Root, '— w x', 't')")]
    public void A_table_that_is_never_edited_refuses_update_delete_and_truncate_as_SQLite_does(string table, string insert)
    {
        using var book = TestLedger.WithBasics(TestLedger.OnSqlite());
        using var village = VillageWithChart(book);
        using var sqlite = SqliteOf(book);
        var row = new { Hash = new string('a', 64), Bytes = new byte[] { 0, 1, 2 }, Root = new string('r', 44) };
        foreach (var connection in new System.Data.IDbConnection[] { sqlite, village.Connection })
        {
            if (table == "voucher_lines") connection.Execute(InsertVoucher, Voucher(1000, "2025-03-05"));
            connection.Execute(insert, row);
        }
        var column = Table.All.FirstOrDefault(t => t.Name == table)?.Columns[^1] ?? (table == "audit_log" ? "hash" : "received_at");
        var update = $"UPDATE {table} SET {column} = {column}";
        var delete = $"DELETE FROM {table}";

        var sqliteUpdate = SqliteRefusal(sqlite, update);
        var sqliteDelete = SqliteRefusal(sqlite, delete);

        Assert.That(sqliteUpdate, Is.Not.Empty);
        Assert.That(village.Refusal(update), Is.EqualTo(sqliteUpdate));
        Assert.That(village.Refusal(delete), Is.EqualTo(sqliteDelete));
        Assert.That(village.Refusal($"TRUNCATE {table} CASCADE"), Is.EqualTo(sqliteDelete));
        Assert.That(village.Connection.ExecuteScalar<long>($"SELECT count(*) FROM {table}"), Is.GreaterThanOrEqualTo(1));
    }

    /// <summary>Rows at the edges of the CHECKs SQLite's GLOBs and JSON functions make: each accepted or refused by both engines alike.</summary>
    [TestCase("INSERT INTO members (code, name, added_seq, details) VALUES ('M9', 'n', 1, '{\"household_size\":3,\"shares\":2}')", true)]
    [TestCase("INSERT INTO members (code, name, added_seq, details) VALUES ('M9', 'n', 1, '{\"household_size\":3.0,\"shares\":2}')", false)]
    [TestCase("INSERT INTO members (code, name, added_seq, details) VALUES ('M9', 'n', 1, '{\"household_size\":0,\"shares\":2}')", false)]
    [TestCase("INSERT INTO members (code, name, added_seq, details) VALUES ('M9', 'n', 1, '{\"household_size\":\"3\",\"shares\":2}')", false)]
    [TestCase("INSERT INTO members (code, name, added_seq, details) VALUES ('M9', 'n', 1, '{\"household_size\":1,\"shares\":-1}')", false)]
    [TestCase("INSERT INTO members (code, name, added_seq, details) VALUES ('M9', 'n', 1, '{}')", true)] // json_type is NULL, and a NULL CHECK passes
    [TestCase("INSERT INTO members (code, name, added_seq, details) VALUES ('M9', 'n', 1, 'not json')", false)]
    [TestCase("INSERT INTO funds (code, name, added_seq, terms) VALUES ('F9', 'n', 1, '[1, {\"a\": null}]')", true)]
    [TestCase("INSERT INTO funds (code, name, added_seq, terms) VALUES ('F9', 'n', 1, '{a: 1}')", false)]
    [TestCase("INSERT INTO accounts (code, name, parent, class, normal_side, level, added_seq) VALUES ('9', 'n', NULL, 'asset', 'debit', 1, 1)", true)]
    [TestCase("INSERT INTO accounts (code, name, parent, class, normal_side, level, added_seq) VALUES ('9a', 'n', NULL, 'asset', 'debit', 1, 1)", false)]
    [TestCase("INSERT INTO accounts (code, name, parent, class, normal_side, level, added_seq) VALUES ('', 'n', NULL, 'asset', 'debit', 1, 1)", false)]
    [TestCase("INSERT INTO accounts (code, name, parent, class, normal_side, level, added_seq) VALUES ('10299', 'n', '102', 'asset', 'debit', 2, 1)", true)]
    [TestCase("INSERT INTO accounts (code, name, parent, class, normal_side, level, added_seq) VALUES ('103', 'n', '102', 'asset', 'debit', 2, 1)", false)]
    [TestCase("INSERT INTO closed_periods (period, closed_seq) VALUES ('2025-13', 1)", true)] // [01][0-9]: a pattern, not a calendar
    [TestCase("INSERT INTO closed_periods (period, closed_seq) VALUES ('2025-3', 1)", false)]
    [TestCase("INSERT INTO closed_periods (period, closed_seq) VALUES ('2025-03 ', 1)", false)]
    [TestCase("INSERT INTO drafts (seq, draft, preparer, date, summary, total_fen) VALUES (9, 1, 'p', '2025-03-05\n', 's', 1)", false)]
    [TestCase("INSERT INTO enrolment_codes (user_name, code_hash, issued_by, issued_at, expires_at) VALUES ('u', '01234567890123456789', 'a', 't', '2025-01-01T00:00:00Z')", true)]
    [TestCase("INSERT INTO enrolment_codes (user_name, code_hash, issued_by, issued_at, expires_at) VALUES ('u', '01234567890123456789', 'a', 't', '2025-01-01')", false)]
    [TestCase("INSERT INTO witness_cosignatures (witness, key_id, size, root, line, received_at) VALUES ('w', 'abcdefgh', 1, '01234567890123456789012345678901234567890123', '- w', 't')", false)]
    [TestCase("INSERT INTO credentials (user_name, password_hash, changed_at) VALUES ('u', '01234567890123456789', 't')", true)]
    [TestCase("INSERT INTO vouchers (seq, period, number, date, kind, summary, attachments, source, draft) VALUES (9, '2025-03', 1, '2025-03-05', 'normal', 's', 0, 'import', 4)", false)]
    [TestCase("INSERT INTO vouchers (seq, period, number, date, kind, summary, attachments, source, draft) VALUES (9, '2025-03', 1, '2025-03-05', 'normal', 's', 0, 'approval', 4)", true)]
    [TestCase("INSERT INTO vouchers (seq, period, number, date, kind, summary, attachments) VALUES (9, '2025-03', 1, '2025-04-05', 'normal', 's', 0)", false)]
    public void A_row_at_the_edge_of_a_CHECK_gets_the_same_verdict_from_both_engines(string insert, bool accepted)
    {
        using var book = TestLedger.WithBasics(TestLedger.OnSqlite());
        using var village = VillageWithChart(book);
        using var sqlite = SqliteOf(book);

        var sqliteAccepts = SqliteRefusal(sqlite, insert) is null;
        var postgresAccepts = Accepts(village, insert);

        Assert.That(sqliteAccepts, Is.EqualTo(accepted), "SQLite");
        Assert.That(postgresAccepts, Is.EqualTo(accepted), "PostgreSQL");
    }

    [Test]
    public void A_row_inserted_without_a_verify_run_id_is_numbered_as_SQLite_numbers_it()
    {
        using var village = new TestVillage();
        const string insert = "INSERT INTO verify_runs (run_at, by, ok, entries, head_hash, problems) VALUES ('t', 'b', 1, 5, NULL, 0)";

        village.Execute(insert);
        village.Execute(insert);

        Assert.That(village.Connection.Query<long>("SELECT id FROM verify_runs ORDER BY id"), Is.EqualTo(new[] { 1L, 2L }));
    }

    // ---- the same sums ----

    /// <summary>
    /// Seeded random vouchers (red ink, opening and closing vouchers, funds on cash, bank and other accounts) inserted
    /// line by line into both engines: the sums the triggers keep (account_turnover, fund_days) are the same rows in
    /// both, and the same as a naive SUM over the lines.
    /// </summary>
    [TestCase(16)]
    [TestCase(20251231)]
    public void The_month_and_fund_day_sums_the_triggers_keep_are_a_naive_sum_of_the_lines_and_SQLites(int seed)
    {
        using var book = TestLedger.WithBasics(TestLedger.OnSqlite());
        using var village = VillageWithChart(book);
        using var sqlite = SqliteOf(book);
        foreach (var connection in new System.Data.IDbConnection[] { sqlite, village.Connection })
            connection.Execute("INSERT INTO funds (code, name, added_seq) VALUES ('F02', '第二项资金', 40)");
        var leaves = sqlite.Query<string>("SELECT code FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM accounts c WHERE c.parent = a.code) ORDER BY code").ToList();
        var (vouchers, lines) = RandomVouchers(new Random(seed), leaves);

        foreach (var connection in new System.Data.IDbConnection[] { sqlite, village.Connection })
        {
            connection.Execute(InsertVoucher, vouchers);
            connection.Execute(InsertLine, lines);
        }

        const string turnover = "SELECT period, account, kind, fund, debit_fen, credit_fen FROM account_turnover ORDER BY period, account, kind, fund";
        const string naiveTurnover = """
            SELECT v.period, l.account, v.kind, COALESCE(l.fund, '') AS fund, SUM(l.debit_fen)::bigint, SUM(l.credit_fen)::bigint
            FROM voucher_lines l JOIN vouchers v ON v.seq = l.voucher_seq
            GROUP BY v.period, l.account, v.kind, COALESCE(l.fund, '') ORDER BY 1, 2, 3, 4
            """;
        const string fundDays = "SELECT fund, date, debit_fen, credit_fen FROM fund_days ORDER BY fund, date";
        const string naiveFundDays = """
            SELECT l.fund, v.date, SUM(l.debit_fen)::bigint, SUM(l.credit_fen)::bigint FROM voucher_lines l JOIN vouchers v ON v.seq = l.voucher_seq
            WHERE l.fund IS NOT NULL AND (l.account LIKE '101%' OR l.account LIKE '102%') GROUP BY l.fund, v.date ORDER BY 1, 2
            """;
        var pgTurnover = village.Connection.Query<(string, string, string, string, long, long)>(turnover).ToList();
        var pgFundDays = village.Connection.Query<(string, string, long, long)>(fundDays).ToList();

        Assert.That(lines, Has.Count.GreaterThan(500), $"seed {seed}");
        Assert.That(pgTurnover, Is.EqualTo(village.Connection.Query<(string, string, string, string, long, long)>(naiveTurnover)), $"seed {seed}");
        Assert.That(pgTurnover, Is.EqualTo(sqlite.Query<(string, string, string, string, long, long)>(turnover)), $"seed {seed}");
        Assert.That(pgFundDays, Has.Count.GreaterThan(20), $"seed {seed}");
        Assert.That(pgFundDays, Is.EqualTo(village.Connection.Query<(string, string, long, long)>(naiveFundDays)), $"seed {seed}");
        Assert.That(pgFundDays, Is.EqualTo(sqlite.Query<(string, string, long, long)>(fundDays)), $"seed {seed}");
    }

    // ---- the same order ----

    [Test]
    public void Text_keys_sort_bytewise_in_PostgreSQL_as_in_SQLite()
    {
        using var book = TestLedger.WithBasics(TestLedger.OnSqlite());
        using var village = new TestVillage();
        using var sqlite = SqliteOf(book);
        // 'Ａ' (U+FF21) sorts before '𠀀' (U+20000) in UTF-8 but after it in UTF-16; 'm001' after 'Z' in bytes, not in a dictionary.
        string[] codes = ["2", "1021", "10201", "M001", "m001", "Z", "巴特尔", "阿拉坦仓", "Ａ", "𠀀", "é", "e"];
        foreach (var connection in new System.Data.IDbConnection[] { sqlite, village.Connection })
            connection.Execute("INSERT INTO counterparties (code, name, added_seq) VALUES (@Code, @Code, 1)", codes.Select(c => new { Code = c }));
        var bytewise = codes.OrderBy(c => Encoding.UTF8.GetBytes(c), Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b))).ToList();

        var postgres = village.Connection.Query<string>("SELECT code FROM counterparties ORDER BY code").ToList();
        var below = village.Connection.Query<string>("SELECT code FROM counterparties WHERE code < '2' ORDER BY code").ToList();

        Assert.That(postgres, Is.EqualTo(sqlite.Query<string>("SELECT code FROM counterparties ORDER BY code")));
        Assert.That(postgres, Is.EqualTo(bytewise));
        Assert.That(postgres.Take(3), Is.EqualTo(new[] { "10201", "1021", "2" }));
        Assert.That(below, Is.EqualTo(new[] { "10201", "1021" }));
    }

    // ---- villages apart ----

    [Test]
    public void Two_villages_in_one_database_see_nothing_of_each_other_and_their_triggers_keep_to_their_own_tables()
    {
        using var a = VillageWithChart();
        using var b = VillageWithChart();
        a.Execute("INSERT INTO audit_log (seq, hash, entry) VALUES (0, @Hash, @Entry)", new { Hash = new string('a', 64), Entry = new byte[] { 1 } });
        a.Execute("INSERT INTO closed_periods (period, closed_seq) VALUES ('2025-03', 10)");

        // Written through village a's connection, to b's tables by name: b's rules and sums apply, not a's.
        a.Execute($"INSERT INTO {b.Schema}.vouchers (seq, period, number, date, kind, summary, attachments) VALUES (20, '2025-03', 1, '2025-03-05', 'normal', 's', 0)");
        a.Execute($"INSERT INTO {b.Schema}.voucher_lines (voucher_seq, line_no, account, debit_fen, credit_fen, fund) VALUES (20, 1, '10201', 700, 0, 'F01')");

        Assert.That(b.Connection.ExecuteScalar<long>("SELECT count(*) FROM audit_log"), Is.EqualTo(0));
        Assert.That(a.Connection.ExecuteScalar<long>("SELECT count(*) FROM vouchers"), Is.EqualTo(0));
        Assert.That(a.Connection.ExecuteScalar<long>("SELECT count(*) FROM account_turnover"), Is.EqualTo(0));
        Assert.That(b.Connection.Query<(string, string, long)>("SELECT period, account, debit_fen FROM account_turnover"), Is.EqualTo(new[] { ("2025-03", "10201", 700L) }));
        Assert.That(b.Connection.Query<(string, long)>("SELECT date, debit_fen FROM fund_days"), Is.EqualTo(new[] { ("2025-03-05", 700L) }));
        Assert.That(a.Refusal(InsertVoucher, Voucher(20, "2025-03-05")), Is.EqualTo("PeriodClosed"));
    }

    // ---- helpers ----

    private const string InsertVoucher =
        "INSERT INTO vouchers (seq, period, number, date, kind, summary, attachments) VALUES (@Seq, @Period, @Number, @Date, @Kind, @Summary, 0)";

    private const string InsertLine =
        "INSERT INTO voucher_lines (voucher_seq, line_no, account, debit_fen, credit_fen, fund) VALUES (@VoucherSeq, @LineNo, @Account, @Debit, @Credit, @Fund)";

    private sealed record VoucherRow(long Seq, string Period, long Number, string Date, string Kind, string Summary);

    private sealed record LineRow(long VoucherSeq, long LineNo, string Account, long Debit, long Credit, string? Fund);

    private static VoucherRow Voucher(long seq, string date, string kind = "normal") => new(seq, date[..7], seq, date, kind, "摘要");

    private static LineRow Line(long voucherSeq, long lineNo, string account, long debit, long credit, string? fund) =>
        new(voucherSeq, lineNo, account, debit, credit, fund);

    private static (List<VoucherRow> Vouchers, List<LineRow> Lines) RandomVouchers(Random random, IReadOnlyList<string> leaves)
    {
        var vouchers = new List<VoucherRow>();
        var lines = new List<LineRow>();
        var numbers = new Dictionary<string, long>();
        string[] cashAndBank = [.. leaves.Where(a => a.StartsWith("101", StringComparison.Ordinal) || a.StartsWith("102", StringComparison.Ordinal))];
        string?[] funds = ["F01", "F02", null, null, null];
        for (var seq = 1000; seq < 1250; seq++)
        {
            var kind = random.Next(20) switch { 0 => "opening", 1 => "closing", _ => "normal" };
            var date = kind == "closing" ? "2025-12-31" : string.Create(CultureInfo.InvariantCulture, $"2025-{random.Next(1, 13):00}-{random.Next(1, 29):00}");
            var period = date[..7];
            numbers[period] = numbers.GetValueOrDefault(period) + 1;
            vouchers.Add(new VoucherRow(seq, period, numbers[period], date, kind, "随机凭证"));
            var count = random.Next(2, 6);
            for (var lineNo = 1; lineNo <= count; lineNo++)
            {
                var account = random.Next(2) == 0 ? cashAndBank[random.Next(cashAndBank.Length)] : leaves[random.Next(leaves.Count)];
                var amount = random.Next(1, 1_000_000) * (random.Next(10) == 0 ? -1L : 1L);
                var debit = random.Next(2) == 0;
                lines.Add(new LineRow(seq, lineNo, account, debit ? amount : 0, debit ? 0 : amount, funds[random.Next(funds.Length)]));
            }
        }
        return (vouchers, lines);
    }

    /// <summary>A village holding what a fresh SQLite book holds from init (ledger, the chart, funds, members), copied from it.</summary>
    private static TestVillage VillageWithChart(TestLedger? book = null)
    {
        var own = book is null;
        book ??= TestLedger.WithBasics(TestLedger.OnSqlite());
        try
        {
            var village = new TestVillage();
            using var sqlite = SqliteOf(book);
            foreach (var (table, order) in new[] { (Table.Ledger, "id"), (Table.Accounts, "level, code"), (Table.Funds, "code"), (Table.Members, "code"), (Table.Counterparties, "code") })
            {
                var insert = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns)}) VALUES ({string.Join(", ", table.Columns.Select(c => "@" + c))})";
                foreach (var row in sqlite.Query($"SELECT {string.Join(", ", table.Columns)} FROM {table.Name} ORDER BY {order}"))
                    village.Execute(insert, new DynamicParameters(row));
            }
            return village;
        }
        finally
        {
            if (own) book.Dispose();
        }
    }

    private static SqliteConnection SqliteOf(TestLedger book)
    {
        var connection = (SqliteConnection)book.Connect();
        connection.Execute("PRAGMA foreign_keys = ON");
        return connection;
    }

    /// <summary>The message SQLite refuses <paramref name="sql"/> with (RAISE's text, or SQLite's own), or null when it accepts it; nothing is kept.</summary>
    private static string? SqliteRefusal(SqliteConnection connection, string sql)
    {
        using var transaction = connection.BeginTransaction();
        try
        {
            connection.Execute(sql, transaction: transaction);
            return null;
        }
        catch (SqliteException e)
        {
            return RaisedText(e);
        }
        finally
        {
            transaction.Rollback();
        }
    }

    /// <summary>Runs <paramref name="sql"/> on its own (autocommit): null when SQLite accepts it, else its message.</summary>
    private static string? SqliteOutcome(SqliteConnection connection, string sql)
    {
        try
        {
            connection.Execute(sql);
            return null;
        }
        catch (SqliteException e)
        {
            return RaisedText(e);
        }
    }

    private static string? PostgresOutcome(TestVillage village, string sql)
    {
        try
        {
            village.Execute(sql);
            return null;
        }
        catch (PostgresException e)
        {
            return e.MessageText;
        }
    }

    private static string RaisedText(SqliteException e) =>
        Regex.Match(e.Message, @"^SQLite Error \d+: '(.*)'\.$", RegexOptions.Singleline) is { Success: true } m ? m.Groups[1].Value : e.Message;

    private static bool Accepts(TestVillage village, string sql)
    {
        using var transaction = village.Connection.BeginTransaction();
        try
        {
            village.Connection.Execute(sql, transaction: transaction);
            return true;
        }
        catch (PostgresException)
        {
            return false;
        }
        finally
        {
            transaction.Rollback();
        }
    }

    /// <summary>"table(kind).column type NULL|NOT NULL [DEFAULT x]" for every column of every table and view, in order.</summary>
    private static List<string> SqliteColumns(TestLedger book)
    {
        using var connection = book.Connect();
        var rows = connection.Query<(string Table, string Kind, long Cid, string Column, string Type, long NotNull, string? Default, long Pk)>("""
            SELECT m.name, m.type, p.cid, p.name, p.type, p."notnull", p.dflt_value, p.pk
            FROM sqlite_schema m, pragma_table_info(m.name) p WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite%'
            """);
        return rows.OrderBy(r => r.Table, StringComparer.Ordinal).ThenBy(r => r.Cid)
            .Select(r => r.Kind == "view"
                ? $"{r.Table}(view).{r.Column}"
                : $"{r.Table}(table).{r.Column} {SqliteTypeInPostgres(r.Type)} {(r.NotNull == 1 || r.Pk > 0 ? "NOT NULL" : "NULL")}{(r.Default is null ? "" : " DEFAULT " + r.Default)}")
            .ToList();
    }

    private static string SqliteTypeInPostgres(string type) => type switch
    {
        "INTEGER" => "bigint",
        "TEXT" => "text",
        "BLOB" => "bytea",
        _ => throw new AssertionException($"SQLite type {type} has no PostgreSQL mapping here"),
    };

    private static List<string> PostgresColumns(TestVillage village) => PostgresColumns(village.Connection, village.Schema);

    private static List<string> PostgresColumns(NpgsqlConnection connection, string schema)
    {
        var rows = connection.Query<(string Table, string TableType, int Position, string Column, string Type, string Nullable, string? Default)>("""
            SELECT c.table_name, t.table_type, c.ordinal_position, c.column_name, c.data_type, c.is_nullable, c.column_default
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = @Schema
            """, new { Schema = schema });
        return rows.OrderBy(r => r.Table, StringComparer.Ordinal).ThenBy(r => r.Position)
            .Select(r => r.TableType == "VIEW"
                ? $"{r.Table}(view).{r.Column}"
                : $"{r.Table}(table).{r.Column} {r.Type} {(r.Nullable == "NO" ? "NOT NULL" : "NULL")}{(r.Default is null ? "" : " DEFAULT " + r.Default.Replace("::text", "", StringComparison.Ordinal))}")
            .ToList();
    }
}
