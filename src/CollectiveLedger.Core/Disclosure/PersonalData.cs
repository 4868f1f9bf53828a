using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// De-identification for anything posted publicly (农村集体经济组织财务公开规定: personal data never in
/// full): ID card numbers keep their first 4 and last 4 characters (1501**********1234), bank account
/// numbers their first 4 and last 4 digits, mobile numbers their first 3 and last 4 (138****5678).
/// Applied to every text a notice prints, since accountants type such numbers into summaries.
/// The rules look at the digit sequence, however it was typed: full-width or other decimal digits
/// (１３９, Mongolian ᠑᠓᠙), and spaces (also the ideographic one), dashes, dots or slashes between the
/// digits; a masked number is printed with ASCII digits and no separators.
/// </summary>
public static partial class PersonalData
{
    // The patterns run on the folded text (see Fold): ASCII digits, '-' '.' '/' ' ' as separators.
    [GeneratedRegex(@"(?<![0-9])[1-9][0-9]{5}(?<s>[ ./-]?)[0-9]{8}\k<s>[0-9]{3}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdCard();

    // Mobile numbers as people write them: 13912345678, 139-1234-5678, 139 1234 5678, 139.1234.5678.
    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9](?<s>[ ./-]?)[0-9]{4}\k<s>[0-9]{4}(?![0-9])")]
    private static partial Regex Mobile();

    // Bank accounts: 12 to 23 digits, possibly in space-separated groups, or in groups of four joined
    // by one and the same '-' or '.' (so that dates and document numbers such as 2026-01-01 and
    // 2025-06-0099 are left alone).
    [GeneratedRegex(@"(?<![0-9])(?:[0-9](?: ?[0-9]){11,22}|[0-9]{4}(?<s>[.-])[0-9]{4}(?:\k<s>[0-9]{4}){1,3}(?:\k<s>[0-9]{1,4})?)(?![0-9])")]
    private static partial Regex BankAccount();

    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        text = Replace(text, IdCard(), digits => Keep(digits, 4, 4));
        text = Replace(text, Mobile(), digits => Keep(digits, 3, 4));
        return Replace(text, BankAccount(), digits => Keep(digits, 4, 4));
    }

    /// <summary>
    /// A value known to be private as a whole (a member's ID card, bank account or phone number from
    /// the register, a feedback contact), masked even where <see cref="Mask"/>'s patterns would not
    /// recognize it, on its digit sequence (an ID card's final X counts as a digit): a mobile number
    /// (11 digits from 1) keeps its first 3 and last 4 digits; a landline (from 0, at most 12 digits:
    /// 0, an area code of 2 or 3 digits, 7 or 8 digits) and anything shorter than 12 digits only its
    /// last 2; anything else of 12 or more (ID card, bank account) its first 4 and last 4.
    /// </summary>
    public static string MaskNumber(string value)
    {
        var digits = Digits(Fold(value).Text);
        if (digits.Length == 11 && digits[0] == '1') return Keep(digits, 3, 4);
        if (digits.Length >= 12 && digits[0] != '0' || digits.Length > 12) return Keep(digits, 4, 4);
        return digits.Length <= 2 ? new string('*', digits.Length) : Keep(digits, 0, 2);
    }

    private static string Keep(string value, int head, int tail) =>
        value[..head] + new string('*', value.Length - head - tail) + value[^tail..];

    private static string Digits(string folded) =>
        new([.. folded.Where(c => char.IsAsciiDigit(c) || c is 'X' or 'x').Select(char.ToUpperInvariant)]);

    /// <summary>Replaces every match of <paramref name="pattern"/> in the folded text, in the original text, by <paramref name="mask"/> of its digits.</summary>
    private static string Replace(string text, Regex pattern, Func<string, string> mask)
    {
        var (folded, start) = Fold(text);
        var matches = pattern.Matches(folded);
        if (matches.Count == 0) return text;
        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (Match m in matches)
        {
            var (from, to) = (start[m.Index], start[m.Index + m.Length]);
            result.Append(text, at, from - at).Append(mask(Digits(m.Value)));
            at = to;
        }
        return result.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>
    /// The text with every decimal digit as an ASCII digit, full-width letters as ASCII, and the
    /// characters people put between digits as ' ', '-', '.' or '/' (NFKC does the same for the
    /// full-width forms; this also folds other scripts' digits and dashes). Start[i] is where the
    /// folded character i begins in the text; Start[^1] is the text's length.
    /// </summary>
    private static (string Text, int[] Start) Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        var start = new List<int>(text.Length + 1);
        var i = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var c = Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber
                ? (char)('0' + (int)Rune.GetNumericValue(rune))
                : rune.Value switch
                {
                    >= 0xFF01 and <= 0xFF5E => (char)(rune.Value - 0xFEE0), // full-width ASCII: Ｘ －．／
                    0x3000 or 0x00A0 or 0x202F or (>= 0x2000 and <= 0x200A) => ' ',
                    (>= 0x2010 and <= 0x2015) or 0x2212 or 0xFE58 or 0xFE63 => '-',
                    0x00B7 or 0x2027 or 0x30FB or 0xFF65 => '.',
                    _ => '\0',
                };
            if (c == '\0')
            {
                // Kept as it is, one UTF-16 unit at a time.
                for (var k = 0; k < rune.Utf16SequenceLength; k++) { folded.Append(text[i + k]); start.Add(i + k); }
            }
            else
            {
                folded.Append(c);
                start.Add(i);
            }
            i += rune.Utf16SequenceLength;
        }
        start.Add(text.Length);
        return (folded.ToString(), start.ToArray());
    }
}
