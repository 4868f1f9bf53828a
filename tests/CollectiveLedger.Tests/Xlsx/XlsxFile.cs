using System.IO.Compression;
using System.Xml.Linq;

namespace CollectiveLedger.Tests.Xlsx;

/// <summary>
/// Reads a written workbook's parts back as XML (as a spreadsheet program does: by opening the zip),
/// and fills a workbook's sheet the way an accountant's spreadsheet would save it: rows of cells and
/// merged ranges added to the sheet's XML.
/// </summary>
public static class XlsxFile
{
    public static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static XDocument Part(string path, string part)
    {
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.GetEntry(part) ?? throw new AssertionException($"{path} has no part {part}");
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    /// <summary>The part of the sheet named <paramref name="sheet"/>, by the workbook and its relationships.</summary>
    public static XDocument Sheet(string path, string sheet)
    {
        var id = Part(path, "xl/workbook.xml").Descendants(Main + "sheet").Single(s => (string)s.Attribute("name")! == sheet).Attribute(Rel + "id")!.Value;
        var target = Part(path, "xl/_rels/workbook.xml.rels").Root!.Elements().Single(r => (string)r.Attribute("Id")! == id).Attribute("Target")!.Value;
        return Part(path, "xl/" + target);
    }

    /// <summary>A cell element of a sheet by its reference (F7), or null.</summary>
    public static XElement? Cell(XDocument sheet, string reference) =>
        sheet.Descendants(Main + "c").SingleOrDefault(c => (string)c.Attribute("r")! == reference);

    /// <summary>The number format code the cell's style uses (built-in ids as their number, custom ones as their code).</summary>
    public static string NumberFormatOf(string path, XElement cell)
    {
        var styles = Part(path, "xl/styles.xml");
        var xf = styles.Descendants(Main + "cellXfs").Single().Elements(Main + "xf").ElementAt((int?)cell.Attribute("s") ?? 0);
        var id = (int)xf.Attribute("numFmtId")!;
        return styles.Descendants(Main + "numFmt").SingleOrDefault(f => (int)f.Attribute("numFmtId")! == id)?.Attribute("formatCode")?.Value
               ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A text cell as a spreadsheet program saves typed text (inline here; the sample uses shared strings).</summary>
    public static string Text(string reference, string text) =>
        $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(text)}</t></is></c>";

    /// <summary>A number cell holding exactly <paramref name="stored"/> as its value text.</summary>
    public static string Number(string reference, string stored) => $"<c r=\"{reference}\"><v>{stored}</v></c>";

    /// <summary>
    /// Adds rows (each the cells' XML, numbered from <paramref name="firstRow"/>) and merged ranges to
    /// the sheet <paramref name="sheetPart"/> of the workbook at <paramref name="path"/>, in place.
    /// </summary>
    public static void Fill(string path, string sheetPart, int firstRow, IReadOnlyList<string[]> rows, params string[] merges)
    {
        string xml;
        using (var zip = ZipFile.OpenRead(path))
        using (var reader = new StreamReader(zip.GetEntry(sheetPart)!.Open()))
            xml = reader.ReadToEnd();
        var rowsXml = string.Concat(rows.Select((cells, i) => $"<row r=\"{firstRow + i}\">{string.Concat(cells)}</row>"));
        xml = xml.Replace("</sheetData>", rowsXml + "</sheetData>" +
            (merges.Length == 0 ? "" : $"<mergeCells count=\"{merges.Length}\">{string.Concat(merges.Select(m => $"<mergeCell ref=\"{m}\"/>"))}</mergeCells>"), StringComparison.Ordinal);
        using var update = ZipFile.Open(path, ZipArchiveMode.Update);
        update.GetEntry(sheetPart)!.Delete();
        using var writer = new StreamWriter(update.CreateEntry(sheetPart).Open(), new System.Text.UTF8Encoding(false));
        writer.Write(xml);
    }

    /// <summary>A workbook of one sheet made from nothing: the given rows (cells' XML) and merged ranges.</summary>
    public static void Write(string path, string sheet, IReadOnlyList<string[]> rows, params string[] merges)
    {
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            void Add(string name, string text)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new System.Text.UTF8Encoding(false));
                w.Write(text);
            }
            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="{Rel}"><sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Add("xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><sheetData></sheetData></worksheet>""");
        }
        Fill(path, "xl/worksheets/sheet1.xml", 1, rows, merges);
    }
}
