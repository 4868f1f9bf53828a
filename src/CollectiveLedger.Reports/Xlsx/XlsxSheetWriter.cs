using System.Globalization;
using System.Text;
using System.Xml;

namespace CollectiveLedger.Reports.Xlsx;

/// <summary>A cell to write: text (an inline string, never a formula) or a number, with its style; <see cref="Empty"/> writes nothing.</summary>
public readonly record struct XlsxValue(string? Text, decimal? Number, XlsxStyle Style)
{
    public static XlsxValue Empty => default;

    public static XlsxValue Of(string? text, XlsxStyle style = XlsxStyle.Default) => new(text, null, style);

    public static XlsxValue Of(decimal number, XlsxStyle style) => new(null, number, style);
}

/// <summary>
/// Writes one sheet's rows into its zip entry as they come (<see cref="Row"/>), then, at
/// <see cref="End"/>, what SpreadsheetML wants after the data: protection, merged ranges, drop-down
/// lists, page margins, A4 setup and the page header and footer.
/// </summary>
public sealed class XlsxSheetWriter
{
    private const string Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The most characters a cell holds (Excel's limit); longer text is cut.</summary>
    private const int MaxCellText = 32767;

    private readonly Stream stream;
    private readonly XmlWriter x;
    private readonly XlsxSheet sheet;
    private readonly Action<string?, string?> ended;
    private readonly List<string> merges = [];
    private int rows;
    private int columns;

    internal XlsxSheetWriter(Stream stream, XlsxSheet sheet, int index, Action<string?, string?> ended)
    {
        this.stream = stream;
        this.sheet = sheet;
        this.ended = ended;
        columns = sheet.Widths.Count;
        x = XmlWriter.Create(stream, XlsxWriter.Settings);
        x.WriteStartDocument(standalone: true);
        x.WriteStartElement("worksheet", Ns);
        x.WriteAttributeString("xmlns", "r", null, "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        if (sheet.Print)
        {
            x.WriteStartElement("sheetPr", Ns);
            x.WriteStartElement("pageSetUpPr", Ns);
            x.WriteAttributeString("fitToPage", "1");
            x.WriteEndElement();
            x.WriteEndElement();
        }
        x.WriteStartElement("sheetViews", Ns);
        x.WriteStartElement("sheetView", Ns);
        if (index == 0) x.WriteAttributeString("tabSelected", "1");
        x.WriteAttributeString("workbookViewId", "0");
        if (sheet.FrozenRows > 0)
        {
            var topLeft = $"A{sheet.FrozenRows + 1}";
            x.WriteStartElement("pane", Ns);
            x.WriteAttributeString("ySplit", XlsxWriter.Text(sheet.FrozenRows));
            x.WriteAttributeString("topLeftCell", topLeft);
            x.WriteAttributeString("activePane", "bottomLeft");
            x.WriteAttributeString("state", "frozen");
            x.WriteEndElement();
            x.WriteStartElement("selection", Ns);
            x.WriteAttributeString("pane", "bottomLeft");
            x.WriteAttributeString("activeCell", topLeft);
            x.WriteAttributeString("sqref", topLeft);
            x.WriteEndElement();
        }
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteStartElement("sheetFormatPr", Ns);
        x.WriteAttributeString("defaultRowHeight", "15");
        x.WriteEndElement();
        if (sheet.Widths.Count > 0)
        {
            x.WriteStartElement("cols", Ns);
            for (var i = 0; i < sheet.Widths.Count; i++)
            {
                x.WriteStartElement("col", Ns);
                x.WriteAttributeString("min", XlsxWriter.Text(i + 1));
                x.WriteAttributeString("max", XlsxWriter.Text(i + 1));
                x.WriteAttributeString("width", sheet.Widths[i].ToString("0.##", CultureInfo.InvariantCulture));
                if (sheet.ColumnStyles is { } styles && i < styles.Count && styles[i] != XlsxStyle.Default)
                    x.WriteAttributeString("style", XlsxWriter.Text((int)styles[i]));
                x.WriteAttributeString("customWidth", "1");
                x.WriteEndElement();
            }
            x.WriteEndElement();
        }
        x.WriteStartElement("sheetData", Ns);
    }

    internal bool Ended { get; private set; }

    /// <summary>How many rows were written.</summary>
    public int RowCount => rows;

    /// <summary>Writes the next row.</summary>
    public void Row(IReadOnlyList<XlsxValue> cells)
    {
        rows++;
        x.WriteStartElement("row", Ns);
        x.WriteAttributeString("r", XlsxWriter.Text(rows));
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (cell.Text is null && cell.Number is null) continue;
            columns = Math.Max(columns, i + 1);
            x.WriteStartElement("c", Ns);
            x.WriteAttributeString("r", Letter(i + 1) + XlsxWriter.Text(rows));
            if (cell.Style != XlsxStyle.Default) x.WriteAttributeString("s", XlsxWriter.Text((int)cell.Style));
            if (cell.Number is { } number)
            {
                x.WriteElementString("v", Ns, number.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                x.WriteAttributeString("t", "inlineStr");
                x.WriteStartElement("is", Ns);
                x.WriteStartElement("t", Ns);
                var text = XmlSafe(cell.Text!);
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                    x.WriteAttributeString("xml", "space", null, "preserve");
                x.WriteString(text);
                x.WriteEndElement();
                x.WriteEndElement();
            }
            x.WriteEndElement();
        }
        x.WriteEndElement();
    }

    /// <summary>Merges a range of cells (A2:A4) once the sheet ends.</summary>
    public void Merge(string range) => merges.Add(range);

    /// <summary>Writes what follows the data and closes the sheet's entry.</summary>
    public void End()
    {
        if (Ended) return;
        Ended = true;
        x.WriteEndElement(); // sheetData
        if (sheet.Protected)
        {
            x.WriteStartElement("sheetProtection", Ns);
            x.WriteAttributeString("sheet", "1");
            x.WriteAttributeString("objects", "1");
            x.WriteAttributeString("scenarios", "1");
            x.WriteEndElement();
        }
        if (merges.Count > 0)
        {
            x.WriteStartElement("mergeCells", Ns);
            x.WriteAttributeString("count", XlsxWriter.Text(merges.Count));
            foreach (var range in merges)
            {
                x.WriteStartElement("mergeCell", Ns);
                x.WriteAttributeString("ref", range);
                x.WriteEndElement();
            }
            x.WriteEndElement();
        }
        if (sheet.Lists.Count > 0)
        {
            x.WriteStartElement("dataValidations", Ns);
            x.WriteAttributeString("count", XlsxWriter.Text(sheet.Lists.Count));
            foreach (var list in sheet.Lists)
            {
                x.WriteStartElement("dataValidation", Ns);
                x.WriteAttributeString("type", "list");
                x.WriteAttributeString("allowBlank", "1");
                x.WriteAttributeString("showInputMessage", "1");
                x.WriteAttributeString("showErrorMessage", "1");
                x.WriteAttributeString("errorTitle", Cut(list.Error, 32));
                x.WriteAttributeString("error", Cut(list.Error, 255));
                x.WriteAttributeString("promptTitle", Cut(list.Prompt, 32));
                x.WriteAttributeString("prompt", Cut(list.Prompt, 255));
                x.WriteAttributeString("sqref", list.Range);
                x.WriteElementString("formula1", Ns, list.Source);
                x.WriteEndElement();
            }
            x.WriteEndElement();
        }
        string? area = null, titles = null;
        if (sheet.Print)
        {
            x.WriteStartElement("printOptions", Ns);
            x.WriteAttributeString("gridLines", "1");
            x.WriteEndElement();
            x.WriteStartElement("pageMargins", Ns);
            foreach (var (side, inches) in new[] { ("left", "0.5"), ("right", "0.5"), ("top", "0.75"), ("bottom", "0.75"), ("header", "0.3"), ("footer", "0.3") })
                x.WriteAttributeString(side, inches);
            x.WriteEndElement();
            x.WriteStartElement("pageSetup", Ns);
            x.WriteAttributeString("paperSize", "9"); // A4
            x.WriteAttributeString("orientation", sheet.Landscape ? "landscape" : "portrait");
            x.WriteAttributeString("fitToWidth", "1");
            x.WriteAttributeString("fitToHeight", "0"); // as many pages down as it takes
            x.WriteEndElement();
            x.WriteStartElement("headerFooter", Ns);
            if (sheet.PageHeader is { } header) x.WriteElementString("oddHeader", Ns, "&C" + header.Replace("&", "&&", StringComparison.Ordinal));
            x.WriteElementString("oddFooter", Ns, "&C第 &P 页 共 &N 页 page &P of &N");
            x.WriteEndElement();
            var name = XlsxWriter.Quote(sheet.Name);
            area = $"{name}!$A$1:${Letter(Math.Max(1, columns))}${Math.Max(1, rows)}";
            if (sheet.FrozenRows > 0) titles = $"{name}!$1:${sheet.FrozenRows}";
        }
        x.WriteEndElement(); // worksheet
        x.WriteEndDocument();
        x.Dispose();
        stream.Dispose();
        ended(area, titles);
    }

    /// <summary>Column 1 is A, 27 is AA.</summary>
    public static string Letter(int column)
    {
        var letters = "";
        for (; column > 0; column = (column - 1) / 26) letters = (char)('A' + (column - 1) % 26) + letters;
        return letters;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>Text XML 1.0 can hold: characters it cannot (control characters, lone surrogates) become U+FFFD; at most 32767 characters.</summary>
    private static string XmlSafe(string text)
    {
        if (text.Length > MaxCellText) text = text[..MaxCellText];
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) : !char.IsLowSurrogate(c) && XmlConvert.IsXmlChar(c);
            if (!ok)
            {
                clean ??= new StringBuilder(text, 0, i, text.Length);
                clean.Append('\uFFFD');
            }
            else
            {
                clean?.Append(c);
                if (char.IsHighSurrogate(c)) { i++; clean?.Append(text[i]); }
            }
        }
        return clean?.ToString() ?? text;
    }
}
