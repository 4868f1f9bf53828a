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
/// <item>fund money is charged only to the accounts the grant allows (FundPurposeViolation), not
/// before its start date (FundNotStarted) and not after its end date (FundExpired). A charge is a
/// debit naming the fund on an asset (other than cash and bank), cost or expenditure account; and a
/// debit naming the fund on its own grant account (231 一事一议资金, 241 专项应付款) whenever the voucher
/// takes the money anywhere but into ownership (311, when the asset is formed): paying out of 241 or
/// 231 directly (Dr 241 / Cr 102, Dr 241 / Cr 211) is spending like any other. Only the money
/// returned to the grantor (退回: every cash and bank credit of the fund names a counterparty that is
/// one of the fund's granting agencies) is not a charge. Other debits to liabilities and ownership
/// (repaying a payable) use nothing up;</item>
/// <item>what a fund has spent never exceeds what it has received, as of the voucher's date and on
/// every later day (FundOverspent, FundOverspentLater): money spent on 1 April is not covered by a
/// grant that arrives on 6 May, and a back-dated payment may not leave a later day short either.
/// Fund money is counted where it moves through cash and bank
/// (<see cref="StandardChart.IsCashOrBank"/>): a debit there is money received for the fund, a
/// credit money paid out of it. A red-ink reversal counts with its negative amounts, so
/// un-receiving money that was already spent is refused too.</item>
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
            foreach (var line in lines.Where(l => IsCharge(l, lines, terms, state)))
            {
                if (!terms.Allows(line.Account))
                    violations.Add(new Violation(ViolationCode.FundPurposeViolation, place, fund, line.Account, terms.Accounts));
                if (terms.ValidTo is { } end && voucher.Date > end)
                    violations.Add(new Violation(ViolationCode.FundExpired, place, fund, IsoDate.Format(voucher.Date), IsoDate.Format(end)));
                if (terms.ValidFrom is { } start && voucher.Date < start)
                    violations.Add(new Violation(ViolationCode.FundNotStarted, place, fund, IsoDate.Format(voucher.Date), IsoDate.Format(start)));
            }
        }
        foreach (var (fund, change) in Changes(voucher))
            if (Overspending(fund, voucher.Date, change, state) is { } overspent)
                violations.Add(overspent with { Place = place });
        return VoucherRules.Ordered(violations);
    }

    /// <summary>
    /// FundOverspent when the fund's balance at the end of <paramref name="date"/> would be below zero
    /// with <paramref name="change"/>; FundOverspentLater with the first later day that would be; null
    /// when the change takes nothing out of the fund or no day goes short.
    /// </summary>
    private static Violation? Overspending(string fund, DateOnly date, FundBalance change, LedgerState state)
    {
        if (change.Balance >= Amount.Zero) return null;
        var available = state.FundAsOf(fund, date).Balance;
        var running = available + change.Balance;
        if (running.IsNegative)
            return new Violation(ViolationCode.FundOverspent, Place.None, fund, available.ToString(), (-running).ToString());
        foreach (var (day, moved) in state.FundDays(fund).Where(d => d.Key > date))
        {
            running += moved.Balance;
            if (running.IsNegative)
                return new Violation(ViolationCode.FundOverspentLater, Place.None, fund, IsoDate.Format(day), (-running).ToString());
        }
        return null;
    }

    /// <summary>
    /// FundOverspentInPeriod for every fund that stood below zero on some day of <paramref name="period"/>,
    /// naming the first such day and the shortfall then; a fund already short at the end of the month
    /// before is short from the month's first day.
    /// </summary>
    public static IEnumerable<Violation> OverspentIn(Period period, LedgerState state, Place place)
    {
        foreach (var (fund, _) in state.Funds.OrderBy(f => f.Code, StringComparer.Ordinal))
        {
            var running = state.FundAsOf(fund, period.FirstDay.AddDays(-1)).Balance;
            var shortDay = running.IsNegative ? period.FirstDay : (DateOnly?)null;
            foreach (var (day, moved) in state.FundDays(fund).Where(d => d.Key >= period.FirstDay && d.Key <= period.LastDay))
            {
                if (shortDay is not null) break;
                running += moved.Balance;
                if (running.IsNegative) shortDay = day;
            }
            if (shortDay is { } d)
                yield return new Violation(ViolationCode.FundOverspentInPeriod, place, fund, IsoDate.Format(d), (-running).ToString());
        }
    }

    /// <summary>
    /// A debit that uses fund money up: on an asset, cost or expense account other than cash and bank;
    /// or on the fund's grant account (231, 241) when the fund's money goes anywhere but ownership
    /// (the asset formed) and is not returned to the grantor.
    /// </summary>
    private static bool IsCharge(VoucherLine line, IReadOnlyList<VoucherLine> fundLines, FundTerms terms, LedgerState state)
    {
        if (line.Debit.IsZero || StandardChart.IsCashOrBank(line.Account)) return false;
        if (StandardChart.IsExpenditure(line.Account)) return true;
        if (!state.Accounts.TryGetValue(line.Account, out var account)) return false;
        if (account.Class is AccountClass.Asset or AccountClass.Cost) return true;
        if (!IsGrantAccount(line.Account)) return false;
        var credits = fundLines.Where(l => !l.Credit.IsZero).ToList();
        var intoOwnership = credits.All(l => state.Accounts.TryGetValue(l.Account, out var a) && a.Class == AccountClass.Ownership);
        return !intoOwnership && !ReturnedToGrantor(credits, terms, state);
    }

    /// <summary>231 一事一议资金 and 241 专项应付款 with their sub-accounts: where grant money waits to be used.</summary>
    public static bool IsGrantAccount(string code) => code.StartsWith("231", StringComparison.Ordinal) || code.StartsWith("241", StringComparison.Ordinal);

    /// <summary>退回: the fund's money leaves only through cash and bank, each payment naming a counterparty that is one of the fund's granting agencies.</summary>
    private static bool ReturnedToGrantor(List<VoucherLine> credits, FundTerms terms, LedgerState state)
    {
        var agencies = terms.Agency.Split(['、', ',', '，', ';', '；', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return credits.Count > 0 && credits.All(l => StandardChart.IsCashOrBank(l.Account) && l.Counterparty is { } c
            && state.DimensionName(DimensionKind.Counterparty, c) is { } name && (agencies.Contains(name) || name == terms.Agency.Trim()));
    }
}
