using System.Collections.Immutable;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Reporting;
using CollectiveLedger.Core.Vouchers;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CollectiveLedger.Storage;

/// <summary>A posted voucher with what the books know about it.</summary>
/// <param name="Origin">How it was posted (import, approval of a draft, reversal, year close), with its cashier; null for vouchers posted before it was recorded.</param>
public sealed record StoredVoucher(long Seq, Voucher Voucher, VoucherKey? ReversedBy, VoucherOrigin? Origin = null);

/// <summary>One audit entry as stored.</summary>
public sealed record StoredEntry(long Seq, string Hash, byte[] Bytes);

public sealed partial class LedgerStore
{
    public IReadOnlyList<(string Code, string Name)> Dimensions(DimensionKind kind) =>
        _connection.Query<(string, string)>($"SELECT code, name FROM {Table.For(kind).Name} ORDER BY code").ToList();

    private const string SelectVoucherRows = """
        SELECT v.seq, v.period, v.number, v.date, v.kind, v.ref, v.summary, v.attachments, v.reverses_period, v.reverses_number,
               v.source, v.draft, v.cashier, v.attachments_reason,
               r.period AS reversed_by_period, r.number AS reversed_by_number,
               l.line_no, l.account, l.debit_fen, l.credit_fen, l.fund, l.member, l.counterparty, l.summary AS line_summary
        FROM vouchers v
        JOIN voucher_lines l ON l.voucher_seq = v.seq
        LEFT JOIN vouchers r ON r.reverses_period = v.period AND r.reverses_number = v.number
        """;

    /// <summary>Vouchers of the months <paramref name="from"/>..<paramref name="to"/> in number order, streamed.</summary>
    public IEnumerable<StoredVoucher> Vouchers(Period from, Period to) =>
        ReadVouchers(_connection, null, SelectVoucherRows + " WHERE v.period BETWEEN @From AND @To ORDER BY v.period, v.number, l.line_no",
            new { From = from.ToString(), To = to.ToString() });

    public StoredVoucher? FindVoucher(VoucherKey key) => FindVoucher(_connection, null, key);

    internal static StoredVoucher? FindVoucher(SqliteConnection connection, SqliteTransaction? tx, VoucherKey key) =>
        ReadVouchers(connection, tx, SelectVoucherRows + " WHERE v.period = @Period AND v.number = @Number ORDER BY l.line_no",
            new { Period = key.Period.ToString(), key.Number }).SingleOrDefault();

    /// <summary>Every voucher in date order (then period and number), for exports.</summary>
    public IEnumerable<StoredVoucher> AllVouchersByDate() =>
        ReadVouchers(_connection, null, SelectVoucherRows + " ORDER BY v.date, v.period, v.number, l.line_no", null);

    private static IEnumerable<StoredVoucher> ReadVouchers(SqliteConnection connection, SqliteTransaction? tx, string sql, object? parameters)
    {
        using var reader = connection.ExecuteReader(sql, parameters, tx);
        var parser = reader.GetRowParser<VoucherRow>();
        VoucherRow? first = null;
        var lines = ImmutableArray.CreateBuilder<VoucherLine>();
        while (reader.Read())
        {
            var row = parser(reader);
            if (first is not null && row.seq != first.seq)
            {
                yield return first.ToStored(lines.ToImmutable());
                lines.Clear();
            }
            first = first is null || row.seq != first.seq ? row : first;
            lines.Add(new VoucherLine(row.account, new Amount(row.debit_fen), new Amount(row.credit_fen), row.fund, row.member, row.counterparty, row.line_summary));
        }
        if (first is not null) yield return first.ToStored(lines.ToImmutable());
    }

    private sealed record VoucherRow(long seq, string period, long number, string date, string kind, string? @ref, string summary,
        long attachments, string? reverses_period, long? reverses_number, string? source, long? draft, string? cashier, string? attachments_reason,
        string? reversed_by_period, long? reversed_by_number,
        long line_no, string account, long debit_fen, long credit_fen, string? fund, string? member, string? counterparty, string? line_summary)
    {
        public StoredVoucher ToStored(ImmutableArray<VoucherLine> lines)
        {
            VoucherKinds.TryParse(kind, out var k);
            var voucher = new Voucher((int)number, IsoDate.Parse(date), k, @ref, summary, (int)attachments,
                reverses_period is null ? null : new VoucherKey(Period.Parse(reverses_period), (int)reverses_number!.Value), lines)
                { AttachmentsReason = attachments_reason };
            return new StoredVoucher(seq, voucher,
                reversed_by_period is null ? null : new VoucherKey(Period.Parse(reversed_by_period), (int)reversed_by_number!.Value),
                source is null ? null : new VoucherOrigin(source, (int?)draft, cashier));
        }
    }

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
    public TrialBalance TrialBalance(Period from, Period to) => Read(tx =>
    {
        var state = LoadState(tx);
        var turnover = _connection.Query<(string, long, long, long, long)>(SelectTurnover, new { From = from.ToString(), To = to.ToString() }, tx)
            .Select(t => new AccountTurnover(t.Item1, new Amount(t.Item2), new Amount(t.Item3), new Amount(t.Item4), new Amount(t.Item5)));
        return Core.Reporting.TrialBalance.Compute(from, to, state.Accounts, turnover);
    });

    // An account and its sub-accounts are the codes from @Code up to @Code || ':' (':' sorts right
    // after '9', and codes are digits): a range the account index answers.
    private const string SelectAccountOpening = """
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
    public AccountLedger? AccountLedger(string code, Period from, Period to) => Read(tx =>
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

    /// <summary>Audit entries from <paramref name="fromSeq"/> on, in order, streamed.</summary>
    public IEnumerable<StoredEntry> Entries(long fromSeq = 0, long limit = long.MaxValue) =>
        _connection.Query<StoredEntry>("SELECT seq AS Seq, hash AS Hash, entry AS Bytes FROM audit_log WHERE seq >= @From ORDER BY seq LIMIT @Limit",
            new { From = fromSeq, Limit = limit }, buffered: false);

    public (long Seq, string Hash)? Head() => Read(Head);

    /// <summary>The first and last months holding vouchers, or null when there are none.</summary>
    public (Period First, Period Last)? VoucherPeriods()
    {
        var (first, last) = _connection.QuerySingle<(string?, string?)>("SELECT MIN(period), MAX(period) FROM vouchers");
        return first is null ? null : (Period.Parse(first), Period.Parse(last!));
    }

    internal SqliteConnection ConnectionForVerify => _connection;
}
