using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Bank;

/// <summary>
/// A posting on a bank deposit account: one voucher line, its date, <see cref="Net"/> = debit − credit
/// (positive: money in, as a bank statement's income), the voucher's <c>ref</c> and summary.
/// </summary>
public sealed record BankPosting(PostingKey Key, string Account, DateOnly Date, Amount Net, string? Ref, string Summary);
