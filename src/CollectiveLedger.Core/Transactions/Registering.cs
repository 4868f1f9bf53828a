using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Transactions;

/// <summary>One entry of a register as given (a line of an accounts, funds, members or counterparties file, or one add): an account with its parent, or a fund, member or counterparty.</summary>
/// <param name="Details">Any further fields as text (a fund's grant terms, a member household's details), keyed as in the file.</param>
public sealed record RegisterRecord(Place Place, string Code, string Name, string? Parent, IReadOnlyDictionary<string, string>? Details = null);

/// <summary>
/// Register entries added all or none (<c>accounts|funds|members|counterparties add|import</c>): one
/// already registered exactly so is counted and left as it is; every refusal is collected.
/// </summary>
public static class Registering
{
    /// <param name="kind">The register; null for the chart of accounts.</param>
    /// <returns>How many were added and how many were there already.</returns>
    public static Outcome<(int Added, int Skipped)> AddAll(ILedgerSession session, IReadOnlyList<RegisterRecord> records, DimensionKind? kind)
    {
        var violations = new List<Violation>();
        int added = 0, skipped = 0;
        foreach (var r in records)
        {
            var terms = r.Details is null || kind != DimensionKind.Fund ? null : new FundTermsInput(r.Details);
            var details = r.Details is null || kind != DimensionKind.Member ? null : new MemberDetailsInput(r.Details);
            if (RegisterRules.AlreadyRegistered(session.State, r.Code, r.Name, r.Parent, kind, terms, details)) { skipped++; continue; }
            var decision = kind is { } k
                ? RegisterRules.AddDimension(k, r.Code, r.Name, session.State, r.Place, terms, details)
                : RegisterRules.AddAccount(r.Code, r.Name, r.Parent!, session.State, r.Place);
            if (decision.Accepted) { session.Append(decision.Event!); added++; }
            else violations.AddRange(decision.Violations);
        }
        return violations.Count > 0 ? session.Refuse<(int, int)>(violations) : Outcome<(int, int)>.Done((added, skipped));
    }
}
