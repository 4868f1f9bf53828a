using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// The rules every entry obeyed when it was written, checked again on replay with Core's own rule
/// functions and the entry's own time as "today": a log forged with recomputed hashes still has to
/// obey them. Returns what is broken, as messages.
/// </summary>
internal static class ReplayRules
{
    public static IEnumerable<string> Check(ParsedEntry entry, LedgerState state)
    {
        var today = IsoDate.TryParseTimestamp(entry.Time, out var time) ? ChinaTime.Today(time) : DateOnly.MaxValue;
        return entry.Event switch
        {
            VoucherPosted { Voucher: var v } => Voucher(v, state, today),
            AccountAdded a => Rejected(RegisterRules.AddAccount(a.Code, a.Name, a.Parent, state, Place.None), a),
            DimensionAdded d => Rejected(RegisterRules.AddDimension(d.Dimension, d.Code, d.Name, state, Place.None), d),
            PeriodClosed c => Rejected(PeriodRules.Close(c.Period.ToString(), state, today), c),
            SettingChanged c => Rejected(SettingRules.Change(c.Key, c.Value), c),
            KeyRegistered k => Rejected(SettingRules.RegisterKey(k.Name, k.PublicKey, state), k, sameEvent: false),
            DisclosurePublished d => Rejected(DisclosureRules.Publish(new DisclosurePeriod(d.Scope, d.From, d.To), d.Date, d.Checkpoint, d.Files, state, today), d,
                sameEvent: false),
            YearOpened y => Rejected(YearRules.Open(y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), state, today), y),
            YearClosed y => Rejected(YearRules.Record(y.Year, state), y),
            _ => [],
        };
    }

    /// <summary>
    /// The rule must accept the command and, where it normalizes what it is given (names, setting
    /// values), decide exactly the event the log holds.
    /// </summary>
    private static IEnumerable<string> Rejected(Decision decision, LedgerEvent logged, bool sameEvent = true) =>
        !decision.Accepted ? decision.Violations.Select(v => $"{logged.Kind}: {v.Message(Language.En)} [{v.Code}]")
        : sameEvent && decision.Event != logged ? [$"{logged.Kind} holds values its rule would not have written"]
        : [];

    private static IEnumerable<string> Voucher(Voucher v, LedgerState state, DateOnly today)
    {
        var violations = new List<Violation>();
        VoucherRules.CheckDate(v.Date, v.Kind, Place.None, state, today, violations);
        foreach (var violation in violations) yield return $"voucher {v.Key}: {violation.Message(Language.En)} [{violation.Code}]";
        foreach (var overspent in FundRules.Check(v, state, Place.None)) yield return $"voucher {v.Key}: {overspent.Message(Language.En)}";
        if (v.Number != state.LastNumber(v.Period) + 1) yield return $"voucher {v.Key} breaks the gapless numbering of {v.Period}";
        if (v.Lines.Length > VoucherInputValidator.MaxLines) yield return $"voucher {v.Key} has more than {VoucherInputValidator.MaxLines} lines";
        foreach (var line in v.Lines)
        {
            var amount = line.Debit.IsZero ? line.Credit : line.Debit;
            if (v.Reverses is null ? amount <= Amount.Zero || amount > Amount.MaxLine : amount >= Amount.Zero || -amount > Amount.MaxLine)
                yield return $"voucher {v.Key} has an amount {amount} that is not {(v.Reverses is null ? "positive" : "negative (red ink)")} or too large";
            if (!state.Accounts.ContainsKey(line.Account)) yield return $"voucher {v.Key} posts to unknown account {line.Account}";
            else if (!state.IsLeaf(line.Account)) yield return $"voucher {v.Key} posts to {line.Account}, which is not a leaf account";
            if (line.Fund is { } f && !state.HasDimension(DimensionKind.Fund, f)) yield return $"voucher {v.Key} names unknown fund {f}";
            if (line.Member is { } m && !state.HasDimension(DimensionKind.Member, m)) yield return $"voucher {v.Key} names unknown member {m}";
            if (line.Counterparty is { } c && !state.HasDimension(DimensionKind.Counterparty, c)) yield return $"voucher {v.Key} names unknown counterparty {c}";
        }
    }
}
