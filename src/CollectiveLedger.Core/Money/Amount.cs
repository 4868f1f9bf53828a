using System.Globalization;

namespace CollectiveLedger.Core.Money;

/// <summary>
/// An amount of money as an integer number of fen (1 yuan = 100 fen). Arithmetic is checked:
/// an overflow is a bug and throws <see cref="OverflowException"/>.
/// </summary>
public readonly record struct Amount(long Fen) : IComparable<Amount>
{
    public static readonly Amount Zero = new(0);

    /// <summary>The largest amount a single voucher line may carry: 100 billion yuan.</summary>
    public static readonly Amount MaxLine = new(100_000_000_000_00);

    public bool IsZero => Fen == 0;
    public bool IsNegative => Fen < 0;

    public static Amount operator +(Amount a, Amount b) => new(checked(a.Fen + b.Fen));
    public static Amount operator -(Amount a, Amount b) => new(checked(a.Fen - b.Fen));
    public static Amount operator -(Amount a) => new(checked(-a.Fen));
    public static bool operator <(Amount a, Amount b) => a.Fen < b.Fen;
    public static bool operator >(Amount a, Amount b) => a.Fen > b.Fen;
    public static bool operator <=(Amount a, Amount b) => a.Fen <= b.Fen;
    public static bool operator >=(Amount a, Amount b) => a.Fen >= b.Fen;

    public int CompareTo(Amount other) => Fen.CompareTo(other.Fen);

    /// <summary>The file and log form: exactly two decimals, '-' for negatives, no separators ("12000.00").</summary>
    public override string ToString()
    {
        // Integer arithmetic, no decimal formatting: this runs for every amount written to the log.
        var abs = Math.Abs(Fen);
        return string.Create(CultureInfo.InvariantCulture, $"{(Fen < 0 ? "-" : "")}{abs / 100}.{abs % 100:D2}");
    }

    /// <summary>The form people write: thousands separators, two decimals ("12,000.00").</summary>
    public string ToDisplayString() => ((decimal)Fen / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses an amount as written in input files: digits, an optional '.' and at most two decimals,
    /// and (only where <paramref name="allowNegative"/>) a leading '-'. No exponent, no separators,
    /// no spaces. Returns why it failed rather than throwing.
    /// </summary>
    public static AmountParse TryParse(string? text, bool allowNegative, out Amount amount)
    {
        amount = Zero;
        if (string.IsNullOrEmpty(text)) return AmountParse.Malformed;
        var span = text.AsSpan();
        var negative = false;
        if (span[0] == '-')
        {
            if (!allowNegative) return AmountParse.NotPositive;
            negative = true;
            span = span[1..];
        }
        var dot = span.IndexOf('.');
        var whole = dot < 0 ? span : span[..dot];
        var fraction = dot < 0 ? ReadOnlySpan<char>.Empty : span[(dot + 1)..];
        if (whole.Length == 0 || (dot >= 0 && fraction.Length == 0)) return AmountParse.Malformed;
        foreach (var c in whole) if (c is < '0' or > '9') return AmountParse.Malformed;
        foreach (var c in fraction) if (c is < '0' or > '9') return AmountParse.Malformed;
        if (fraction.Length > 2) return AmountParse.TooManyDecimals;
        // 17 integer digits cannot overflow a long of fen; anything longer is absurd anyway.
        var trimmed = whole.TrimStart('0');
        if (trimmed.Length > 15) return AmountParse.TooLarge;
        long fen = 0;
        foreach (var c in whole) fen = fen * 10 + (c - '0');
        fen *= 100;
        if (fraction.Length >= 1) fen += (fraction[0] - '0') * 10;
        if (fraction.Length == 2) fen += fraction[1] - '0';
        amount = new Amount(negative ? -fen : fen);
        return AmountParse.Ok;
    }

    /// <summary>Parses the canonical log form (<see cref="ToString"/>); throws on anything else.</summary>
    public static Amount ParseCanonical(string text)
    {
        // Canonical: exactly two decimals, no leading zeros, no "-0.00"; checked on the text itself
        // because this runs for every amount verify reads back from the log.
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        var parsed = TryParse(text, allowNegative: true, out var amount) == AmountParse.Ok;
        var canonical = parsed && digits.Length >= 4 && digits[^3] == '.' && (digits[0] != '0' || digits.Length == 4) && !(text[0] == '-' && amount.IsZero);
        if (!canonical) throw new FormatException($"'{text}' is not a canonical amount (two decimals, no separators).");
        return amount;
    }
}

public enum AmountParse { Ok, Malformed, TooManyDecimals, NotPositive, TooLarge }
