using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using static CollectiveLedger.Core.Audit.EventData;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// A month, quarter or year notice prepared for review (财务公开榜 待审核, audit-log.md 7.18): its
/// months, the date it will carry, the signed checkpoint it prints and <see cref="ContentSha256"/>, the
/// SHA-256 of the notice's JSON as prepared (without a review). The content is fixed by these: the
/// review and the publication act on exactly this notice, and publishing refuses when the books now give another.
/// </summary>
public sealed record NoticePrepared(int Number, string Scope, Period From, Period To, DateOnly Date, string Checkpoint, string ContentSha256, string By)
    : LedgerEvent
{
    public static readonly EventKind Definition = new("notice.prepared", d => new NoticePrepared(Int(d, "number"), Str(d, "scope"),
        PeriodOf(d, "from"), PeriodOf(d, "to"), DateOf(d, "date"), Str(d, "checkpoint"), Str(d, "content_sha256"), Str(d, "by")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => By;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        !Period.IsWhole ? [$"{Kind}: {From}..{To} is not one {Scope}"] : ProblemsOf(NoticeRules.Prepare(Period, Date, Checkpoint, ContentSha256, state, By, today));

    public DisclosurePeriod Period => new(Scope, From, To);

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("by", By);
        w.Property("checkpoint", Checkpoint);
        w.Property("content_sha256", ContentSha256);
        w.Property("date", IsoDate.Format(Date));
        w.Property("from", From.ToString());
        w.Property("number", Number);
        w.Property("scope", Scope);
        w.Property("to", To.ToString());
    }

    internal override void ApplyTo(LedgerState state) => state.Prepare(this);

    public override IEnumerable<ProjectedRow> Rows(long seq) =>
        [new("notices", [(long)Number, seq, Scope, From.ToString(), To.ToString(), IsoDate.Format(Date), Checkpoint, ContentSha256, By])];
}

/// <summary>
/// A member of the village affairs supervision committee (role.supervisor, not the preparer) reviewed
/// prepared notice <see cref="Notice"/> with content <see cref="ContentSha256"/> and agreed to post it
/// (民主理财: reviewed before posting, 2011 财务公开规定; audit-log.md 7.19). The notice prints who
/// reviewed and when.
/// </summary>
public sealed record NoticeReviewed(int Notice, string ContentSha256, DateOnly Date, string Opinion, string By) : LedgerEvent
{
    public static readonly EventKind Definition = new("notice.reviewed", d => new NoticeReviewed(Int(d, "notice"), Str(d, "content_sha256"),
        DateOf(d, "date"), Str(d, "opinion"), Str(d, "by")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => By;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        ProblemsOf(NoticeRules.Review(Notice, ContentSha256, Opinion, state, By, today));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("by", By);
        w.Property("content_sha256", ContentSha256);
        w.Property("date", IsoDate.Format(Date));
        w.Property("notice", Notice);
        w.Property("opinion", Opinion);
    }

    internal override void ApplyTo(LedgerState state) => state.Review(this);

    public override IEnumerable<ProjectedRow> Rows(long seq) =>
        [new("notice_reviews", [(long)Notice, seq, ContentSha256, IsoDate.Format(Date), Opinion, By])];
}

/// <summary>The review as a notice prints it.</summary>
public sealed record NoticeReview(string By, DateOnly Date, string Opinion);
