using System.Text;

namespace CollectiveLedger.Core.Validation;

/// <summary>Text as the books store it: NFC-normalized, no control characters, bounded length.</summary>
public static class TextRules
{
    public const int CodeMax = 32;
    public const int NameMax = 100;
    public const int SummaryMax = 200;
    public const int RefMax = 64;

    /// <summary>Normalizes <paramref name="raw"/>; adds a violation and returns null when it breaks a rule.</summary>
    public static string? Clean(string raw, int max, Place place, ICollection<Violation> sink)
    {
        var text = raw.IsNormalized(NormalizationForm.FormC) ? raw : raw.Normalize(NormalizationForm.FormC);
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                sink.Add(new Violation(ViolationCode.ControlCharacter, place));
                return null;
            }
        }
        // Length in characters (code points), as people count them; a rare CJK character outside the
        // Basic Multilingual Plane is one character, not two UTF-16 units.
        var length = text.Length <= max ? text.Length : text.EnumerateRunes().Count();
        if (length > max)
        {
            sink.Add(new Violation(ViolationCode.TextTooLong, place, max.ToString(System.Globalization.CultureInfo.InvariantCulture),
                length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return null;
        }
        return text;
    }

    /// <summary>Codes of accounts, funds, members and counterparties: ASCII letters, digits, '-' and '_'.</summary>
    public static bool IsCode(string? code) =>
        code is { Length: > 0 and <= CodeMax } && code.All(c => c is >= '0' and <= '9' or >= 'A' and <= 'Z' or >= 'a' and <= 'z' or '-' or '_');
}
