using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// Who may create a credential, as far as the books know: an enrolment code is issued by an
/// administrator for someone else, and used once by that person; a user's own password is set by
/// that user. Whether the person already has a password is in the credentials table (outside the
/// books), so the storage shell checks that before writing; replay cannot.
/// </summary>
public static class UserRules
{
    public static Decision IssueEnrolment(string user, LedgerState state, string by)
    {
        var violations = new List<Violation>();
        Name(user, violations);
        if (!ApprovalPolicy.Holds(state, by, Role.Administrator))
            violations.Add(new Violation(ViolationCode.NotInRole, new Place(Field: "by"), by, Role.Administrator.ToText()));
        if (user == by)
            violations.Add(new Violation(ViolationCode.FieldInvalid, new Place(Field: "user"), user, "an enrolment code is issued for someone else"));
        return Decision.From(new EnrolmentIssued(user, by), violations);
    }

    public static Decision SetCredential(string user, string via, LedgerState state, string by)
    {
        var violations = new List<Violation>();
        Name(user, violations);
        if (!CredentialSet.Vias.Contains(via))
            violations.Add(new Violation(ViolationCode.FieldInvalid, new Place(Field: "via"), via, string.Join(", ", CredentialSet.Vias)));
        else if (via != CredentialSet.Server && by != user)
            violations.Add(new Violation(ViolationCode.FieldInvalid, new Place(Field: "by"), by, $"only {user} sets their own password this way"));
        else if (via == CredentialSet.Enrolment && !state.EnrolmentPending(user))
            violations.Add(new Violation(ViolationCode.EnrolmentNotIssued, new Place(Field: "user"), user));
        return Decision.From(new CredentialSet(user, by, via), violations);
    }

    /// <summary>A user name follows the rules of every name in the books: one name, no control or invisible characters.</summary>
    private static void Name(string user, List<Violation> violations)
    {
        var place = new Place(Field: "user");
        var found = new List<Violation>();
        if (TextRules.CleanName(user, TextRules.NameMax, place, found) is not { Length: > 0 } clean || found.Count > 0
            || clean != user || ApprovalPolicy.SplitNames(clean) is not [var only] || only != clean)
            violations.Add(found.Count > 0 ? found[0] : new Violation(ViolationCode.FieldInvalid, place, user, "one user name"));
    }
}
