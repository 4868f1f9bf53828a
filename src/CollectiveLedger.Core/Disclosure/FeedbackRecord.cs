namespace CollectiveLedger.Core.Disclosure;

/// <summary>Feedback as the books hold it: the question on a notice and, once given, its answer. <see cref="Contact"/> is in full here.</summary>
public sealed record FeedbackRecord(int Number, DisclosurePeriod Notice, DateOnly Received, string Item, string Question, string? Contact,
    DateOnly? Answered, string? AnsweredBy, string? Answer)
{
    public bool IsAnswered => Answered is not null;

    /// <summary>As anything public shows it: the contact masked (<see cref="FeedbackRules.PublicContact"/>), and every text de-identified.</summary>
    public FeedbackRecord Masked() => this with
    {
        Item = PersonalData.Mask(Item), Question = PersonalData.Mask(Question), Contact = FeedbackRules.PublicContact(Contact),
        Answer = Answer is null ? null : PersonalData.Mask(Answer), AnsweredBy = AnsweredBy is null ? null : PersonalData.Mask(AnsweredBy),
    };
}
