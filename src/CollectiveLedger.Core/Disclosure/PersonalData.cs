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

    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<![0-9])[0-9](?:[ -]?[0-9]){11,22}(?![0-9])")]
    private static partial Regex BankAccount();

    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        text = IdCard().Replace(text, m => Keep(m.Value, 4, 4));
        text = Mobile().Replace(text, m => Keep(m.Value, 3, 4));
        return BankAccount().Replace(text, m => Keep(new string(m.Value.Where(char.IsAsciiDigit).ToArray()), 4, 4));
    }

    private static string Keep(string value, int head, int tail) =>
        value[..head] + new string('*', value.Length - head - tail) + value[^tail..];
}
