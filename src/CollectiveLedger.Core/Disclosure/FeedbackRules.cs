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
        // Only a telephone number: what is shown publicly is masked as a number, and free text (an
        // address, a chat ID) would have nothing a mask could hide.
        if (cleanContact is not null && !IsTelephone(cleanContact))
            violations.Add(new Violation(ViolationCode.FieldInvalid, new Place(Field: "contact"), "contact", "电话号码（5 至 15 位数字）a telephone number of 5 to 15 digits"));
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

    /// <summary>An optional +, then 5 to 15 digits with spaces or - between them (the audit-log.md 7.17 pattern).</summary>
    public static bool IsTelephone(string text)
    {
        var number = text.StartsWith('+') ? text[1..] : text;
        return number.Length > 0 && char.IsAsciiDigit(number[0]) && number.All(c => char.IsAsciiDigit(c) || c is '-' or ' ')
            && number.Count(char.IsAsciiDigit) is >= 5 and <= 15;
    }

    /// <summary>The contact (a telephone number) as anything public shows it: masked as a private number.</summary>
    public static string PublicContact(string? contact) => string.IsNullOrEmpty(contact) ? "" : PersonalData.MaskNumber(contact);

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
