using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Tests.Core;

/// <summary>UserRules (audit-log.md 7.21): who may issue an enrolment code, and who may set whose password, how.</summary>
public sealed class UserRuleTests
{
    private static LedgerState WithAdministrator()
    {
        var state = TestStates.Ledger();
        state.Apply(new SettingChanged("role.administrator", "管理员"));
        return state;
    }

    [Test]
    public void Only_an_administrator_issues_a_code_and_only_for_someone_else()
    {
        var state = WithAdministrator();

        Assert.That(UserRules.IssueEnrolment("新会计", state, "管理员").Event, Is.EqualTo(new EnrolmentIssued("新会计", "管理员")));
        Assert.That(UserRules.IssueEnrolment("新会计", state, "会计").Violations.Select(v => v.Code), Is.EqualTo(new[] { ViolationCode.NotInRole }));
        Assert.That(UserRules.IssueEnrolment("管理员", state, "管理员").Accepted, Is.False);
        Assert.That(UserRules.IssueEnrolment("甲、乙", state, "管理员").Accepted, Is.False, "one name, not a list");
        Assert.That(UserRules.IssueEnrolment("主\u200B任", state, "管理员").Violations.Select(v => v.Code), Is.EqualTo(new[] { ViolationCode.InvisibleCharacter }));
    }

    [Test]
    public void An_enrolment_uses_the_code_issued_once_and_any_later_password_ends_a_code_waiting()
    {
        var state = WithAdministrator();
        Assert.That(UserRules.SetCredential("新会计", CredentialSet.Enrolment, state, "新会计").Violations.Select(v => v.Code),
            Is.EqualTo(new[] { ViolationCode.EnrolmentNotIssued }));

        TestStates.Apply(state, UserRules.IssueEnrolment("新会计", state, "管理员"));
        Assert.That(UserRules.SetCredential("新会计", CredentialSet.Enrolment, state, "管理员").Accepted, Is.False, "only the person uses their code");
        TestStates.Apply(state, UserRules.SetCredential("新会计", CredentialSet.Enrolment, state, "新会计"));
        Assert.That(UserRules.SetCredential("新会计", CredentialSet.Enrolment, state, "新会计").Accepted, Is.False, "used once");

        TestStates.Apply(state, UserRules.IssueEnrolment("巴特尔", state, "管理员"));
        TestStates.Apply(state, UserRules.SetCredential("巴特尔", CredentialSet.Server, state, "运维"));
        Assert.That(state.EnrolmentPending("巴特尔"), Is.False, "a password set on the server ends the code waiting");
    }

    [Test]
    public void Ones_own_password_is_set_by_oneself_and_the_server_sets_anyones()
    {
        var state = WithAdministrator();

        Assert.That(UserRules.SetCredential("管理员", CredentialSet.Self, state, "管理员").Accepted);
        Assert.That(UserRules.SetCredential("主任", CredentialSet.Self, state, "管理员").Accepted, Is.False);
        Assert.That(UserRules.SetCredential("主任", CredentialSet.Server, state, "管理员").Accepted, "on the server, as the actor named");
        Assert.That(UserRules.SetCredential("主任", "web", state, "管理员").Accepted, Is.False);
    }

    [Test]
    public void A_credential_refused_by_the_rules_is_not_stored_and_writes_no_entry()
    {
        using var ledger = TestLedger.WithBasics();
        using var store = ledger.Open(TestClock.Fixed);
        var head = ledger.Head().Count;

        var refused = store.Credentials.SetPassword("管理员", "主任", CollectiveLedger.Web.Passwords.Hash("主任", "taken-over-1"), CredentialSet.Self);
        var noCode = store.Credentials.Enrol("新会计", "no-such-code-hash-at-all", CollectiveLedger.Web.Passwords.Hash("新会计", "my-password-1"));
        var notAdmin = store.Credentials.IssueEnrolment("会计", "新会计", CollectiveLedger.Web.Enrolment.Hash("新会计", "ABCDABCDABCD"), TestClock.Now.AddHours(1));

        Assert.That((refused.Accepted, noCode.Accepted, notAdmin.Accepted), Is.EqualTo((false, false, false)));
        Assert.That(store.Credentials.FindCredential("主任") ?? store.Credentials.FindCredential("新会计"), Is.Null);
        Assert.That(store.Credentials.EnrolmentExpiry("新会计"), Is.Null);
        Assert.That(ledger.Head().Count, Is.EqualTo(head));
    }
}
