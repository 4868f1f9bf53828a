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

    private static string Keep(string value, int head, int tail) =>
        value[..head] + new string('*', value.Length - head - tail) + value[^tail..];
}
