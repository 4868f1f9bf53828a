using System.Collections.Immutable;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Core.Reporting;

/// <summary>One row of the 科目余额表. Balances stand on one side: net >= 0 on the debit side, else on the credit side.</summary>
public sealed record TrialBalanceRow(string Code, string Name, int Level, bool Leaf,
    Amount OpeningDebit, Amount OpeningCredit, Amount PeriodDebit, Amount PeriodCredit, Amount ClosingDebit, Amount ClosingCredit);

/// <summary>
/// 科目余额表 for the months <see cref="From"/>..<see cref="To"/>: every account with a balance or
/// turnover, parents aggregating their children, opening vouchers in the opening columns only.
/// Totals sum the level-1 rows; in each column pair debit equals credit (checked on construction).
/// </summary>
public sealed record TrialBalance(Period From, Period To, ImmutableArray<TrialBalanceRow> Rows, TrialBalanceRow Totals)
{
    public static TrialBalance Compute(Period from, Period to, IReadOnlyDictionary<string, Account> accounts, IEnumerable<AccountTurnover> leafTurnover)
    {
        var sums = new Dictionary<string, (Amount Od, Amount Oc, Amount Pd, Amount Pc)>(StringComparer.Ordinal);
        var parents = new HashSet<string>(accounts.Values.Where(a => a.Parent is not null).Select(a => a.Parent!), StringComparer.Ordinal);
        foreach (var t in leafTurnover)
        {
            for (var code = t.Account; code is not null; code = accounts[code].Parent)
            {
                var s = sums.GetValueOrDefault(code);
                sums[code] = (s.Od + t.OpeningDebit, s.Oc + t.OpeningCredit, s.Pd + t.PeriodDebit, s.Pc + t.PeriodCredit);
            }
        }

        var rows = ImmutableArray.CreateBuilder<TrialBalanceRow>();
        foreach (var (code, s) in sums.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var opening = s.Od - s.Oc;
            var closing = opening + s.Pd - s.Pc;
            if (opening.IsZero && closing.IsZero && s.Pd.IsZero && s.Pc.IsZero) continue;
            var account = accounts[code];
            rows.Add(new TrialBalanceRow(code, account.Name, account.Level, !parents.Contains(code),
                Debit(opening), Credit(opening), s.Pd, s.Pc, Debit(closing), Credit(closing)));
        }

        var top = rows.Where(r => r.Level == 1).ToList();
        var totals = new TrialBalanceRow("", "合计", 0, false,
            Sum(top, r => r.OpeningDebit), Sum(top, r => r.OpeningCredit), Sum(top, r => r.PeriodDebit),
            Sum(top, r => r.PeriodCredit), Sum(top, r => r.ClosingDebit), Sum(top, r => r.ClosingCredit));
        Precondition.Require(totals.OpeningDebit == totals.OpeningCredit && totals.PeriodDebit == totals.PeriodCredit
            && totals.ClosingDebit == totals.ClosingCredit, "trial balance totals balance in every column pair");
        return new TrialBalance(from, to, rows.ToImmutable(), totals);
    }

    private static Amount Debit(Amount net) => net.IsNegative ? Amount.Zero : net;
    private static Amount Credit(Amount net) => net.IsNegative ? -net : Amount.Zero;
    private static Amount Sum(IEnumerable<TrialBalanceRow> rows, Func<TrialBalanceRow, Amount> column) =>
        rows.Aggregate(Amount.Zero, (acc, r) => acc + column(r));
}
