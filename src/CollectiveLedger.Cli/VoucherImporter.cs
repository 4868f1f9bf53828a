using System.Globalization;
using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Import;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Cli;

/// <summary>What an import did (vouchers posted, or drafted), or why it did nothing.</summary>
public sealed record ImportResult(int Posted, int AlreadyPosted, IReadOnlyList<Violation> Violations)
{
    public bool Ok => Violations.Count == 0;
}

/// <summary>
/// Imports a voucher file all or nothing, in one pass and one write transaction: each voucher is
/// read, decided against the ledger as it stands after the ones before it, and appended; every
/// violation in the file is collected; at the end the transaction commits only if there were none
/// (and it is not a dry run). A crash mid-way leaves the books as they were, and since vouchers
/// carry refs, running the same import again completes it. With <c>asDrafts</c> the vouchers become
/// drafts for approval instead (<see cref="ApprovalRules.Draft"/>), under the same all-or-nothing rule.
/// </summary>
public static class VoucherImporter
{
    public const int MaxViolations = 1000;

    public static ImportResult Run(LedgerStore store, string path, InputEncoding encoding, bool dryRun, string actor, IProgress<int>? progress = null,
        bool asDrafts = false) =>
        store.Write(actor, session =>
        {
            var violations = new List<Violation>();
            int postedCount = 0, already = 0, read = 0;
            foreach (var parsed in VoucherFileReader.Read(path, encoding, violations))
            {
                violations.AddRange(parsed.Problems);
                if (parsed.Input is { } input && asDrafts)
                {
                    var drafted = ApprovalRules.Draft(parsed.Input, session.State, session.Today, input.Ref is null ? null : session.FindRef(input.Ref), actor);
                    if (!drafted.Accepted) violations.AddRange(drafted.Violations);
                    else if (parsed.Problems.Count == 0)
                    {
                        session.Append(drafted.Event!);
                        postedCount++;
                    }
                }
                else if (parsed.Input is { } toPost)
                {
                    var posted = toPost.Ref is null ? null : session.FindRef(toPost.Ref);
                    switch (VoucherRules.Decide(toPost, session.State, session.Today, posted))
                    {
                        case VoucherDecision.Post p when parsed.Problems.Count == 0:
                            session.Append(p.Event);
                            postedCount++;
                            break;
                        case VoucherDecision.AlreadyPosted:
                            already++;
                            break;
                        case VoucherDecision.Rejected r:
                            violations.AddRange(r.Violations);
                            break;
                    }
                }
                if (++read % 1000 == 0) progress?.Report(read);
                if (violations.Count > MaxViolations) break;
            }
            if (violations.Count > MaxViolations)
                violations = [.. violations.Take(MaxViolations), new Violation(ViolationCode.TooManyProblems, Place.None, MaxViolations.ToString(CultureInfo.InvariantCulture))];
            if (dryRun || violations.Count > 0) session.Abandon();
            return new ImportResult(postedCount, already, violations);
        });
}
