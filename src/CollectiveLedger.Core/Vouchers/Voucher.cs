using System.Collections.Immutable;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Core.Vouchers;

/// <summary>
/// A posted voucher (记账凭证). Valid from construction: at least two lines, total debit equals total
/// credit, the period is the month of the date. Never edited after posting; corrected only by a
/// red-ink reversal that names it in <see cref="Reverses"/>. A draft on its way through approval is
/// a voucher with number 0: it is numbered when it is posted (<see cref="Numbered"/>).
/// </summary>
public sealed record Voucher
{
    public Voucher(int number, DateOnly date, VoucherKind kind, string? reference, string summary, int attachments,
        VoucherKey? reverses, ImmutableArray<VoucherLine> lines)
    {
        Precondition.Require(number >= 0, "voucher numbers start at 1 (0: a draft, not numbered yet)");
        Precondition.Require(lines.Length >= 2, "a voucher has at least two lines");
        Precondition.Require(attachments >= 0, "attachments are not negative");
        var debit = Amount.Zero;
        var credit = Amount.Zero;
        foreach (var line in lines) { debit += line.Debit; credit += line.Credit; }
        Precondition.Require(debit == credit, "a voucher balances");
        Number = number;
        Date = date;
        Kind = kind;
        Ref = reference;
        Summary = summary;
        Attachments = attachments;
        Reverses = reverses;
        Lines = lines;
        Total = debit;
    }

    public int Number { get; }
    public DateOnly Date { get; }
    public Period Period => Period.Of(Date);
    public VoucherKey Key => new(Period, Number);
    public VoucherKind Kind { get; }
    public string? Ref { get; }
    public string Summary { get; }
    public int Attachments { get; }

    /// <summary>
    /// Why a cash or bank voucher has no 原始凭证 attached (附件张数 0), 1 to 100 characters; null when
    /// none was given (<see cref="Ledger.AttachmentRules"/>).
    /// </summary>
    public string? AttachmentsReason { get; init; }
    public VoucherKey? Reverses { get; }
    public ImmutableArray<VoucherLine> Lines { get; }

    /// <summary>The total of the debit side (equal to the credit side).</summary>
    public Amount Total { get; }

    public Voucher Numbered(int number) => new(number, Date, Kind, Ref, Summary, Attachments, Reverses, Lines) { AttachmentsReason = AttachmentsReason };

    public Voucher Redated(DateOnly date) => new(Number, date, Kind, Ref, Summary, Attachments, Reverses, Lines) { AttachmentsReason = AttachmentsReason };
}
