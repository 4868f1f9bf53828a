using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;
using CollectiveLedger.Storage;
using CollectiveLedger.Storage.Verification;

namespace CollectiveLedger.Tests.Storage;

/// <summary>
/// Seeded random sequences of fund receipts, spending drafts, submissions, reviews, approvals,
/// rejections and withdrawals run against a real SQLite ledger and against a naive model that knows
/// only the tiers, the roles and the funds' sums. Every step must be accepted exactly when the model
/// says so, no fund is ever overspent, the books agree with the model after every step, and verify
/// passes at the end. A failure names its seed and step.
/// </summary>
public class ApprovalModelTests
{
    private const string Preparer1 = "会计甲", Preparer2 = "会计乙", Reviewer = "审核员", Lead = "财务负责人", Chair = "主任", Supervisor = "监委", Cashier = "出纳";
    private static readonly string[] Approvers = [Lead, Chair, Supervisor, Preparer1, Reviewer];
    private static readonly string[] Funds = ["F1", "F2"];
    private const long FinanceLimit = 1000_00, CommitteeLimit = 10000_00;

    private sealed class ModelDraft(int id, string fund, long fen, string preparer)
    {
        public int Id = id;
        public string Fund = fund;
        public long Fen = fen;
        public string Preparer = preparer;
        public string Status = "draft";
        public readonly List<(string Role, string By)> Approvals = [];
        public bool Resolution;

        public string[] Required => Fen <= FinanceLimit ? ["finance_lead"] : ["committee_chair", "supervisor"];
        public bool NeedsResolution => Fen > CommitteeLimit;
    }

    private static string? RoleOf(string actor, ModelDraft d) =>
        d.Required.Where(r => d.Approvals.All(a => a.Role != r)).FirstOrDefault(r => (r, actor) is ("finance_lead", Lead) or ("committee_chair", Chair) or ("supervisor", Supervisor));

