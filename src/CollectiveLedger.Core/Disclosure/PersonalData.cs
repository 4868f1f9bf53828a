using System.Text.RegularExpressions;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// De-identification for anything posted publicly (农村集体经济组织财务公开规定: personal data never in
/// full): ID card numbers keep their first 4 and last 4 characters (1501**********1234), bank account
/// numbers their first 4 and last 4 digits, mobile numbers their first 3 and last 4 (138****5678).
/// Applied to every text a notice prints, since accountants type such numbers into summaries.
/// </summary>
public static partial class PersonalData
{
    [GeneratedRegex(@"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdCard();

    // Mobile numbers as people write them: 13912345678, 139-1234-5678, 139 1234 5678.
    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])")]
    private static partial Regex Mobile();

    // Bank accounts: 12 to 23 digits, possibly in space-separated groups (never dashes, so that dates
    // and document numbers such as 2026-01-01 are left alone).
    [GeneratedRegex(@"(?<![0-9])[0-9](?: ?[0-9]){11,22}(?![0-9])")]
    private static partial Regex BankAccount();

    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        text = IdCard().Replace(text, m => Keep(m.Value, 4, 4));
        text = Mobile().Replace(text, m => Keep(new string(m.Value.Where(char.IsAsciiDigit).ToArray()), 3, 4));
        return BankAccount().Replace(text, m => Keep(new string(m.Value.Where(char.IsAsciiDigit).ToArray()), 4, 4));
    }

    /// <summary>
    /// A value known to be private as a whole (a member's ID card, bank account or phone number from
    /// the register), masked even where <see cref="Mask"/>'s patterns would not recognize it: a mobile
    /// number keeps its first 3 and last 4 digits, anything of 12 characters or more its first 4 and
    /// last 4, anything shorter (a landline) its last 2 only.
    /// </summary>
    public static string MaskNumber(string value)
    {
        if (value.Length == 11 && value[0] == '1' && value.All(char.IsAsciiDigit)) return Keep(value, 3, 4);
        if (value.Length >= 12) return Keep(value, 4, 4);
        return value.Length <= 2 ? new string('*', value.Length) : Keep(value, 0, 2);
    }

    private static string Keep(string value, int head, int tail) =>
        value[..head] + new string('*', value.Length - head - tail) + value[^tail..];
}
