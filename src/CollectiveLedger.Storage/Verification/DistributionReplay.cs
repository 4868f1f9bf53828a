using System.Collections.Immutable;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Distribution;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// The vouchers of an income distribution checked again on replay. <c>distribution post</c> and
/// <c>distribution pay</c> write their step's entry and at once, in the same transaction, the
/// vouchers Core builds for it (<see cref="DistributionRules.PostingVouchers"/>,
/// <see cref="DistributionRules.PaymentVouchers"/>). So a voucher of source <c>distribution</c> is
/// exactly the next one those functions build from the plan in the log, and nothing comes between.
/// (That the step itself was allowed is <see cref="ReplayRules"/>' business.)
/// </summary>
internal sealed class DistributionReplay
{
    private string? _step;                           // "distribution.posted 2025" while its vouchers are due
    private ImmutableArray<Voucher> _expected = [];
    private int _seen;

    /// <summary>Problems of one entry, before it is applied to <paramref name="state"/>.</summary>
    public IEnumerable<string> Check(LedgerEvent e, LedgerState state)
    {
        // The common entry, a voucher of anything else while no distribution step is open: nothing to do.
        if (_step is null && e is not (VoucherPosted { Origin.Source: VoucherOrigin.Distribution } or DistributionPosted or DistributionPaid)) return [];
        var problems = new List<string>();
        if (e is VoucherPosted { Origin.Source: VoucherOrigin.Distribution } posted)
        {
            var v = posted.Voucher;
            if (_step is null || _seen >= _expected.Length)
                problems.Add($"voucher {v.Key} says it came from an income distribution, but no distribution step calls for it here");
            else if (_expected[_seen] is var expected && (expected.Number != v.Number || expected.Date != v.Date
                         || EventCodec.ContentSha256(expected) != EventCodec.ContentSha256(v) || v.Ref is not null))
                problems.Add($"voucher {v.Key} is not what {_step} computes from the plan (expected {expected.Key}: " +
                             $"{string.Join(", ", expected.Lines.Select(l => $"{l.Account} Dr {l.Debit} Cr {l.Credit}"))})");
            _seen++;
            if (_seen >= _expected.Length) _step = null;
            return problems;
        }
        if (_step is not null)
        {
            problems.Add($"{e.Kind} interrupts {_step}, whose vouchers are written in the same transaction ({_seen} of {_expected.Length} so far)");
            _step = null;
        }
        switch (e)
        {
            case DistributionPosted p when state.Distribution(p.Year) is { } record:
                Begin($"{p.Kind} {p.Year}", DistributionRules.PostingVouchers(record.Plan, p, state));
                break;
            case DistributionPaid p when state.Distribution(p.Year) is { Posting: { } posting } record:
                Begin($"{p.Kind} {p.Year}", DistributionRules.PaymentVouchers(record.Plan, posting, p, state));
                break;
        }
        return problems;
    }

    /// <summary>A step whose vouchers never came (the log ends inside it).</summary>
    public IEnumerable<string> Unfinished() => _step is { } open ? [$"{open} is incomplete: {_seen} of its {_expected.Length} vouchers follow it"] : [];

    private void Begin(string step, ImmutableArray<Voucher> expected)
    {
        _expected = expected;
        _seen = 0;
        _step = expected.Length > 0 ? step : null;
    }
}
