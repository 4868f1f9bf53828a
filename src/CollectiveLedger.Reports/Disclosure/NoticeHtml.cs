using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>
/// Any <see cref="NoticeDocument"/> as one self-contained, printable HTML page: no script, no external
/// files, the QR code as inline SVG, every text HTML-encoded.
/// </summary>
public static class NoticeHtml
{
    private const string Style = """
        body{font-family:"WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;margin:2em auto;max-width:60em;color:#000;line-height:1.5}
        h1{text-align:center;font-size:1.8em;margin-bottom:.2em}p.meta{text-align:center;margin-top:0}
        h2{font-size:1.15em;margin-top:1.5em;border-bottom:1px solid #000}
        table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #444;padding:.25em .5em;vertical-align:top}
        th{background:#e8e8e8}td.n{text-align:right;white-space:nowrap}tr.total td{background:#f2f2f2;font-weight:bold}
        td.code{font-family:monospace;word-break:break-all}td.nw{white-space:nowrap}.sign{display:flex;justify-content:space-between;gap:2em;margin-top:2em}.sign>div{flex:1}.blank{height:4em;border-bottom:1px solid #000}
        .qr{text-align:center;margin:1em}.keep{break-inside:avoid}thead{display:table-header-group}tr{break-inside:avoid}
        @media print{body{margin:0;max-width:none}}
        """;

    public static byte[] Render(NoticeDocument d)
    {
        var h = new StringBuilder();
        h.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{(d.Text.Chinese ? "zh-CN" : "en")}\"><head><meta charset=\"utf-8\">")
         .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
         .Append(CultureInfo.InvariantCulture, $"<title>{E(d.Heading)}</title><style>{Style}</style></head><body>\n");
        h.Append(CultureInfo.InvariantCulture, $"<h1>{E(d.Org)}<br>{E(d.Name)}</h1>\n<p class=\"meta\">{E(d.Meta)}</p>\n");
        foreach (var section in d.Sections)
        {
            if (section.KeepTogether) h.Append("<section class=\"keep\">");
            h.Append(CultureInfo.InvariantCulture, $"<h2>{E(section.Caption)}</h2>");
            foreach (var block in section.Blocks) Block(h, block);
            if (section.KeepTogether) h.Append("</section>\n");
        }
        h.Append("</body></html>\n");
        return Encoding.UTF8.GetBytes(h.ToString());
    }

    private static string E(string s) => HtmlEncoder.Default.Encode(s);

    private static void Block(StringBuilder h, NoticeBlock block)
    {
        switch (block)
        {
            case NoticeTable { Rows.Count: 0, EmptyText.Length: > 0 } empty:
                h.Append(CultureInfo.InvariantCulture, $"<p>{E(empty.EmptyText)}</p>");
                break;
            case NoticeTable table:
                Table(h, table);
                break;
            case NoticeParagraph { Style: NoticeParagraphStyle.Note } note:
                h.Append(CultureInfo.InvariantCulture, $"<p style=\"font-size:.85em\">{E(note.Text)}</p>");
                break;
            case NoticeParagraph p:
                h.Append(CultureInfo.InvariantCulture, $"<p>{E(p.Text)}</p>");
                break;
            case NoticeSignatures s:
                h.Append("<div class=\"sign\">");
                foreach (var label in s.Labels) h.Append(CultureInfo.InvariantCulture, $"<div><span>{E(label)}</span><div class=\"blank\"></div></div>");
                h.Append("</div>");
                break;
            case NoticeCheck check:
                Table(h, check.Checkpoint);
                h.Append(CultureInfo.InvariantCulture, $"<div class=\"qr\">{QrSvg.Render(check.QrText.Length > 0 ? check.QrText : check.SignedNote)}</div><p>{E(check.HowToCheck)}</p>")
                 .Append(CultureInfo.InvariantCulture, $"<pre style=\"white-space:pre-wrap;font-size:.8em\">{E(check.SignedNote)}</pre>");
                break;
            case NoticeImage image:
                // Inline, as everything on this page is: it stays one self-contained file (the public site allows data: images).
                h.Append(CultureInfo.InvariantCulture, $"<figure style=\"break-inside:avoid;text-align:center;margin:1em 0\"><img src=\"data:{image.MediaType};base64,{Convert.ToBase64String(image.Bytes.AsSpan())}\" alt=\"{E(image.Caption)}\" style=\"max-width:100%;max-height:40em\">")
                 .Append(CultureInfo.InvariantCulture, $"<figcaption style=\"font-size:.85em\">{E(image.Caption)}</figcaption></figure>");
                break;
            default:
                throw new ArgumentException($"Unknown notice block {block.GetType().Name}.", nameof(block));
        }
    }

    private static void Table(StringBuilder h, NoticeTable table)
    {
        static string Cell(string s) => E(s).Replace("&#xA;", "<br>");
        h.Append("<table><thead><tr>");
        foreach (var column in table.Columns) h.Append(CultureInfo.InvariantCulture, $"<th>{Cell(column.Header)}</th>");
        h.Append("</tr></thead><tbody>");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            h.Append(table.TotalRowFrom is { } from && r >= from ? "<tr class=\"total\">" : "<tr>");
            for (var c = 0; c < table.Rows[r].Count; c++)
            {
                var column = table.Columns[c];
                h.Append(column.Numeric ? "<td class=\"n\">" : column.Code ? "<td class=\"code\">" : column.NoWrap ? "<td class=\"nw\">" : "<td>").Append(Cell(table.Rows[r][c].Text)).Append("</td>");
            }
            h.Append("</tr>");
        }
        h.Append("</tbody></table>");
    }
}
