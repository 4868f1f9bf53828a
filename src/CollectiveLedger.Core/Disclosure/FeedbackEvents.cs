using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// A villager's question about a published notice (村民对公开内容的质询), sent from the public page
/// without sign-in: the notice's months, the item questioned, the question and an optional contact.
/// The contact is kept in the books in full (as a member's phone number is) and masked in anything public.
/// </summary>
public sealed record FeedbackReceived(int Number, string Scope, Period From, Period To, DateOnly Date, string Item, string Question, string? Contact)
    : LedgerEvent
{
    public override string Kind => "feedback.received";

    public DisclosurePeriod Notice => new(Scope, From, To);
}

/// <summary>The answer to feedback <see cref="Feedback"/>, given by a named staff member (the entry's actor); shown on the public page.</summary>
public sealed record FeedbackAnswered(int Feedback, DateOnly Date, string Answer, string By) : LedgerEvent
{
    public override string Kind => "feedback.answered";
}
