using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Approval;

/// <summary>
/// Who must approve a voucher, from the ledger's settings (never constants, DOMAIN.md): up to
/// <c>approval.finance_lead_limit</c> the finance lead alone; up to <c>approval.committee_limit</c>
/// the committee chair and a supervision committee member; above that both of them and the number
/// of the villagers' (representative) meeting resolution that decided the spending.
/// </summary>
public static class ApprovalPolicy
{
    public const string FinanceLeadLimitKey = "approval.finance_lead_limit";
    public const string CommitteeLimitKey = "approval.committee_limit";

    public static readonly IReadOnlyList<string> Keys = [.. Roles.All.Select(r => r.SettingKey()), FinanceLeadLimitKey, CommitteeLimitKey];

    private static readonly char[] NameSeparators = [',', '，', '、', ';', '；'];

    /// <summary>The people a role setting names ("乌云、巴特尔" or "乌云,巴特尔").</summary>
    public static IReadOnlyList<string> SplitNames(string? value) =>
        value is null ? [] : value.Split(NameSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static IReadOnlyList<string> Holders(LedgerState state, Role role) => SplitNames(state.Setting(role.SettingKey()));

    public static bool Holds(LedgerState state, string actor, Role role) => Holders(state, role).Contains(actor, StringComparer.Ordinal);

    /// <summary>The roles whose approval a voucher of <paramref name="total"/> needs, and whether a resolution number must be given.</summary>
    public static (IReadOnlyList<Role> Roles, bool Resolution)? Required(Amount total, LedgerState state, Place place, List<Violation> violations)
    {
        var financeLimit = Limit(FinanceLeadLimitKey);
        var committeeLimit = Limit(CommitteeLimitKey);
        if (financeLimit is not { } finance || committeeLimit is not { } committee) return null;
        if (committee < finance)
        {
            violations.Add(new Violation(ViolationCode.SettingInvalid, place, CommitteeLimitKey, $">= {finance}"));
            return null;
        }
        if (total <= finance) return ([Role.FinanceLead], false);
        return ([Role.CommitteeChair, Role.Supervisor], total > committee);

        Amount? Limit(string key)
        {
            if (Amount.TryParse(state.Setting(key), allowNegative: false, out var limit) == AmountParse.Ok) return limit;
            violations.Add(new Violation(ViolationCode.ApprovalNotConfigured, place, key));
            return null;
        }
    }

    /// <summary>The value a setting of this policy is stored as, or null when it is invalid (with a violation).</summary>
    /// <param name="state">When given (and not replaying), a new holder may not read like the holder of any role (<see cref="TextRules.ConfusableWith"/>).</param>
    /// <param name="replay">True only when verify replays a logged entry: names without the issue 12 name rules.</param>
    public static string? Normalize(string key, string value, Place place, List<Violation> violations, LedgerState? state = null, bool replay = false)
    {
        if (key is FinanceLeadLimitKey or CommitteeLimitKey)
        {
            if (Amount.TryParse(value, allowNegative: false, out var limit) == AmountParse.Ok) return limit.ToString();
            violations.Add(new Violation(ViolationCode.SettingInvalid, place, key, "an amount such as 1000.00"));
            return null;
        }
        var names = new List<string>();
        var holders = state is null || replay ? [] : Roles.All.SelectMany(r => Holders(state, r)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in SplitNames(value))
        {
            var clean = replay ? TextRules.Clean(name, TextRules.NameMax, place, violations) : TextRules.CleanName(name, TextRules.NameMax, place, violations);
            if (clean is null) continue;
            if (TextRules.ConfusableWith(clean, holders.Concat(names)) is { } existing)
                violations.Add(new Violation(ViolationCode.NameConfusable, place, clean, existing));
            names.Add(clean);
        }
        // No names at all revokes the role from everyone: "" is a value like any other (audit-log.md 7.7).
        if (names.Count == 0 && violations.Count == 0 && value.Length > 0)
            violations.Add(new Violation(ViolationCode.SettingInvalid, place, key, "one or more names separated by 、 or ,"));
        return violations.Count == 0 ? string.Join("、", names.Distinct(StringComparer.Ordinal)) : null;
    }

}
