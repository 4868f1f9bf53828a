using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// 专款专用: what a fund has spent never exceeds what it has received (DOMAIN.md). Fund money is
/// counted where it moves through cash and bank (<see cref="StandardChart.IsCashOrBank"/>): a debit
/// there is money received for the fund, a credit money paid out of it. A red-ink reversal counts
/// with its negative amounts, so un-receiving money that was already spent is refused too.
/// </summary>
public static class FundRules
{
    public static IReadOnlyList<(string Fund, FundBalance Change)> Changes(Voucher voucher)
    {
        List<(string Fund, FundBalance Change)>? changes = null; // most vouchers move no fund money: no allocation for them
        foreach (var line in voucher.Lines)
        {
            if (line.Fund is not { } fund || !StandardChart.IsCashOrBank(line.Account)) continue;
            changes ??= [];
            var i = changes.FindIndex(c => c.Fund == fund);
            var change = new FundBalance(line.Debit, line.Credit);
            if (i < 0) changes.Add((fund, change));
            else changes[i] = (fund, changes[i].Change + change);
        }
        return changes ?? (IReadOnlyList<(string, FundBalance)>)[];
    }

    /// <summary>FundOverspent for each fund the voucher would leave with more spent than received, naming its balance and the shortfall.</summary>
    public static IEnumerable<Violation> Check(Voucher voucher, LedgerState state, Place place)
    {
        foreach (var (fund, change) in Changes(voucher))
        {
            var before = state.Fund(fund);
            var after = before + change;
            if (after.Spent > after.Received && after.Balance < before.Balance)
                yield return new Violation(ViolationCode.FundOverspent, place, fund, before.Balance.ToString(), (-after.Balance).ToString());
        }
    }
}
