using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Reports.Pdf;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>The notice for the notice board: blocks for the PDF layout engine, A4 portrait or A3 landscape.</summary>
public static class NoticePdf
{
    public static byte[] Render(DisclosureNotice n, bool chinese, Paper paper, string fontPath)
    {
        var t = new NoticeText(chinese);
        var itemColumns = new[]
        {
            new TableColumn(t.Date, 1.6f), new TableColumn(t.Voucher, 1.9f), new TableColumn(t.Summary, 4f),
            new TableColumn(t.Party, 2.2f), new TableColumn(t.Account, 2.4f), new TableColumn(t.Amount, 1.8f, Align.Right),
        };
        var summaryRows = NoticeTables.Summary(n, t);
        var blocks = new List<Block>
        {
            new Heading(n.Org, 18f),
            new Heading(t.PeriodLabel(n.Period) + t.Title, 24f),
            new Paragraph($"{t.Published(n)}    {t.Unit(n)}", 10.5f, Align.Center),
            new Spacer(6),
            new KeepTogether(
            [
                new Table([new TableColumn(t.Item, 3f), new TableColumn(t.Amount, 1.4f, Align.Right)], summaryRows, t.SummaryCaption),
                .. NoticeTables.SummaryWords(n, t).Select(line => (Block)new Paragraph(line, 10.5f, Align.Left, Shaded: true)),
            ]),
            new Spacer(6),
            Items(t.IncomeItemsCaption, itemColumns, NoticeTables.Items(n.IncomeItems, t), t),
            new Spacer(6),
            Items(t.ExpenditureItemsCaption, itemColumns, NoticeTables.Items(n.ExpenditureItems, t), t),
            new Spacer(6),
            Items(t.FundsCaption, [new TableColumn(t.Fund, 3f), new TableColumn(t.Received, 1.5f, Align.Right), new TableColumn(t.Spent, 1.5f, Align.Right),
                new TableColumn(t.SpentInPeriod, 1.5f, Align.Right), new TableColumn(t.Balance, 1.5f, Align.Right)], NoticeTables.Funds(n), t),
            new Spacer(6),
            Items(t.ClaimsCaption, [new TableColumn(t.Item, 1.5f), new TableColumn(t.Account, 3f), new TableColumn(t.Amount, 1.5f, Align.Right)],
                NoticeTables.Claims(n, t), t),
            new Spacer(6),
            new KeepTogether(
            [
                new Paragraph(t.ReviewCaption, 13f),
                new Paragraph(t.ReviewLine),
                new Paragraph(t.Objection(n)),
                new Spacer(10),
                new Paragraph($"{t.AccountantSign(n)}{t.SignHere}        {t.ChairSign(n)}{t.SignHere}        {t.SupervisionSign(n)}{t.SignHere}"),
            ]),
            new Spacer(6),
            new KeepTogether(
            [
                new Table([new TableColumn(t.Item, 1.2f), new TableColumn("", 4f)], NoticeTables.Verification(n, t), t.VerificationCaption),
                new QrCode(n.Verification.SignedNote, 45f),
                new Paragraph(t.HowToCheck, 9.5f),
            ]),
        };
        return PdfRenderer.Render(blocks, new PdfOptions(paper, fontPath,
            new DateTimeOffset(n.PublicationDate.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)),
            t.Heading(n), n.Org, t.Footer, $"{n.Org}  {t.PeriodLabel(n.Period)}{t.Title}"));
    }

    private static Block Items(string caption, TableColumn[] columns, IReadOnlyList<IReadOnlyList<string>> rows, NoticeText t) =>
        rows.Count == 0
            ? new KeepTogether([new Paragraph(caption, 13f), new Paragraph(t.None)])
            : new Table(columns, rows, caption);
}
