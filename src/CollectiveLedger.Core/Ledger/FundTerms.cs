using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// A support fund's grant (专项资金): what it is, who granted it by which document, how much, for
/// what, the accounts its money may be spent on, its project and validity; and what the project
/// notice (项目资金公告公示) prints about it. Optional: a fund registered with a code and a name only
/// has no terms, and then only the overspending rule applies to it.
/// </summary>
/// <param name="Accounts">Codes of the accounts (or their parents) that spending from the fund may be charged to, comma-separated, ascending.</param>
/// <param name="ValidTo">The last day the fund's money may be spent.</param>
public sealed record FundTerms(
    string Kind, string Agency, string Document, Amount Granted, string Purpose, string Accounts, string? Project,
    DateOnly? ValidFrom, DateOnly? ValidTo,
    string? Location, string? Tasks, string? Standard, string? Implementer, string? Responsible, string? Targets, string? Beneficiaries)
{
    public IReadOnlyList<string> AccountList => Accounts.Length == 0 ? [] : Accounts.Split(',');

    /// <summary>The terms as input again, to decide on them anew (replay).</summary>
    public FundTermsInput ToInput()
    {
        var fields = new Dictionary<string, string?>
        {
            ["kind"] = Kind, ["agency"] = Agency, ["document"] = Document, ["granted"] = Granted.ToString(), ["purpose"] = Purpose, ["accounts"] = Accounts,
            ["project"] = Project, ["valid_from"] = ValidFrom is { } from ? Periods.IsoDate.Format(from) : null,
            ["valid_to"] = ValidTo is { } to ? Periods.IsoDate.Format(to) : null, ["location"] = Location, ["tasks"] = Tasks, ["standard"] = Standard,
            ["implementer"] = Implementer, ["responsible"] = Responsible, ["targets"] = Targets, ["beneficiaries"] = Beneficiaries,
        };
        return new FundTermsInput(fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!));
    }

    /// <summary>Whether spending charged to <paramref name="account"/> serves the fund's purpose: the account or one of its parents is listed.</summary>
    public bool Allows(string account) => AccountList.Count == 0 || AccountList.Any(a => account.StartsWith(a, StringComparison.Ordinal));
}

/// <summary>A fund's terms as a file or the command line states them, every field still text (keys as in the log).</summary>
public sealed record FundTermsInput(IReadOnlyDictionary<string, string> Fields)
{
    public static readonly IReadOnlyList<string> Required = ["kind", "agency", "document", "granted", "purpose", "accounts"];
    public static readonly IReadOnlyList<string> Optional = ["project", "valid_from", "valid_to", "location", "tasks", "standard", "implementer",
        "responsible", "targets", "beneficiaries"];

    public string? this[string key] => Fields.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
