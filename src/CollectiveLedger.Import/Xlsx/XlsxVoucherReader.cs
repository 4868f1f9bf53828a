using System.Globalization;
using System.Text.RegularExpressions;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Import.Xlsx;

/// <summary>
/// Reads the voucher workbook a village accountant fills (the template <c>cledger template</c> writes,
/// or one like it): on the sheet 凭证 (or the first sheet with a header row), one row per voucher line
/// under a header row of the CSV contract's English names or the template's Chinese ones. A voucher's
/// own cells (凭证字号 ref, 日期 date, 摘要 summary, 附件张数 attachments, 类型 kind) are on its first row,
/// and on its further rows either merged down over them, repeated, or left empty. The values become
/// the same <see cref="VoucherInput"/> texts a CSV gives, so Core judges them with the same rules and
/// messages; every place names the sheet, row and column (<see cref="SheetLayout"/>).
///
/// <para>Number cells. A number cell holds a binary double, and a spreadsheet's arithmetic leaves
/// traces such as 0.30000000000000004 or 1199.9999999999998. A number cell is read as Excel shows it:
/// rounded to 15 significant digits (all a double holds reliably, and what Excel itself keeps), so
/// those two are 0.3 and 1200; what remains must have at most two decimals (0.301 is refused, not
/// rounded). Date cells are serial numbers in the workbook's date system (1900, or 1904 when the
/// workbook says so); a date may also be text: 2026-10-05, 2026/10/5, 2026.10.5 or 2026年10月5日.</para>
/// </summary>
public static partial class XlsxVoucherReader
{
    /// <summary>The names of the preferred voucher sheet; otherwise the first sheet with a header row.</summary>
    public static readonly string[] SheetNames = ["凭证", "vouchers"];

    private static readonly string[] VoucherFields = ["ref", "date", "summary", "attachments", "kind", "attachments_reason"];

    /// <summary>Each field and the header words that name it (a header cell names a field when any of its words does).</summary>
    public static readonly IReadOnlyList<(string Field, string[] Words)> HeaderWords =
    [
        ("ref", ["ref", "凭证字号", "凭证号", "参考号", "凭证编号"]),
        ("date", ["date", "日期", "凭证日期"]),
        ("summary", ["summary", "摘要", "凭证摘要"]),
        ("attachments", ["attachments", "附件张数", "附件", "附单据数"]),
        ("attachments_reason", ["attachments_reason", "无附件原因"]),
        ("kind", ["kind", "类型", "凭证类型"]),
        ("account", ["account", "科目", "会计科目", "科目编码"]),
        ("account_name", ["account_name", "科目名称"]),
        ("debit", ["debit", "借方", "借方金额"]),
        ("credit", ["credit", "贷方", "贷方金额"]),
        ("fund", ["fund", "资金", "专项资金"]),
        ("member", ["member", "成员", "社员"]),
        ("counterparty", ["counterparty", "往来单位", "往来"]),
        ("line_summary", ["line_summary", "分录摘要", "明细摘要"]),
    ];

    private static readonly string[] RequiredFields = ["date", "summary", "account", "debit", "credit"];

    /// <summary>How many rows from the top a header row is looked for (a title row may come first).</summary>
    private const int HeaderSearchRows = 10;

    public static IEnumerable<ParsedVoucher> Read(string path, string name, ICollection<Violation> fileProblems)
    {
        XlsxWorkbook workbook;
        try
        {
            workbook = XlsxWorkbook.Open(path);
        }
        catch (XlsxFormatException e)
        {
            fileProblems.Add(new Violation(ViolationCode.MalformedXlsx, new Place(File: name), e.Message));
            return [];
        }
        return ReadVouchers(workbook, name, fileProblems);
    }

    private static IEnumerable<ParsedVoucher> ReadVouchers(XlsxWorkbook workbook, string name, ICollection<Violation> fileProblems)
    {
        using (workbook)
        {
            Header? found;
            try
            {
                found = FindHeader(workbook, name, fileProblems);
            }
            catch (Exception e) when (Damaged(e))
            {
                fileProblems.Add(new Violation(ViolationCode.MalformedXlsx, new Place(File: name), Describe(e)));
                yield break;
            }
            if (found is not { } header) yield break;
            var layout = header.Layout;
            using var rows = workbook.Rows(layout.Sheet).Where(r => r[0].Row > header.Row).GetEnumerator();
            var seenRefs = new HashSet<string>(StringComparer.Ordinal);
            List<Row> group = [];
            while (true)
            {
                IReadOnlyList<XlsxCell> cells;
                try
                {
                    if (!rows.MoveNext()) break;
                    cells = rows.Current;
                }
                catch (Exception e) when (Damaged(e))
                {
                    fileProblems.Add(new Violation(ViolationCode.MalformedXlsx, new Place(File: name, Sheet: layout), Describe(e)));
                    yield break;
                }
                var row = new Row(cells[0].Row, []);
                foreach (var cell in cells)
                    if (header.Fields.TryGetValue(cell.Column, out var field)) row.Cells[field] = cell;
                    else if (!cell.Merged && cell.Value.Trim().Length > 0)
                        row.Stray.Add(cell);
                if (row.Cells.Count == 0 && row.Stray.Count == 0) continue;
                if (group.Count > 0 && !Continues(group[0], row))
                {
                    yield return Voucher(group, name, layout, workbook.Date1904, seenRefs);
                    group = [];
                }
                group.Add(row);
            }
            if (group.Count > 0) yield return Voucher(group, name, layout, workbook.Date1904, seenRefs);
        }
    }

