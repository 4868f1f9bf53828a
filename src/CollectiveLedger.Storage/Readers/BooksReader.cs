using System.Text.Json;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Reporting;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;
using Dapper;
using System.Data.Common;

namespace CollectiveLedger.Storage.Readers;

/// <summary>
/// The books themselves (<c>store.Books</c>): vouchers, dimensions, the trial balance, account ledgers, the
/// months holding vouchers; and the web workspace's voucher pages: search, a draft's voucher, a voucher's audit trail.
/// </summary>
public sealed class BooksReader
{
    private readonly LedgerStore _store;
    private readonly DbConnection _connection;

    internal BooksReader(LedgerStore store)
    {
        _store = store;
        _connection = store.Connection;
    }

    public IReadOnlyList<(string Code, string Name)> Dimensions(DimensionKind kind) =>
        _connection.Query<(string, string)>($"SELECT code, name FROM {Table.For(kind).Name} ORDER BY code").ToList();

    /// <summary>Vouchers of the months <paramref name="from"/>..<paramref name="to"/> in number order, streamed.</summary>
    public IEnumerable<StoredVoucher> Vouchers(Period from, Period to) =>
        VoucherRows.Read(_connection, null, VoucherRows.SelectVoucherRows + " WHERE v.period BETWEEN @From AND @To ORDER BY v.period, v.number, l.line_no",
            new { From = from.ToString(), To = to.ToString() });

    public StoredVoucher? FindVoucher(VoucherKey key) => VoucherRows.Find(_connection, null, key);

    /// <summary>Every voucher in date order (then period and number), for exports.</summary>
    public IEnumerable<StoredVoucher> AllVouchersByDate() =>
        VoucherRows.Read(_connection, null, VoucherRows.SelectVoucherRows + " ORDER BY v.date, v.period, v.number, l.line_no", null);

    // From the month sums the database keeps (Schema/011), not from the lines: a few hundred rows a
    // year however many vouchers. Closing vouchers (year close) are December's turnover, as the 结转
    // entries are in any ledger, so that the trial balance after the close shows income and expense at zero.
    private const string SelectTurnover = """
        SELECT account,
               SUM(CASE WHEN kind = 'opening' OR period < @From THEN debit_fen ELSE 0 END),
               SUM(CASE WHEN kind = 'opening' OR period < @From THEN credit_fen ELSE 0 END),
               SUM(CASE WHEN kind <> 'opening' AND period >= @From THEN debit_fen ELSE 0 END),
               SUM(CASE WHEN kind <> 'opening' AND period >= @From THEN credit_fen ELSE 0 END)
        FROM account_turnover
        WHERE period <= @To
        GROUP BY account
        """;

    /// <summary>The 科目余额表 of the months <paramref name="from"/>..<paramref name="to"/>.</summary>
    public TrialBalance TrialBalance(Period from, Period to) => _store.Read(tx =>
    {
        var state = _store.LoadChart(tx);
        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = SelectTurnover;
        Engines.Engine.Parameter(command, "@From", from.ToString());
        Engines.Engine.Parameter(command, "@To", to.ToString());
        using var rows = command.ExecuteReader();
        var turnover = new List<AccountTurnover>();
        while (rows.Read())
            turnover.Add(new AccountTurnover(rows.GetString(0), new Amount(rows.GetInt64(1)), new Amount(rows.GetInt64(2)), new Amount(rows.GetInt64(3)), new Amount(rows.GetInt64(4))));
        return Core.Reporting.TrialBalance.Compute(from, to, state.Accounts, turnover);
    });

    // An account and its sub-accounts are the codes from @Code up to @Code || ':' (':' sorts right
    // after '9', and codes are digits): a range the account index answers.
    internal const string SelectAccountOpening = """
        SELECT COALESCE(SUM(debit_fen - credit_fen), 0)
        FROM account_turnover
        WHERE account >= @Code AND account < @Code || ':' AND (kind = 'opening' OR period < @From) AND period <= @To
        """;

    private const string SelectAccountLines = """
        SELECT v.period, v.number, v.date, v.kind, v.summary AS voucher_summary,
               l.account, l.debit_fen, l.credit_fen, l.fund, l.member, l.counterparty, l.summary
        FROM voucher_lines l JOIN vouchers v ON v.seq = l.voucher_seq
        WHERE l.account >= @Code AND l.account < @Code || ':' AND v.kind <> 'opening' AND v.period BETWEEN @From AND @To
        ORDER BY v.date, v.period, v.number, l.line_no
        """;

    /// <summary>The 明细账 of an account and its sub-accounts, or null when there is no such account.</summary>
    public AccountLedger? AccountLedger(string code, Period from, Period to) => _store.Read(tx =>
    {
        var name = _connection.QuerySingleOrDefault<string>("SELECT name FROM accounts WHERE code = @Code", new { Code = code }, tx);
        if (name is null) return null;
        var args = new { Code = code, From = from.ToString(), To = to.ToString() };
        var opening = new Amount(_connection.ExecuteScalar<long>(SelectAccountOpening, args, tx));
        var lines = _connection.Query<(string Period, long Number, string Date, string Kind, string VoucherSummary, string Account, long Debit, long Credit,
            string? Fund, string? Member, string? Counterparty, string? Summary)>(SelectAccountLines, args, tx)
            .Select(r => new PostedLine(new VoucherKey(Period.Parse(r.Period), (int)r.Number), IsoDate.Parse(r.Date), Kind(r.Kind), r.VoucherSummary,
                new VoucherLine(r.Account, new Amount(r.Debit), new Amount(r.Credit), r.Fund, r.Member, r.Counterparty, r.Summary)));
        return Core.Reporting.AccountLedger.Compute(code, name, from, to, opening, lines);
    });

