using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Reporting;

/// <summary>The sums of one leaf account's lines for a range of months, as storage adds them up.</summary>
public sealed record AccountTurnover(string Account, Amount OpeningDebit, Amount OpeningCredit, Amount PeriodDebit, Amount PeriodCredit);
