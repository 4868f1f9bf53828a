using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Core.Bank;

/// <summary>
/// 银行存款余额调节表: the bank deposit account <see cref="Account"/> at the end of <see cref="Period"/>.
/// 企业银行存款日记账余额 + 银行已收企业未收 − 银行已付企业未付 = 调节后余额 =
/// 银行对账单余额 + 企业已收银行未收 − 企业已付银行未付. An item is outstanding at the month's end when it is
/// dated by then and not matched, or matched with an item dated after it. Postings count from the
/// account's first statement line on (what came before is in the statement's opening balance), opening
/// vouchers never (they are balances, not movements).
/// </summary>
public sealed record BankReconciliation(string Account, string AccountName, Period Period, Amount BookBalance, Amount StatementBalance,
    DateOnly StatementDate, IReadOnlyList<BankStatementLine> BankReceived, IReadOnlyList<BankStatementLine> BankPaid,
    IReadOnlyList<BankPosting> BooksReceived, IReadOnlyList<BankPosting> BooksPaid)
{
    public Amount BankReceivedTotal => Sum(BankReceived.Select(l => l.Income));
    public Amount BankPaidTotal => Sum(BankPaid.Select(l => l.Payment));
    public Amount BooksReceivedTotal => Sum(BooksReceived.Select(p => p.Net));
    public Amount BooksPaidTotal => -Sum(BooksPaid.Select(p => p.Net));

    /// <summary>调节后余额 from the books' side.</summary>
    public Amount AdjustedBooks => BookBalance + BankReceivedTotal - BankPaidTotal;

    /// <summary>调节后余额 from the bank's side.</summary>
    public Amount AdjustedBank => StatementBalance + BooksReceivedTotal - BooksPaidTotal;

    public bool Balances => AdjustedBooks == AdjustedBank;

    /// <summary>Books' side minus bank's side: zero when it balances.</summary>
    public Amount Difference => AdjustedBooks - AdjustedBank;

    private static Amount Sum(IEnumerable<Amount> amounts) => amounts.Aggregate(Amount.Zero, (a, b) => a + b);

    /// <summary>
    /// The statement for the end of <paramref name="period"/>; null when no statement line of the account is
    /// dated by then (there is no bank balance to reconcile with).
    /// </summary>
    /// <param name="postings">The account's postings (it and its sub-accounts), opening vouchers left out, every date from the first statement line on.</param>
    /// <param name="bookBalance">The account's balance at the end of the month (debit − credit, opening included).</param>
    public static BankReconciliation? Of(string account, string accountName, Period period, Amount bookBalance, IReadOnlyList<BankPosting> postings, LedgerState state)
    {
        var end = period.LastDay;
        var lines = state.BankLinesOf(account).ToList();
        var byDate = lines.Where(l => l.Date <= end).ToList();
        if (byDate.Count == 0) return null;
        var last = byDate[^1];
        var start = lines[0].Date;
        var postingDates = postings.ToDictionary(p => p.Key, p => p.Date);

        var bankOpen = byDate.Where(l => state.BankMatchOf(l.Id) is not { } key || !postingDates.TryGetValue(key, out var d) || d > end).ToList();
        var booksOpen = postings.Where(p => p.Date >= start && p.Date <= end
            && (state.BankLineMatchedWith(p.Key) is not { } line || state.BankLine(line) is not { } l || l.Date > end)).ToList();
        return new BankReconciliation(account, accountName, period, bookBalance, last.Balance, last.Date,
            bankOpen.Where(l => l.Net > Amount.Zero).ToList(), bankOpen.Where(l => l.Net < Amount.Zero).ToList(),
            booksOpen.Where(p => p.Net > Amount.Zero).ToList(), booksOpen.Where(p => p.Net < Amount.Zero).ToList());
    }
}
