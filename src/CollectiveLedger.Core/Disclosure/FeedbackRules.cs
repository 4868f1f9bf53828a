using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// Feedback on published notices (the feedback mechanism farmers and herders are owed): anyone may
/// question a published notice; a holder of role.accountant, role.committee_chair or role.supervisor
/// answers each question once, under their own name.
/// </summary>
public static class FeedbackRules
{
    /// <summary>The actor of every feedback.received entry: the public page, where nobody signs in.</summary>
    public const string PublicActor = "public";

    public const int ItemMax = 200;
    public const int QuestionMax = 1000;
    public const int ContactMax = 50;
    public const int AnswerMax = 1000;

    /// <summary>Who may answer feedback.</summary>
    public static readonly IReadOnlyList<Role> Answerers = [Role.Accountant, Role.CommitteeChair, Role.Supervisor];

    /// <param name="today">The day it arrives (in China): the entry's date.</param>
    public static Decision Receive(DisclosurePeriod notice, string item, string question, string? contact, LedgerState state, DateOnly today)
    {
        var violations = new List<Violation>();
        if (!state.IsPublished(notice))
            violations.Add(new Violation(ViolationCode.NoticeNotPublished, new Place(Field: "notice"), notice.LabelEn));
        var cleanItem = Required(item, ItemMax, "item", violations);
        var cleanQuestion = Required(question, QuestionMax, "question", violations);
        var trimmed = contact?.Trim();
        var cleanContact = string.IsNullOrEmpty(trimmed) ? null : TextRules.Clean(trimmed, ContactMax, new Place(Field: "contact"), violations);
        return Decision.From(new FeedbackReceived(state.LastFeedback + 1, notice.Scope, notice.From, notice.To, today,
            cleanItem ?? "", cleanQuestion ?? "", cleanContact), violations);
    }

    public static Decision Answer(int feedback, string answer, LedgerState state, string by, DateOnly today)
    {
        var violations = new List<Violation>();
        if (state.FeedbackAnswered(feedback) is not { } answered)
            violations.Add(new Violation(ViolationCode.FeedbackNotFound, new Place(Field: "feedback"), feedback.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        else if (answered)
            violations.Add(new Violation(ViolationCode.FeedbackAlreadyAnswered, new Place(Field: "feedback"), feedback.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (!Answerers.Any(role => ApprovalPolicy.Holds(state, by, role)))
            violations.Add(new Violation(ViolationCode.NotInRole, new Place(Field: "by"), by, string.Join("/", Answerers.Select(r => r.ToText()))));
        var cleanAnswer = Required(answer, AnswerMax, "answer", violations);
        return Decision.From(new FeedbackAnswered(feedback, today, cleanAnswer ?? "", by), violations);
    }

    /// <summary>
    /// The contact as anything public shows it: a number (phone, mobile) masked as a private number,
    /// any other text with every ID card, mobile and bank number in it masked.
    /// </summary>
    public static string PublicContact(string? contact) =>
        string.IsNullOrEmpty(contact) ? ""
        : contact.All(c => char.IsAsciiDigit(c) || c is '-' or ' ' or '+') ? PersonalData.MaskNumber(contact)
        : PersonalData.Mask(contact);

    /// <summary>Trimmed, NFC, no control characters, 1 ... <paramref name="max"/> characters.</summary>
    private static string? Required(string raw, int max, string field, List<Violation> violations)
    {
        var text = raw.Trim();
        if (text.Length == 0)
        {
            violations.Add(new Violation(ViolationCode.FieldMissing, new Place(Field: field), field));
            return null;
        }
        return TextRules.Clean(text, max, new Place(Field: field), violations);
    }
}
