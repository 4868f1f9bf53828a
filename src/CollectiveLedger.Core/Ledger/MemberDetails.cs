namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// A member household's details (户): head of household, household size, shares (股份) and the
/// private numbers the collective keeps to pay it. Optional, like a fund's terms: a member
/// registered with a code and a name only has none and takes no part in an income distribution.
/// The private numbers are stored in the log and the tables but never shown in full
/// (<see cref="Disclosure.PersonalData"/>).
/// </summary>
/// <param name="IdCard">The head's resident ID card number (18 characters, GB 11643 check digit, X upper-case).</param>
/// <param name="BankAccount">The account distributions are paid to: digits only.</param>
/// <param name="Phone">A mobile number (11 digits) or a landline (0 + area code, '-', number).</param>
public sealed record MemberDetails(string Head, int HouseholdSize, int Shares, string? IdCard, string? BankAccount, string? Phone)
{
    /// <summary>The details as input again, to decide on them anew (replay).</summary>
    public MemberDetailsInput ToInput()
    {
        var fields = new Dictionary<string, string?>
        {
            ["head"] = Head,
            ["household_size"] = HouseholdSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["shares"] = Shares.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["id_card"] = IdCard, ["bank_account"] = BankAccount, ["phone"] = Phone,
        };
        return new MemberDetailsInput(fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!));
    }
}

/// <summary>A member household's details as a file or the command line states them, every field still text (keys as in the log).</summary>
public sealed record MemberDetailsInput(IReadOnlyDictionary<string, string> Fields)
{
    public static readonly IReadOnlyList<string> Required = ["head", "household_size", "shares"];
    public static readonly IReadOnlyList<string> Optional = ["id_card", "bank_account", "phone"];

    public string? this[string key] => Fields.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
