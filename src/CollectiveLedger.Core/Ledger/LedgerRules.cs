using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Ledger;

/// <summary>Creating a ledger: entry 0.</summary>
public static class LedgerRules
{
    public static Decision Create(string ledgerId, string org, string orgCode, string currency, string chart, string startText)
    {
        var violations = new List<Violation>();
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
        return Decision.From(new LedgerCreated(ledgerId, cleanOrg ?? "", orgCode, currency, chart, start, LedgerCreated.CurrentFormatVersion), violations);

        string? Missing(string field)
        {
            violations.Add(new Violation(ViolationCode.FieldMissing, new Place(Field: field), field));
            return null;
        }
    }
}
