using System.Collections.Immutable;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Reporting;
using Dapper;
using System.Data.Common;

namespace CollectiveLedger.Storage.Readers;

/// <summary>
/// What the printed vouchers and books (会计档案) read: the names for a voucher's boxes and the accounts of
/// each book.
/// </summary>
public sealed class PrintingReader
{
    private readonly LedgerStore _store;
    private readonly DbConnection _connection;

    internal PrintingReader(LedgerStore store)
    {
        _store = store;
        _connection = store.Connection;
    }

    // The names come from the log's own record of each step: the voucher.posted entry's actor, the
    // draft's preparer (its last version before posting), the last review and approval of that draft.
    // 会计主管 is the finance lead's approval, else the last approval given.
    private string SelectSignatures => $"""
        SELECT v.seq AS Seq,
               {_store.Engine.EntryText("a.entry", "$.actor")} AS Poster,
               v.cashier AS Cashier,
               (SELECT d.preparer FROM drafts d WHERE d.draft = v.draft AND d.seq < v.seq ORDER BY d.seq DESC LIMIT 1) AS Preparer,
               (SELECT s.by FROM draft_steps s WHERE s.draft = v.draft AND s.action = 'reviewed' AND s.seq < v.seq
                ORDER BY s.seq DESC LIMIT 1) AS Reviewer,
               (SELECT s.by FROM draft_steps s WHERE s.draft = v.draft AND s.action = 'approved' AND s.seq < v.seq
                ORDER BY s.role = 'finance_lead' DESC, s.seq DESC LIMIT 1) AS FinanceLead
        FROM vouchers v JOIN audit_log a ON a.seq = v.seq
        WHERE v.period BETWEEN @From AND @To
        """;

    private sealed record SignatureRow(long Seq, string Poster, string? Cashier, string? Preparer, string? Reviewer, string? FinanceLead);

    /// <summary>The names for the boxes of every voucher of the months, by the seq of the entry that posted it.</summary>
    public IReadOnlyDictionary<long, VoucherSignatures> VoucherSignatures(Period from, Period to) =>
        _connection.Query<SignatureRow>(SelectSignatures, new { From = from.ToString(), To = to.ToString() })
            .ToDictionary(r => r.Seq, r => new VoucherSignatures(r.FinanceLead, r.Poster, r.Reviewer, r.Cashier, r.Preparer ?? r.Poster));

    private const string SelectMonthTurnover = """
        SELECT period, SUM(debit_fen), SUM(credit_fen)
        FROM account_turnover
        WHERE account >= @Code AND account < @Code || ':' AND kind <> 'opening' AND period BETWEEN @From AND @To
        GROUP BY period
        """;

    /// <summary>
    /// The 总账 of <paramref name="year"/>: the level-1 account <paramref name="code"/> alone, or (null)
    /// every level-1 account with a balance or turnover in the year, in code order.
    /// </summary>
    public IReadOnlyList<GeneralLedger> GeneralLedgers(int year, string? code) => _store.Read(tx =>
    {
        var state = _store.LoadState(tx);
        var (from, to) = (new Period(year, 1), new Period(year, 12));
        var result = new List<GeneralLedger>();
        foreach (var account in state.Accounts.Values.Where(a => a.Parent is null && (code is null || a.Code == code)).OrderBy(a => a.Code, StringComparer.Ordinal))
        {
            var args = new { account.Code, From = from.ToString(), To = to.ToString() };
            var opening = new Amount(_connection.ExecuteScalar<long>(BooksReader.SelectAccountOpening, args, tx));
            var turnover = _connection.Query<(string, long, long)>(SelectMonthTurnover, args, tx)
                .Select(t => (Period.Parse(t.Item1), new Amount(t.Item2), new Amount(t.Item3)));
            var ledger = GeneralLedger.Compute(account.Code, account.Name, year, opening, turnover);
            if (code is not null || !ledger.Opening.IsZero || !ledger.Months.IsEmpty) result.Add(ledger);
        }
        return result;
    });

    /// <summary>
    /// The 明细账 of <paramref name="year"/> a book prints: the account <paramref name="code"/> (with its
    /// sub-accounts) alone, or (null) each leaf account under <paramref name="root"/> (every leaf when
    /// null) with a balance or turnover in the year, in code order.
    /// </summary>
    public IReadOnlyList<AccountLedger> BookLedgers(int year, string? code, string? root)
    {
        var (from, to) = (new Period(year, 1), new Period(year, 12));
        if (code is not null) return _store.Books.AccountLedger(code, from, to) is { } one ? [one] : [];
        var state = _store.LoadState();
        var result = new List<AccountLedger>();
        foreach (var account in state.Accounts.Keys.Where(c => state.IsLeaf(c) && (root is null || c.StartsWith(root, StringComparison.Ordinal))).Order(StringComparer.Ordinal))
        {
            if (_store.Books.AccountLedger(account, from, to) is { } ledger && (!ledger.Opening.IsZero || !ledger.Rows.IsEmpty)) result.Add(ledger);
        }
        return result;
    }
}
