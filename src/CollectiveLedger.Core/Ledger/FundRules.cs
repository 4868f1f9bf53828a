using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// 专款专用, checked on every voucher that names a fund:
/// <list type="bullet">
/// <item>the voucher balances per fund: the lines naming a fund have equal debits and credits, so
/// fund money never silently leaves or enters the fund (FundMustBalance);</item>
/// <item>fund money is charged only to the accounts the grant allows (FundPurposeViolation) and not
/// after its end date (FundExpired). A charge is a debit naming the fund on an asset (other than
/// cash and bank), cost or expenditure account; debits to liabilities and ownership (repaying a
/// payable, returning unused money to the grantor, turning 241 into 311 once the asset is formed)
/// use nothing up;</item>
/// <item>what a fund has spent never exceeds what it has received (FundOverspent). Fund money is
/// counted where it moves through cash and bank (<see cref="StandardChart.IsCashOrBank"/>): a
/// debit there is money received for the fund, a credit money paid out of it. A red-ink reversal
/// counts with its negative amounts, so un-receiving money that was already spent is refused too.</item>
/// </list>
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

    /// <summary>Every fund rule the voucher breaks, in the order of <see cref="ViolationCode"/>.</summary>
    public static IReadOnlyList<Violation> Check(Voucher voucher, LedgerState state, Place place)
    {
        var namesFund = false;
        foreach (var line in voucher.Lines) namesFund |= line.Fund is not null;
        if (!namesFund) return []; // most vouchers: no allocation
        var violations = new List<Violation>();
        foreach (var fund in voucher.Lines.Select(l => l.Fund).OfType<string>().Distinct())
        {
            var lines = voucher.Lines.Where(l => l.Fund == fund).ToList();
            var debit = lines.Aggregate(Amount.Zero, (a, l) => a + l.Debit);
            var credit = lines.Aggregate(Amount.Zero, (a, l) => a + l.Credit);
            if (debit != credit)
                violations.Add(new Violation(ViolationCode.FundMustBalance, place, fund, debit.ToString(), credit.ToString()));
            if (state.FundTerms(fund) is not { } terms) continue;
            foreach (var line in lines.Where(l => IsCharge(l, state)))
            {
                if (!terms.Allows(line.Account))
                    violations.Add(new Violation(ViolationCode.FundPurposeViolation, place, fund, line.Account, terms.Accounts));
                if (terms.ValidTo is { } end && voucher.Date > end)
                    violations.Add(new Violation(ViolationCode.FundExpired, place, fund, IsoDate.Format(voucher.Date), IsoDate.Format(end)));
            }
        }
        foreach (var (fund, change) in Changes(voucher))
        {
            var before = state.Fund(fund);
            var after = before + change;
            if (after.Spent > after.Received && after.Balance < before.Balance)
                violations.Add(new Violation(ViolationCode.FundOverspent, place, fund, before.Balance.ToString(), (-after.Balance).ToString()));
        }
        return VoucherRules.Ordered(violations);
    }

    /// <summary>A debit that uses fund money up: on an asset, cost or expense account other than cash and bank.</summary>
    private static bool IsCharge(VoucherLine line, LedgerState state) =>
        !line.Debit.IsZero && !StandardChart.IsCashOrBank(line.Account)
        && (StandardChart.IsExpenditure(line.Account)
            || state.Accounts.TryGetValue(line.Account, out var account) && account.Class is AccountClass.Asset or AccountClass.Cost);
}
