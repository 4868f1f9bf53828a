using System.Collections.Immutable;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Contracts;

/// <summary>A resource contract registered. Moves no money.</summary>
public sealed record ContractAdded(Contract Contract) : LedgerEvent
{
    public override string Kind => "contract.added";
}

/// <summary>
/// Rent received against a contract into <see cref="Account"/> (cash or bank). Its voucher
/// (<see cref="ContractRules.ReceiptVoucher"/>) follows in the same transaction as the next entry.
/// </summary>
/// <param name="Attachments">附件张数 of the receipt voucher (the receipt, the bank slip); null in entries written before it was recorded (0).</param>
public sealed record ContractReceived(string Contract, DateOnly Date, Amount Amount, string Account, int? Attachments = null) : LedgerEvent
{
    public override string Kind => "contract.received";
}

/// <summary>
/// A year's prepaid rent moved into income, per contract in number order. The voucher
/// <see cref="ContractRules.RecognitionVoucher"/> builds follows as the next entry.
/// </summary>
public sealed record ContractsRecognized(int Year, ImmutableArray<ContractRecognition> Lines) : LedgerEvent
{
    public override string Kind => "contract.recognized";
}

public sealed record ContractRecognition(string Contract, Amount Amount);
