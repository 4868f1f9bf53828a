using System.Globalization;

namespace CollectiveLedger.Core.Periods;

/// <summary>ISO dates (YYYY-MM-DD) and UTC timestamps (YYYY-MM-DDTHH:MM:SSZ) as files and the log write them.</summary>
public static class IsoDate
{
    /// <summary>Exactly YYYY-MM-DD. Parsed by hand: culture-aware parsing showed up as the hottest path of verify.</summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (text is not { Length: 10 } || text[4] != '-' || text[7] != '-') return false;
        if (!TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Exactly YYYY-MM-DDTHH:MM:SSZ, as the log writes timestamps.</summary>
    public static bool TryParseTimestamp(string? text, out DateTimeOffset time)
    {
        time = default;
        if (text is not { Length: 20 } || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z' || !TryParse(text[..10], out var date))
            return false;
        if (!TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second)
            || hour > 23 || minute > 59 || second > 59)
            return false;
        time = new DateTimeOffset(date.Year, date.Month, date.Day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    public static DateOnly Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"'{text}' is not a date YYYY-MM-DD.");

    public static string Format(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}");

    public static string FormatTimestamp(DateTimeOffset time)
    {
        var t = time.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{t.Year:D4}-{t.Month:D2}-{t.Day:D2}T{t.Hour:D2}:{t.Minute:D2}:{t.Second:D2}Z");
    }
}
