using System.Data.Common;
using CollectiveLedger.Core.Bank;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using Dapper;

namespace CollectiveLedger.Storage.Readers;

/// <summary>
/// The postings on bank deposit accounts that statements are matched with (issue 17). Read through the
/// store's connection (<c>store.Bank</c>) or inside a write session (<see cref="WriteSession.BankPostings"/>).
/// </summary>
public sealed class BankReader
{
    private readonly LedgerStore _store;

    internal BankReader(LedgerStore store) => _store = store;

    // Opening vouchers are balances, not movements: never matched, never outstanding.
    private const string SelectPostings = """
        SELECT v.period, v.number, l.line_no, l.account, v.date, l.debit_fen, l.credit_fen, v.ref, COALESCE(l.summary, v.summary)
        FROM vouchers v JOIN voucher_lines l ON l.voucher_seq = v.seq
        WHERE l.account = @Account AND v.kind <> 'opening' AND v.date BETWEEN @From AND @To
        ORDER BY v.period, v.number, l.line_no
        """;

    private const string SelectPosting = """
        SELECT v.period, v.number, l.line_no, l.account, v.date, l.debit_fen, l.credit_fen, v.ref, COALESCE(l.summary, v.summary)
        FROM vouchers v JOIN voucher_lines l ON l.voucher_seq = v.seq
        WHERE v.period = @Period AND v.number = @Number AND l.line_no = @Line AND v.kind <> 'opening'
        """;

    /// <summary>The postings on <paramref name="accounts"/> dated <paramref name="from"/> to <paramref name="to"/>, by voucher and line.</summary>
    public IReadOnlyList<BankPosting> Postings(IReadOnlyCollection<string> accounts, DateOnly from, DateOnly to) =>
        _store.Read(tx => Postings(_store.Connection, tx, accounts, from, to));

    internal static IReadOnlyList<BankPosting> Postings(DbConnection connection, DbTransaction tx, IReadOnlyCollection<string> accounts, DateOnly from, DateOnly to) =>
        // One query per account (a bank account and its few sub-accounts): an IN list is spelt differently by the two engines.
        accounts.SelectMany(a => Query(connection, tx, SelectPostings, new { Account = a, From = IsoDate.Format(from), To = IsoDate.Format(to) }))
            .OrderBy(p => p.Key).ToList();

    /// <summary>
    /// The 银行存款余额调节表 of <paramref name="account"/> (which <see cref="BankRules.CheckAccount"/> has passed) at the end
    /// of <paramref name="period"/>, as Core's <see cref="BankReconciliation.Of"/> computes it from these books; null when
    /// no statement line is dated by then. <paramref name="postings"/>: every posting on the account and under it (none
    /// before a statement is imported), which the matched pairs are looked up in.
    /// </summary>
    public BankReconciliation? Reconciliation(LedgerState state, string account, Period period, out IReadOnlyList<BankPosting> postings)
    {
        var accounts = BankRules.AccountsUnder(state, account);
        // Every posting: one matched with a statement line may be dated before the statement's first day.
        postings = state.BankLinesOf(account).Any() ? Postings(accounts, DateOnly.MinValue, DateOnly.MaxValue) : [];
        var balances = state.BalancesAtEndOf(period);
        var bookBalance = new Amount(accounts.Sum(a => balances.GetValueOrDefault(a)));
        return BankReconciliation.Of(account, state.Accounts[account].Name, period, bookBalance, postings, state);
    }

    /// <summary>The voucher line <paramref name="key"/>, unless it does not exist or is of an opening voucher.</summary>
    internal static BankPosting? Find(DbConnection connection, DbTransaction tx, PostingKey key) =>
        Query(connection, tx, SelectPosting, new { Period = key.Period.ToString(), Number = (long)key.Number, Line = (long)key.Line }).FirstOrDefault();

    private static List<BankPosting> Query(DbConnection connection, DbTransaction tx, string sql, object parameters)
    {
        var postings = new List<BankPosting>();
        using var reader = connection.ExecuteReader(sql, parameters, tx);
        while (reader.Read())
            postings.Add(new BankPosting(new PostingKey(Period.Parse(reader.GetString(0)), (int)reader.GetInt64(1), (int)reader.GetInt64(2)), reader.GetString(3),
                IsoDate.Parse(reader.GetString(4)), new Amount(checked(reader.GetInt64(5) - reader.GetInt64(6))), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetString(8)));
        return postings;
    }
}
