using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Distribution;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// The rules every entry obeyed when it was written, checked again on replay with Core's own rule
/// functions and the entry's own time as "today": a log forged with recomputed hashes still has to
/// obey them. Returns what is broken, as messages.
/// </summary>
internal static class ReplayRules
{
    public static IEnumerable<string> Check(ParsedEntry entry, LedgerState state)
    {
        var today = IsoDate.TryParseTimestamp(entry.Time, out var time) ? ChinaTime.Today(time) : DateOnly.MaxValue;
        var problems = Rules(entry, state, today);
        return ActedBy(entry.Event) is { } by && by != entry.Actor
            ? problems.Prepend($"{entry.Kind} names {by} as its actor, but the entry's actor is {entry.Actor}")
            : problems;
    }

    private static IEnumerable<string> Rules(ParsedEntry entry, LedgerState state, DateOnly today) => entry.Event switch
    {
            VoucherPosted p => Voucher(p, state, today),
            VoucherDrafted d => Drafted(d, state, today),
            DraftStepTaken step => Rejected(ApprovalRules.Redecide(step, state, today), step),
            DraftCarriedForward c => state.TryGetDraft(c.Draft, out var draft) && c.Date == draft.Period.Next.FirstDay ? [] : [$"{c.Kind}: draft #{c.Draft} cannot be carried to {IsoDate.Format(c.Date)}"],
            PeriodReopenRequested r => Rejected(PeriodRules.RequestReopen(r.Period.ToString(), r.Reason, state, r.By), r),
            PeriodReopened r => Rejected(PeriodRules.ApproveReopen(r.Period.ToString(), state, r.By), r),
            AccountAdded a => Rejected(RegisterRules.AddAccount(a.Code, a.Name, a.Parent, state, Place.None, replay: true), a),
            DimensionAdded d => Rejected(RegisterRules.AddDimension(d.Dimension, d.Code, d.Name, state, Place.None, d.Terms?.ToInput(), d.Details?.ToInput(), replay: true), d),
            // Closes logged before the balances hash was recorded are held to everything else.
            PeriodClosed c => Rejected(PeriodRules.Close(c.Period.ToString(), state, today), c.BalancesSha256 is null ? c with { BalancesSha256 = Closing(c, state) } : c),
            // Names are held to the rules of their time: the invisible-character and confusable-name rules
            // (issue 12) decide new commands only, so logs written before them still verify.
            SettingChanged c => Rejected(SettingRules.Change(c.Key, c.Value, state, replay: true), c),
            RoleChangeRequested r => Rejected(RoleChangeRules.Request(r.Key, r.Value, state, r.By, replay: true), r),
            RoleChangeApproved a => Rejected(RoleChangeRules.Approve(a.Key, a.Value, state, a.By), a),
            KeyRegistered k => Rejected(SettingRules.RegisterKey(k.Name, k.PublicKey, state), k, sameEvent: false),
            // Publication of a prepared notice: the content it publishes is the one prepared (the JSON's
            // hash cannot be recomputed here without the books as they were, so the rule takes it as prepared).
            DisclosurePublished { Notice: { } notice } d => Rejected(NoticeRules.Publish(notice, state.Notice(notice)?.Prepared.ContentSha256 ?? "", d.Files, state, entry.Actor), d),
            // Written before notices were prepared and reviewed in the books; once the log holds a prepared
            // notice, a publication without one skipped the supervision committee's review.
            DisclosurePublished d when state.LastNotice > 0 => [$"{d.Kind}: a notice is published only as a prepared and reviewed notice (its data names none)"],
            DisclosurePublished d => Rejected(DisclosureRules.PublishedBeforeReview(new DisclosurePeriod(d.Scope, d.From, d.To), d.Date, d.Checkpoint, d.Files, state, today), d,
                sameEvent: false),
            NoticePrepared n when !n.Period.IsWhole => [$"{n.Kind}: {n.From}..{n.To} is not one {n.Scope}"],
            NoticePrepared n => Rejected(NoticeRules.Prepare(n.Period, n.Date, n.Checkpoint, n.ContentSha256, state, n.By, today), n),
            NoticeReviewed r => Rejected(NoticeRules.Review(r.Notice, r.ContentSha256, r.Opinion, state, r.By, today), r),
            FeedbackReceived f => Rejected(FeedbackRules.Receive(f.Notice, f.Item, f.Question, f.Contact, state, today), f),
            FeedbackAnswered a => Rejected(FeedbackRules.Answer(a.Feedback, a.Answer, state, a.By, today), a),
            YearOpened y => Rejected(YearRules.Open(y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), state, today), y),
            YearClosed y => Rejected(YearRules.Record(y.Year, state), y),
            DistributionPlanned p => Rejected(DistributionRules.Plan(Year(p.Year), p.ReservePercent.ToString(System.Globalization.CultureInfo.InvariantCulture), state, p.By,
                p.Shared?.ToString(), reserveOnDistributable: p.ReserveBase is null), p),
            // The plan an approval names (absent: plan 1) must be the year's current plan.
            DistributionApproved a => Rejected(DistributionRules.Approve(Year(a.Year), a.Resolution, state, a.By, Year(a.Plan)), a),
            DistributionPosted p => Rejected(DistributionRules.Post(Year(p.Year), IsoDate.Format(p.Date), p.PayableAccount, state, p.By, today, p.ReserveAccount), p),
            DistributionPaid p => Rejected(DistributionRules.Pay(Year(p.Year), IsoDate.Format(p.Date), p.Account, state, p.By, today), p),
            // Who created a credential (audit-log.md 7.21): an enrolment uses an earlier code issued for
            // that person and not yet used; whether they had a password then is outside the books.
            EnrolmentIssued i => Rejected(UserRules.IssueEnrolment(i.User, state, i.By), i),
            CredentialSet c => Rejected(UserRules.SetCredential(c.User, c.Via, state, c.By), c),
            _ => [],
        };

    private static string Year(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? Closing(PeriodClosed c, LedgerState state) =>
        state.IsClosed(c.Period) ? null : PeriodRules.BalancesSha256(state.BalancesAtEndOf(c.Period));

    /// <summary>The person an event says acted, which must be the entry's actor.</summary>
    private static string? ActedBy(LedgerEvent e) => e switch
    {
        VoucherDrafted d => d.Preparer,
        DraftStepTaken s => s.By,
        DraftCarriedForward c => c.By,
        PeriodReopenRequested r => r.By,
        PeriodReopened r => r.By,
        RoleChangeRequested r => r.By,
        RoleChangeApproved a => a.By,
        DistributionPlanned p => p.By,
        DistributionApproved a => a.By,
        DistributionPosted p => p.By,
        DistributionPaid p => p.By,
        FeedbackReceived => FeedbackRules.PublicActor,
        FeedbackAnswered a => a.By,
        NoticePrepared n => n.By,
        NoticeReviewed r => r.By,
        EnrolmentIssued i => i.By,
        CredentialSet c => c.By,
        _ => null,
    };

    private static IEnumerable<string> Drafted(VoucherDrafted d, LedgerState state, DateOnly today)
    {
        var revision = state.TryGetDraft(d.Draft, out var open);
        if (!revision && d.Draft != state.LastDraftId + 1) yield return $"draft #{d.Draft} is not the next draft number ({state.LastDraftId + 1})";
        if (revision && (open.Status != DraftStatus.Draft || open.Preparer != d.Preparer)) yield return $"draft #{d.Draft} was changed while in approval or by someone else";
        var violations = VoucherRules.Recheck(d.Voucher, state, today, Place.None);
        violations.AddRange(ApprovalRules.CheckCashier(d, state, Place.None));
        foreach (var v in violations) yield return $"draft #{d.Draft}: {v.Message(Language.En)} [{v.Code}]";
    }

    /// <summary>
    /// The rule must accept the command and, where it normalizes what it is given (names, setting
    /// values), decide exactly the event the log holds.
    /// </summary>
    private static IEnumerable<string> Rejected(Decision decision, LedgerEvent logged, bool sameEvent = true) =>
        !decision.Accepted ? decision.Violations.Select(v => $"{logged.Kind}: {v.Message(Language.En)} [{v.Code}]")
        : sameEvent && decision.Event != logged ? [$"{logged.Kind} holds values its rule would not have written"]
        : [];

    private static IEnumerable<string> Voucher(VoucherPosted posted, LedgerState state, DateOnly today)
    {
        var v = posted.Voucher;
        foreach (var violation in VoucherRules.Recheck(v, state, today, Place.None)) yield return $"voucher {v.Key}: {violation.Message(Language.En)} [{violation.Code}]";
        if (ApprovalRules.PostingProblem(posted, state) is { } problem) yield return $"voucher {v.Key}: {problem}";
        if (posted.Origin?.Source != VoucherOrigin.Assets)
            foreach (var violation in Core.Assets.AssetRules.CheckRegisterAccounts(v.Lines, state, Place.None))
                yield return $"voucher {v.Key}: {violation.Message(Language.En)} [{violation.Code}]";
        if ((posted.Origin?.Source == VoucherOrigin.Reversal) != (v.Reverses is not null) && posted.Origin is not null)
            yield return $"voucher {v.Key}: only reversals are posted as reversals";
        if (v.Reverses is { } reversed && ReversalRules.AcrossYears(reversed, v.Date) is { } acrossYears)
            yield return $"voucher {v.Key}: {acrossYears.Message(Language.En)} [{acrossYears.Code}]";
        if (v.Number != state.LastNumber(v.Period) + 1) yield return $"voucher {v.Key} breaks the gapless numbering of {v.Period}";
        // The bounds the input rules hold a file to, in the words verify has always used.
        foreach (var bound in VoucherRules.CheckBounds(v, Place.None))
            yield return bound.Code == ViolationCode.TooManyLines
                ? $"voucher {v.Key} has more than {VoucherInputRules.MaxLines} lines"
                : $"voucher {v.Key} has an amount {bound.Args[0]} that is not {(v.Reverses is null ? "positive" : "negative (red ink)")} or too large";
    }
}
