using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Distribution;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;
using Dapper;
using System.Data.Common;

namespace CollectiveLedger.Storage;

public sealed partial class LedgerStore
{
    private const string SelectLedger = "SELECT id, org, org_code, currency, chart, start_period, format_version FROM ledger";
    private const string SelectSubAccounts = "SELECT code, name, parent FROM accounts WHERE parent IS NOT NULL ORDER BY code";
    private const string SelectClosedPeriods = "SELECT period FROM closed_now ORDER BY period";
    // The year's surplus as year close carried it into 322 (LedgerState.YearSurplus): only year close writes
    // closing vouchers, all in December; read from the month sums, not from every voucher.
    private const string SelectYearSurplus = """
        SELECT CAST(substr(period, 1, 4) AS bigint), SUM(credit_fen) - SUM(debit_fen)
        FROM account_turnover WHERE kind = 'closing' AND substr(account, 1, 3) = '322'
        GROUP BY 1
        """;
    private const string SelectMonthlyNet = "SELECT period, account, SUM(debit_fen) - SUM(credit_fen) FROM account_turnover GROUP BY period, account";
    private const string SelectMemberDetails = "SELECT code, name, details FROM members WHERE details IS NOT NULL";
    private const string SelectFundTerms = "SELECT code, name, terms FROM funds WHERE terms IS NOT NULL";
    private const string SelectPendingReopens = """
        SELECT r.period, r.reason, r.by FROM period_reopens r
        WHERE r.action = 'requested'
          AND r.seq > COALESCE((SELECT MAX(o.seq) FROM period_reopens o WHERE o.period = r.period AND o.action = 'reopened'), -1)
        ORDER BY r.seq
        """;
    private const string SelectPendingRoleChanges = """
        SELECT r.key, r.value, r.by FROM role_changes r
        WHERE r.action = 'requested'
          AND r.seq = (SELECT MAX(q.seq) FROM role_changes q WHERE q.key = r.key AND q.action = 'requested')
          AND r.seq > COALESCE((SELECT MAX(a.seq) FROM role_changes a WHERE a.key = r.key AND a.action = 'approved'), -1)
        ORDER BY r.seq
        """;
    // The entries of the drafts still in approval, replayed onto the state: few, however long the log.
    private const string SelectOpenDraftEntries = """
        WITH open_drafts (draft) AS (
            SELECT DISTINCT draft FROM drafts
            WHERE draft NOT IN (SELECT draft FROM vouchers WHERE draft IS NOT NULL)
              AND draft NOT IN (SELECT draft FROM draft_steps WHERE action = 'withdrawn'))
        SELECT entry FROM audit_log
        WHERE seq IN (SELECT seq FROM drafts WHERE draft IN (SELECT draft FROM open_drafts)
                      UNION ALL SELECT seq FROM draft_steps WHERE draft IN (SELECT draft FROM open_drafts))
        ORDER BY seq
        """;
    // The contract register's entries, replayed onto the state: a village's contracts and their receipts.
    private const string SelectContractEntries = """
        SELECT entry FROM audit_log
        WHERE seq IN (SELECT added_seq FROM contracts UNION ALL SELECT seq FROM contract_receipts
                      UNION SELECT seq FROM contract_recognitions)
        ORDER BY seq
        """;
    // The asset register's entries, replayed onto the state: a village's assets and one entry a month.
    internal const string SelectAssetEntries = """
        SELECT entry FROM audit_log
        WHERE seq IN (SELECT added_seq FROM assets UNION ALL SELECT seq FROM asset_depreciation
                      UNION ALL SELECT seq FROM asset_disposals UNION ALL SELECT seq FROM herd_changes
                      UNION ALL SELECT seq FROM asset_cost_changes)
        ORDER BY seq
        """;
    // One index lookup per month with vouchers (the months are those of the month sums), not a scan of every voucher.
    private const string SelectLastNumbers = """
        SELECT p.period, (SELECT MAX(v.number) FROM vouchers v WHERE v.period = p.period)
        FROM (SELECT DISTINCT period FROM account_turnover) p
        """;
    // Red-ink reversals, through the partial unique index of the vouchers that reverse one (few).
    private const string SelectReversals =
        "SELECT reverses_period, reverses_number, period, number FROM vouchers WHERE reverses_period IS NOT NULL";
    // The files of 原始凭证 kept with the vouchers (attachment.added), replayed onto the state.
    private const string SelectAttachmentEntries = "SELECT entry FROM audit_log WHERE seq IN (SELECT seq FROM voucher_attachments) ORDER BY seq";
    private const string SelectPostedAccounts = "SELECT DISTINCT account FROM account_turnover";
    private const string SelectPublishedMonths = "SELECT DISTINCT scope, from_period, to_period FROM disclosures";
    private const string SelectNoticeEntries = """
        SELECT entry FROM audit_log WHERE seq IN (SELECT seq FROM notices UNION ALL SELECT seq FROM notice_reviews) ORDER BY seq
        """;
    private const string SelectPublishedNotices = "SELECT notice FROM notice_publications";
    private const string SelectFeedbackStatus =
        "SELECT f.number, CASE WHEN a.feedback IS NULL THEN 0 ELSE 1 END FROM feedback f LEFT JOIN feedback_answers a ON a.feedback = f.number";
    // Users whose last enrolment code was issued after the last credential set for them (Schema/014).
    private const string SelectPendingEnrolments = """
        SELECT i.user, i.by FROM user_credentials i
        WHERE i.action = 'enrolment_issued'
          AND i.seq = (SELECT MAX(o.seq) FROM user_credentials o WHERE o.user = i.user)
        """;
    // The bank statements' entries and their matches, replayed onto the state (issue 17): as many as statements and reconciliations.
    private const string SelectBankEntries = """
        SELECT entry FROM audit_log
        WHERE seq IN (SELECT seq FROM bank_statements UNION SELECT seq FROM bank_matches UNION SELECT seq FROM bank_unmatches)
        ORDER BY seq
        """;
    private const string SelectSettings = "SELECT key, value FROM settings ORDER BY key, seq";
    private const string SelectYears = "SELECT year, status FROM years ORDER BY year, status";
    private const string SelectKeys = "SELECT name, public_key FROM signing_keys ORDER BY added_seq";
    // FundRules counts fund money where it moves through cash and bank, day by day (the balance as of
    // each date): the day sums the database keeps (Schema/018), one row per fund and day with money moving.
    private const string SelectFundDays = "SELECT fund, date, debit_fen, credit_fen FROM fund_days";

