using System.Globalization;

namespace CollectiveLedger.Core.Periods;

/// <summary>An accounting month, written YYYY-MM. Ordered; the unit in which books close.</summary>
public readonly record struct Period(int Year, int Month) : IComparable<Period>
{
    public static Period Of(DateOnly date) => new(date.Year, date.Month);

    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);
    public Period Next => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);
    public Period Previous => Month == 1 ? new(Year - 1, 12) : new(Year, Month - 1);

    public int CompareTo(Period other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);
    public static bool operator <(Period a, Period b) => a.CompareTo(b) < 0;
    public static bool operator >(Period a, Period b) => a.CompareTo(b) > 0;
    public static bool operator <=(Period a, Period b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Period a, Period b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (text is null || text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)) return false;
        if (year < 1900 || year > 9998 || month < 1 || month > 12) return false;
        period = new Period(year, month);
        return true;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"'{text}' is not a period YYYY-MM.");
}
