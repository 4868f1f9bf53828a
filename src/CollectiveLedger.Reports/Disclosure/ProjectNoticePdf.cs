using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Reports.Pdf;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>The project notice for the notice board: blocks for the PDF layout engine, built from the same parts as <see cref="NoticePdf"/>.</summary>
public static class ProjectNoticePdf
{
    public static byte[] Render(ProjectNotice n, bool chinese, Paper paper, string fontPath)
    {
        var t = new ProjectNoticeText(chinese);
        var c = t.Common;
        var blocks = new List<Block>
        {
            new Heading(n.Org, 18f),
            new Heading(t.Name(n), 22f),
            new Paragraph(t.Meta(n).Replace("　", "    ", StringComparison.Ordinal), 10.5f, Align.Center),
            new Spacer(6),
            new Table([new TableColumn(t.Field, 1.3f), new TableColumn(t.Content, 5f)], ProjectNoticeTables.Basics(n, t), t.BasicsCaption),
            new Spacer(6),
            new KeepTogether(
            [
                new Table([new TableColumn(c.Item, 3f), new TableColumn(c.Amount, 1.4f, Align.Right)], ProjectNoticeTables.Money(n, t), t.MoneyCaption(n)),
                .. ProjectNoticeTables.MoneyWords(n, t).Select(line => (Block)new Paragraph(line, 10.5f, Align.Left, Shaded: true)),
            ]),
            new Spacer(6),
            NoticePdf.Items(t.PaymentsCaption,
                [new TableColumn(c.Date, 1.6f), new TableColumn(c.Voucher, 1.9f), new TableColumn(c.Summary, 4f), new TableColumn(t.ChargedTo, 2.6f),
                 new TableColumn(c.Amount, 1.8f, Align.Right)],
                ProjectNoticeTables.Payments(n, t), t.NoPayments),
            new Spacer(6),
            NoticePdf.Review(c, t.SupervisionCaption, ProjectNoticeTables.Supervision(n, t), n.Settings),
            new Spacer(6),
            NoticePdf.Verification(c, t.VerificationCaption, n.Verification),
        };
        return PdfRenderer.Render(blocks, NoticePdf.Options(c, paper, fontPath, n.PublicationDate, t.Heading(n), n.Org, t.Heading(n)));
    }
}
