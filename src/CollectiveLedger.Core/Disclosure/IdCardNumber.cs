namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// The resident ID card number (公民身份号码) of GB 11643-1999: six digits of the address code, eight of
/// the birth date, three of a sequence number and a check character computed by ISO 7064 MOD 11-2:
/// S = sum of the first 17 digits times the weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; the check
/// character is "10X98765432"[S mod 11]. (The standard's text as quoted by several independent
/// sources found in the docs corpus, e.g. its worked example 11010519491231002X.)
/// </summary>
public static class IdCardNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>The check character of the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        Precondition.Require(first17.Length == 17, "an ID card number has 17 digits before its check character");
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            Precondition.Require(char.IsAsciiDigit(first17[i]), "the first 17 characters are digits");
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    /// <summary>
    /// The number as stored (upper-case X), or null with the reason when it is not a valid number:
    /// 18 characters, 17 digits and a check character that matches, and a real birth date.
    /// </summary>
    public static string? Normalize(string text, out string? problem)
    {
        var value = text.Trim().ToUpperInvariant();
        problem = null;
        if (value.Length != 18 || !value.AsSpan(0, 17).ContainsOnlyAsciiDigits() || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
            problem = "18 characters: 17 digits and a digit or X";
        else if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture,
                     System.Globalization.DateTimeStyles.None, out _))
            problem = "characters 7 to 14 are not a birth date";
        else if (CheckCharacter(value.AsSpan(0, 17)) != value[17])
            problem = $"the check character should be {CheckCharacter(value.AsSpan(0, 17))}";
        return problem is null ? value : null;
    }
}

internal static class SpanDigits
{
    public static bool ContainsOnlyAsciiDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }
}
