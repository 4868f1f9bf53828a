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
/// the balances at the end of December (<see cref="LedgerState.BalancesAtEndOf"/>). That every income
/// and expense account and 321 then stand at zero is <see cref="YearRules.Record"/>'s rule, which
/// <see cref="ReplayRules"/> runs on year.closed.
/// </summary>
internal sealed class YearCloseReplay
{
    private int? _year;                                // the year whose close is under way
    private ImmutableArray<Voucher> _expected = [];    // its closing vouchers as Core builds them
    private int _seen;                                 // closing vouchers of it replayed so far
    private bool _decemberClosed;

    /// <summary>Problems of one entry, before it is applied to <paramref name="state"/>.</summary>
    public IEnumerable<string> Check(LedgerEvent e, LedgerState state)
    {
        // The common entry, an ordinary voucher outside a year close: nothing to do.
        if (_year is null && e is VoucherPosted { Voucher.Kind: not VoucherKind.Closing, Origin.Source: not VoucherOrigin.YearClose }) return [];
        var problems = new List<string>();
        switch (e)
        {
            case VoucherPosted { Voucher: { Kind: VoucherKind.Closing } v } posted:
                if (posted.Origin is { Source: not VoucherOrigin.YearClose })
                    problems.Add($"voucher {v.Key} of kind closing came from {posted.Origin.Source}, not from year close");
                ClosingVoucher(v, state, problems);
                break;
            case VoucherPosted { Origin.Source: VoucherOrigin.YearClose } other:
                problems.Add($"voucher {other.Voucher.Key} says it came from year close but is not of kind closing");
                if (_year is { } during) problems.Add($"voucher.posted interrupts year close {during}, which writes its entries in one transaction");
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
                _year = null;
                _decemberClosed = false;
                break;
            default:
                if (_year is { } open) problems.Add($"{e.Kind} interrupts year close {open}, which writes its entries in one transaction");
                break;
        }
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
        _expected = YearRules.ClosingVouchers(year, state, state.BalancesAtEndOf(new Period(year, 12)));
    }
}
