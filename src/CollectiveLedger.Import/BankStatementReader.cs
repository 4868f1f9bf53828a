using System.Globalization;
using System.Text;
using CollectiveLedger.Core.Bank;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Import.Xlsx;

namespace CollectiveLedger.Import;

/// <summary>
/// Reads a bank statement (银行对账单) saved as CSV (UTF-8 or GB18030) or as .xlsx (the first sheet, read by <see cref="XlsxWorkbook"/>)
/// with a <see cref="BankColumnMap"/>. Title rows above the header (bank, account, period) are skipped: the
/// header is the first row naming the map's date column. After it, each row with a date is a line; a row
/// whose first text says 合计 (a total), or an empty row, is skipped. Dates may be 2025-03-05, 2025/3/5,
/// 2025.03.05, 20250305 (a time after them is dropped) or Excel date serials (<see cref="XlsxValues.SerialDate"/>,
/// in the workbook's date system); amounts may carry thousands
/// separators and a ¥ sign, and an empty amount or "-" is zero. A line without a serial (流水号) gets one
/// made of its date, amount and balance, so the same line read again has the same serial. Every problem is
/// collected, each naming the file, line and column; the lines come back only when there is none.
/// </summary>
public static class BankStatementReader
{
    public static IReadOnlyList<BankStatementLine> Read(string path, InputEncoding encoding, BankColumnMap map, ICollection<Violation> problems) =>
        Read(path, encoding, map, problems, out _);

