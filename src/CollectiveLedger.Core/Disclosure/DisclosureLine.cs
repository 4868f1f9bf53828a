using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// One voucher line of the period on a liability the notice details line by line (212 应付工资 for
/// cadre pay, 231 一事一议资金), with the member's or counterparty's name it carries ("" when none).
/// Red-ink reversal lines carry negative amounts, as in the books.
/// </summary>
public sealed record DisclosureLine(DateOnly Date, VoucherKey Voucher, string Summary, string Party, string AccountCode, string AccountName,
    Amount Debit, Amount Credit, bool Reversal)
{
    /// <summary>The same line with every text de-identified (<see cref="PersonalData"/>).</summary>
    public DisclosureLine Masked() => this with
    {
        Summary = PersonalData.Mask(Summary), Party = PersonalData.Mask(Party), AccountName = PersonalData.Mask(AccountName),
    };
}
