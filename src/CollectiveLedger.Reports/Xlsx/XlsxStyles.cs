using System.Xml;

namespace CollectiveLedger.Reports.Xlsx;

/// <summary>
/// xl/styles.xml: two custom number formats (164 amounts <c>#,##0.00</c>, 165 dates <c>yyyy-mm-dd</c>),
/// a regular and a bold font, a shaded fill for headers, a thin border, and the cell formats of
/// <see cref="XlsxStyle"/> in its order.
/// </summary>
public static class XlsxStyles
{
    private const string Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const int AmountFormatId = 164;
    public const int DateFormatId = 165;

    // (number format, font, fill, border, wrap) for each XlsxStyle, in enum order. 49 is the built-in text format "@", 1 is "0".
    private static readonly (int NumFmt, int Font, int Fill, int Border, bool Wrap)[] Formats =
    [
        (0, 0, 0, 0, false),
        (49, 1, 2, 1, true),
        (AmountFormatId, 0, 0, 0, false),
        (49, 1, 0, 1, false),
        (AmountFormatId, 1, 0, 1, false),
        (1, 0, 0, 0, false),
        (DateFormatId, 0, 0, 0, false),
        (49, 0, 0, 0, false),
        (49, 0, 0, 0, true),
    ];

    public static void Write(XmlWriter x)
    {
        x.WriteStartElement("styleSheet", Ns);
        x.WriteStartElement("numFmts", Ns);
        x.WriteAttributeString("count", "2");
        NumFmt(x, AmountFormatId, XlsxWriter.AmountFormat);
        NumFmt(x, DateFormatId, XlsxWriter.DateFormat);
        x.WriteEndElement();

        x.WriteStartElement("fonts", Ns);
        x.WriteAttributeString("count", "2");
        foreach (var bold in new[] { false, true })
        {
            x.WriteStartElement("font", Ns);
            if (bold) x.WriteElementString("b", Ns, null);
            Value(x, "sz", "11");
            Value(x, "name", "宋体");
            Value(x, "charset", "134");
            x.WriteEndElement();
        }
        x.WriteEndElement();

        x.WriteStartElement("fills", Ns);
        x.WriteAttributeString("count", "3");
        Fill(x, "none", null);
        Fill(x, "gray125", null);
        Fill(x, "solid", "FFD9E1F2");
        x.WriteEndElement();

        x.WriteStartElement("borders", Ns);
        x.WriteAttributeString("count", "2");
        foreach (var thin in new[] { false, true })
        {
            x.WriteStartElement("border", Ns);
            foreach (var side in new[] { "left", "right", "top", "bottom", "diagonal" })
            {
                x.WriteStartElement(side, Ns);
                if (thin && side != "diagonal")
                {
                    x.WriteAttributeString("style", "thin");
                    x.WriteStartElement("color", Ns);
                    x.WriteAttributeString("auto", "1");
                    x.WriteEndElement();
                }
                x.WriteEndElement();
            }
            x.WriteEndElement();
        }
        x.WriteEndElement();

        x.WriteStartElement("cellStyleXfs", Ns);
        x.WriteAttributeString("count", "1");
        x.WriteStartElement("xf", Ns);
        foreach (var a in new[] { "numFmtId", "fontId", "fillId", "borderId" }) x.WriteAttributeString(a, "0");
        x.WriteEndElement();
        x.WriteEndElement();

        x.WriteStartElement("cellXfs", Ns);
        x.WriteAttributeString("count", XlsxWriter.Text(Formats.Length));
        foreach (var (numFmt, font, fill, border, wrap) in Formats)
        {
            x.WriteStartElement("xf", Ns);
            x.WriteAttributeString("numFmtId", XlsxWriter.Text(numFmt));
            x.WriteAttributeString("fontId", XlsxWriter.Text(font));
            x.WriteAttributeString("fillId", XlsxWriter.Text(fill));
            x.WriteAttributeString("borderId", XlsxWriter.Text(border));
            x.WriteAttributeString("xfId", "0");
            if (numFmt != 0) x.WriteAttributeString("applyNumberFormat", "1");
            if (font != 0) x.WriteAttributeString("applyFont", "1");
            if (fill != 0) x.WriteAttributeString("applyFill", "1");
            if (border != 0) x.WriteAttributeString("applyBorder", "1");
            if (wrap)
            {
                x.WriteAttributeString("applyAlignment", "1");
                x.WriteStartElement("alignment", Ns);
                x.WriteAttributeString("wrapText", "1");
                x.WriteAttributeString("vertical", "center");
                x.WriteEndElement();
            }
            x.WriteEndElement();
        }
        x.WriteEndElement();

        x.WriteStartElement("cellStyles", Ns);
        x.WriteAttributeString("count", "1");
        x.WriteStartElement("cellStyle", Ns);
        x.WriteAttributeString("name", "Normal");
        x.WriteAttributeString("xfId", "0");
        x.WriteAttributeString("builtinId", "0");
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndElement();
    }

    private static void NumFmt(XmlWriter x, int id, string code)
    {
        x.WriteStartElement("numFmt", Ns);
        x.WriteAttributeString("numFmtId", XlsxWriter.Text(id));
        x.WriteAttributeString("formatCode", code);
        x.WriteEndElement();
    }

    private static void Value(XmlWriter x, string element, string value)
    {
        x.WriteStartElement(element, Ns);
        x.WriteAttributeString("val", value);
        x.WriteEndElement();
    }

    private static void Fill(XmlWriter x, string pattern, string? color)
    {
        x.WriteStartElement("fill", Ns);
        x.WriteStartElement("patternFill", Ns);
        x.WriteAttributeString("patternType", pattern);
        if (color is not null)
        {
            x.WriteStartElement("fgColor", Ns);
            x.WriteAttributeString("rgb", color);
            x.WriteEndElement();
        }
        x.WriteEndElement();
        x.WriteEndElement();
    }
}
