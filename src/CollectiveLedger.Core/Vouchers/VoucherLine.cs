using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Vouchers;

/// <summary>
/// One line of a voucher: exactly one of <see cref="Debit"/> and <see cref="Credit"/> is non-zero.
/// It is positive on a normal line and negative on a red-ink reversal line.
/// </summary>
public sealed record VoucherLine
{
    public VoucherLine(string account, Amount debit, Amount credit, string? fund = null, string? member = null,
        string? counterparty = null, string? summary = null)
    {
        Precondition.Require(debit.IsZero != credit.IsZero, "a voucher line has exactly one non-zero side");
        Account = account;
        Debit = debit;
        Credit = credit;
        Fund = fund;
        Member = member;
        Counterparty = counterparty;
        Summary = summary;
    }

    public string Account { get; }
    public Amount Debit { get; }
    public Amount Credit { get; }
    public string? Fund { get; }
    public string? Member { get; }
    public string? Counterparty { get; }
    public string? Summary { get; }

    /// <summary>The same line in red ink: same side, negated amount.</summary>
    public VoucherLine Negated() => new(Account, -Debit, -Credit, Fund, Member, Counterparty, Summary);
}
