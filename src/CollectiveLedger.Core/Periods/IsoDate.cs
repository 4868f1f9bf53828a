using System.Globalization;

namespace CollectiveLedger.Core.Periods;

/// <summary>ISO dates (YYYY-MM-DD) and UTC timestamps (YYYY-MM-DDTHH:MM:SSZ) as files and the log write them.</summary>
public static class IsoDate
{
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static DateOnly Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"'{text}' is not a date YYYY-MM-DD.");

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string FormatTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
