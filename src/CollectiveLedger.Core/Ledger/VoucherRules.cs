using CollectiveLedger.Core.Chart;
using System.Collections.Immutable;
using System.Globalization;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// Decides whether a voucher may be posted: first its fields on their own
/// (<see cref="VoucherInputRules"/>), then against the ledger (ref, dates, closed months,
/// accounts, registers), then the balance. Pure: the state, today's date and the voucher already
/// posted under the input's ref (if any) come in as arguments.
/// </summary>
public static class VoucherRules
{
    public static VoucherDecision Decide(VoucherInput input, LedgerState state, DateOnly today, PostedRef? postedUnderRef)
    {
        var violations = new List<Violation>();
        VoucherInputRules.Check(input, violations);

        // A ref already in the books with the same content is a no-op whatever has happened since
        // (its month closed, an account gained sub-accounts): importing a file again is always safe.
        if (violations.Count == 0 && postedUnderRef is not null && SameContent(input, postedUnderRef))
            return new VoucherDecision.AlreadyPosted(postedUnderRef.Voucher);

        string? summary = input.Summary is null ? null : TextRules.Clean(input.Summary, TextRules.SummaryMax, input.Place.WithField("summary"), violations);
        var attachmentsReason = AttachmentRules.Reason(input.AttachmentsReason, input.Place, violations);
        string? cashier = string.IsNullOrWhiteSpace(input.Cashier) ? null : TextRules.Clean(input.Cashier.Trim(), TextRules.NameMax, input.Place.WithField("cashier"), violations);
        var dateOk = IsoDate.TryParse(input.Date, out var date);
        VoucherKinds.TryParse(input.Kind, out var kind);

        if (dateOk) CheckDate(date, kind, input.Place.WithField("date"), state, today, violations);

        var lines = ImmutableArray.CreateBuilder<VoucherLine>(input.Lines.Count);
        var debit = Amount.Zero;
        var credit = Amount.Zero;
        var amountsOk = true;
        foreach (var line in input.Lines)
        {
            var built = BuildLine(line, state, violations);
            if (built is null) { amountsOk = false; continue; }
            debit += built.Debit;
            credit += built.Credit;
            lines.Add(built);
        }
        if (amountsOk && input.Lines.Count >= 2 && debit != credit)
            violations.Add(new Violation(ViolationCode.EntryMustBalance, input.Place, debit.ToString(), credit.ToString()));

        // Accounts the asset register keeps take postings only through it (cledger assets).
        violations.AddRange(Assets.AssetRules.CheckRegisterAccounts(lines, state, input.Place));
        if (violations.Count > 0) return new VoucherDecision.Rejected(Ordered(violations));

        var period = Period.Of(date);
        var attachments = input.Attachments is null ? 0 : int.Parse(input.Attachments, CultureInfo.InvariantCulture);
        var voucher = new Voucher(state.LastNumber(period) + 1, date, kind, input.Ref, summary!, attachments, null, lines.MoveToImmutable())
            { AttachmentsReason = attachmentsReason };
        if (AttachmentRules.Check(voucher, state, input.Place) is { } unattached) return new VoucherDecision.Rejected([unattached]);
        var overspent = FundRules.Check(voucher, state, input.Place).ToList();
        if (overspent.Count > 0) return new VoucherDecision.Rejected(overspent);
        if (input.Ref is not null && postedUnderRef is { } posted)
        {
            return posted.ContentSha256 == EventCodec.ContentSha256(voucher)
                ? new VoucherDecision.AlreadyPosted(posted.Voucher)
                : new VoucherDecision.Rejected([new Violation(ViolationCode.RefExistsWithDifferentContent, input.Place.WithField("ref"), input.Ref, posted.Voucher.ToString())]);
        }
        return new VoucherDecision.Post(new VoucherPosted(voucher, new VoucherOrigin(VoucherOrigin.Import, null, cashier)));
    }

