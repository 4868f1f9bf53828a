using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Reports;

/// <summary>
/// A <see cref="Receipt"/> as one printable HTML page: what it attests in words, then the receipt
/// itself (its JSON, small, in a <c>pre</c> block), so that the page a household keeps is also the
/// file that <c>cledger receipt check</c> reads back (<see cref="Extract"/>).
/// </summary>
public static class ReceiptHtml
{
    private const string Start = "<pre id=\"receipt\">";

    public static byte[] Render(Receipt receipt)
    {
        var h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(receipt.About.FirstOrDefault() ?? "")}</title>")
            .Append("<style>body{font-family:\"WenQuanYi Micro Hei\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif;margin:2em auto;max-width:40em;line-height:1.6}")
            .Append("h1{font-size:1.3em}pre{font-size:.6em;white-space:pre-wrap;word-break:break-all;border-top:1px solid #000;padding-top:.5em}</style></head><body>\n");
        h.Append(CultureInfo.InvariantCulture, $"<h1>{E(receipt.About.FirstOrDefault() ?? "")}</h1>\n");
        foreach (var line in receipt.About.Skip(1)) h.Append(CultureInfo.InvariantCulture, $"<p>{E(line)}</p>\n");
        h.Append("<p>核对方法 how to check：<code>cledger receipt check 本文件 this-file</code>，或 or <code>python3 verify_log.py --receipt 本文件 this-file</code>。</p>\n");
        h.Append(Start).Append(E(Encoding.UTF8.GetString(receipt.ToJson()))).Append("</pre>\n</body></html>\n");
        return Encoding.UTF8.GetBytes(h.ToString());
    }

    /// <summary>The receipt's JSON from a page <see cref="Render"/> wrote, or the text itself when it is the JSON.</summary>
    public static byte[] Extract(byte[] file)
    {
        var text = Encoding.UTF8.GetString(file);
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf("</pre>", start, StringComparison.Ordinal);
        return end < 0 ? file : Encoding.UTF8.GetBytes(WebUtility.HtmlDecode(text[(start + Start.Length)..end]));
    }

    private static string E(string s) => HtmlEncoder.Default.Encode(s);
}
