using System.Globalization;
using System.Text;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// Makes the creation and modification dates in the PDF's Info dictionary exactly the publication
/// date, time zone included, whatever machine renders the notice.
/// </summary>
/// <remarks>
/// SkiaSharp 4.155 writes the date fields of the <see cref="DateTime"/> it is given unchanged, but
/// computes the time zone as <c>ToLocalTime().Hour - ToUniversalTime().Hour</c>: the machine's zone,
/// and wrong across midnight (New York comes out as +20'00'). That would make the bytes depend on
/// the machine. So Skia is given the publication's wall-clock time and the seven-character zone
/// suffix it wrote (<c>+08'00'</c>) is overwritten in place. The Info dictionary is the first,
/// uncompressed object, and the length does not change, so the cross-reference offsets stay valid.
/// </remarks>
internal static class PdfInfoDates
{
    private const int DigitsLength = 14; // YYYYMMDDHHmmSS
    private const int ZoneLength = 7; // +HH'mm'

    private static readonly string[] Keys = ["/CreationDate (D:", "/ModDate (D:"];

    /// <summary>The date to hand to Skia: the publication's wall-clock time, whose fields Skia copies.</summary>
    public static DateTime WallClock(DateTimeOffset date) => DateTime.SpecifyKind(date.DateTime, DateTimeKind.Unspecified);

    /// <summary>Overwrites the zone of both dates with <paramref name="date"/>'s offset.</summary>
    /// <exception cref="InvalidOperationException">Skia wrote the Info dictionary in an unexpected form.</exception>
    public static void FixTimeZones(byte[] pdf, DateTimeOffset date)
    {
        var zone = Encoding.ASCII.GetBytes(Zone(date.Offset));
        var infoDictionary = Encoding.Latin1.GetString(pdf, 0, Math.Min(pdf.Length, 4096));
        var end = infoDictionary.IndexOf("endobj", StringComparison.Ordinal);
        foreach (var key in Keys)
        {
            var at = infoDictionary.IndexOf(key, StringComparison.Ordinal);
            var zoneAt = at + key.Length + DigitsLength;
            if (at < 0 || end < 0 || zoneAt + ZoneLength > end || !IsZone(infoDictionary.Substring(zoneAt, ZoneLength)))
            {
                throw new InvalidOperationException($"The PDF's Info dictionary has no {key} date in the form Skia is known to write.");
            }

            zone.CopyTo(pdf, zoneAt);
        }
    }

    private static string Zone(TimeSpan offset)
    {
        var minutes = (int)Math.Abs(offset.TotalMinutes);
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{minutes / 60:00}'{minutes % 60:00}'");
    }

    private static bool IsZone(string text) =>
        text.Length == ZoneLength && text[0] is '+' or '-' && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2])
        && text[3] == '\'' && char.IsAsciiDigit(text[4]) && char.IsAsciiDigit(text[5]) && text[6] == '\'';
}