    /// <summary>What a damaged or hostile workbook throws while its parts are read (a bug throws anything else).</summary>
    private static bool Damaged(Exception e) => e is XlsxFormatException or System.Xml.XmlException or InvalidDataException or IOException;

    private static string Describe(Exception e) => e is XlsxFormatException ? e.Message : $"工作簿内容损坏 the workbook's contents are damaged ({e.Message})";

    /// <summary>A row of the sheet: its cells by field, and cells in columns without a header.</summary>
    private sealed record Row(int Number, Dictionary<string, XlsxCell> Cells)
    {
        public List<XlsxCell> Stray { get; } = [];

        public string? Raw(string field) => Cells.TryGetValue(field, out var c) && c.Value.Trim().Length > 0 ? c.Value.Trim() : null;

        /// <summary>The row states a voucher field itself (not by a merged range reaching down to it).</summary>
        public bool States(string field) => Cells.TryGetValue(field, out var c) && !c.Merged && c.Value.Trim().Length > 0;
    }

    /// <summary>
    /// Whether a row is a further line of the voucher begun at <paramref name="first"/>: the same ref
    /// (stated, repeated or merged); or, without a ref, no voucher cell of its own.
    /// </summary>
    private static bool Continues(Row first, Row row)
    {
        var reference = row.Raw("ref");
        if (reference is not null) return reference == first.Raw("ref");
        return !VoucherFields.Any(row.States);
    }

    private sealed record Header(int Row, SheetLayout Layout, Dictionary<int, string> Fields);

    private static Header? FindHeader(XlsxWorkbook workbook, string name, ICollection<Violation> fileProblems)
    {
        var order = workbook.SheetNames.OrderBy(s => SheetNames.Contains(s, StringComparer.OrdinalIgnoreCase) ? 0 : 1).ToList();
        foreach (var sheet in order)
        {
            foreach (var cells in workbook.Rows(sheet).TakeWhile(r => r[0].Row <= HeaderSearchRows))
            {
                var fields = new Dictionary<int, string>();
                var columns = new Dictionary<string, SheetColumn>(StringComparer.Ordinal);
                var unknown = new List<XlsxCell>();
                foreach (var cell in cells.Where(c => !c.Merged && c.Value.Trim().Length > 0))
                {
                    if (FieldOf(cell.Value) is { } field && !columns.ContainsKey(field))
                    {
                        fields[cell.Column] = field;
                        columns[field] = new SheetColumn(cell.Letter, cell.Value.Trim());
                    }
                    else unknown.Add(cell);
                }
                if (!RequiredFields.All(columns.ContainsKey)) continue;
                var layout = new SheetLayout(sheet, columns);
                // The account's name is written beside its code in the account cell ("10201 信用社基本户"): it is that column's.
                if (!columns.ContainsKey("account_name")) columns["account_name"] = columns["account"];
                if (unknown.Count > 0)
                {
                    foreach (var cell in unknown)
                        fileProblems.Add(new Violation(ViolationCode.FieldUnknown, new Place(File: name, Line: cell.Row, Sheet: layout with { Columns = new Dictionary<string, SheetColumn> { ["header"] = new(cell.Letter, cell.Value.Trim()) } }, Field: "header"),
                            $"{cell.Value.Trim()}（列名应为 column headers are {HeaderList}）"));
                    return null;
                }
                return new Header(cells[0].Row, layout, fields);
            }
        }
        fileProblems.Add(new Violation(ViolationCode.MalformedXlsx, new Place(File: name),
            $"没有找到表头行：前 {HeaderSearchRows} 行中要有 日期、摘要、科目、借方、贷方 列 no header row: within the first {HeaderSearchRows} rows of a sheet, a row must name the columns date, summary, account, debit and credit ({HeaderList})"));
        return null;
    }

    private static string HeaderList => string.Join(", ", HeaderWords.Select(h => $"{h.Words[1]}/{h.Field}"));

    /// <summary>The field a header cell names: the whole text, or any of its words ("借方 debit", "借方金额").</summary>
    public static string? FieldOf(string header)
    {
        var text = header.Trim().ToLowerInvariant();
        var words = HeaderSeparators().Split(text).Where(w => w.Length > 0).Prepend(text);
        foreach (var word in words)
            foreach (var (field, names) in HeaderWords)
                if (names.Contains(word, StringComparer.Ordinal)) return field;
        return null;
    }

