using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// A month, quarter or year notice prepared for review (财务公开榜 待审核): its months, the date it
/// will carry, the signed checkpoint it prints and <see cref="ContentSha256"/>, the SHA-256 of the
/// notice's JSON as prepared (without a review). The content is fixed by these: the review and the
/// publication act on exactly this notice, and publishing refuses when the books now give another.
/// </summary>
public sealed record NoticePrepared(int Number, string Scope, Period From, Period To, DateOnly Date, string Checkpoint, string ContentSha256, string By)
    : LedgerEvent
{
    public override string Kind => "notice.prepared";

    public DisclosurePeriod Period => new(Scope, From, To);
}

/// <summary>
/// A member of the village affairs supervision committee (role.supervisor, not the preparer) reviewed
/// prepared notice <see cref="Notice"/> with content <see cref="ContentSha256"/> and agreed to post it
/// (民主理财: reviewed before posting, 2011 财务公开规定). The notice prints who reviewed and when.
/// </summary>
public sealed record NoticeReviewed(int Notice, string ContentSha256, DateOnly Date, string Opinion, string By) : LedgerEvent
{
    public override string Kind => "notice.reviewed";
}

/// <summary>The review as a notice prints it.</summary>
public sealed record NoticeReview(string By, DateOnly Date, string Opinion);
