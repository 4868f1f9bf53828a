using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;
using static CollectiveLedger.Core.Audit.EventData;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// A voucher prepared for approval (制单), or a new version of a draft sent back for changes
/// (audit-log.md 7.12). Its voucher is unnumbered: the number is given when it is posted.
/// </summary>
public sealed record VoucherDrafted(int Draft, Voucher Voucher, string Preparer, string? Cashier) : LedgerEvent
{
    public static readonly EventKind Definition = new("voucher.drafted",
        d => new VoucherDrafted(Int(d, "draft"), EventCodec.ReadVoucher(Get(d, "voucher"), 0, null), Str(d, "preparer"), OptStr(d, "cashier")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => Preparer;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor)
    {
        var revision = state.TryGetDraft(Draft, out var open);
        if (!revision && Draft != state.LastDraftId + 1) yield return $"draft #{Draft} is not the next draft number ({state.LastDraftId + 1})";
        if (revision && (open.Status != DraftStatus.Draft || open.Preparer != Preparer)) yield return $"draft #{Draft} was changed while in approval or by someone else";
        var violations = VoucherRules.Recheck(Voucher, state, today, Validation.Place.None);
        violations.AddRange(ApprovalRules.CheckCashier(this, state, Validation.Place.None));
        foreach (var v in violations) yield return $"draft #{Draft}: {v.Message(Validation.Language.En)} [{v.Code}]";
    }

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("cashier", Cashier);
        w.Property("draft", Draft);
        w.Property("preparer", Preparer);
        w.Name("voucher");
        EventCodec.WriteContent(Voucher, w);
    }

    internal override void ApplyTo(LedgerState state) =>
        state.PutDraft(new Approval.Draft(Draft, Voucher, Preparer, Cashier, DraftStatus.Draft, null, [], null));

    public override IEnumerable<ProjectedRow> Rows(long seq) =>
        [new("drafts", [seq, (long)Draft, Preparer, Cashier, IsoDate.Format(Voucher.Date), Voucher.Ref, Voucher.Summary, Voucher.Total.Fen])];
}

/// <summary>
/// One step of a draft through approval (audit-log.md 7.12, five kinds: <c>voucher.submitted</c>,
/// <c>.reviewed</c>, <c>.approved</c>, <c>.rejected</c>, <c>.withdrawn</c>), taken by <see cref="By"/>
/// (the entry's actor) in <see cref="Role"/>.
/// </summary>
/// <param name="Note">The reason of a rejection or withdrawal; the resolution number of an approval above the committees' limit.</param>
public sealed record DraftStepTaken(int Draft, DraftAction Action, string By, string? Role, string? Note) : LedgerEvent
{
    public static readonly EventKind Submitted = Step(DraftAction.Submitted);
    public static readonly EventKind Reviewed = Step(DraftAction.Reviewed);
    public static readonly EventKind Approved = Step(DraftAction.Approved);
    public static readonly EventKind Rejected = Step(DraftAction.Rejected);
    public static readonly EventKind Withdrawn = Step(DraftAction.Withdrawn);

    private static EventKind Step(DraftAction action) => new("voucher." + action.ToText(),
        d => new DraftStepTaken(Int(d, "draft"), action, Str(d, "by"), OptStr(d, "role"), OptStr(d, "note")));

    public override string Kind => "voucher." + Action.ToText();

    public override string? ActedBy => By;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) => ProblemsOf(ApprovalRules.Redecide(this, state, today));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("by", By);
        w.Property("draft", Draft);
        w.Property("note", Note);
        w.Property("role", Role);
    }

    internal override void ApplyTo(LedgerState state)
    {
        var draft = state.DraftOf(Draft);
        if (Action == DraftAction.Withdrawn)
        {
            state.RemoveDraft(Draft);
            return;
        }
        state.PutDraft(Action switch
        {
            DraftAction.Submitted => draft with { Status = DraftStatus.Submitted },
            DraftAction.Reviewed => draft with { Status = DraftStatus.Reviewed, Reviewer = By },
            DraftAction.Approved => draft with
            {
                Approvals = draft.Approvals.Add(new DraftApproval(Roles.TryParse(Role, out var role) ? role : throw new InvalidOperationException($"unknown role {Role}"), By)),
                Resolution = draft.Resolution ?? Note,
            },
            // Sent back: the preparer changes it and submits again; earlier checks no longer count.
            _ => draft with { Status = DraftStatus.Draft, Reviewer = null, Approvals = [], Resolution = null },
        });
    }

    public override IEnumerable<ProjectedRow> Rows(long seq) => [new("draft_steps", [seq, (long)Draft, Action.ToText(), By, Role, Note])];
}

/// <summary>
/// A draft not posted by the end of its month, moved to the first day of the next month so that the
/// month can close (audit-log.md 7.12, <c>voucher.carried_forward</c>).
/// </summary>
public sealed record DraftCarriedForward(int Draft, DateOnly Date, string By) : LedgerEvent
{
    public static readonly EventKind Definition = new("voucher.carried_forward", d => new DraftCarriedForward(Int(d, "draft"), DateOf(d, "date"), Str(d, "by")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => By;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        state.TryGetDraft(Draft, out var draft) && Date == draft.Period.Next.FirstDay ? [] : [$"{Kind}: draft #{Draft} cannot be carried to {IsoDate.Format(Date)}"];

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("by", By);
        w.Property("date", IsoDate.Format(Date));
        w.Property("draft", Draft);
    }

    internal override void ApplyTo(LedgerState state)
    {
        var draft = state.DraftOf(Draft);
        state.PutDraft(draft with { Voucher = draft.Voucher.Redated(Date) });
    }

    public override IEnumerable<ProjectedRow> Rows(long seq) => [new("draft_steps", [seq, (long)Draft, "carried_forward", By, null, IsoDate.Format(Date)])];
}
