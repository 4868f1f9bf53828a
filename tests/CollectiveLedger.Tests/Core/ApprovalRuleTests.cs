using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Tests.Core;

/// <summary>Maker-checker as Core decides it: who may take which step, the amount tiers from the settings, and what a rejection undoes.</summary>
public class ApprovalRuleTests
{
    private static readonly DateOnly Today = new(2025, 12, 31);
    private const string Preparer = "会计", Reviewer = "审核员", Lead = "财务负责人", Chair = "主任", Supervisor = "监委", Cashier = "出纳";

    private static LedgerState State(bool configured = true)
    {
        var state = TestStates.Ledger(("10201", "信用社", "102"), ("51302", "办公费", "513"));
        if (!configured) return state;
        foreach (var (key, value) in new[]
                 {
                     ("role.reviewer", Reviewer), ("role.finance_lead", Lead), ("role.committee_chair", Chair), ("role.supervisor", $"{Supervisor}、{Reviewer}"),
                     ("role.cashier", Cashier), ("approval.finance_lead_limit", "1000"), ("approval.committee_limit", "10000"),
                 })
            Apply(state, SettingRules.Change(key, value));
        return state;
    }

    private static void Apply(LedgerState state, Decision decision) => TestStates.Apply(state, decision);

    private static VoucherInput Input(string amount, string? cashier = Cashier, string? reference = null) =>
        new(Place.None, reference, "2025-12-05", "购买办公用品", null, null,
            [new VoucherLineInput(Place.None, "51302", amount, null, null, null, null, null), new VoucherLineInput(Place.None, "10201", null, amount, null, null, null, null)],
            cashier);

    /// <summary>A draft of <paramref name="amount"/> by the preparer, submitted and reviewed.</summary>
    private static LedgerState Reviewed(string amount, out int id)
    {
        var state = State();
        Apply(state, ApprovalRules.Draft(Input(amount), state, Today, null, Preparer));
        id = state.LastDraftId;
        Apply(state, ApprovalRules.Submit(id, state, Preparer));
        Apply(state, ApprovalRules.Review(id, state, Reviewer));
        return state;
    }

    private static ViolationCode Code(Decision d) => d.Violations.Single().Code;

    [Test]
    public void Up_to_the_finance_leads_limit_one_approval_by_the_finance_lead_posts_the_voucher()
    {
        var state = Reviewed("1000.00", out var id);

        var decision = ApprovalRules.Approve(id, null, null, state, Lead, Today);

        Assert.That(decision.Event, Is.EqualTo(new DraftStepTaken(id, DraftAction.Approved, Lead, "finance_lead", null)));
        var posted = decision.Then.OfType<VoucherPosted>().Single();
        Assert.That(posted.Voucher.Number, Is.EqualTo(1));
        Assert.That(posted.Origin, Is.EqualTo(new VoucherOrigin(VoucherOrigin.Approval, id, Cashier)));
    }

    [Test]
    public void Between_the_limits_the_committee_chair_and_a_supervisor_must_both_approve()
    {
        var state = Reviewed("1000.01", out var id);

        Assert.That(Code(ApprovalRules.Approve(id, null, null, state, Lead, Today)), Is.EqualTo(ViolationCode.NotInRole));
        var first = ApprovalRules.Approve(id, null, null, state, Chair, Today);
        Apply(state, first);
        var second = ApprovalRules.Approve(id, null, null, state, Supervisor, Today);

        Assert.That(first.Then, Is.Empty);
        Assert.That(second.Then.OfType<VoucherPosted>().Single().Voucher.Total.Fen, Is.EqualTo(100001));
    }

    [Test]
    public void Above_the_committees_limit_the_last_approval_needs_the_meeting_resolution()
    {
        var state = Reviewed("10000.01", out var id);
        Apply(state, ApprovalRules.Approve(id, null, null, state, Chair, Today));

        var without = ApprovalRules.Approve(id, null, null, state, Supervisor, Today);
        var with = ApprovalRules.Approve(id, null, "村民代表会议决议〔2025〕7号", state, Supervisor, Today);

        Assert.That(Code(without), Is.EqualTo(ViolationCode.ResolutionRequired));
        Assert.That(((DraftStepTaken)with.Event!).Note, Is.EqualTo("村民代表会议决议〔2025〕7号"));
        Assert.That(with.Then, Has.Count.EqualTo(1));
    }

    [Test]
    public void The_preparer_may_never_review_or_approve_their_own_voucher_even_holding_the_role()
    {
        var state = State();
        Apply(state, SettingRules.Change("role.reviewer", $"{Reviewer}、{Preparer}"));
        Apply(state, SettingRules.Change("role.finance_lead", $"{Lead}、{Preparer}"));
        Apply(state, ApprovalRules.Draft(Input("100"), state, Today, null, Preparer));
        Apply(state, ApprovalRules.Submit(1, state, Preparer));

        Assert.That(Code(ApprovalRules.Review(1, state, Preparer)), Is.EqualTo(ViolationCode.SelfApproval));
        Apply(state, ApprovalRules.Review(1, state, Reviewer));
        Assert.That(Code(ApprovalRules.Approve(1, null, null, state, Preparer, Today)), Is.EqualTo(ViolationCode.SelfApproval));
    }

