using CollectiveLedger.Core.Assets;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// The asset register checked again on replay. Each asset entry is decided again by Core's own rule
/// (<see cref="AssetRules"/>) against the state before it, with the entry's own time as today, and
/// must be exactly what the rule writes; when the rule posts a voucher with it (acquisition paid
/// from an account, depreciation, disposal), the very next entry must be that voucher, posted from
/// the register (source <c>assets</c>). A voucher from the register anywhere else is a forgery.
/// </summary>
internal sealed class AssetReplay
{
    private (string Kind, Voucher Voucher)? _expected;

    public IEnumerable<string> Check(ParsedEntry entry, LedgerState state)
    {
        // The common entry, a voucher of anything else with no register entry waiting for its voucher: nothing to do.
        if (_expected is null && entry.Event is not (AssetAdded or AssetsDepreciated or AssetDisposed or HerdChanged or VoucherPosted { Origin.Source: VoucherOrigin.Assets }))
            return [];
        var problems = new List<string>();
        var e = entry.Event;
        if (_expected is { } expected)
        {
            _expected = null;
            if (e is not VoucherPosted { Origin.Source: VoucherOrigin.Assets } posted)
                problems.Add($"{expected.Kind} is not followed by its voucher {expected.Voucher.Key}: {e.Kind} comes first");
            else if (posted.Voucher.Number != expected.Voucher.Number || posted.Voucher.Ref is not null || posted.Voucher.Reverses is not null
                     || EventCodec.ContentSha256(posted.Voucher) != EventCodec.ContentSha256(expected.Voucher))
                problems.Add($"voucher {posted.Voucher.Key} is not the voucher {expected.Kind} posts (expected {expected.Voucher.Key}: " +
                             string.Join(", ", expected.Voucher.Lines.Select(l => $"{l.Account} Dr {l.Debit} Cr {l.Credit}")) + ")");
            return problems;
        }
        if (e is VoucherPosted { Origin.Source: VoucherOrigin.Assets } stray)
        {
            problems.Add($"voucher {stray.Voucher.Key} says it came from the asset register but follows no asset entry");
            return problems;
        }
        var today = IsoDate.TryParseTimestamp(entry.Time, out var time) ? ChinaTime.Today(time) : DateOnly.MaxValue;
        var decision = e switch
        {
            AssetAdded a => AssetRules.Add(AssetInput.From(a), state, today, Place.None),
            AssetsDepreciated d => AssetRules.Depreciate(d.Period.ToString(), state, today),
            AssetDisposed d => AssetRules.Dispose(d.Asset, IsoDate.Format(d.Date), d.Proceeds.ToString(), d.ProceedsAccount,
                d.GainLossAccount ?? AssetRules.Disposal, d.GainLossAccount ?? AssetRules.Disposal, d.Reason, state, today),
            HerdChanged h => AssetRules.ChangeHerd(h.Asset, IsoDate.Format(h.Date), h.Change.ToText(), h.Head.ToString(System.Globalization.CultureInfo.InvariantCulture),
                h.Note, state, today),
            _ => null,
        };
        if (decision is null) return problems;
        if (!decision.Accepted)
            problems.AddRange(decision.Violations.Select(v => $"{e.Kind}: {v.Message(Language.En)} [{v.Code}]"));
        else if (!SameEvent(decision.Event!, e))
            problems.Add($"{e.Kind} holds values its rule would not have written");
        else if (decision.Then.OfType<VoucherPosted>().FirstOrDefault() is { } voucher)
            _expected = (e.Kind, voucher.Voucher);
        return problems;
    }

    /// <summary>A change of the register that the log leaves half written (its voucher never came).</summary>
    public IEnumerable<string> Unfinished() => _expected is { } open ? [$"{open.Kind} is not followed by its voucher {open.Voucher.Key}"] : [];

    // Records with arrays compare by reference; the depreciation lines compare item by item.
    private static bool SameEvent(LedgerEvent decided, LedgerEvent logged) => (decided, logged) switch
    {
        (AssetsDepreciated a, AssetsDepreciated b) => a.Period == b.Period && a.Lines.SequenceEqual(b.Lines),
        _ => decided == logged,
    };
}
