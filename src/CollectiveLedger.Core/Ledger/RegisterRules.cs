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
    /// Whether the register already holds exactly this entry (same code, name and parent; for a fund
    /// the same grant terms), so that importing a register file again changes nothing.
    /// </summary>
    public static bool AlreadyRegistered(LedgerState state, string code, string name, string? parent, DimensionKind? kind, FundTermsInput? terms = null)
    {
        if (kind is not { } k) return state.Accounts.TryGetValue(code, out var a) && a.Name == name.Trim() && a.Parent == parent;
        if (state.DimensionName(k, code) != name.Trim()) return false;
        var given = terms is null || terms.Fields.Count == 0 ? null : Terms(terms, state, Place.None, []);
        return given == state.FundTerms(code);
    }

    /// <param name="terms">A fund's grant terms, when given (funds only).</param>
    public static Decision AddDimension(DimensionKind kind, string code, string name, LedgerState state, Place place, FundTermsInput? terms = null)
    {
        var violations = new List<Violation>();
        var cleanName = Name(name, place, violations);
        if (!TextRules.IsCode(code))
            violations.Add(new Violation(ViolationCode.CodeInvalid, place.WithField("code"), code));
        else if (state.HasDimension(kind, code))
            violations.Add(new Violation(ViolationCode.CodeExists, place.WithField("code"), code));
        var cleanTerms = terms is null || terms.Fields.Count == 0 ? null : Terms(terms, state, place, violations);
        return Decision.From(new DimensionAdded(kind, code, cleanName ?? "", cleanTerms), violations);
    }

    /// <summary>
    /// A grant's terms: kind, agency, document, amount granted, purpose and allowed accounts are
    /// required; the accounts exist; the validity dates are dates in order; texts are bounded.
    /// </summary>
    private static FundTerms? Terms(FundTermsInput input, LedgerState state, Place place, List<Violation> violations)
    {
        var before = violations.Count;
        foreach (var key in input.Fields.Keys.Where(k => !FundTermsInput.Required.Contains(k) && !FundTermsInput.Optional.Contains(k)))
            violations.Add(new Violation(ViolationCode.FieldUnknown, place.WithField(key), key));
        string? Text(string key, bool required)
        {
            if (input[key] is not { } value)
            {
                if (required) violations.Add(new Violation(ViolationCode.FieldMissing, place.WithField(key), key));
                return null;
            }
            return TextRules.Clean(value, TextRules.SummaryMax, place.WithField(key), violations);
        }
        DateOnly? Date(string key)
        {
            if (input[key] is not { } text) return null;
            if (Periods.IsoDate.TryParse(text, out var date)) return date;
            violations.Add(new Violation(ViolationCode.DateInvalid, place.WithField(key), text));
            return null;
        }
        var texts = FundTermsInput.Required.Concat(FundTermsInput.Optional).Where(k => k is not ("granted" or "accounts" or "valid_from" or "valid_to"))
            .ToDictionary(k => k, k => Text(k, FundTermsInput.Required.Contains(k)));
        var granted = Money.Amount.Zero;
        if (input["granted"] is not { } grantedText) violations.Add(new Violation(ViolationCode.FieldMissing, place.WithField("granted"), "granted"));
        else if (Money.Amount.TryParse(grantedText, allowNegative: false, out granted) != Money.AmountParse.Ok)
            violations.Add(new Violation(ViolationCode.AmountInvalid, place.WithField("granted"), grantedText));
        var accounts = (input["accounts"] ?? "").Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries).Distinct().Order(StringComparer.Ordinal).ToList();
        if (accounts.Count == 0) violations.Add(new Violation(ViolationCode.FieldMissing, place.WithField("accounts"), "accounts"));
        foreach (var account in accounts.Where(a => !state.Accounts.ContainsKey(a)))
            violations.Add(new Violation(ViolationCode.AccountNotFound, place.WithField("accounts"), account));
        var (from, to) = (Date("valid_from"), Date("valid_to"));
        if (from > to) violations.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("valid_to"), "valid_to", "before valid_from"));
        if (violations.Count > before) return null;
        return new FundTerms(texts["kind"]!, texts["agency"]!, texts["document"]!, granted, texts["purpose"]!, string.Join(",", accounts), texts["project"],
            from, to, texts["location"], texts["tasks"], texts["standard"], texts["implementer"], texts["responsible"], texts["targets"], texts["beneficiaries"]);
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
