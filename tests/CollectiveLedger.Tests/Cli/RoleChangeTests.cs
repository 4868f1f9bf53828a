using System.Text.Json;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// Issue 12, item 3: an administrator does not grant himself approval or supervision roles. Once the
/// books have a committee chair or a supervisor, a change of who reviews, approves or supervises is a
/// request that someone else holding one of those roles approves, exactly as requested; and the
/// person who reviewed a notice does not also publish it.
/// </summary>
public class RoleChangeTests
{
    private const string Admin = "阿拉坦仓";
    private const string Chair = "巴特尔";
    private const string Supervisor = "额尔敦";

    /// <summary>Books set up with a committee chair (granted directly: nobody could consent yet).</summary>
    private static TestLedger Books()
    {
        var ledger = TestLedger.WithBasics();
        ledger.OkAs(Admin, "settings", "set", "role.administrator", Admin);
        ledger.OkAs(Admin, "settings", "set", "role.committee_chair", Chair);
        return ledger;
    }

    private static string Setting(TestLedger ledger, string key) => ledger.Setting(key);

    [Test]
    public void An_administrator_granting_himself_finance_lead_only_asks_and_cannot_approve_it_himself()
    {
        using var ledger = Books();

        var asked = ledger.RunAs(Admin, "settings", "set", "role.finance_lead", Admin);
        var inForceAfterAsking = Setting(ledger, "role.finance_lead");
        var selfApproved = ledger.RunAs(Admin, "settings", "set", "role.finance_lead", Admin, "--approve");
        var byOutsider = ledger.RunAs("村民", "settings", "set", "role.finance_lead", Admin, "--approve");
        var otherValue = ledger.RunAs(Chair, "settings", "set", "role.finance_lead", "张三", "--approve");
        var approved = ledger.RunAs(Chair, "settings", "set", "role.finance_lead", Admin, "--approve");
        var again = ledger.RunAs(Chair, "settings", "set", "role.finance_lead", Admin, "--approve");

        Assert.That(asked.Code, Is.Zero, asked.Err);
        Assert.That(asked.Out, Does.Contain("--approve"), "the message says how the request is approved");
        Assert.That(inForceAfterAsking, Is.Empty, "a request is not a grant");
        Assert.That(selfApproved.Err, Does.Contain("SelfApproval"));
        Assert.That(byOutsider.Err, Does.Contain("NotInRole"));
        Assert.That(otherValue.Err, Does.Contain("RoleChangeValueDiffers"));
        Assert.That(approved.Code, Is.Zero, approved.Err);
        Assert.That(Setting(ledger, "role.finance_lead"), Is.EqualTo(Admin));
        Assert.That(again.Err, Does.Contain("RoleChangeNotRequested"));
        var log = ledger.Ok("log", "show", "--format", "json");
        Assert.That(log, Does.Contain("role.change_requested").And.Contain("role.change_approved"));
        Assert.That(ledger.Run("verify").Code, Is.Zero);
    }

    [Test]
    public void Before_anyone_could_consent_roles_are_set_directly_and_the_last_approver_cannot_be_removed()
    {
        using var ledger = TestLedger.WithBasics();

        ledger.Ok("settings", "set", "role.reviewer", "苏和");
        var beforeChair = Setting(ledger, "role.reviewer");
        ledger.Ok("settings", "set", "role.committee_chair", Chair);
        ledger.Ok("settings", "set", "role.cashier", "萨仁");
        var cashierIsNotGuarded = Setting(ledger, "role.cashier");
        var emptying = ledger.RunAs(Admin, "settings", "set", "role.committee_chair", "");

        Assert.That(beforeChair, Is.EqualTo("苏和"));
        Assert.That(cashierIsNotGuarded, Is.EqualTo("萨仁"), "only who reviews, approves and supervises needs a second person");
        Assert.That(emptying.Code, Is.EqualTo(1));
        Assert.That(emptying.Err, Does.Contain("RoleChangeLeavesNoApprover"));
        Assert.That(Setting(ledger, "role.committee_chair"), Is.EqualTo(Chair));
    }

    [Test]
    public void A_role_set_directly_behind_the_programs_back_fails_verify()
    {
        using var ledger = Books();
        // What an older program, or one that skipped the rule, would have written: a direct grant although a chair exists.
        using (var store = ledger.Open(TestClock.Fixed))
            store.Apply(Admin, _ => SettingRules.Change("role.supervisor", Admin));

        var verify = ledger.Run("verify");

        Assert.That(verify.Code, Is.Not.Zero);
        Assert.That(verify.Out + verify.Err, Does.Contain("RoleChangeNeedsApproval"));
    }

    [Test]
    public void The_supervisor_who_reviewed_a_notice_does_not_publish_it()
    {
        using var ledger = Books();
        ledger.OkAs(Admin, "settings", "set", "role.supervisor", Supervisor);
        ledger.OkAs(Chair, "settings", "set", "role.supervisor", Supervisor, "--approve");
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json",
            """[{"ref":"A","date":"2025-03-02","summary":"收取草场承包费","lines":[{"account":"10201","debit":"12000.00"},{"account":"50101","credit":"12000.00"}]}]"""));
        ledger.Ok("notices", "prepare", "--period", "2025-03", "--date", "2025-04-03", "--unsigned");
        ledger.OkAs(Supervisor, "notices", "review", "1");
        var json = Path.Combine(ledger.Dir, "n.json");

        var byReviewer = ledger.RunAs(Supervisor, "notices", "publish", "1", "--out", json);
        var writtenWhenRefused = File.Exists(json);
        var byAccountant = ledger.Run("notices", "publish", "1", "--out", json);

        Assert.That(byReviewer.Code, Is.EqualTo(1));
        Assert.That(byReviewer.Err, Does.Contain("PublisherReviewedNotice"));
        Assert.That(writtenWhenRefused, Is.False);
        Assert.That(byAccountant.Code, Is.Zero, byAccountant.Err);
        Assert.That(JsonDocument.Parse(File.ReadAllBytes(json)).RootElement.GetProperty("review").GetProperty("reviewed_by").GetString(), Is.EqualTo(Supervisor));
        Assert.That(ledger.Run("verify").Code, Is.Zero);
    }
}
