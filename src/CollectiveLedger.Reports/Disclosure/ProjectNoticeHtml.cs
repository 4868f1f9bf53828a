using System.Text.Encodings.Web;
using CollectiveLedger.Core.Disclosure;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>The project notice as one self-contained, printable HTML page, built from the same parts as <see cref="NoticeHtml"/>.</summary>
public static class ProjectNoticeHtml
{
    public static byte[] Render(ProjectNotice n, bool chinese)
    {
        var t = new ProjectNoticeText(chinese);
        var c = t.Common;
        string E(string s) => HtmlEncoder.Default.Encode(s);
        var h = NoticeHtml.Begin(c, t.Heading(n), n.Org, t.Name(n), t.Meta(n));

        h.Append($"<section class=\"keep\"><h2>{E(t.BasicsCaption)}</h2>");
        NoticeHtml.Table(h, [t.Field, t.Content], [false, false], ProjectNoticeTables.Basics(n, t), totalRowsFrom: null);
        h.Append("</section>\n");

        h.Append($"<section class=\"keep\"><h2>{E(t.MoneyCaption(n))}</h2>");
        NoticeHtml.Table(h, [c.Item, c.Amount], [false, true], ProjectNoticeTables.Money(n, t), totalRowsFrom: 3);
        foreach (var line in ProjectNoticeTables.MoneyWords(n, t)) h.Append($"<p>{E(line)}</p>");
        h.Append("</section>\n");

        h.Append($"<h2>{E(t.PaymentsCaption)}</h2>");
        var payments = ProjectNoticeTables.Payments(n, t);
        if (payments.Count == 0) h.Append($"<p>{E(t.NoPayments)}</p>");
        else NoticeHtml.Table(h, [c.Date, c.Voucher, c.Summary, t.ChargedTo, c.Amount], [false, false, false, false, true], payments, totalRowsFrom: null);

        NoticeHtml.Review(h, c, t.SupervisionCaption, ProjectNoticeTables.Supervision(n, t), n.Settings);
        return NoticeHtml.End(h, c, t.VerificationCaption, n.Verification);
    }
}
