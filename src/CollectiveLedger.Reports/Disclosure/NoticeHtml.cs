using System.Text;
using System.Text.Encodings.Web;
using CollectiveLedger.Core.Disclosure;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>
/// The notice as one self-contained, printable HTML page: no script, no external files, the QR code
/// as inline SVG, every text HTML-encoded.
/// </summary>
public static class NoticeHtml
{
    internal const string Style = """
        body{font-family:"WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;margin:2em auto;max-width:60em;color:#000;line-height:1.5}
        h1{text-align:center;font-size:1.8em;margin-bottom:.2em}p.meta{text-align:center;margin-top:0}
        h2{font-size:1.15em;margin-top:1.5em;border-bottom:1px solid #000}
        table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #444;padding:.25em .5em;vertical-align:top}
        th{background:#e8e8e8}td.n{text-align:right;white-space:nowrap}tr.total td{background:#f2f2f2;font-weight:bold}
        td.code{font-family:monospace;word-break:break-all}.sign{display:flex;justify-content:space-between;margin-top:2em}
        .qr{text-align:center;margin:1em}.keep{break-inside:avoid}thead{display:table-header-group}tr{break-inside:avoid}
        @media print{body{margin:0;max-width:none}}
        """;

    public static byte[] Render(DisclosureNotice n, bool chinese)
    {
        var t = new NoticeText(chinese);
        string E(string s) => HtmlEncoder.Default.Encode(s);
        var h = Begin(t, t.Heading(n), n.Org, t.PeriodLabel(n.Period) + t.Title, $"{t.Published(n)}　{t.Unit(n)}");

        h.Append($"<section class=\"keep\"><h2>{E(t.SummaryCaption)}</h2>");
        Table(h, [t.Item, t.Amount], [false, true], NoticeTables.Summary(n, t), totalRowsFrom: null);
        foreach (var line in NoticeTables.SummaryWords(n, t)) h.Append($"<p>{E(line)}</p>");
        h.Append("</section>\n");

        string[] itemHeaders = [t.Date, t.Voucher, t.Summary, t.Party, t.Account, t.Amount];
        bool[] itemNumeric = [false, false, false, false, false, true];
        h.Append($"<h2>{E(t.IncomeItemsCaption)}</h2>");
        Items(h, itemHeaders, itemNumeric, NoticeTables.Items(n.IncomeItems, t), t);
        h.Append($"<h2>{E(t.ExpenditureItemsCaption)}</h2>");
        Items(h, itemHeaders, itemNumeric, NoticeTables.Items(n.ExpenditureItems, t), t);

        h.Append($"<h2>{E(t.FundsCaption)}</h2>");
        Items(h, [t.Fund, t.Received, t.Spent, t.SpentInPeriod, t.Balance], [false, true, true, true, true], NoticeTables.Funds(n), t);
        h.Append($"<h2>{E(t.ClaimsCaption)}</h2>");
        Items(h, [t.Item, t.Account, t.Amount], [false, false, true], NoticeTables.Claims(n, t), t);

        h.Append($"<h2>{E(t.AssetsCaption)}</h2>");
        Register(h, NoticeTables.AssetColumns(t), NoticeTables.Assets(n, t), t, totalRow: true);
        if (!n.Assets.Rows.IsEmpty) h.Append($"<p style=\"font-size:.85em\">{E(t.AssetsNote)}</p>");
        h.Append($"<h2>{E(t.HerdsCaption)}</h2>");
        Register(h, NoticeTables.HerdColumns(t), NoticeTables.Herds(n, t), t, totalRow: false);
        h.Append($"<h2>{E(t.ContractsCaption)}</h2>");
        Register(h, NoticeTables.ContractColumns(t), NoticeTables.Contracts(n, t), t, totalRow: true);
        foreach (var s in NoticeTables.Annexes(n, t))
        {
            h.Append($"<h2>{E(s.Caption)}</h2>");
            Register(h, s.Columns, s.Rows, t, s.TotalRow);
            if (s.Rows.Count > 0 && s.Note is { } note) h.Append($"<p style=\"font-size:.85em\">{E(note)}</p>");
        }
        if (!n.Feedback.IsEmpty)
        {
            h.Append($"<h2>{E(t.FeedbackCaption)}</h2>");
            Register(h, NoticeTables.FeedbackColumns(t), NoticeTables.Feedback(n, t), t, totalRow: false);
        }

        Review(h, t, t.ReviewCaption, [t.ReviewLine, t.Objection(n.Settings)], n.Settings);
        return End(h, t, t.VerificationCaption, n.Verification);
    }

