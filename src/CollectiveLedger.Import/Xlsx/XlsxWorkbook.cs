using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace CollectiveLedger.Import.Xlsx;

/// <summary>What a cell holds, as the workbook stores it.</summary>
public enum XlsxCellKind { Text, Number, Boolean, Error }

/// <summary>
/// One cell: its row (1-based), column (1-based) and letter, and its value as stored: a number cell's
/// text is the shortest round-trip form Excel wrote ("0.30000000000000004"), never re-formatted.
/// <see cref="Merged"/> is true when the value was copied down from the top-left cell of a merged range.
/// </summary>
public sealed record XlsxCell(int Row, int Column, XlsxCellKind Kind, string Value, bool Merged = false)
{
    public string Letter => XlsxWorkbook.ColumnLetter(Column);
}

/// <summary>A workbook that cannot be read as one; the message is bilingual, Chinese first.</summary>
public sealed class XlsxFormatException(string message) : Exception(message);

/// <summary>
/// Reads an .xlsx workbook (ECMA-376 SpreadsheetML) with nothing but System.IO.Compression and an
/// XmlReader: the sheet names, the shared strings, and a sheet's cells row by row (streamed: one
/// row in memory at a time; the shared strings and merged ranges are read first). Formulas are
/// never evaluated: a formula cell gives its cached value. Refuses what is not a workbook (not a zip,
/// an encrypted workbook, which is an OLE2 compound file, missing parts) with <see cref="XlsxFormatException"/>.
/// </summary>
public sealed class XlsxWorkbook : IDisposable
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Shared strings beyond this are refused: a workbook of vouchers never needs them, a zip bomb might.</summary>
    private const int MaxSharedStrings = 2_000_000;

    private readonly ZipArchive zip;
    private readonly List<(string Name, string Part)> sheets = [];
    private readonly List<string> sharedStrings = [];

    /// <summary>The workbook counts dates from 1904-01-01 (old Mac Excel) rather than the 1900 system.</summary>
    public bool Date1904 { get; private set; }

    public IReadOnlyList<string> SheetNames => [.. sheets.Select(s => s.Name)];

    private XlsxWorkbook(ZipArchive zip) => this.zip = zip;

    /// <exception cref="XlsxFormatException">The file is not a readable workbook.</exception>
    public static XlsxWorkbook Open(string path)
    {
        var head = new byte[8];
        int read;
        using (var probe = File.OpenRead(path)) read = probe.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read >= 8 && head.AsSpan().SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
            throw new XlsxFormatException("工作簿已加密（设了打开密码）或是旧的 .xls 格式：请在表格软件中去掉密码，另存为 .xlsx the workbook is encrypted (has a password to open) or is an old .xls file: remove the password and save it as .xlsx");
        if (read < 4 || head[0] != (byte)'P' || head[1] != (byte)'K')
            throw new XlsxFormatException("文件不是 XLSX 工作簿（不是 zip 压缩包） the file is not an XLSX workbook (not a zip package)");
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new XlsxFormatException($"zip 压缩包已损坏 the zip package is damaged ({e.Message})");
        }
        var workbook = new XlsxWorkbook(zip);
        try
        {
            workbook.ReadWorkbook();
            workbook.ReadSharedStrings();
            return workbook;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            zip.Dispose();
            throw new XlsxFormatException($"工作簿内容损坏 the workbook's contents are damaged ({e.Message})");
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    public void Dispose() => zip.Dispose();

    private ZipArchiveEntry Entry(string part) =>
        zip.GetEntry(part) ?? throw new XlsxFormatException($"文件不是 XLSX 工作簿（缺少 {part}） the file is not an XLSX workbook ({part} is missing)");

    private static XmlReader Xml(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = false, CloseInput = true,
    });

    private void ReadWorkbook()
    {
        var workbook = Entry("xl/workbook.xml");
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var rels = Xml(Entry("xl/_rels/workbook.xml.rels").Open()))
            while (rels.Read())
                if (rels.NodeType == XmlNodeType.Element && rels.LocalName == "Relationship" && rels.GetAttribute("Id") is { } id && rels.GetAttribute("Target") is { } target)
                    targets[id] = target.StartsWith('/') ? target[1..] : "xl/" + target;
        using var xml = Xml(workbook.Open());
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != MainNs) continue;
            if (xml.LocalName == "workbookPr")
                Date1904 = xml.GetAttribute("date1904") is "1" or "true";
            else if (xml.LocalName == "sheet" && xml.GetAttribute("name") is { } name && xml.GetAttribute("id", RelNs) is { } rid
                     && targets.TryGetValue(rid, out var part))
                sheets.Add((name, part));
        }
        if (sheets.Count == 0) throw new XlsxFormatException("工作簿中没有工作表 the workbook has no worksheet");
    }

    private void ReadSharedStrings()
    {
        if (zip.GetEntry("xl/sharedStrings.xml") is not { } entry) return;
        using var xml = Xml(entry.Open());
        StringBuilder? current = null;
        var phonetic = 0;
        xml.MoveToContent();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t" && current is not null && phonetic == 0 && !xml.IsEmptyElement)
            {
                // Leaves the reader on the node after </t>, which may be </si>: not read past it.
                current.Append(xml.ReadElementContentAsString());
                continue;
            }
            if (xml.NodeType == XmlNodeType.Element)
            {
                switch (xml.LocalName)
                {
                    case "si":
                        current = new StringBuilder();
                        if (xml.IsEmptyElement) { Add(current); current = null; }
                        break;
                    case "rPh" when !xml.IsEmptyElement: phonetic++; break;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement)
            {
                if (xml.LocalName == "rPh") phonetic--;
                else if (xml.LocalName == "si" && current is not null) { Add(current); current = null; }
            }
            xml.Read();
        }

        void Add(StringBuilder text)
        {
            if (sharedStrings.Count >= MaxSharedStrings) throw new XlsxFormatException("共享字符串过多 too many shared strings");
            sharedStrings.Add(text.ToString());
        }
    }

    private string PartOf(string sheet) => sheets.First(s => s.Name == sheet).Part;

    /// <summary>The merged ranges of a sheet as (first row, first column, last row, last column).</summary>
    public IReadOnlyList<(int Row1, int Column1, int Row2, int Column2)> MergedRanges(string sheet)
    {
        var ranges = new List<(int, int, int, int)>();
        using var xml = Xml(Entry(PartOf(sheet)).Open());
        xml.MoveToContent();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheetData")
            {
                xml.Skip();
                continue;
            }
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "mergeCell" && xml.GetAttribute("ref") is { } reference && reference.Split(':') is [var from, var to]
                && TryParseReference(from, out var r1, out var c1) && TryParseReference(to, out var r2, out var c2))
                ranges.Add((Math.Min(r1, r2), Math.Min(c1, c2), Math.Max(r1, r2), Math.Max(c1, c2)));
            xml.Read();
        }
        return ranges;
    }

    /// <summary>
    /// A sheet's non-empty cells, row by row in the order stored (rows without a value are left out),
    /// with merged ranges filled: every cell of a range gets the top-left cell's value, marked <see cref="XlsxCell.Merged"/>.
    /// </summary>
    public IEnumerable<IReadOnlyList<XlsxCell>> Rows(string sheet)
    {
        var pending = new Queue<(int Row1, int Column1, int Row2, int Column2)>(MergedRanges(sheet).OrderBy(m => m.Row1));
        var active = new List<(int Row1, int Column1, int Row2, int Column2)>();
        var tops = new Dictionary<(int, int), XlsxCell>();
        foreach (var (number, cells) in RawRows(sheet))
        {
            active.RemoveAll(m => m.Row2 < number);
            while (pending.Count > 0 && pending.Peek().Row1 <= number)
            {
                var m = pending.Dequeue();
                if (m.Row2 >= number) active.Add(m);
            }
            var filled = new List<XlsxCell>(cells);
            foreach (var m in active)
            {
                if (m.Row1 == number && cells.FirstOrDefault(c => c.Column == m.Column1) is { } top) tops[(m.Row1, m.Column1)] = top;
                if (!tops.TryGetValue((m.Row1, m.Column1), out var value)) continue;
                for (var c = m.Column1; c <= m.Column2; c++)
                    if ((m.Row1 < number || c > m.Column1) && !filled.Exists(x => x.Column == c))
                        filled.Add(value with { Row = number, Column = c, Merged = true });
            }
            // A row only merged ranges reach (nothing of its own) is not stored: it carries no line.
            yield return [.. filled.OrderBy(c => c.Column)];
        }
    }

    private IEnumerable<(int Number, List<XlsxCell> Cells)> RawRows(string sheet)
    {
        using var xml = Xml(Entry(PartOf(sheet)).Open());
        var rowNumber = 0;
        List<XlsxCell>? cells = null;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "row")
            {
                rowNumber = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
                cells = [];
                if (xml.IsEmptyElement) { cells = null; continue; }
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "c" && cells is not null)
            {
                var column = TryParseReference(xml.GetAttribute("r") ?? "", out _, out var c) ? c : (cells.Count == 0 ? 1 : cells[^1].Column + 1);
                if (ReadCell(xml, rowNumber, column) is { } cell) cells.Add(cell);
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "row" && cells is not null)
            {
                if (cells.Count > 0) yield return (rowNumber, cells);
                cells = null;
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "sheetData") yield break;
        }
    }

    /// <summary>One &lt;c&gt; element; the reader is left on its end. Null for an empty cell (a style and no value).</summary>
    private XlsxCell? ReadCell(XmlReader xml, int row, int column)
    {
        var type = xml.GetAttribute("t") ?? "n";
        if (xml.IsEmptyElement) return null;
        string? value = null;
        var inline = new StringBuilder();
        var depth = xml.Depth;
        var phonetic = 0;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh" && !xml.IsEmptyElement) phonetic++;
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "rPh") phonetic--;
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "v" && !xml.IsEmptyElement) value = xml.ReadElementContentAsString();
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t" && type == "inlineStr" && phonetic == 0 && !xml.IsEmptyElement)
                inline.Append(xml.ReadElementContentAsString());
            // ReadElementContentAsString leaves the reader past the element: look at where it stopped.
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) break;
        }
        switch (type)
        {
            case "inlineStr": return inline.Length == 0 ? null : new XlsxCell(row, column, XlsxCellKind.Text, inline.ToString());
            case "s":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= sharedStrings.Count)
                    throw new XlsxFormatException($"单元格 {ColumnLetter(column)}{row} 引用了不存在的共享字符串 cell {ColumnLetter(column)}{row} refers to a shared string that does not exist");
                return sharedStrings[index].Length == 0 ? null : new XlsxCell(row, column, XlsxCellKind.Text, sharedStrings[index]);
            case "str": return string.IsNullOrEmpty(value) ? null : new XlsxCell(row, column, XlsxCellKind.Text, value);
            // An ISO 8601 date cell (2025-03-05T00:00:00, as some programs write dates): its date.
            case "d": return string.IsNullOrEmpty(value) ? null : new XlsxCell(row, column, XlsxCellKind.Text, value.Split('T')[0]);
            case "b": return value is null ? null : new XlsxCell(row, column, XlsxCellKind.Boolean, value == "1" ? "TRUE" : "FALSE");
            case "e": return value is null ? null : new XlsxCell(row, column, XlsxCellKind.Error, value);
            default: return string.IsNullOrEmpty(value) ? null : new XlsxCell(row, column, XlsxCellKind.Number, value.Trim());
        }
    }

    /// <summary>"F7" into row 7, column 6; false for anything else.</summary>
    public static bool TryParseReference(string reference, out int row, out int column)
    {
        row = 0;
        column = 0;
        var i = 0;
        reference = reference.Replace("$", "", StringComparison.Ordinal);
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > 16384) return false;
            i++;
        }
        if (i == 0) return false;
        if (i == reference.Length) return true; // a column alone ("F"), as in a range of whole columns
        return int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out row) && row > 0;
    }

    /// <summary>Column 6 is F, 27 is AA.</summary>
    public static string ColumnLetter(int column)
    {
        var letters = "";
        for (; column > 0; column = (column - 1) / 26) letters = (char)('A' + (column - 1) % 26) + letters;
        return letters;
    }
}
