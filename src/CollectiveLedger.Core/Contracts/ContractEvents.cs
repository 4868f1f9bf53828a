using System.Collections.Immutable;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using static CollectiveLedger.Core.Audit.EventData;

namespace CollectiveLedger.Core.Contracts;

/// <summary>A resource contract registered (audit-log.md 7.16). Moves no money.</summary>
public sealed record ContractAdded(Contract Contract) : LedgerEvent, IRegisterEntry
{
    public static readonly EventKind Definition = new("contract.added", d => new ContractAdded(new Contract(Str(d, "number"), Str(d, "party"),
        Str(d, "resource"), AmountOf(d, "area").Fen, AmountOf(d, "rent"), DateOf(d, "from"), DateOf(d, "to"),
        Str(d, "schedule"), Str(d, "income_account"), Str(d, "prepaid_account"))));

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    /// <summary>Decided again with its voucher by verify's replay of the register (<see cref="IRegisterEntry"/>).</summary>
    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) => [];

    public string VoucherSource => VoucherOrigin.Contracts;

    public Decision Redecide(LedgerState state, DateOnly today) =>
        ContractRules.Add(Contract.Number, Contract.Party, Contract.Resource, new Amount(Contract.AreaHundredthMu).ToString(),
        Contract.Rent.ToString(), IsoDate.Format(Contract.From), IsoDate.Format(Contract.To), Contract.Schedule, Contract.IncomeAccount, Contract.PrepaidAccount, state);

    public override void WriteData(CanonicalJsonWriter w)
    {
        var c = Contract;
        w.Property("area", new Amount(c.AreaHundredthMu).ToString());
        w.Property("from", IsoDate.Format(c.From));
        w.Property("income_account", c.IncomeAccount);
        w.Property("number", c.Number);
        w.Property("party", c.Party);
        w.Property("prepaid_account", c.PrepaidAccount);
        w.Property("rent", c.Rent.ToString());
        w.Property("resource", c.Resource);
        w.Property("schedule", c.Schedule);
        w.Property("to", IsoDate.Format(c.To));
    }

    internal override void ApplyTo(LedgerState state) => state.AddContract(Contract);

    public override IEnumerable<ProjectedRow> Rows(long seq)
    {
        var c = Contract;
        return [new("contracts", [c.Number, c.Party, c.Resource, c.AreaHundredthMu, c.Rent.Fen, IsoDate.Format(c.From), IsoDate.Format(c.To),
            c.Schedule, c.IncomeAccount, c.PrepaidAccount, seq])];
    }
}

/// <summary>
/// Rent received against a contract into <see cref="Account"/> (cash or bank; audit-log.md 7.16). Its
/// voucher (<see cref="ContractRules.ReceiptVoucher"/>) follows in the same transaction as the next entry.
/// </summary>
/// <param name="Attachments">附件张数 of the receipt voucher (the receipt, the bank slip); null in entries written before it was recorded (0).</param>
public sealed record ContractReceived(string Contract, DateOnly Date, Amount Amount, string Account, int? Attachments = null) : LedgerEvent, IRegisterEntry
{
    public static readonly EventKind Definition = new("contract.received", d => new ContractReceived(Str(d, "contract"), DateOf(d, "date"),
        AmountOf(d, "amount"), Str(d, "account"), OptInt(d, "attachments")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    /// <summary>Decided again with its voucher by verify's replay of the register (<see cref="IRegisterEntry"/>).</summary>
    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) => [];

    public string VoucherSource => VoucherOrigin.Contracts;

    public Decision Redecide(LedgerState state, DateOnly today) =>
        ContractRules.Receive(Contract, IsoDate.Format(Date), Amount.ToString(), Account, state, today, Attachments?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("account", Account);
        w.Property("amount", Amount.ToString());
        if (Attachments is { } attachments) w.Property("attachments", attachments);
        w.Property("contract", Contract);
        w.Property("date", IsoDate.Format(Date));
    }

    internal override void ApplyTo(LedgerState state) => state.ReceiveRent(this);

    public override IEnumerable<ProjectedRow> Rows(long seq) => [new("contract_receipts", [seq, Contract, IsoDate.Format(Date), Amount.Fen, Account])];
}

/// <summary>
/// A year's prepaid rent moved into income, per contract in number order (audit-log.md 7.16). The
/// voucher <see cref="ContractRules.RecognitionVoucher"/> builds follows as the next entry.
/// </summary>
public sealed record ContractsRecognized(int Year, ImmutableArray<ContractRecognition> Lines) : LedgerEvent, IRegisterEntry
{
    public static readonly EventKind Definition = new("contract.recognized", d => new ContractsRecognized(YearOf(d),
        [.. Items(d, "lines").Select(l => new ContractRecognition(Str(l, "contract"), AmountOf(l, "amount")))]));

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    /// <summary>Decided again with its voucher by verify's replay of the register (<see cref="IRegisterEntry"/>).</summary>
    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) => [];

    public string VoucherSource => VoucherOrigin.Contracts;

    public Decision Redecide(LedgerState state, DateOnly today) =>
        ContractRules.Recognize(Year.ToString(System.Globalization.CultureInfo.InvariantCulture), state, today);

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Name("lines");
        w.BeginArray();
        foreach (var l in Lines)
        {
            w.BeginObject();
            w.Property("amount", l.Amount.ToString());
            w.Property("contract", l.Contract);
            w.EndObject();
        }
        w.EndArray();
        w.Property("year", Year);
    }

    internal override void ApplyTo(LedgerState state) => state.RecognizeContracts(Year);

    public override IEnumerable<ProjectedRow> Rows(long seq) => Lines.Select(l => new ProjectedRow("contract_recognitions", [seq, l.Contract, (long)Year, l.Amount.Fen]));

    // Value equality over the lines too (ImmutableArray compares by reference): replay compares the
    // recognition Core computes again with the one the log holds.
    public bool Equals(ContractsRecognized? other) => other is not null && Year == other.Year && Lines.SequenceEqual(other.Lines);

    public override int GetHashCode() => HashCode.Combine(Year, Lines.Length);
}

public sealed record ContractRecognition(string Contract, Amount Amount);
