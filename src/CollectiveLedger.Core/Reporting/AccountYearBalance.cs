using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Reporting;

/// <summary>
/// One leaf account's sums for an annual statement, as storage adds them up, all net = debit minus
/// credit except the two turnover sums.
/// </summary>
/// <param name="YearStart">Balance at the start of the year: vouchers dated before 1 January, and opening vouchers.</param>
/// <param name="YearDebit">Debits of the year's normal vouchers (neither opening nor closing) up to the end date.</param>
/// <param name="YearCredit">Credits of the same vouchers.</param>
/// <param name="End">Balance at the end date: every voucher dated up to it, closing vouchers included.</param>
public sealed record AccountYearBalance(string Account, Amount YearStart, Amount YearDebit, Amount YearCredit, Amount End);
