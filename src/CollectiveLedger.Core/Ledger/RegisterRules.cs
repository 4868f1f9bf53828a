using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Ledger;

/// <summary>Rules for sub-accounts and for the fund, member and counterparty registers.</summary>
public static class RegisterRules
{
    /// <summary>
    /// A sub-account's code is its parent's code plus two digits; the parent exists and has no postings
    /// (otherwise its balance would sit on a non-leaf account); codes are unique.
    /// </summary>
    public static Decision AddAccount(string code, string name, string parent, LedgerState state, Place place)
    {
        var violations = new List<Violation>();
        var cleanName = Name(name, place, violations);
        if (state.Accounts.ContainsKey(code))
            violations.Add(new Violation(ViolationCode.CodeExists, place.WithField("code"), code));
        else if (!state.Accounts.ContainsKey(parent))
            violations.Add(new Violation(ViolationCode.ParentNotFound, place.WithField("parent"), parent));
        else if (code.Length != parent.Length + 2 || !code.StartsWith(parent, StringComparison.Ordinal) || !code.All(char.IsAsciiDigit))
            violations.Add(new Violation(ViolationCode.CodeMustExtendParent, place.WithField("code"), code, parent));
        else if (state.HasPostings(parent))
            violations.Add(new Violation(ViolationCode.AccountHasPostings, place.WithField("parent"), parent));
        return Decision.From(new AccountAdded(code, cleanName ?? "", parent), violations);
    }

    /// <summary>
    /// Whether the register already holds exactly this entry (same code, name and parent), so that
    /// importing a register file again changes nothing.
    /// </summary>
    public static bool AlreadyRegistered(LedgerState state, string code, string name, string? parent, DimensionKind? kind) => kind is { } k
        ? state.DimensionName(k, code) == name.Trim()
        : state.Accounts.TryGetValue(code, out var a) && a.Name == name.Trim() && a.Parent == parent;

    public static Decision AddDimension(DimensionKind kind, string code, string name, LedgerState state, Place place)
    {
        var violations = new List<Violation>();
        var cleanName = Name(name, place, violations);
        if (!TextRules.IsCode(code))
            violations.Add(new Violation(ViolationCode.CodeInvalid, place.WithField("code"), code));
        else if (state.HasDimension(kind, code))
            violations.Add(new Violation(ViolationCode.CodeExists, place.WithField("code"), code));
        return Decision.From(new DimensionAdded(kind, code, cleanName ?? ""), violations);
    }

    private static string? Name(string name, Place place, List<Violation> violations)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            violations.Add(new Violation(ViolationCode.FieldMissing, place.WithField("name"), "name"));
            return null;
        }
        return TextRules.Clean(name.Trim(), TextRules.NameMax, place.WithField("name"), violations);
    }
}