    /// <param name="headers">The header text of each field's column in the file (for naming a column in Core's messages, which know the fields).</param>
    public static IReadOnlyList<BankStatementLine> Read(string path, InputEncoding encoding, BankColumnMap map, ICollection<Violation> problems,
        out IReadOnlyDictionary<string, string> headers)
    {
        headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            problems.Add(new Violation(ViolationCode.FileNotFound, new Place(File: file), path));
            return [];
        }
        List<(int Line, List<string> Cells)> rows;
        var date1904 = false;
        try
        {
            rows = path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(path, out date1904) : ReadCsv(path, encoding);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new Violation(ViolationCode.EncodingInvalid, new Place(File: file), encoding.Name()));
            return [];
        }
        catch (FormatException e)
        {
            problems.Add(new Violation(ViolationCode.MalformedCsv, new Place(File: file), e.Message));
            return [];
        }
        catch (Exception e) when (e is XlsxFormatException or System.Xml.XmlException or InvalidDataException or IOException)
        {
            problems.Add(new Violation(ViolationCode.MalformedXlsx, new Place(File: file),
                e is XlsxFormatException ? e.Message : $"工作簿内容损坏 the workbook's contents are damaged ({e.Message})"));
            return [];
        }
        var before = problems.Count;
        var lines = Lines(file, rows, date1904, map, problems, out var at);
        if (at is not null) headers = at.ToDictionary(a => a.Key, a => a.Value.Header, StringComparer.Ordinal);
        return problems.Count == before ? lines : [];
    }

    /// <summary>
    /// Reads with the first of <paramref name="maps"/> whose header the file has (<c>bank import</c> without <c>--bank</c>
    /// tries each built-in layout), or with the one map given; <paramref name="used"/> is the map read with.
    /// </summary>
    public static IReadOnlyList<BankStatementLine> Read(string path, InputEncoding encoding, IReadOnlyList<BankColumnMap> maps, ICollection<Violation> problems,
        out IReadOnlyDictionary<string, string> headers, out BankColumnMap used)
    {
        List<Violation> found = [];
        IReadOnlyList<BankStatementLine> lines = [];
        headers = new Dictionary<string, string>(StringComparer.Ordinal);
        used = maps[0];
        foreach (var map in maps)
        {
            found = [];
            lines = Read(path, encoding, map, found, out headers);
            used = map;
            if (!found.Any(p => p.Code == ViolationCode.MalformedCsv && p.Args[0].StartsWith(NoHeader, StringComparison.Ordinal))) break;
        }
        foreach (var problem in found) problems.Add(problem);
        return lines;
    }

    /// <summary>Core names a line's fields by their keys (date, serial...); the file names its columns by their headers: each violation with its column's header.</summary>
    public static IEnumerable<Violation> NamingColumns(IEnumerable<Violation> violations, IReadOnlyDictionary<string, string> headers) =>
        violations.Select(v => v.Place.Field is { } field && headers.TryGetValue(field, out var header) ? v with { Place = v.Place with { Field = header } } : v);

    private const string NoHeader = "no header";

    private static List<(int, List<string>)> ReadCsv(string path, InputEncoding encoding)
    {
        using var reader = new StreamReader(InputEncodings.OpenAsUtf8(path, encoding), Encoding.UTF8);
        return [.. CsvRecords.Read(reader)];
    }

    /// <summary>
    /// The first sheet's rows as text, numbered as Excel numbers them, each cell at its column (an empty cell is "").
    /// A number cell is the number Excel shows (<see cref="XlsxValues.NumberText"/>): an amount, or a date serial the
    /// date column turns into its date.
    /// </summary>
    private static List<(int, List<string>)> ReadXlsx(string path, out bool date1904)
    {
        using var workbook = XlsxWorkbook.Open(path);
        date1904 = workbook.Date1904;
        var rows = new List<(int, List<string>)>();
        foreach (var cells in workbook.Rows(workbook.SheetNames[0]))
        {
            var texts = Enumerable.Repeat("", cells[^1].Column).ToList();
            foreach (var cell in cells)
                texts[cell.Column - 1] = cell.Kind == XlsxCellKind.Number ? XlsxValues.NumberText(cell.Value) : cell.Value;
            rows.Add((cells[0].Row, texts));
        }
        return rows;
    }

    private static List<BankStatementLine> Lines(string file, List<(int Line, List<string> Cells)> rows, bool date1904, BankColumnMap map, ICollection<Violation> problems,
        out Dictionary<string, (int Index, string Header)>? at)
    {
        var lines = new List<BankStatementLine>();
        at = null;
        foreach (var (number, cells) in rows)
        {
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (at is null)
            {
                at = Header(cells, map);
                continue;
            }
            var columns = at;
            string Cell(string field) => columns.TryGetValue(field, out var c) && c.Index < cells.Count ? cells[c.Index].Trim() : "";
            Place PlaceOf(string field) => new(File: file, Line: number, Field: columns.TryGetValue(field, out var c) ? c.Header : field);
            var first = cells.First(c => !string.IsNullOrWhiteSpace(c)).Trim();
            if (first.Contains("合计", StringComparison.Ordinal) || first.Contains("总计", StringComparison.Ordinal)) continue;
            var before = problems.Count;
            var date = ParseDate(Cell("date"), date1904, PlaceOf("date"), problems);
            Amount income, payment;
            if (at.ContainsKey("amount"))
            {
                var signed = ParseAmount(Cell("amount"), PlaceOf("amount"), problems, allowNegative: true);
                (income, payment) = signed.IsNegative ? (Amount.Zero, -signed) : (signed, Amount.Zero);
            }
            else
            {
                income = ParseAmount(Cell("income"), PlaceOf("income"), problems, allowNegative: false);
                payment = ParseAmount(Cell("payment"), PlaceOf("payment"), problems, allowNegative: false);
            }
            var balanceText = Cell("balance");
            if (balanceText.Length == 0) problems.Add(new Violation(ViolationCode.FieldMissing, PlaceOf("balance"), at["balance"].Header));
            var balance = balanceText.Length == 0 ? Amount.Zero : ParseAmount(balanceText, PlaceOf("balance"), problems, allowNegative: true);
            var summary = TextRules.Clean(Cell("summary"), TextRules.SummaryMax, PlaceOf("summary"), problems) ?? "";
            var counterpartyText = Cell("counterparty");
            var counterparty = counterpartyText.Length == 0 ? null : TextRules.Clean(counterpartyText, TextRules.SummaryMax, PlaceOf("counterparty"), problems);
            var serial = Cell("serial");
            if (serial.Length == 0 && date is { } d)
                serial = string.Create(CultureInfo.InvariantCulture, $"{d:yyyyMMdd}/{(income - payment)}/{balance}");
            serial = TextRules.Clean(serial, TextRules.RefMax, PlaceOf("serial"), problems) ?? "";
            if (problems.Count > before || date is null) continue;
            lines.Add(new BankStatementLine(0, "", date.Value, serial, summary, income, payment, balance, counterparty, number));
        }
        if (at is null)
        {
            var names = string.Join(", ", map.Columns.Select(c => $"{c.Key} ({c.Value[0]})"));
            problems.Add(new Violation(ViolationCode.MalformedCsv, new Place(File: file, Line: 1),
                $"{NoHeader} row naming the columns {names} was found (--bank rcc|psbc|abc, or --map FILE for another layout)"));
        }
        return lines;
    }

    /// <summary>The columns a header row gives the map's fields, or null when the row is no header (a title row above it).</summary>
    private static Dictionary<string, (int, string)>? Header(List<string> cells, BankColumnMap map)
    {
        var header = cells.Select(c => c.Trim()).ToList();
        var at = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        foreach (var (field, names) in map.Columns)
            foreach (var name in names)
                if (header.IndexOf(name) is var i and >= 0)
                {
                    at[field] = (i, name);
                    break;
                }
        var amounts = at.ContainsKey("amount") || at.ContainsKey("income") && at.ContainsKey("payment");
        return at.ContainsKey("date") && at.ContainsKey("balance") && amounts ? at : null;
    }

    /// <summary>A date as banks print it, or an Excel date serial (20000 to 79999 days, any fraction of a day dropped: 1954 to 2118).</summary>
    private static DateOnly? ParseDate(string text, bool date1904, Place place, ICollection<Violation> problems)
    {
        var t = text.Trim();
        var space = t.IndexOfAny([' ', 'T']);
        if (space > 0) t = t[..space];
        if (t.Split('.') is [{ Length: 5 } days, ..] && days.All(char.IsAsciiDigit) && days[0] is >= '2' and <= '7') t = XlsxValues.SerialDate(t, date1904);
        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d", "yyyy.MM.dd", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];
        if (DateOnly.TryParseExact(t, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problems.Add(new Violation(ViolationCode.DateInvalid, place, text));
        return null;
    }

    private static Amount ParseAmount(string text, Place place, ICollection<Violation> problems, bool allowNegative)
    {
        var t = text.Trim().Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal)
            .Replace("¥", "", StringComparison.Ordinal).Replace("￥", "", StringComparison.Ordinal).Trim();
        if (t.Length == 0 || t == "-") return Amount.Zero;
        if (t.StartsWith('+')) t = t[1..];
        switch (Amount.TryParse(t, allowNegative, out var amount))
        {
            case AmountParse.Ok: return amount;
            case AmountParse.TooManyDecimals: problems.Add(new Violation(ViolationCode.AmountTooManyDecimals, place, text)); break;
            case AmountParse.NotPositive: problems.Add(new Violation(ViolationCode.AmountNotPositive, place, text)); break;
            case AmountParse.TooLarge: problems.Add(new Violation(ViolationCode.AmountTooLarge, place, text, Amount.MaxLine.ToString())); break;
            default: problems.Add(new Violation(ViolationCode.AmountInvalid, place, text)); break;
        }
        return Amount.Zero;
    }
}
