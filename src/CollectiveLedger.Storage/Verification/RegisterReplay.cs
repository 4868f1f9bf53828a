using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// A register kept beside the books (the asset register, the contract register) checked again on
/// replay. Each of its entries is decided again by Core's own rule against the state before it,
/// with the entry's own time as today, and must be exactly what the rule writes; when the rule
/// posts a voucher with it, the very next entry must be that voucher, posted from the register
/// (its <see cref="VoucherOrigin"/> source). A voucher with that source anywhere else is a forgery.
/// </summary>
/// <param name="name">How messages name the register and its entries ("asset", "contract").</param>
/// <param name="source">The source of the vouchers the register posts, which its entries name (<see cref="IRegisterEntry.VoucherSource"/>).</param>
internal sealed class RegisterReplay(string name, string source)
{
    /// <summary>The asset register (<see cref="Core.Assets.AssetRules"/>): acquisition paid from an account, depreciation, disposal and herd changes post their vouchers.</summary>
    public static RegisterReplay Assets() => new("asset", VoucherOrigin.Assets);

    /// <summary>The contract register (<see cref="Core.Contracts.ContractRules"/>): a receipt or recognition posts its voucher.</summary>
    public static RegisterReplay Contracts() => new("contract", VoucherOrigin.Contracts);

    private (string Kind, Voucher Voucher)? _expected;

    public IEnumerable<string> Check(ParsedEntry entry, LedgerState state)
    {
        var e = entry.Event;
        var fromRegister = e is VoucherPosted posted && posted.Origin?.Source == source;
        // The common entry, a voucher of anything else with no register entry waiting for its voucher: nothing to do.
        var registerEntry = e is IRegisterEntry r && r.VoucherSource == source ? r : null;
        if (_expected is null && !fromRegister && registerEntry is null) return [];
        var problems = new List<string>();
        if (_expected is { } expected)
        {
            _expected = null;
            if (!fromRegister)
                problems.Add($"{expected.Kind} is not followed by its voucher {expected.Voucher.Key}: {e.Kind} comes first");
            else if (((VoucherPosted)e).Voucher is var v && (v.Number != expected.Voucher.Number || v.Ref is not null || v.Reverses is not null
                     || EventCodec.ContentSha256(v) != EventCodec.ContentSha256(expected.Voucher)))
                problems.Add($"voucher {v.Key} is not the voucher {expected.Kind} posts (expected {expected.Voucher.Key}: " +
                             string.Join(", ", expected.Voucher.Lines.Select(l => $"{l.Account} Dr {l.Debit} Cr {l.Credit}")) + ")");
            return problems;
        }
        if (fromRegister)
        {
            problems.Add($"voucher {((VoucherPosted)e).Voucher.Key} says it came from the {name} register but follows no {name} entry");
            return problems;
        }
        var today = IsoDate.TryParseTimestamp(entry.Time, out var time) ? ChinaTime.Today(time) : DateOnly.MaxValue;
        var decision = registerEntry!.Redecide(state, today);
        if (!decision.Accepted)
            problems.AddRange(decision.Violations.Select(v => $"{e.Kind}: {v.Message(Language.En)} [{v.Code}]"));
        else if (decision.Event != e)
            problems.Add($"{e.Kind} holds values its rule would not have written");
        else if (decision.Then.OfType<VoucherPosted>().FirstOrDefault() is { } voucher)
            _expected = (e.Kind, voucher.Voucher);
        return problems;
    }

    /// <summary>A change of the register that the log leaves half written (its voucher never came).</summary>
    public IEnumerable<string> Unfinished() => _expected is { } open ? [$"{open.Kind} is not followed by its voucher {open.Voucher.Key}"] : [];
}