    private static VoucherKind Kind(string text) => VoucherKinds.TryParse(text, out var kind) ? kind : throw new FormatException($"unknown voucher kind '{text}'");

    /// <summary>The first and last months holding vouchers, or null when there are none.</summary>
    public (Period First, Period Last)? VoucherPeriods()
    {
        var (first, last) = _connection.QuerySingle<(string?, string?)>("SELECT MIN(period), MAX(period) FROM vouchers");
        return first is null ? null : (Period.Parse(first), Period.Parse(last!));
    }

    private const string SelectVoucherOfDraft = "SELECT period, number FROM vouchers WHERE draft = @draft";

    /// <summary>The voucher an approved draft was posted as, if it was.</summary>
    public VoucherKey? VoucherOfDraft(int draft) => _store.Read(tx =>
        _connection.QuerySingleOrDefault<(string Period, long Number)?>(SelectVoucherOfDraft, new { draft }, tx) is { } key
            ? new VoucherKey(Period.Parse(key.Period), (int)key.Number) : (VoucherKey?)null);

    // The newest first; text is matched in the summary, the ref and the line summaries, an account
    // by its code and every sub-account's. The vouchers' primary key (seq) orders the newest first
    // without a sort, and LIMIT stops the scan as soon as a page is full.
    private string SelectVoucherSearch => $"""
        SELECT v.seq FROM vouchers v
        WHERE (@from IS NULL OR v.period >= @from) AND (@to IS NULL OR v.period <= @to)
          AND (@text IS NULL OR {_store.Engine.Contains("v.summary", "@text")} OR {_store.Engine.Contains("coalesce(v.ref, '')", "@text")}
               OR EXISTS (SELECT 1 FROM voucher_lines l WHERE l.voucher_seq = v.seq AND {_store.Engine.Contains("coalesce(l.summary, '')", "@text")}))
          AND (@account IS NULL OR EXISTS (SELECT 1 FROM voucher_lines l WHERE l.voucher_seq = v.seq AND (l.account = @account OR l.account LIKE @account || '%')))
        ORDER BY v.seq DESC LIMIT @limit OFFSET @offset
        """;

    /// <summary>Posted vouchers matching a search, newest first, one page of them.</summary>
    public IReadOnlyList<StoredVoucher> SearchVouchers(Period? from, Period? to, string? text, string? account, int limit, int offset) => _store.Read(tx =>
    {
        var seqs = _connection.Query<long>(SelectVoucherSearch, new
        {
            from = from?.ToString(), to = to?.ToString(), text = string.IsNullOrWhiteSpace(text) ? null : text,
            account = string.IsNullOrWhiteSpace(account) ? null : account, limit, offset,
        }, tx).ToList();
        if (seqs.Count == 0) return (IReadOnlyList<StoredVoucher>)[];
        // A page of seqs the query above gave, numbers only: written into the SQL as they are.
        var inPage = string.Join(",", seqs.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return VoucherRows.Read(_connection, tx, VoucherRows.SelectVoucherRows + $" WHERE v.seq IN ({inPage}) ORDER BY v.seq DESC, l.line_no", null).ToList();
    });

    // The entries that made a voucher: its draft's versions and steps when it went through approval,
    // the posting itself, and a red-ink reversal of it.
    private const string SelectVoucherTrail = """
        SELECT seq FROM drafts WHERE draft = @draft
        UNION SELECT seq FROM draft_steps WHERE draft = @draft
        UNION SELECT seq FROM vouchers WHERE period = @period AND number = @number
        UNION SELECT seq FROM vouchers WHERE reverses_period = @period AND reverses_number = @number
        ORDER BY seq
        """;

    private const string SelectDraftTrail = "SELECT seq FROM drafts WHERE draft = @draft UNION SELECT seq FROM draft_steps WHERE draft = @draft ORDER BY seq";

    /// <summary>A posted voucher's history, entry by entry.</summary>
    public IReadOnlyList<TrailEntry> VoucherTrail(VoucherKey key, int? draft) =>
        Trail(SelectVoucherTrail, new { draft = draft ?? -1, period = key.Period.ToString(), number = key.Number });

    /// <summary>A draft's history, entry by entry.</summary>
    public IReadOnlyList<TrailEntry> DraftTrail(int draft) => Trail(SelectDraftTrail, new { draft });

    private IReadOnlyList<TrailEntry> Trail(string selectSeqs, object parameters) => _store.Read(tx =>
    {
        var seqs = _connection.Query<long>(selectSeqs, parameters, tx).ToList();
        var entries = new List<TrailEntry>(seqs.Count);
        foreach (var seq in seqs)
        {
            var bytes = _connection.QuerySingle<byte[]>("SELECT entry FROM audit_log WHERE seq = @seq", new { seq }, tx);
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            entries.Add(new TrailEntry(seq, root.GetProperty("time").GetString()!, root.GetProperty("actor").GetString()!,
                root.GetProperty("kind").GetString()!, root.GetProperty("data").GetRawText()));
        }
        return (IReadOnlyList<TrailEntry>)entries;
    });
}
