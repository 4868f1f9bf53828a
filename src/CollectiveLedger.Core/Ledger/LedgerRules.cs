using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// Creating a ledger: entry 0, then the settings a new book starts with (in <see cref="Decision.Then"/>):
/// whether the 原始凭证 rule is in force (<see cref="AttachmentRules"/>), on unless the book is made to
/// take in years of historic vouchers whose attachments were never counted.
/// </summary>
public static class LedgerRules
{
    /// <param name="attachmentsRequired"><c>init --attachments-required</c>: "true" (the default) or "false".</param>
    public static Decision Create(string ledgerId, string org, string orgCode, string currency, string chart, string startText,
        string attachmentsRequired = "true")
    {
        var violations = new List<Violation>();
        var setting = SettingRules.Change(AttachmentRules.RequiredKey, attachmentsRequired);
        violations.AddRange(setting.Violations.Select(v => v with { Place = new Place(Field: "attachments-required") }));
        var cleanOrg = string.IsNullOrWhiteSpace(org)
            ? Missing("org")
            : TextRules.Clean(org.Trim(), TextRules.NameMax, new Place(Field: "org"), violations);
        if (!TextRules.IsCode(orgCode))
            violations.Add(new Violation(ViolationCode.CodeInvalid, new Place(Field: "org-code"), orgCode));
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
            violations.Add(new Violation(ViolationCode.FieldInvalid, new Place(Field: "currency"), "currency", currency));
        if (chart != StandardChart.Name)
            violations.Add(new Violation(ViolationCode.FieldInvalid, new Place(Field: "chart"), "chart", chart));
        if (!Period.TryParse(startText, out var start))
            violations.Add(new Violation(ViolationCode.PeriodInvalid, new Place(Field: "start"), startText));
        var decision = Decision.From(new LedgerCreated(ledgerId, cleanOrg ?? "", orgCode, currency, chart, start, LedgerCreated.CurrentFormatVersion), violations);
        return decision.Accepted ? decision with { Then = [setting.Event!] } : decision;

        string? Missing(string field)
        {
            violations.Add(new Violation(ViolationCode.FieldMissing, new Place(Field: field), field));
            return null;
        }
    }
}
