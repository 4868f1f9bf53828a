using CollectiveLedger.Core.Disclosure;

namespace CollectiveLedger.Storage;

/// <summary>A notice prepared for review (notices), its review (notice_reviews, null until reviewed) and the entry that published it (null until published).</summary>
public sealed record PreparedNoticeRow(int Number, DisclosurePeriod Period, DateOnly Date, string PreparedBy, string ContentSha256,
    NoticeReview? Review, long? PublishedSeq);