    /// <summary>
    /// What the ledger says now about a voucher that was built earlier (a draft at its last approval,
    /// an entry on replay): its date, accounts, registers and funds, as <see cref="Decide"/> checks them.
    /// </summary>
    public static List<Violation> Recheck(Voucher v, LedgerState state, DateOnly today, Place place)
    {
        var violations = new List<Violation>();
        CheckDate(v.Date, v.Kind, place, state, today, violations);
        for (var i = 0; i < violations.Count; i++) violations[i] = violations[i] with { Place = place.WithField("date") }; // only when there are any
        foreach (var line in v.Lines)
            CheckReferences(state, line.Account, null, line.Fund, line.Member, line.Counterparty, place, violations);
        // A reason as the rules write it: 1 to 100 characters, clean and trimmed.
        if (v.AttachmentsReason is { } reason && AttachmentRules.Reason(reason, place, []) != reason)
            violations.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("attachments_reason"), "attachments_reason", reason));
        if (AttachmentRules.Check(v, state, place) is { } unattached) violations.Add(unattached);
        if (violations.Count == 0) violations.AddRange(FundRules.Check(v, state, place));
        return violations;
    }

    private static bool SameContent(VoucherInput input, PostedRef posted)
    {
        var lines = input.Lines.Select(l => ToLine(l, l.Summary?.Normalize(System.Text.NormalizationForm.FormC))).ToImmutableArray();
        if (lines.Sum(l => l.Debit.Fen) != lines.Sum(l => l.Credit.Fen)) return false;
        VoucherKinds.TryParse(input.Kind, out var kind);
        var candidate = new Voucher(posted.Voucher.Number, IsoDate.Parse(input.Date!), kind, input.Ref, input.Summary!.Normalize(System.Text.NormalizationForm.FormC),
            input.Attachments is null ? 0 : int.Parse(input.Attachments, CultureInfo.InvariantCulture), null, lines)
            { AttachmentsReason = string.IsNullOrWhiteSpace(input.AttachmentsReason) ? null : input.AttachmentsReason.Trim().Normalize(System.Text.NormalizationForm.FormC) };
        return EventCodec.ContentSha256(candidate) == posted.ContentSha256;
    }

    /// <summary>The line an input line states, once its side and amount are known to be valid.</summary>
    private static VoucherLine ToLine(VoucherLineInput line, string? summary)
    {
        var debitGiven = !string.IsNullOrEmpty(line.Debit);
        Amount.TryParse(debitGiven ? line.Debit : line.Credit, allowNegative: false, out var amount);
        return new VoucherLine(line.Account ?? "", debitGiven ? amount : Amount.Zero, debitGiven ? Amount.Zero : amount,
            line.Fund, line.Member, line.Counterparty, string.IsNullOrEmpty(summary) ? null : summary);
    }

    /// <summary>A voucher date must lie in the ledger's life, not after today, in an open month, and in a year whose prior year is closed or whose opening was declared.</summary>
    public static void CheckDate(DateOnly date, VoucherKind kind, Place place, LedgerState state, DateOnly today, List<Violation> violations)
    {
        if (DateRules.CheckInLedgerLife(date, place, state, today, violations) && kind == VoucherKind.Opening && date != state.StartDate)
            violations.Add(new Violation(ViolationCode.OpeningDateMustBeLedgerStart, place, IsoDate.Format(date), IsoDate.Format(state.StartDate)));
        if (state.IsClosed(Period.Of(date)))
            violations.Add(new Violation(ViolationCode.PeriodClosed, place, Period.Of(date).ToString()));
        if (date >= state.StartDate && YearRules.CheckPriorYear(date, place, state) is { } priorYearOpen)
            violations.Add(priorYearOpen);
    }

    private static VoucherLine? BuildLine(VoucherLineInput line, LedgerState state, List<Violation> violations)
    {
        // A missing or malformed code is the input rules' to report; the ledger is asked about well-formed ones only.
        CheckReferences(state, Code(line.Account), line.AccountName, Code(line.Fund), Code(line.Member), Code(line.Counterparty), line.Place, violations);
        var summary = line.Summary is null ? null : TextRules.Clean(line.Summary, TextRules.SummaryMax, line.Place.WithField("summary"), violations);

        var debitGiven = !string.IsNullOrEmpty(line.Debit);
        if (debitGiven == !string.IsNullOrEmpty(line.Credit)) return null;
        return VoucherInputRules.AmountProblem(debitGiven ? line.Debit! : line.Credit!) is null ? ToLine(line, summary) : null;

        static string? Code(string? code) => code is not null && TextRules.IsCode(code) ? code : null;
    }

    /// <summary>
    /// A line's references as the ledger has them: its account exists, bears the name the line states
    /// (when it states one) and takes lines (a leaf); its fund, member and counterparty are registered.
    /// The one check of a new voucher's lines (<see cref="Decide"/>) and of a built one's (<see cref="Recheck"/>);
    /// a null code is not checked.
    /// </summary>
    private static void CheckReferences(LedgerState state, string? account, string? accountName, string? fund, string? member, string? counterparty,
        Place place, List<Violation> violations)
    {
        if (account is not null)
        {
            if (!state.Accounts.TryGetValue(account, out var known))
                violations.Add(new Violation(ViolationCode.AccountNotFound, place.WithField("account"), account));
            else if (accountName is not null && Chart2004.NameKey(accountName) != Chart2004.NameKey(known.Name))
                violations.Add(state.Ledger?.Chart == StandardChart.Name && Chart2004.Is2004Name(account, accountName)
                    ? new Violation(ViolationCode.AccountNameIs2004, place.WithField("account_name"), account, accountName, known.Name)
                    : new Violation(ViolationCode.AccountNameMismatch, place.WithField("account_name"), account, accountName, known.Name));
            else if (!state.IsLeaf(account))
                violations.Add(new Violation(ViolationCode.AccountNotLeaf, place.WithField("account"), account));
        }
        if (fund is not null && !state.HasDimension(DimensionKind.Fund, fund))
            violations.Add(new Violation(ViolationCode.FundNotFound, place.WithField("fund"), fund));
        if (member is not null && !state.HasDimension(DimensionKind.Member, member))
            violations.Add(new Violation(ViolationCode.MemberNotFound, place.WithField("member"), member));
        if (counterparty is not null && !state.HasDimension(DimensionKind.Counterparty, counterparty))
            violations.Add(new Violation(ViolationCode.CounterpartyNotFound, place.WithField("counterparty"), counterparty));
    }

    /// <summary>
    /// The bounds every voucher keeps however it was made (imported, drafted, posted by a register, replayed):
    /// at most <see cref="VoucherInputRules.MaxLines"/> lines, and each line's amount positive and at most
    /// <see cref="Amount.MaxLine"/>, or for a red-ink reversal negative and at least its negative. The input
    /// rules hold a file's text to the same bounds; a violation about an amount names it as the line has it.
    /// </summary>
    public static IEnumerable<Violation> CheckBounds(Voucher v, Place place)
    {
        if (VoucherInputRules.LineCountProblem(v.Lines.Length, place.WithField("lines")) is { } count) yield return count;
        foreach (var line in v.Lines)
        {
            var debit = !line.Debit.IsZero;
            var amount = debit ? line.Debit : line.Credit;
            if (VoucherInputRules.AmountProblem(v.Reverses is null ? amount : -amount, amount.ToString()) is { } problem)
                yield return problem with { Place = place.WithField(debit ? "debit" : "credit") };
        }
    }

    /// <summary>
    /// 附件张数 as a register command states it for the voucher it posts (contract receipts, asset
    /// purchases and disposals): a whole number from 0 to 9999, as in a voucher file; null when not given.
    /// </summary>
    public static int? Attachments(string? text, Place place, List<Violation> violations)
    {
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 9999) return n;
        violations.Add(new Violation(ViolationCode.AttachmentsInvalid, place.WithField("attachments"), text));
        return null;
    }

    /// <summary>Violations in the documented order of precedence (the order of <see cref="ViolationCode"/>), stable within a code.</summary>
    internal static IReadOnlyList<Violation> Ordered(List<Violation> violations) =>
        violations.Select((v, i) => (v, i)).OrderBy(x => x.v.Code).ThenBy(x => x.i).Select(x => x.v).ToList();
}
