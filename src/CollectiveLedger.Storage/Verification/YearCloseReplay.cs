using System.Collections.Immutable;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// Year close checked again on replay. <c>year close</c> writes, in one transaction and nothing in
/// between: the closing vouchers, December's period.closed, year.closed. So on replay a closing
/// voucher, a December close and a year.closed may only appear in that order, for one year; the
/// closing vouchers must be exactly those Core's <see cref="YearRules.ClosingVouchers"/> builds from
/// the year-end balances; and after year.closed every income and expense account and 321 stand at
/// zero. Keeps one net balance per account and year of voucher date: bounded by the chart and the
/// number of years, never by the number of vouchers.
/// </summary>
internal sealed class YearCloseReplay
{
    private readonly SortedDictionary<int, Dictionary<string, long>> _netByYear = [];
    private int? _year;                                // the year whose close is under way
    private ImmutableArray<Voucher> _expected = [];    // its closing vouchers as Core builds them
    private int _seen;                                 // closing vouchers of it replayed so far
    private bool _decemberClosed;

    /// <summary>Problems of one entry, before it is applied to <paramref name="state"/>.</summary>
    public IEnumerable<string> Check(LedgerEvent e, LedgerState state)
    {
        var problems = new List<string>();
        switch (e)
        {
            case VoucherPosted { Voucher: { Kind: VoucherKind.Closing } v }:
                ClosingVoucher(v, state, problems);
                break;
            case PeriodClosed { Period.Month: 12 } c:
                if (_year is null) Begin(c.Period.Year, state);
                if (_year != c.Period.Year || _decemberClosed)
                    problems.Add($"period.closed {c.Period} is not part of year close {c.Period.Year}: December closes only with its year");
                else if (_seen != _expected.Length)
                    problems.Add($"year close {_year}: {_seen} closing vouchers before December closed, the books call for {_expected.Length}");
                _decemberClosed = true;
                break;
            case YearClosed y:
                if (_year != y.Year || !_decemberClosed)
                    problems.Add($"year.closed {y.Year} does not follow the closing vouchers and December's close of that year");
                else
                    foreach (var (account, net) in YearEnd(y.Year).Where(b => b.Value != 0 && IsClosed(b.Key, state)))
                        problems.Add($"year.closed {y.Year}: account {account} stands at {new Core.Money.Amount(net)} after the close, not zero");
                _year = null;
                _decemberClosed = false;
                break;
            default:
                if (_year is { } open) problems.Add($"{e.Kind} interrupts year close {open}, which writes its entries in one transaction");
                break;
        }
        if (e is VoucherPosted { Voucher: var posted }) Add(posted);
        return problems;
    }

    /// <summary>A close that began and never finished (the log ends inside it).</summary>
    public IEnumerable<string> Unfinished() => _year is { } open ? [$"year close {open} is incomplete: no year.closed follows it"] : [];

    private void ClosingVoucher(Voucher v, LedgerState state, List<string> problems)
    {
        if (_year is null) Begin(v.Date.Year, state);
        if (v.Date != new DateOnly(_year!.Value, 12, 31) || _decemberClosed)
        {
            problems.Add($"voucher {v.Key} of kind closing is not part of year close {_year} (dated 31 December, before December closes)");
            return;
        }
        if (v.Ref is not null || v.Reverses is not null)
            problems.Add($"voucher {v.Key} of kind closing carries a ref or reverses a voucher: only year close makes closing vouchers");
        if (_seen >= _expected.Length)
            problems.Add($"voucher {v.Key} of kind closing is more than year close {_year} calls for ({_expected.Length})");
        else if (_expected[_seen] is var expected && (expected.Number != v.Number || EventCodec.ContentSha256(expected) != EventCodec.ContentSha256(v)))
            problems.Add($"voucher {v.Key} of kind closing is not what year close {_year} computes from the year-end balances " +
                         $"(expected {expected.Key}: {string.Join(", ", expected.Lines.Select(l => $"{l.Account} Dr {l.Debit} Cr {l.Credit}"))})");
        _seen++;
    }

    private void Begin(int year, LedgerState state)
    {
        _year = year;
        _seen = 0;
        _decemberClosed = false;
        _expected = YearRules.ClosingVouchers(year, state, YearEnd(year));
    }

    /// <summary>Net balances as of 31 December of <paramref name="year"/>: every voucher dated up to that day.</summary>
    private Dictionary<string, long> YearEnd(int year)
    {
        var sum = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (y, nets) in _netByYear.TakeWhile(kv => kv.Key <= year))
            foreach (var (account, net) in nets) sum[account] = checked(sum.GetValueOrDefault(account) + net);
        return sum;
    }

    private void Add(Voucher v)
    {
        if (!_netByYear.TryGetValue(v.Date.Year, out var nets)) _netByYear[v.Date.Year] = nets = new(StringComparer.Ordinal);
        foreach (var l in v.Lines) nets[l.Account] = checked(nets.GetValueOrDefault(l.Account) + l.Debit.Fen - l.Credit.Fen);
    }

    /// <summary>Accounts year close brings to zero: income and expense, and 321 本年收益.</summary>
    private static bool IsClosed(string account, LedgerState state) =>
        account == YearRules.CurrentYearSurplus || (YearRules.IsClosingAccount(account, state) && account != YearRules.SurplusDistribution);
}
