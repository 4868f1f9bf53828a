using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>The months a notice covers: one month, a quarter or a year (公开 at least quarterly, monthly where busy).</summary>
public sealed record DisclosurePeriod(string Scope, Period From, Period To)
{
    public static DisclosurePeriod Month(Period p) => new("month", p, p);

    public static DisclosurePeriod Quarter(int year, int quarter) =>
        new("quarter", new Period(year, quarter * 3 - 2), new Period(year, quarter * 3));

    public static DisclosurePeriod Year(int year) => new("year", new Period(year, 1), new Period(year, 12));

    /// <summary>"2025-06", "2025-Q2" or "2025".</summary>
    public static bool TryParse(string scope, string text, out DisclosurePeriod period)
    {
        period = Month(new Period(2000, 1));
        switch (scope)
        {
            case "month" when Period.TryParse(text, out var p):
                period = Month(p);
                return true;
            case "quarter" when text.Length == 7 && text[4..6] == "-Q" && IsYear(text[..4], out var y) && text[6] is >= '1' and <= '4':
                period = Quarter(y, text[6] - '0');
                return true;
            case "year" when IsYear(text, out var year):
                period = Year(year);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Whether the months are exactly one month, one calendar quarter or one calendar year, as <see cref="Scope"/> says.</summary>
    public bool IsWhole => Scope switch
    {
        "month" => From == To,
        "quarter" => From.Year == To.Year && From.Month % 3 == 1 && To.Month == From.Month + 2,
        "year" => From.Year == To.Year && From.Month == 1 && To.Month == 12,
        _ => false,
    };

    private static bool IsYear(string text, out int year) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year)
        && text.Length == 4 && year is >= 1900 and <= 9998;

    public string LabelZh => Scope switch
    {
        "month" => $"{From.Year}年{From.Month}月",
        "quarter" => $"{From.Year}年第{(From.Month + 2) / 3}季度",
        _ => $"{From.Year}年度",
    };

    public string LabelEn => Scope switch
    {
        "month" => From.ToString(),
        "quarter" => $"{From.Year} Q{(From.Month + 2) / 3}",
        _ => $"year {From.Year}",
    };

}