    /// <summary>The page up to its title and the line under it: the head with the style, the organization and the notice's name.</summary>
    internal static StringBuilder Begin(NoticeText t, string title, string org, string name, string meta)
    {
        string E(string s) => HtmlEncoder.Default.Encode(s);
        var h = new StringBuilder();
        h.Append($"<!DOCTYPE html>\n<html lang=\"{(t.Chinese ? "zh-CN" : "en")}\"><head><meta charset=\"utf-8\">")
         .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
         .Append($"<title>{E(title)}</title><style>{Style}</style></head><body>\n");
        h.Append($"<h1>{E(org)}<br>{E(name)}</h1>\n<p class=\"meta\">{E(meta)}</p>\n");
        return h;
    }

    /// <summary>The review section: its lines, then the three signatures.</summary>
    internal static void Review(StringBuilder h, NoticeText t, string caption, IEnumerable<string> lines, DisclosureSettings s)
    {
        string E(string text) => HtmlEncoder.Default.Encode(text);
        h.Append($"<section class=\"keep\"><h2>{E(caption)}</h2>");
        foreach (var line in lines) h.Append($"<p>{E(line)}</p>");
        h.Append($"<div class=\"sign\"><span>{E(t.AccountantSign(s))}{E(t.SignHere)}</span><span>{E(t.ChairSign(s))}{E(t.SignHere)}</span>")
         .Append($"<span>{E(t.SupervisionSign(s))}{E(t.SignHere)}</span></div></section>\n");
    }

    /// <summary>The verification section (checkpoint table, QR code, how to check, the signed note) and the end of the page.</summary>
    internal static byte[] End(StringBuilder h, NoticeText t, string caption, NoticeVerification v)
    {
        string E(string s) => HtmlEncoder.Default.Encode(s);
        h.Append($"<section class=\"keep\"><h2>{E(caption)}</h2>");
        Table(h, [t.Item, ""], [false, false], NoticeTables.Verification(v, t), totalRowsFrom: null, codeColumn: 1);
        h.Append($"<div class=\"qr\">{QrSvg.Render(v.SignedNote)}</div><p>{E(t.HowToCheck)}</p>")
         .Append($"<pre style=\"white-space:pre-wrap;font-size:.8em\">{E(v.SignedNote)}</pre></section>\n");
        h.Append("</body></html>\n");
        return Encoding.UTF8.GetBytes(h.ToString());
    }

    /// <summary>A register section's table, its last row styled as the totals when <paramref name="totalRow"/>; or <see cref="NoticeText.None"/>.</summary>
    private static void Register(StringBuilder h, IReadOnlyList<NoticeTables.Column> columns, IReadOnlyList<IReadOnlyList<string>> rows, NoticeText t, bool totalRow)
    {
        if (rows.Count == 0) h.Append($"<p>{HtmlEncoder.Default.Encode(t.None)}</p>");
        else Table(h, [.. columns.Select(c => c.Header)], [.. columns.Select(c => c.Numeric)], rows, totalRowsFrom: totalRow ? rows.Count - 1 : null);
    }

    internal static void Items(StringBuilder h, string[] headers, bool[] numeric, IReadOnlyList<IReadOnlyList<string>> rows, NoticeText t)
    {
        if (rows.Count == 0) h.Append($"<p>{HtmlEncoder.Default.Encode(t.None)}</p>");
        else Table(h, headers, numeric, rows, totalRowsFrom: null);
    }

    internal static void Table(StringBuilder h, string[] headers, bool[] numeric, IReadOnlyList<IReadOnlyList<string>> rows, int? totalRowsFrom, int? codeColumn = null)
    {
        string E(string s) => HtmlEncoder.Default.Encode(s).Replace("&#xA;", "<br>");
        h.Append("<table><thead><tr>");
        foreach (var header in headers) h.Append($"<th>{E(header)}</th>");
        h.Append("</tr></thead><tbody>");
        for (var r = 0; r < rows.Count; r++)
        {
            h.Append(totalRowsFrom is { } from && r >= from ? "<tr class=\"total\">" : "<tr>");
            for (var c = 0; c < rows[r].Count; c++)
                h.Append(numeric[c] ? "<td class=\"n\">" : c == codeColumn ? "<td class=\"code\">" : "<td>").Append(E(rows[r][c])).Append("</td>");
            h.Append("</tr>");
        }
        h.Append("</tbody></table>");
    }
}
