using System.Text.Encodings.Web;
using CollectiveLedger.Core.Disclosure;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>The distribution notice as one self-contained, printable HTML page, built from the same parts as <see cref="NoticeHtml"/>.</summary>
public static class DistributionNoticeHtml
{
    public static byte[] Render(DistributionNotice n, bool chinese)
    {
        var t = new DistributionNoticeText(chinese);
        var c = t.Common;
        string E(string s) => HtmlEncoder.Default.Encode(s);
        var h = NoticeHtml.Begin(c, t.Heading(n), n.Org, t.Name(n), t.Meta(n));

        h.Append($"<section class=\"keep\"><h2>{E(t.PlanCaption)}</h2>");
        NoticeHtml.Table(h, [c.Item, c.Amount], [false, true], DistributionNoticeTables.Plan(n, t), totalRowsFrom: null);
        foreach (var line in DistributionNoticeTables.PlanWords(n, t)) h.Append($"<p>{E(line)}</p>");
        h.Append("</section>\n");

        h.Append($"<h2>{E(t.HouseholdsCaption)}</h2>");
        var rows = DistributionNoticeTables.Households(n, t);
        NoticeHtml.Table(h, DistributionNoticeTables.HouseholdHeaders(t), DistributionNoticeTables.HouseholdNumeric, rows, totalRowsFrom: rows.Count - 1);

        NoticeHtml.Review(h, c, t.ReviewCaption, DistributionNoticeTables.Review(n, t), n.Settings);
        return NoticeHtml.End(h, c, t.VerificationCaption, n.Verification);
    }
}