    /// <summary>The state the rules decide against, read from the tables of one snapshot.</summary>
    public LedgerState LoadState() => Read(LoadState);

    /// <summary>
    /// Only the ledger and its chart of accounts (<see cref="LedgerState.Ledger"/>, <see cref="LedgerState.Accounts"/>),
    /// for a report that needs no more: two small queries instead of the whole state's thirty.
    /// </summary>
    public LedgerState LoadChart() => Read(LoadChart);

    internal LedgerState LoadChart(DbTransaction tx)
    {
        // Read without Dapper: a report's whole run is this and one query, and Dapper's first use of each
        // row type compiles a reader at run time, which costs a fresh process more than the query does.
        var state = new LedgerState();
        Rows(SelectLedger, tx, r => state.Apply(new LedgerCreated(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
            Period.Parse(r.GetString(5)), (int)r.GetInt64(6))));
        if (state.Ledger is null) throw new InvalidOperationException("the ledger table is empty");
        Rows(SelectSubAccounts, tx, r => state.Apply(new AccountAdded(r.GetString(0), r.GetString(1), r.GetString(2))));
        return state;
    }

    /// <summary>Each row of <paramref name="sql"/> (no parameters) inside <paramref name="tx"/>, read by <paramref name="row"/>.</summary>
    private void Rows(string sql, DbTransaction tx, Action<System.Data.Common.DbDataReader> row)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read()) row(reader);
    }

    internal LedgerState LoadState(DbTransaction tx)
    {
        var state = LoadChart(tx);
        foreach (var kind in DimensionKinds.All)
            foreach (var (code, name) in _connection.Query<(string, string)>($"SELECT code, name FROM {Table.For(kind).Name}", transaction: tx))
                state.Apply(new DimensionAdded(kind, code, name));
        foreach (var (code, name, terms) in _connection.Query<(string, string, string)>(SelectFundTerms, transaction: tx))
            state.Apply(new DimensionAdded(DimensionKind.Fund, code, name, EventCodec.ParseTerms(terms)));
        foreach (var (code, name, details) in _connection.Query<(string, string, string)>(SelectMemberDetails, transaction: tx))
            state.Apply(new DimensionAdded(DimensionKind.Member, code, name, null, EventCodec.ParseDetails(details)));
        foreach (var period in _connection.Query<string>(SelectClosedPeriods, transaction: tx))
            state.Apply(new PeriodClosed(Period.Parse(period), null));
        foreach (var (period, account, net) in _connection.Query<(string, string, long)>(SelectMonthlyNet, transaction: tx))
            state.RestoreTurnover(Period.Parse(period), account, net);
        foreach (var (year, fen) in _connection.Query<(long, long)>(SelectYearSurplus, transaction: tx))
            state.RestoreYearSurplus((int)year, fen);
        foreach (var (period, reason, by) in _connection.Query<(string, string, string)>(SelectPendingReopens, transaction: tx))
            state.Apply(new PeriodReopenRequested(Period.Parse(period), reason, by));
        foreach (var entry in _connection.Query<byte[]>(SelectOpenDraftEntries, transaction: tx))
            state.Apply(ParsedEntry.Parse(entry).Event);
        state.RestoreLastDraftId(_connection.ExecuteScalar<int?>("SELECT MAX(draft) FROM drafts", transaction: tx) ?? 0);
        foreach (var (period, number) in _connection.Query<(string, long)>(SelectLastNumbers, transaction: tx))
            state.RestoreLastNumber(Period.Parse(period), (int)number);
        foreach (var (originalPeriod, originalNumber, period, number) in _connection.Query<(string, long, string, long)>(SelectReversals, transaction: tx))
            state.RestoreReversal(new VoucherKey(Period.Parse(originalPeriod), (int)originalNumber), new VoucherKey(Period.Parse(period), (int)number));
        foreach (var entry in _connection.Query<byte[]>(SelectAttachmentEntries, transaction: tx))
            state.Apply(ParsedEntry.Parse(entry).Event);
        foreach (var account in _connection.Query<string>(SelectPostedAccounts, transaction: tx))
            state.RestorePosting(account);
        foreach (var (key, value) in _connection.Query<(string, string)>(SelectSettings, transaction: tx))
            state.Apply(new SettingChanged(key, value));
        foreach (var (key, value, by) in _connection.Query<(string, string, string)>(SelectPendingRoleChanges, transaction: tx))
            state.Apply(new Core.Approval.RoleChangeRequested(key, value, by));
        foreach (var (fund, date, received, spent) in _connection.Query<(string, string, long, long)>(SelectFundDays, transaction: tx))
            state.RestoreFundDay(fund, IsoDate.Parse(date), new FundBalance(new Amount(received), new Amount(spent)));
        foreach (var (name, publicKey) in _connection.Query<(string, string)>(SelectKeys, transaction: tx))
        {
            var bytes = Convert.FromBase64String(publicKey);
            state.Apply(new KeyRegistered(name, Core.Audit.SignedNote.KeyIdOf(bytes), bytes));
        }
        foreach (var (year, status) in _connection.Query<(long, string)>(SelectYears, transaction: tx))
            state.Apply(status == "closed" ? new YearClosed((int)year) : new YearOpened((int)year));
        foreach (var entry in _connection.Query<byte[]>(SelectAssetEntries, transaction: tx))
            state.Apply(ParsedEntry.Parse(entry).Event);
        foreach (var entry in _connection.Query<byte[]>(SelectContractEntries, transaction: tx))
            state.Apply(ParsedEntry.Parse(entry).Event);
        LoadDistributions(state, tx);
        foreach (var (scope, from, to) in _connection.Query<(string, string, string)>(SelectPublishedMonths, transaction: tx))
            state.RestorePublished(scope, Period.Parse(from), Period.Parse(to));
        foreach (var entry in _connection.Query<byte[]>(SelectNoticeEntries, transaction: tx))
            state.Apply(ParsedEntry.Parse(entry).Event);
        foreach (var notice in _connection.Query<long>(SelectPublishedNotices, transaction: tx))
            state.RestoreNoticePublished((int)notice);
        foreach (var (number, answered) in _connection.Query<(long, long)>(SelectFeedbackStatus, transaction: tx))
            state.RestoreFeedback((int)number, answered != 0);
        foreach (var (user, by) in _connection.Query<(string, string)>(SelectPendingEnrolments, transaction: tx))
            state.Apply(new EnrolmentIssued(user, by));
        foreach (var entry in _connection.Query<byte[]>(SelectBankEntries, transaction: tx))
            state.Apply(ParsedEntry.Parse(entry).Event);
        return state;
    }
}
