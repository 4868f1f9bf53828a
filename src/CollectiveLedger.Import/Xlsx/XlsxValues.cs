using System.Globalization;

namespace CollectiveLedger.Import.Xlsx;

/// <summary>
/// What a number cell's stored text means, for every reader of workbooks (vouchers and bank statements):
/// a number as Excel shows it, and a date serial as the date it counts to.
/// </summary>
public static class XlsxValues
{
    /// <summary>
    /// A number cell's stored text as a plain decimal (no exponent), rounded to 15 significant digits:
    /// 0.30000000000000004 is 0.3, 1199.9999999999998 is 1200, 0.301 stays 0.301. A number beyond what
    /// a decimal holds is given as written (Core then refuses it as no amount).
    /// </summary>
    public static string NumberText(string stored)
    {
        if (!double.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number)) return stored;
        var shown = number.ToString("G15", CultureInfo.InvariantCulture);
        if (!decimal.TryParse(shown, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)) return shown;
        // decimal keeps the trailing zeros of its scale; the plain form has none (1200, not 1200.00000).
        return exact.ToString("0.############################", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// An Excel date serial into YYYY-MM-DD. In the 1900 system day 1 is 1900-01-01 and day 60 is the
    /// 1900-02-29 Lotus counted that never was, so from day 61 on the days count from 1899-12-30; in the
    /// 1904 system day 0 is 1904-01-01. A time of day (the fraction) is dropped. Anything else is left
    /// as written, for Core to refuse as no date.
    /// </summary>
    public static string SerialDate(string stored, bool date1904)
    {
        if (!double.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) || serial < 1 || serial > 2958465) return stored;
        var day = (int)Math.Floor(serial);
        DateOnly date;
        if (date1904) date = new DateOnly(1904, 1, 1).AddDays(day);
        else if (day == 60) return stored;
        else date = day < 60 ? new DateOnly(1899, 12, 31).AddDays(day) : new DateOnly(1899, 12, 30).AddDays(day);
        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