    [GeneratedRegex(@"[\s/()（）:：]+")]
    private static partial Regex HeaderSeparators();

    /// <summary>One voucher from its rows, as <c>VoucherFileReader</c> makes one from CSV rows.</summary>
    private static ParsedVoucher Voucher(List<Row> rows, string name, SheetLayout layout, bool date1904, HashSet<string> seenRefs)
    {
        var head = rows[0];
        var problems = new List<Violation>();
        string? Value(Row row, string field) => Convert(row, field, date1904, name, layout, problems);
        var reference = Value(head, "ref");
        var place = new Place(File: name, Line: head.Number, Ref: reference, Sheet: layout);
        if (reference is not null && !seenRefs.Add(reference))
            problems.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("ref"), "ref", $"{reference} appears again apart from its first rows; a voucher's rows must be consecutive"));
        foreach (var row in rows.Skip(1))
            foreach (var field in VoucherFields.Where(row.States))
            {
                var own = Convert(row, field, date1904, name, layout, []);
                var first = Value(head, field);
                if (own != first)
                    problems.Add(new Violation(ViolationCode.FieldInvalid, new Place(File: name, Line: row.Number, Ref: reference, Field: field, Sheet: layout), field,
                        $"'{own}' differs from the voucher's first row ('{first}')"));
            }
        foreach (var stray in rows.SelectMany(r => r.Stray))
            problems.Add(new Violation(ViolationCode.FieldUnknown, new Place(File: name, Line: stray.Row, Ref: reference, Sheet: layout),
                $"{stray.Letter}{stray.Row}（此列没有表头 a column without a header）"));
        var lines = new List<VoucherLineInput>();
        foreach (var row in rows)
        {
            var (code, accountName) = Account(Value(row, "account"));
            var linePlace = new Place(File: name, Line: row.Number, Ref: reference, Sheet: layout);
            lines.Add(new VoucherLineInput(linePlace, code, Value(row, "debit"), Value(row, "credit"), Code(Value(row, "fund")), Code(Value(row, "member")),
                Code(Value(row, "counterparty")), Value(row, "line_summary"), Value(row, "account_name") ?? accountName));
        }
        var input = new VoucherInput(place, reference, Value(head, "date"), Value(head, "summary"), Value(head, "attachments"), Code(Value(head, "kind")), lines,
            AttachmentsReason: Value(head, "attachments_reason"));
        return new ParsedVoucher(input, problems);
    }

    /// <summary>"10201 信用社基本户" (as the template's drop-down list writes it) into the code and the name; a code alone has no name.</summary>
    private static (string? Code, string? Name) Account(string? text)
    {
        if (text is null) return (null, null);
        var parts = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2 ? (parts[0], parts[1]) : (parts[0], null);
    }

    /// <summary>A code chosen from a drop-down list ("F01 高标准农田项目"): its first word.</summary>
    private static string? Code(string? text) =>
        text?.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var first, ..] ? first : null;

    /// <summary>A cell's value as the text a CSV field would hold; null when empty. An error cell (#VALUE!) is a problem.</summary>
    private static string? Convert(Row row, string field, bool date1904, string name, SheetLayout layout, List<Violation> problems)
    {
        if (!row.Cells.TryGetValue(field, out var cell)) return null;
        var value = cell.Value.Trim();
        if (value.Length == 0) return null;
        switch (cell.Kind)
        {
            case XlsxCellKind.Error:
                problems.Add(new Violation(ViolationCode.FieldInvalid, new Place(File: name, Line: row.Number, Field: field, Sheet: layout), field,
                    $"单元格是错误值 {value}（公式出错） the cell holds the error {value} (a formula failed)"));
                return null;
            case XlsxCellKind.Number:
                return field switch
                {
                    "date" => XlsxValues.SerialDate(value, date1904),
                    _ => XlsxValues.NumberText(value),
                };
            case XlsxCellKind.Boolean:
                return value;
            default:
                return field switch
                {
                    "date" => TextDate(value),
                    "debit" or "credit" => AmountText(value),
                    _ => cell.Value.Trim(),
                };
        }
    }

    /// <summary>An amount typed as text: spaces and a ¥ sign dropped, thousands separators (12,000.00) accepted where they group by three.</summary>
    private static string AmountText(string text)
    {
        var plain = text.Replace(" ", "", StringComparison.Ordinal).TrimStart('¥', '￥');
        return ThousandsGrouped().IsMatch(plain) ? plain.Replace(",", "", StringComparison.Ordinal) : plain;
    }

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+(\.\d*)?$")]
    private static partial Regex ThousandsGrouped();

    /// <summary>2026-10-05, 2026-10-5, 2026/10/5, 2026.10.5 and 2026年10月5日(号) into 2026-10-05; other text as written.</summary>
    public static string TextDate(string text)
    {
        var match = TextDatePattern().Match(text);
        if (!match.Success) return text;
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return text;
        return new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})(?:日|号)?$")]
    private static partial Regex TextDatePattern();
}
