using System.Collections.Immutable;
using System.Globalization;
using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// A month, quarter or year notice reaches the notice board in three steps, each an entry of the log
/// (2011 财务公开规定: the supervision committee reviews before anything is posted):
/// <list type="number">
/// <item><see cref="Prepare"/>: anyone keeping the books fixes the notice's content (its checkpoint and the SHA-256 of its JSON);</item>
/// <item><see cref="Review"/>: a holder of role.supervisor who did not prepare it reviews exactly that content;</item>
/// <item><see cref="Publish"/>: someone other than the reviewer publishes the reviewed notice once, with the SHA-256 of every file.</item>
/// </list>
/// </summary>
public static class NoticeRules
{
    public const int OpinionMax = 200;

    /// <summary>The opinion printed when the reviewer gives none.</summary>
    public const string DefaultOpinion = "内容真实、完整，同意公开";

    /// <param name="checkpoint">The signed checkpoint the notice prints.</param>
    /// <param name="contentSha256">SHA-256 of the notice's JSON as prepared (without a review).</param>
    public static Decision Prepare(DisclosurePeriod period, DateOnly date, string checkpoint, string contentSha256, LedgerState state, string by, DateOnly today)
    {
        return Decision.From(new NoticePrepared(state.LastNotice + 1, period.Scope, period.From, period.To, date, checkpoint, contentSha256, by),
            DisclosureRules.CheckMonths(period, date, state, today));
    }

    /// <param name="contentSha256">The content the reviewer read: it must be the prepared notice's.</param>
    public static Decision Review(int notice, string contentSha256, string? opinion, LedgerState state, string by, DateOnly today)
    {
        var violations = new List<Violation>();
        var place = new Place(Field: "notice");
        var prepared = state.Notice(notice);
        if (prepared is null)
            violations.Add(new Violation(ViolationCode.NoticeNotFound, place, Text(notice)));
        else if (prepared.Review is { } done)
            violations.Add(new Violation(ViolationCode.NoticeAlreadyReviewed, place, Text(notice), done.By));
        else
        {
            if (prepared.Prepared.By == by)
                violations.Add(new Violation(ViolationCode.SelfApproval, new Place(Field: "by"), by));
            if (prepared.Prepared.ContentSha256 != contentSha256)
                violations.Add(new Violation(ViolationCode.NoticeContentChanged, new Place(Field: "content"), Text(notice), contentSha256, prepared.Prepared.ContentSha256));
        }
        if (!ApprovalPolicy.Holds(state, by, Role.Supervisor))
            violations.Add(new Violation(ViolationCode.NotInRole, new Place(Field: "by"), by, Role.Supervisor.ToText()));
        var trimmed = (opinion ?? "").Trim();
        var clean = trimmed.Length == 0 ? DefaultOpinion : TextRules.Clean(trimmed, OpinionMax, new Place(Field: "opinion"), violations) ?? "";
        return Decision.From(new NoticeReviewed(notice, contentSha256, today, clean, by), violations);
    }

    /// <param name="contentSha256">The content of the notice as the books give it now: publishing refuses another than the one reviewed.</param>
    /// <param name="by">Who publishes: not the notice's reviewer (one person does not both check and post it).</param>
    public static Decision Publish(int notice, string contentSha256, ImmutableArray<PublishedFile> files, LedgerState state, string by)
    {
        var violations = new List<Violation>();
        var place = new Place(Field: "notice");
        var prepared = state.Notice(notice);
        if (prepared is null)
            return Decision.Reject(new Violation(ViolationCode.NoticeNotFound, place, Text(notice)));
        if (prepared.Published)
            violations.Add(new Violation(ViolationCode.NoticeAlreadyPublished, place, Text(notice)));
        else if (prepared.Review is null)
            violations.Add(new Violation(ViolationCode.NoticeNotReviewed, place, Text(notice)));
        else if (prepared.Review.By == by)
            violations.Add(new Violation(ViolationCode.PublisherReviewedNotice, new Place(Field: "by"), by, Text(notice)));
        if (prepared.Prepared.ContentSha256 != contentSha256)
            violations.Add(new Violation(ViolationCode.NoticeContentChanged, new Place(Field: "content"), Text(notice), contentSha256, prepared.Prepared.ContentSha256));
        var p = prepared.Prepared;
        return Decision.From(new DisclosurePublished(p.Scope, p.From, p.To, p.Date, p.Checkpoint, files, notice), violations);
    }

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
