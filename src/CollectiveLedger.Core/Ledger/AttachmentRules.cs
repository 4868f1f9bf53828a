using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// 原始凭证 (会计基础工作规范): a voucher that moves cash or bank money (a line on 101 库存现金 or
/// 102 银行存款, or a sub-account) has its source documents attached (附件张数 at least 1), or says
/// why it has none (<see cref="Voucher.AttachmentsReason"/>). Closing vouchers (结账), red-ink
/// reversals (更正错误) and the opening balances brought in from the old books need none.
/// The rule is in force while the setting <see cref="RequiredKey"/> is "true": <c>init</c> turns it on
/// in new books, an existing book's accountant turns it on with <c>settings set</c>; logs written
/// before it hold cash vouchers with no attachments and no reason, and still verify.
/// </summary>
public static class AttachmentRules
{
    public const string RequiredKey = "vouchers.attachments_required";

    /// <summary>At most this many characters of reason.</summary>
    public const int ReasonMax = 100;

    public static bool Required(LedgerState state) => state.Setting(RequiredKey) == "true";

    /// <summary>Whether a voucher of this shape needs attachments or a reason at all (the setting aside).</summary>
    public static bool Applies(Voucher v) =>
        v.Kind == VoucherKind.Normal && v.Reverses is null && v.Lines.Any(l => StandardChart.IsCashOrBank(l.Account));

    /// <summary>The violation of a voucher without attachments or reason while the rule is in force; null when it is fine.</summary>
    /// <param name="place">Where the voucher came from; the violation names its attachments field.</param>
    public static Violation? Check(Voucher v, LedgerState state, Place place) =>
        Required(state) && Applies(v) && v.Attachments == 0 && v.AttachmentsReason is null
            ? new Violation(ViolationCode.AttachmentsRequired, place.WithField("attachments"), v.Ref ?? v.Summary)
            : null;

    /// <summary>A stated reason cleaned as a name is (1..100 characters, no control characters); null when none is given.</summary>
    public static string? Reason(string? text, Place place, ICollection<Violation> violations) =>
        string.IsNullOrWhiteSpace(text) ? null : TextRules.Clean(text.Trim(), ReasonMax, place.WithField("attachments_reason"), violations);
}
