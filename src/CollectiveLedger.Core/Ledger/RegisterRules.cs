using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Ledger;

/// <summary>Rules for sub-accounts and for the fund, member and counterparty registers.</summary>
public static class RegisterRules
{
    /// <summary>
    /// A sub-account's code is its parent's code plus two digits; the parent exists and has no postings
    /// (otherwise its balance would sit on a non-leaf account); codes are unique.
    /// </summary>
    /// <param name="replay">
    /// Whether a logged entry is checked again (verify): names are then held to the rules they were
    /// written under, without the invisible-character and confusable-name rules of issue 12, so that
    /// an existing valid log never fails verify. New commands leave it false.
    /// </param>
    public static Decision AddAccount(string code, string name, string parent, LedgerState state, Place place, bool replay = false)
    {
        var violations = new List<Violation>();
        var cleanName = Name(name, place, violations, replay);
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
    public static bool AlreadyRegistered(LedgerState state, string code, string name, string? parent, DimensionKind? kind, FundTermsInput? terms = null,
        MemberDetailsInput? details = null)
    {
        if (kind is not { } k) return state.Accounts.TryGetValue(code, out var a) && a.Name == name.Trim() && a.Parent == parent;
        if (state.DimensionName(k, code) != name.Trim()) return false;
        if (k == DimensionKind.Member)
            return (details is null || details.Fields.Count == 0 ? null : Details(details, Place.None, [])) == state.MemberDetails(code);
        var given = terms is null || terms.Fields.Count == 0 ? null : Terms(terms, state, Place.None, []);
        return given == state.FundTerms(code);
    }

    /// <param name="terms">A fund's grant terms, when given (funds only).</param>
    /// <param name="details">A member household's details, when given (members only).</param>
    /// <param name="replay">As for <see cref="AddAccount"/>: true only when verify replays a logged entry.</param>
    public static Decision AddDimension(DimensionKind kind, string code, string name, LedgerState state, Place place, FundTermsInput? terms = null,
        MemberDetailsInput? details = null, bool replay = false)
    {
        var violations = new List<Violation>();
        var cleanName = Name(name, place, violations, replay);
        // A fund, member or counterparty that reads like another one of any register (a payee passing for a member).
        if (!replay && cleanName is not null && TextRules.ConfusableWith(cleanName, state.DimensionNames) is { } existing)
            violations.Add(new Violation(ViolationCode.NameConfusable, place.WithField("name"), cleanName, existing));
        if (!TextRules.IsCode(code))
            violations.Add(new Violation(ViolationCode.CodeInvalid, place.WithField("code"), code));
        else if (state.HasDimension(kind, code))
            violations.Add(new Violation(ViolationCode.CodeExists, place.WithField("code"), code));
        var cleanTerms = terms is null || terms.Fields.Count == 0 ? null : Terms(terms, state, place, violations);
        if (cleanTerms is not null && kind != DimensionKind.Fund)
            violations.Add(new Violation(ViolationCode.FieldUnknown, place.WithField("terms"), "terms"));
        var cleanDetails = details is null || details.Fields.Count == 0 ? null : Details(details, place, violations);
        if (cleanDetails is not null && kind != DimensionKind.Member)
            violations.Add(new Violation(ViolationCode.FieldUnknown, place.WithField("details"), "details"));
        return Decision.From(new DimensionAdded(kind, code, cleanName ?? "", cleanTerms, cleanDetails), violations);
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

    private static string? Name(string name, Place place, List<Violation> violations, bool replay)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            violations.Add(new Violation(ViolationCode.FieldMissing, place.WithField("name"), "name"));
            return null;
        }
        return replay
            ? TextRules.Clean(name.Trim(), TextRules.NameMax, place.WithField("name"), violations)
            : TextRules.CleanName(name.Trim(), TextRules.NameMax, place.WithField("name"), violations);
    }

    /// <summary>
    /// A member household's details: the head of household (a name), the household size (a whole
    /// number, at least 1), the shares (a whole number, 0 or more); optionally the ID card number
    /// (GB 11643, <see cref="Disclosure.IdCardNumber"/>), the bank account (12 to 23 digits, spaces
    /// dropped) and a plausible phone number (a mobile 1[3-9] + 9 digits, or a landline 0 + area
    /// code + 7 or 8 digits). Every problem is reported, each on its field.
    /// </summary>
    public static MemberDetails? Details(MemberDetailsInput input, Place place, List<Violation> violations)
    {
        var before = violations.Count;
        foreach (var key in input.Fields.Keys.Where(k => !MemberDetailsInput.Required.Contains(k) && !MemberDetailsInput.Optional.Contains(k)))
            violations.Add(new Violation(ViolationCode.FieldUnknown, place.WithField(key), key));
        foreach (var key in MemberDetailsInput.Required.Where(k => input[k] is null))
            violations.Add(new Violation(ViolationCode.FieldMissing, place.WithField(key), key));
        var head = input["head"] is { } h ? TextRules.Clean(h, TextRules.NameMax, place.WithField("head"), violations) : null;
        int? Count(string key, int min)
        {
            if (input[key] is not { } text) return null;
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= 1_000_000)
                return n;
            violations.Add(new Violation(ViolationCode.FieldInvalid, place.WithField(key), key, min == 0 ? "a whole number, 0 or more" : "a whole number, 1 or more"));
            return null;
        }
        var size = Count("household_size", 1);
        var shares = Count("shares", 0);
        string? idCard = null;
        if (input["id_card"] is { } idText && (idCard = Disclosure.IdCardNumber.Normalize(idText, out var problem)) is null)
            violations.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("id_card"), "id_card", problem!));
        string? bank = null;
        if (input["bank_account"] is { } bankText)
        {
            bank = bankText.Replace(" ", "", StringComparison.Ordinal);
            if (bank.Length is < 12 or > 23 || !bank.All(char.IsAsciiDigit))
            {
                violations.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("bank_account"), "bank_account", "12 to 23 digits"));
                bank = null;
            }
        }
        string? phone = null;
        if (input["phone"] is { } phoneText)
        {
            phone = phoneText.Replace(" ", "", StringComparison.Ordinal);
            if (!PlausiblePhone(phone))
            {
                violations.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("phone"), "phone", "a mobile number such as 13912345678 or a landline such as 0479-8221234"));
                phone = null;
            }
        }
        if (violations.Count > before) return null;
        return new MemberDetails(head!, size!.Value, shares!.Value, idCard, bank, phone);
    }

    /// <summary>A mobile number (1, then 3...9, then 9 digits) or a landline (0, a 2- or 3-digit area code, an optional '-', 7 or 8 digits).</summary>
    public static bool PlausiblePhone(string phone) =>
        System.Text.RegularExpressions.Regex.IsMatch(phone, @"^(1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-?[2-9][0-9]{6,7})$");
}
