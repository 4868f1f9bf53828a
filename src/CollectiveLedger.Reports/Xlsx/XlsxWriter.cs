using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace CollectiveLedger.Reports.Xlsx;

/// <summary>
/// Writes an .xlsx workbook (ECMA-376 SpreadsheetML) with System.IO.Compression and XmlWriter,
/// streaming: each sheet's rows go straight into its zip entry, so a report of any length is written
/// in bounded memory. It writes what the reports and the voucher template need and MiniExcel cannot
/// (number formats, frozen panes, print areas, A4 page setup, drop-down lists, hidden sheets) and no
/// more: cells are inline strings or numbers, never formulas. The bytes are the same for the same
/// content (fixed zip timestamps, no creation date).
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Every zip entry's time: the earliest a zip can say, so the bytes do not depend on the day.</summary>
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The custom number formats: amounts with thousands separators and two decimals, and ISO dates.</summary>
    public const string AmountFormat = "#,##0.00";
    public const string DateFormat = "yyyy-mm-dd";

    private readonly ZipArchive zip;
    private readonly List<(string Name, bool Hidden, string? PrintArea, string? PrintTitles)> sheets = [];
    private readonly List<(string Name, string Reference)> names = [];
    private XlsxSheetWriter? open;

    public XlsxWriter(Stream output) => zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);

    /// <summary>A workbook-wide name (a drop-down list's source: <c>Accounts</c> = <c>'列表 lists'!$A$2:$A$40</c>).</summary>
    public void DefineName(string name, string reference) => names.Add((name, reference));

    /// <summary>Starts the next sheet; the one before must have been ended.</summary>
    public XlsxSheetWriter BeginSheet(XlsxSheet sheet)
    {
        if (open is { Ended: false }) throw new InvalidOperationException("end the sheet before beginning another");
        var index = sheets.Count + 1;
        var entry = Entry($"xl/worksheets/sheet{index}.xml");
        open = new XlsxSheetWriter(entry.Open(), sheet, sheets.Count, (area, titles) => sheets.Add((SheetName(sheet.Name), sheet.Hidden, area, titles)));
        return open;
    }

    /// <summary>Quotes a sheet name for a reference: '凭证 vouchers'!$A$1.</summary>
    public static string Quote(string sheet) => "'" + SheetName(sheet).Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>What Excel accepts as a sheet name: at most 31 characters, none of []:*?/\.</summary>
    public static string SheetName(string name)
    {
        var clean = new string([.. name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? ' ' : c)]).Trim();
        if (clean.Length == 0) clean = "Sheet";
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private ZipArchiveEntry Entry(string name)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = EntryTime;
        return entry;
    }

    private void Part(string name, Action<XmlWriter> write)
    {
        using var stream = Entry(name).Open();
        using var xml = XmlWriter.Create(stream, Settings);
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    internal static XmlWriterSettings Settings => new() { Encoding = new UTF8Encoding(false), CloseOutput = false, Indent = false, CheckCharacters = true };

    /// <summary>Writes the workbook's own parts after the sheets and closes the package.</summary>
    public void Dispose()
    {
        if (open is { Ended: false }) open.End();
        if (sheets.Count == 0) throw new InvalidOperationException("a workbook needs a sheet");
        Part("[Content_Types].xml", x =>
        {
            x.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
            Default(x, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(x, "xml", "application/xml");
            Override(x, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            Override(x, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            for (var i = 1; i <= sheets.Count; i++)
                Override(x, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            x.WriteEndElement();
        });
        Part("_rels/.rels", x =>
        {
            x.WriteStartElement("Relationships", "http://schemas.openxmlformats.org/package/2006/relationships");
            Relationship(x, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml");
            x.WriteEndElement();
        });
        Part("xl/_rels/workbook.xml.rels", x =>
        {
            x.WriteStartElement("Relationships", "http://schemas.openxmlformats.org/package/2006/relationships");
            for (var i = 1; i <= sheets.Count; i++)
                Relationship(x, $"rId{i}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", $"worksheets/sheet{i}.xml");
            Relationship(x, $"rId{sheets.Count + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml");
            x.WriteEndElement();
        });
        Part("xl/workbook.xml", WriteWorkbook);
        Part("xl/styles.xml", XlsxStyles.Write);
        zip.Dispose();
    }

    private void WriteWorkbook(XmlWriter x)
    {
        x.WriteStartElement("workbook", MainNs);
        x.WriteAttributeString("xmlns", "r", null, RelNs);
        x.WriteStartElement("workbookPr", MainNs);
        x.WriteAttributeString("date1904", "0");
        x.WriteEndElement();
        // The first visible sheet is the one that opens.
        var active = Math.Max(0, sheets.FindIndex(s => !s.Hidden));
        x.WriteStartElement("bookViews", MainNs);
        x.WriteStartElement("workbookView", MainNs);
        x.WriteAttributeString("activeTab", Text(active));
        x.WriteAttributeString("firstSheet", Text(active));
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteStartElement("sheets", MainNs);
        for (var i = 0; i < sheets.Count; i++)
        {
            x.WriteStartElement("sheet", MainNs);
            x.WriteAttributeString("name", sheets[i].Name);
            x.WriteAttributeString("sheetId", Text(i + 1));
            if (sheets[i].Hidden) x.WriteAttributeString("state", "hidden");
            x.WriteAttributeString("id", RelNs, $"rId{i + 1}");
            x.WriteEndElement();
        }
        x.WriteEndElement();
        var defined = new List<(string Name, int? Sheet, string Reference)>();
        for (var i = 0; i < sheets.Count; i++)
        {
            if (sheets[i].PrintArea is { } area) defined.Add(("_xlnm.Print_Area", i, area));
            if (sheets[i].PrintTitles is { } titles) defined.Add(("_xlnm.Print_Titles", i, titles));
        }
        defined.AddRange(names.Select(n => (n.Name, (int?)null, n.Reference)));
        if (defined.Count > 0)
        {
            x.WriteStartElement("definedNames", MainNs);
            foreach (var (name, sheet, reference) in defined)
            {
                x.WriteStartElement("definedName", MainNs);
                x.WriteAttributeString("name", name);
                if (sheet is { } s) x.WriteAttributeString("localSheetId", Text(s));
                x.WriteString(reference);
                x.WriteEndElement();
            }
            x.WriteEndElement();
        }
        x.WriteEndElement();
    }

    private static void Default(XmlWriter x, string extension, string type)
    {
        x.WriteStartElement("Default", "http://schemas.openxmlformats.org/package/2006/content-types");
        x.WriteAttributeString("Extension", extension);
        x.WriteAttributeString("ContentType", type);
        x.WriteEndElement();
    }

    private static void Override(XmlWriter x, string part, string type)
    {
        x.WriteStartElement("Override", "http://schemas.openxmlformats.org/package/2006/content-types");
        x.WriteAttributeString("PartName", part);
        x.WriteAttributeString("ContentType", type);
        x.WriteEndElement();
    }

    private static void Relationship(XmlWriter x, string id, string type, string target)
    {
        x.WriteStartElement("Relationship", "http://schemas.openxmlformats.org/package/2006/relationships");
        x.WriteAttributeString("Id", id);
        x.WriteAttributeString("Type", type);
        x.WriteAttributeString("Target", target);
        x.WriteEndElement();
    }

    internal static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
