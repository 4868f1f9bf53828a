using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Reports.Pdf;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>The distribution notice for the notice board: blocks for the PDF layout engine, built from the same parts as <see cref="NoticePdf"/>.</summary>
public static class DistributionNoticePdf
{
    private static readonly float[] HouseholdWeights = [1.2f, 1.5f, 1.3f, 0.8f, 1.4f, 2.6f, 2.6f, 1.7f];

    public static byte[] Render(DistributionNotice n, bool chinese, Paper paper, string fontPath)
    {
        var t = new DistributionNoticeText(chinese);
        var c = t.Common;
        var headers = DistributionNoticeTables.HouseholdHeaders(t);
        var rows = DistributionNoticeTables.Households(n, t);
        var blocks = new List<Block>
        {
            new Heading(n.Org, 18f),
            new Heading(t.Name(n), 22f),
            new Paragraph(t.Meta(n).Replace("　", "    ", StringComparison.Ordinal), 10.5f, Align.Center),
            new Spacer(6),
            new KeepTogether(
            [
                new Table([new TableColumn(c.Item, 3f), new TableColumn(c.Amount, 1.4f, Align.Right)], DistributionNoticeTables.Plan(n, t), t.PlanCaption),
                .. DistributionNoticeTables.PlanWords(n, t).Select(line => (Block)new Paragraph(line, 10.5f, Align.Left, Shaded: true)),
            ]),
            new Spacer(6),
            new Table([.. headers.Select((h, i) => new TableColumn(h, HouseholdWeights[i], DistributionNoticeTables.HouseholdNumeric[i] ? Align.Right : Align.Left))],
                rows, t.HouseholdsCaption, ShadedRowFrom: rows.Count - 1),
            new Spacer(6),
            NoticePdf.Review(c, t.ReviewCaption, DistributionNoticeTables.Review(n, t), n.Settings),
            new Spacer(6),
            NoticePdf.Verification(c, t.VerificationCaption, n.Verification),
        };
        return PdfRenderer.Render(blocks, NoticePdf.Options(c, paper, fontPath, n.PublicationDate, t.Heading(n), n.Org, t.Heading(n)));
    }
}
