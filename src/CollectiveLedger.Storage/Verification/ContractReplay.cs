using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Contracts;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// The contract register checked again on replay, as <see cref="AssetReplay"/> checks the asset
/// register: each contract entry is decided again by <see cref="ContractRules"/> against the state
/// before it, with the entry's own time as today, and must be exactly what the rule writes; a
/// receipt or recognition must be followed at once by its voucher (source <c>contracts</c>), and a
/// voucher with that source anywhere else is a forgery.
/// </summary>
internal sealed class ContractReplay
{
    private (string Kind, Voucher Voucher)? _expected;

    public IEnumerable<string> Check(ParsedEntry entry, LedgerState state)
    {
        if (_expected is null && entry.Event is not (ContractAdded or ContractReceived or ContractsRecognized or VoucherPosted { Origin.Source: VoucherOrigin.Contracts }))
            return [];
        var problems = new List<string>();
        var e = entry.Event;
        if (_expected is { } expected)
        {
            _expected = null;
            if (e is not VoucherPosted { Origin.Source: VoucherOrigin.Contracts } posted)
                problems.Add($"{expected.Kind} is not followed by its voucher {expected.Voucher.Key}: {e.Kind} comes first");
            else if (posted.Voucher.Number != expected.Voucher.Number || posted.Voucher.Ref is not null || posted.Voucher.Reverses is not null
                     || EventCodec.ContentSha256(posted.Voucher) != EventCodec.ContentSha256(expected.Voucher))
                problems.Add($"voucher {posted.Voucher.Key} is not the voucher {expected.Kind} posts (expected {expected.Voucher.Key}: " +
                             string.Join(", ", expected.Voucher.Lines.Select(l => $"{l.Account} Dr {l.Debit} Cr {l.Credit}")) + ")");
            return problems;
        }
        if (e is VoucherPosted { Origin.Source: VoucherOrigin.Contracts } stray)
        {
            problems.Add($"voucher {stray.Voucher.Key} says it came from the contract register but follows no contract entry");
            return problems;
        }
        var today = IsoDate.TryParseTimestamp(entry.Time, out var time) ? ChinaTime.Today(time) : DateOnly.MaxValue;
        var decision = e switch
        {
            ContractAdded a => ContractRules.Add(a.Contract.Number, a.Contract.Party, a.Contract.Resource,
                new Core.Money.Amount(a.Contract.AreaHundredthMu).ToString(), a.Contract.Rent.ToString(), IsoDate.Format(a.Contract.From),
                IsoDate.Format(a.Contract.To), a.Contract.Schedule, a.Contract.IncomeAccount, a.Contract.PrepaidAccount, state),
            ContractReceived r => ContractRules.Receive(r.Contract, IsoDate.Format(r.Date), r.Amount.ToString(), r.Account, state, today),
            ContractsRecognized y => ContractRules.Recognize(y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), state, today),
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

    /// <summary>A receipt or recognition that the log leaves half written (its voucher never came).</summary>
    public IEnumerable<string> Unfinished() => _expected is { } open ? [$"{open.Kind} is not followed by its voucher {open.Voucher.Key}"] : [];

    // Records with arrays compare by reference; the recognition lines compare item by item.
    private static bool SameEvent(LedgerEvent decided, LedgerEvent logged) => (decided, logged) switch
    {
        (ContractsRecognized a, ContractsRecognized b) => a.Year == b.Year && a.Lines.SequenceEqual(b.Lines),
        _ => decided == logged,
    };
}