    [Test]
    public void Nobody_approves_twice_even_holding_two_of_the_roles_needed()
    {
        var state = Reviewed("5000", out var id);
        Apply(state, SettingRules.Change("role.supervisor", $"{Supervisor}、{Chair}"));
        Apply(state, ApprovalRules.Approve(id, "committee_chair", null, state, Chair, Today));

        Assert.That(Code(ApprovalRules.Approve(id, "supervisor", null, state, Chair, Today)), Is.EqualTo(ViolationCode.AlreadyApproved));
    }

    [Test]
    public void Steps_out_of_order_are_refused_with_the_draft_status()
    {
        var state = State();
        Apply(state, ApprovalRules.Draft(Input("100"), state, Today, null, Preparer));

        var review = ApprovalRules.Review(1, state, Reviewer);
        var approve = ApprovalRules.Approve(1, null, null, state, Lead, Today);

        Assert.That(review.Violations.Single().Args, Is.EqualTo(new[] { "#1", "draft", "submitted" }));
        Assert.That(Code(approve), Is.EqualTo(ViolationCode.DraftNotInStatus));
        Assert.That(Code(ApprovalRules.Submit(9, state, Preparer)), Is.EqualTo(ViolationCode.DraftNotFound));
        Assert.That(Code(ApprovalRules.Submit(1, state, Reviewer)), Is.EqualTo(ViolationCode.NotThePreparer));
    }

    [Test]
    public void A_rejection_needs_a_reason_and_sends_the_draft_back_with_its_approvals_cleared()
    {
        var state = Reviewed("5000", out var id);
        Apply(state, ApprovalRules.Approve(id, null, null, state, Chair, Today));

        Assert.That(Code(ApprovalRules.Reject(id, " ", state, Supervisor)), Is.EqualTo(ViolationCode.ReasonRequired));
        Apply(state, ApprovalRules.Reject(id, "缺发票", state, Supervisor));

        state.TryGetDraft(id, out var draft);
        Assert.That(draft.Status, Is.EqualTo(DraftStatus.Draft));
        Assert.That(draft.Approvals, Is.Empty);
        Assert.That(draft.Reviewer, Is.Null);
    }

    [Test]
    public void A_sent_back_draft_is_changed_by_drafting_its_ref_again_and_then_withdrawn_by_its_preparer()
    {
        var state = State();
        Apply(state, ApprovalRules.Draft(Input("100", reference: "A1"), state, Today, null, Preparer));
        Apply(state, ApprovalRules.Draft(Input("120", reference: "A1"), state, Today, null, Preparer));

        Assert.That(state.OpenDrafts.Single().Voucher.Total.Fen, Is.EqualTo(12000));
        Assert.That(Code(ApprovalRules.Draft(Input("130", reference: "A1"), state, Today, null, Reviewer)), Is.EqualTo(ViolationCode.NotThePreparer));
        Apply(state, ApprovalRules.Withdraw(1, "不再购买", state, Preparer));
        Assert.That(state.OpenDrafts, Is.Empty);
    }

    [Test]
    public void A_cash_or_bank_draft_names_a_cashier_who_holds_the_role()
    {
        var state = State();

        Assert.That(Code(ApprovalRules.Draft(Input("100", cashier: null), state, Today, null, Preparer)), Is.EqualTo(ViolationCode.CashierRequired));
        Assert.That(Code(ApprovalRules.Draft(Input("100", cashier: "路人"), state, Today, null, Preparer)), Is.EqualTo(ViolationCode.CashierRequired));
    }

    [Test]
    public void Approval_without_the_limits_set_names_the_missing_setting()
    {
        var state = State(configured: false);
        Apply(state, SettingRules.Change("role.reviewer", Reviewer));
        Apply(state, SettingRules.Change("role.cashier", Cashier));
        Apply(state, ApprovalRules.Draft(Input("100"), state, Today, null, Preparer));
        Apply(state, ApprovalRules.Submit(1, state, Preparer));
        Apply(state, ApprovalRules.Review(1, state, Reviewer));

        var decision = ApprovalRules.Approve(1, null, null, state, Lead, Today);

        Assert.That(decision.Violations.Select(v => (v.Code, v.Args[0])), Is.EqualTo(new[]
        {
            (ViolationCode.ApprovalNotConfigured, ApprovalPolicy.FinanceLeadLimitKey), (ViolationCode.ApprovalNotConfigured, ApprovalPolicy.CommitteeLimitKey),
        }));
    }

    [Test]
    public void The_last_approval_is_refused_when_the_month_closed_meanwhile()
    {
        var state = Reviewed("100", out var id);
        Apply(state, PeriodRules.Close("2025-01", state, Today));
        state.Apply(new PeriodClosed(new Period(2025, 12), null)); // as if months 2..12 had closed too

        Assert.That(Code(ApprovalRules.Approve(id, null, null, state, Lead, Today)), Is.EqualTo(ViolationCode.PeriodClosed));
    }

    [Test]
    public void Role_settings_are_stored_as_a_clean_list_of_names()
    {
        var decision = SettingRules.Change("role.supervisor", " 额尔敦, 其木格，额尔敦 ");

        Assert.That(((SettingChanged)decision.Event!).Value, Is.EqualTo("额尔敦、其木格"));
        Assert.That(SettingRules.Change("approval.committee_limit", "1万").Violations.Single().Code, Is.EqualTo(ViolationCode.SettingInvalid));
    }
}
