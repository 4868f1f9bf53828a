using CollectiveLedger.Core.Bank;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// The postings a bank match names, checked on replay (issue 17). Core's <see cref="BankRules.Recheck(BankMatched, LedgerState)"/>
/// holds the statement lines and the one-to-one rule against the state; the state keeps no vouchers, so this
/// keeps the lines of the vouchers on bank deposit accounts as they pass (their key, account and amount)
/// and requires every matched posting to be one of them, on the match's account or under it, with the match's amount.
/// </summary>
internal sealed class BankReplay
{
    private readonly Dictionary<PostingKey, (string Account, Amount Net)> _postings = [];

    /// <summary>Problems of one entry, before it is applied to <paramref name="state"/>.</summary>
    public IEnumerable<string> Check(LedgerEvent e, LedgerState state)
    {
        if (e is VoucherPosted posted)
        {
            var v = posted.Voucher;
            if (v.Kind == VoucherKind.Opening) return [];
            for (var i = 0; i < v.Lines.Length; i++)
                if (BankRules.IsBankAccount(state, v.Lines[i].Account))
                    _postings[new PostingKey(v.Period, v.Number, i + 1)] = (v.Lines[i].Account, v.Lines[i].Debit - v.Lines[i].Credit);
            return [];
        }
        if (e is not BankMatched matched) return [];
        var problems = new List<string>();
        foreach (var pair in matched.Pairs)
        {
            if (!_postings.TryGetValue(pair.Posting, out var posting))
                problems.Add($"bank.matched: voucher line {pair.Posting} is no posting on a bank account");
            else if (!BankRules.IsUnder(state, posting.Account, matched.Account))
                problems.Add($"bank.matched: voucher line {pair.Posting} is on {posting.Account}, not on {matched.Account}");
            else if (posting.Net != pair.Amount)
                problems.Add($"bank.matched: voucher line {pair.Posting} is of {posting.Net}, the match says {pair.Amount}");
        }
        return problems;
    }
}
