using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Audit;

/// <summary>
/// The balances replayed from a log's <c>voucher.posted</c> entries alone, as a verifier without the
/// database computes them (audit-log.md 8 and 14): the net balance (debit minus credit) of every
/// account a line names and of its level-1 account, and per fund the money received and paid out
/// (lines on cash and bank, 101 and 102 and below, naming the fund: a debit is received, a credit
/// paid, red ink with its sign). A voucher the public log withholds is not counted: the caller says how many.
/// </summary>
public sealed class LogBalances
{
    private readonly SortedDictionary<string, Amount> _net = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, (Amount Received, Amount Paid)> _funds = new(StringComparer.Ordinal);

    /// <summary>Net balances, debit minus credit, by account code: level-1 accounts and the accounts lines name, in code order.</summary>
    public IReadOnlyDictionary<string, Amount> Net => _net;

    /// <summary>Per fund code, what came in through cash and bank and what went out.</summary>
    public IReadOnlyDictionary<string, (Amount Received, Amount Paid)> Funds => _funds;

    public void Add(VoucherPosted posted)
    {
        foreach (var line in posted.Voucher.Lines)
        {
            var net = line.Debit - line.Credit;
            Add(line.Account, net);
            if (line.Account.Length > 3) Add(line.Account[..3], net);
            if (line.Fund is { } fund && line.Account[..3] is "101" or "102")
            {
                var (received, paid) = _funds.GetValueOrDefault(fund);
                _funds[fund] = (received + line.Debit, paid + line.Credit);
            }
        }
    }

    private void Add(string account, Amount net) => _net[account] = _net.GetValueOrDefault(account) + net;
}
