namespace CollectiveLedger.Core.Disclosure;

/// <summary>A notice prepared for review, its review (null until a supervisor reviewed it) and whether it has been published.</summary>
public sealed record PreparedNotice(NoticePrepared Prepared, NoticeReviewed? Review, bool Published);
