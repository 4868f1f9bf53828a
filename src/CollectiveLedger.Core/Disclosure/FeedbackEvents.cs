using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using static CollectiveLedger.Core.Audit.EventData;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// A villager's question about a published notice (村民对公开内容的质询, audit-log.md 7.17), sent from
/// the public page without sign-in: the notice's months, the item questioned, the question and an
/// optional contact. The contact is kept in the books in full (as a member's phone number is) and
/// masked in anything public.
/// </summary>
public sealed record FeedbackReceived(int Number, string Scope, Period From, Period To, DateOnly Date, string Item, string Question, string? Contact)
    : LedgerEvent
{
    public static readonly EventKind Definition = new("feedback.received", d => new FeedbackReceived(Int(d, "number"), Str(d, "scope"),
        PeriodOf(d, "from"), PeriodOf(d, "to"), DateOf(d, "date"), Str(d, "item"), Str(d, "question"), OptStr(d, "contact")) { Salt = SaltOf(d) },
        holdsPersonalData: true);

    public override string Kind => Definition.Name;

    public override string? ActedBy => FeedbackRules.PublicActor;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        ProblemsOf(FeedbackRules.Receive(Notice, Item, Question, Contact, state, today));

    public DisclosurePeriod Notice => new(Scope, From, To);

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("contact", Contact);
        w.Property("date", IsoDate.Format(Date));
        w.Property("from", From.ToString());
        w.Property("item", Item);
        w.Property("number", Number);
        w.Property("question", Question);
        if (Salt is not null) w.Property("salt", Salt);
        w.Property("scope", Scope);
        w.Property("to", To.ToString());
    }

    internal override void ApplyTo(LedgerState state) => state.Receive(this);

    public override IEnumerable<ProjectedRow> Rows(long seq) =>
        [new("feedback", [(long)Number, seq, Scope, From.ToString(), To.ToString(), IsoDate.Format(Date), Item, Question, Contact])];
}

/// <summary>
/// The answer to feedback <see cref="Feedback"/>, given by a named staff member (the entry's actor);
/// shown on the public page (audit-log.md 7.17).
/// </summary>
public sealed record FeedbackAnswered(int Feedback, DateOnly Date, string Answer, string By) : LedgerEvent
{
    public static readonly EventKind Definition = new("feedback.answered",
        d => new FeedbackAnswered(Int(d, "feedback"), DateOf(d, "date"), Str(d, "answer"), Str(d, "by")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => By;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        ProblemsOf(FeedbackRules.Answer(Feedback, Answer, state, By, today));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("answer", Answer);
        w.Property("by", By);
        w.Property("date", IsoDate.Format(Date));
        w.Property("feedback", Feedback);
    }

    internal override void ApplyTo(LedgerState state) => state.Answer(Feedback);

    public override IEnumerable<ProjectedRow> Rows(long seq) => [new("feedback_answers", [(long)Feedback, seq, IsoDate.Format(Date), By, Answer])];
}
