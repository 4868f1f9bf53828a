using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Bank;

/// <summary>A statement line paired with a posting of the same signed amount (<see cref="Amount"/>: income positive, payment negative).</summary>
public sealed record BankMatch(int Line, PostingKey Posting, Amount Amount);
