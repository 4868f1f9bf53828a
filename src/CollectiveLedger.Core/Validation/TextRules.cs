using System.Globalization;
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

    /// <summary>
    /// A name (account, fund, member, counterparty, role holder, user, actor): <see cref="Clean"/>, and
    /// no character that shows nothing or reorders what is shown (<see cref="InvisibleIn"/>), so that
    /// two names that look the same are the same. Summaries and other free text keep such characters:
    /// Mongolian text needs ZWJ inside words.
    /// </summary>
    public static string? CleanName(string raw, int max, Place place, ICollection<Violation> sink)
    {
        if (Clean(raw, max, place, sink) is not { } text) return null;
        if (InvisibleIn(text) is not { } invisible) return text;
        sink.Add(new Violation(ViolationCode.InvisibleCharacter, place, $"U+{invisible.Value:X4}"));
        return null;
    }

    /// <summary>
    /// The first character of <paramref name="name"/> that a name may not hold: control, format (Cf:
    /// zero-width space, ZWJ/ZWNJ, bidi controls, soft hyphen...), private-use and surrogate
    /// characters, variation selectors, the combining grapheme joiner and the Hangul fillers. A
    /// Mongolian name keeps its free variation selectors and vowel separator (U+180B-U+180F) after a
    /// Mongolian character and the narrow no-break space (U+202F) between two.
    /// </summary>
    public static Rune? InvisibleIn(string name)
    {
        var runes = name.EnumerateRunes().ToArray();
        for (var i = 0; i < runes.Length; i++)
        {
            var r = runes[i];
            var afterMongolian = i > 0 && IsMongolian(runes[i - 1]);
            if (r.Value is >= 0x180B and <= 0x180F && afterMongolian) continue;
            if (r.Value == 0x202F && afterMongolian && i + 1 < runes.Length && IsMongolian(runes[i + 1])) continue;
            var category = Rune.GetUnicodeCategory(r);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate
                || r.Value is >= 0x180B and <= 0x180F or 0x202F or 0x034F or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF)
                    or 0x115F or 0x1160 or 0x3164 or 0xFFA0)
                return r;
        }
        return null;
    }

    private static bool IsMongolian(Rune r) => r.Value is >= 0x1800 and <= 0x18AF;

    /// <summary>
    /// What a name looks like to a reader who does not compare code points: NFKC (full-width and
    /// half-width forms folded), case folded, without spaces and middle dots.
    /// </summary>
    public static string Skeleton(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC).ToUpperInvariant().ToLowerInvariant();
        return string.Concat(folded.Where(c => !char.IsWhiteSpace(c) && c is not ('\u00B7' or '\u2027' or '\u30FB' or '\u2022' or '\u2219' or '\u22C5' or '.')));
    }

    /// <summary>
    /// The existing name a new <paramref name="name"/> can be mistaken for: a different text with the
    /// same <see cref="Skeleton"/>. The very same name is not confusable (two households may share a
    /// name; their codes tell them apart).
    /// </summary>
    public static string? ConfusableWith(string name, IEnumerable<string> existing)
    {
        var skeleton = Skeleton(name);
        return existing.FirstOrDefault(e => e != name && Skeleton(e) == skeleton);
    }

    /// <summary>Codes of accounts, funds, members and counterparties: ASCII letters, digits, '-' and '_'.</summary>
    public static bool IsCode(string? code) =>
        code is { Length: > 0 and <= CodeMax } && code.All(c => c is >= '0' and <= '9' or >= 'A' and <= 'Z' or >= 'a' and <= 'z' or '-' or '_');
}
