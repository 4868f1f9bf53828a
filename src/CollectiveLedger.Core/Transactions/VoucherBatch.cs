using System.Globalization;
using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Transactions;

/// <summary>
/// A file of vouchers posted (or, <paramref name="asDrafts"/>, drafted for approval) all or nothing in
/// one session: each voucher is decided against the ledger as it stands after the ones before it and
/// appended; every violation is collected (at most <see cref="MaxViolations"/>); <see cref="Finish"/>
/// abandons the session on any violation or a dry run. A voucher whose ref is already posted with the
/// same content is counted, not posted again, so running an interrupted import again completes it.
/// </summary>
public sealed class VoucherBatch(ILedgerSession session, bool asDrafts)
{
    public const int MaxViolations = 1000;

    private int _posted, _alreadyPosted;

    /// <summary>Where the reader of the file adds what is wrong with the file itself.</summary>
    public List<Violation> Violations { get; } = [];

    /// <summary>Enough problems for one report: stop reading.</summary>
    public bool Full => Violations.Count > MaxViolations;

    /// <summary>One voucher as read (<paramref name="input"/> null when it could not be read at all) and the problems its reading found.</summary>
    public void Add(VoucherInput? input, IReadOnlyList<Violation> readingProblems)
    {
        Violations.AddRange(readingProblems);
        if (input is null) return;
        var posted = input.Ref is null ? null : session.FindRef(input.Ref);
        if (asDrafts)
        {
            var drafted = ApprovalRules.Draft(input, session.State, session.Today, posted, session.Actor);
            if (!drafted.Accepted) Violations.AddRange(drafted.Violations);
            else if (readingProblems.Count == 0) Append(drafted.Event!);
            return;
        }
        switch (VoucherRules.Decide(input, session.State, session.Today, posted))
        {
            case VoucherDecision.Post p when readingProblems.Count == 0:
                Append(p.Event);
                break;
            case VoucherDecision.AlreadyPosted:
                _alreadyPosted++;
                break;
            case VoucherDecision.Rejected r:
                Violations.AddRange(r.Violations);
                break;
        }
    }

    public ImportResult Finish(bool dryRun)
    {
        IReadOnlyList<Violation> violations = Full
            ? [.. Violations.Take(MaxViolations), new Violation(ViolationCode.TooManyProblems, Place.None, MaxViolations.ToString(CultureInfo.InvariantCulture))]
            : Violations;
        if (dryRun || violations.Count > 0) session.Abandon();
        return new ImportResult(_posted, _alreadyPosted, violations);
    }

    private void Append(LedgerEvent e)
    {
        session.Append(e);
        _posted++;
    }
}

/// <summary>What an import did (vouchers posted, or drafted), or why it did nothing.</summary>
public sealed record ImportResult(int Posted, int AlreadyPosted, IReadOnlyList<Violation> Violations)
{
    public bool Ok => Violations.Count == 0;
}