    [TestCase(7)]
    [TestCase(2025)]
    [TestCase(80_112)]
    public void Random_approval_sequences_never_overspend_and_agree_with_a_naive_model(int seed)
    {
        var random = new Random(seed);
        using var dir = new TestLedger();
        using var store = LedgerStore.Create(dir.Db, new LedgerCreated("model", "模型嘎查", "N2M", "CNY", StandardChart.Name, new Period(2025, 1), 1), "init", TestClock.Fixed, village: dir.Village);
        Apply(store, "init", s => RegisterRules.AddAccount("10201", "信用社", "102", s.State, Place.None));
        Apply(store, "init", s => RegisterRules.AddAccount("15301", "工程", "153", s.State, Place.None));
        foreach (var fund in Funds) Apply(store, "init", s => RegisterRules.AddDimension(DimensionKind.Fund, fund, "资金" + fund, s.State, Place.None));
        foreach (var (key, value) in new[]
                 {
                     ("role.reviewer", Reviewer), ("role.finance_lead", Lead), ("role.committee_chair", Chair), ("role.supervisor", Supervisor),
                     ("role.cashier", Cashier), ("approval.finance_lead_limit", "1000"), ("approval.committee_limit", "10000"),
                 })
            // Once the chair holds the role, the supervisor's grant is a request the chair approves.
            if (Apply(store, "init", s => SettingRules.Set(key, value, s.State, "init")).Event is RoleChangeRequested)
                Apply(store, Chair, s => RoleChangeRules.Approve(key, value, s.State, Chair));

        var received = Funds.ToDictionary(f => f, _ => 0L);
        var spent = Funds.ToDictionary(f => f, _ => 0L);
        var drafts = new Dictionary<int, ModelDraft>();
        var nextDraft = 1;
        var posted = 0;

        for (var step = 0; step < 800; step++)
        {
            var where = $"seed {seed}, step {step}";
            var fund = Funds[random.Next(Funds.Length)];
            var open = drafts.Values.ToList();
            var draft = open.Count == 0 ? null : open[random.Next(open.Count)];
            var op = random.Next(13);
            string actor;
            Decision decision;
            bool expected;
            var postsNow = false;
            switch (op)
            {
                case 0: // money arrives for a fund, imported directly
                    var inFen = random.NextInt64(1, 8000_00);
                    actor = Preparer1;
                    decision = store.Apply(actor, s => Import(s, fund, inFen, receipt: true));
                    expected = true;
                    if (decision.Accepted) received[fund] += inFen;
                    break;
                case 1 or 2 when open.Count < 4: // a spending draft, up to half again what the fund holds
                    var fen = random.NextInt64(1, Math.Max(2, (received[fund] - spent[fund]) * 3 / 2 + 100));
                    actor = random.Next(2) == 0 ? Preparer1 : Preparer2;
                    decision = store.Apply(actor, s => ApprovalRules.Draft(Spending(fund, fen), s.State, s.Today, null, actor));
                    expected = fen <= received[fund] - spent[fund];
                    if (decision.Accepted) drafts[nextDraft] = new ModelDraft(nextDraft++, fund, fen, actor);
                    break;
                case 3 when draft is not null:
                    actor = random.Next(8) == 0 ? Reviewer : draft.Preparer;
                    decision = store.Apply(actor, s => ApprovalRules.Submit(draft.Id, s.State, actor));
                    expected = draft.Status == "draft" && actor == draft.Preparer;
                    if (decision.Accepted) draft.Status = "submitted";
                    break;
                case 4 when draft is not null:
                    actor = random.Next(8) == 0 ? draft.Preparer : Reviewer;
                    decision = store.Apply(actor, s => ApprovalRules.Review(draft.Id, s.State, actor));
                    expected = draft.Status == "submitted" && actor == Reviewer && actor != draft.Preparer;
                    if (decision.Accepted) draft.Status = "reviewed";
                    break;
                case 5 or 6 or 7 or 8 or 9 or 10 when draft is not null:
                    actor = Approvers[random.Next(Approvers.Length)];
                    var resolution = random.Next(2) == 0 ? "决议" + step : null;
                    decision = store.Apply(actor, s => ApprovalRules.Approve(draft.Id, null, resolution, s.State, actor, s.Today));
                    var role = RoleOf(actor, draft);
                    var completes = role is not null && draft.Required.Count(r => draft.Approvals.All(a => a.Role != r)) == 1;
                    expected = draft.Status == "reviewed" && actor != draft.Preparer && draft.Approvals.All(a => a.By != actor) && role is not null
                               && (!completes || !draft.NeedsResolution || draft.Resolution || resolution is not null)
                               && (!completes || draft.Fen <= received[draft.Fund] - spent[draft.Fund]);
                    if (decision.Accepted)
                    {
                        draft.Approvals.Add((role!, actor));
                        draft.Resolution |= resolution is not null;
                        postsNow = completes;
                    }
                    break;
                case 11 when draft is not null && random.Next(4) == 0: // rejections are rarer than approvals, or little would get through
                    actor = random.Next(3) == 0 ? draft.Preparer : Approvers[random.Next(Approvers.Length)];
                    decision = store.Apply(actor, s => ApprovalRules.Reject(draft.Id, "退回", s.State, actor));
                    expected = draft.Status != "draft" && actor != draft.Preparer && actor is Reviewer or Lead or Chair or Supervisor;
                    if (decision.Accepted) { draft.Status = "draft"; draft.Approvals.Clear(); draft.Resolution = false; }
                    break;
                case 12 when draft is not null:
                    actor = draft.Preparer;
                    decision = store.Apply(actor, s => ApprovalRules.Withdraw(draft.Id, "撤回", s.State, actor));
                    expected = draft.Status == "draft";
                    if (decision.Accepted) drafts.Remove(draft.Id);
                    break;
                default:
                    continue;
            }

            Assert.That(decision.Accepted, Is.EqualTo(expected),
                $"{where}: op {op} by {actor}: {string.Join("; ", decision.Violations.Select(v => v.Message(Language.En)))}");
            if (postsNow)
            {
                spent[draft!.Fund] += draft.Fen;
                drafts.Remove(draft.Id);
                posted++;
            }
            var state = store.LoadState();
            foreach (var f in Funds)
            {
                Assert.That(state.Fund(f).Received.Fen, Is.EqualTo(received[f]), $"{where}: received {f}");
                Assert.That(state.Fund(f).Spent.Fen, Is.EqualTo(spent[f]), $"{where}: spent {f}");
                Assert.That(state.Fund(f).Spent.Fen, Is.LessThanOrEqualTo(state.Fund(f).Received.Fen), $"{where}: {f} overspent");
            }
            Assert.That(state.OpenDrafts.Select(d => (d.Id, d.Status.ToText(), d.Approvals.Length)),
                Is.EqualTo(drafts.Values.OrderBy(d => d.Id).Select(d => (d.Id, d.Status, d.Approvals.Count))), $"{where}: drafts");
        }

        Assert.That(posted, Is.GreaterThan(5), $"seed {seed}: too few drafts went all the way to test anything");
        var report = LedgerVerifier.Verify(store, []);
        Assert.That(report.Problems, Is.Empty, $"seed {seed}: {string.Join("; ", report.Problems.Select(p => p.Message))}");
    }

    private static Decision Apply(LedgerStore store, string actor, Func<WriteSession, Decision> decide)
    {
        var decision = store.Apply(actor, decide);
        Assert.That(decision.Accepted, Is.True, string.Join("; ", decision.Violations.Select(v => v.Message(Language.En))));
        return decision;
    }

    private static VoucherInput Spending(string fund, long fen) => Input(fund, fen, "15301", "10201", Cashier);

    private static VoucherInput Input(string fund, long fen, string debit, string credit, string? cashier)
    {
        var amount = $"{fen / 100}.{fen % 100:D2}";
        return new VoucherInput(Place.None, null, "2025-06-15", "资金往来", null, null,
            [new VoucherLineInput(Place.None, debit, amount, null, fund, null, null, null), new VoucherLineInput(Place.None, credit, null, amount, fund, null, null, null)],
            cashier);
    }

    private static Decision Import(WriteSession s, string fund, long fen, bool receipt) =>
        VoucherRules.Decide(Input(fund, fen, "10201", "241", null), s.State, s.Today, null) switch
        {
            VoucherDecision.Post p => Decision.Accept(p.Event),
            VoucherDecision.Rejected r => new Decision(null, r.Violations),
            _ => throw new AssertionException("unexpected decision"),
        };
}
