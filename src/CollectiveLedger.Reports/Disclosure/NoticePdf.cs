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
        List<Block> blocks =
        [
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
            Items(t.IncomeItemsCaption, itemColumns, NoticeTables.Items(n.IncomeItems, t), t.None),
            new Spacer(6),
            Items(t.ExpenditureItemsCaption, itemColumns, NoticeTables.Items(n.ExpenditureItems, t), t.None),
            new Spacer(6),
            Items(t.FundsCaption, [new TableColumn(t.Fund, 3f), new TableColumn(t.Received, 1.5f, Align.Right), new TableColumn(t.Spent, 1.5f, Align.Right),
                new TableColumn(t.SpentInPeriod, 1.5f, Align.Right), new TableColumn(t.Balance, 1.5f, Align.Right)], NoticeTables.Funds(n), t.None),
            new Spacer(6),
            Items(t.ClaimsCaption, [new TableColumn(t.Item, 1.5f), new TableColumn(t.Account, 3f), new TableColumn(t.Amount, 1.5f, Align.Right)],
                NoticeTables.Claims(n, t), t.None),
            new Spacer(6),
            Register(t.AssetsCaption, NoticeTables.AssetColumns(t), NoticeTables.Assets(n, t), t.None, totalRow: true),
            n.Assets.Rows.IsEmpty ? new Spacer(0) : new Paragraph(t.AssetsNote, 9f),
            new Spacer(6),
            Register(t.HerdsCaption, NoticeTables.HerdColumns(t), NoticeTables.Herds(n, t), t.None, totalRow: false),
            new Spacer(6),
            Register(t.ContractsCaption, NoticeTables.ContractColumns(t), NoticeTables.Contracts(n, t), t.None, totalRow: true),
            new Spacer(6),
            .. NoticeTables.Annexes(n, t).SelectMany(s => (Block[])[Register(s.Caption, s.Columns, s.Rows, t.None, s.TotalRow),
                s.Rows.Count > 0 && s.Note is { } note ? new Paragraph(note, 9f) : new Spacer(0), new Spacer(6)]),
            n.Feedback.IsEmpty ? new Spacer(0) : Register(t.FeedbackCaption, NoticeTables.FeedbackColumns(t), NoticeTables.Feedback(n, t), t.None, totalRow: false),
            n.Feedback.IsEmpty ? new Spacer(0) : new Spacer(6),
            Review(t, t.ReviewCaption, [t.ReviewLine, t.Objection(n.Settings)], n.Settings),
            new Spacer(6),
            Verification(t, t.VerificationCaption, n.Verification),
        ];
        return PdfRenderer.Render(blocks, Options(t, paper, fontPath, n.PublicationDate, t.Heading(n), n.Org, $"{n.Org}  {t.PeriodLabel(n.Period)}{t.Title}"));
    }

    /// <summary>The review block: its caption and lines, then the three signatures, kept on one page.</summary>
    internal static Block Review(NoticeText t, string caption, IEnumerable<string> lines, DisclosureSettings s) => new KeepTogether(
    [
        new Paragraph(caption, 13f),
        .. lines.Select(line => (Block)new Paragraph(line)),
        new Spacer(10),
        new Paragraph($"{t.AccountantSign(s)}{t.SignHere}        {t.ChairSign(s)}{t.SignHere}        {t.SupervisionSign(s)}{t.SignHere}"),
    ]);

    /// <summary>The verification block: the checkpoint table, its QR code and how to check, kept on one page.</summary>
    internal static Block Verification(NoticeText t, string caption, NoticeVerification v) => new KeepTogether(
    [
        new Table([new TableColumn(t.Item, 1.2f), new TableColumn("", 4f)], NoticeTables.Verification(v, t), caption),
        new QrCode(v.SignedNote, 45f),
        new Paragraph(t.HowToCheck, 9.5f),
    ]);

    /// <summary>Document options of a notice: fixed metadata (creation date = publication date, UTC+8) so the same notice gives the same bytes.</summary>
    internal static PdfOptions Options(NoticeText t, Paper paper, string fontPath, DateOnly date, string title, string org, string header) =>
        new(paper, fontPath, new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), title, org, t.Footer, header);

    /// <summary>A register section: its table, the last row shaded as the totals when <paramref name="totalRow"/>; or the caption and <paramref name="none"/>.</summary>
    private static Block Register(string caption, IReadOnlyList<NoticeTables.Column> columns, IReadOnlyList<IReadOnlyList<string>> rows, string none, bool totalRow) =>
        rows.Count == 0
            ? Items(caption, [], rows, none)
            : new Table([.. columns.Select(c => new TableColumn(c.Header, c.Weight, c.Numeric ? Align.Right : Align.Left))], rows, caption,
                totalRow ? rows.Count - 1 : null);

    /// <summary>A captioned table, or the caption and <paramref name="none"/> when there are no rows.</summary>
    internal static Block Items(string caption, TableColumn[] columns, IReadOnlyList<IReadOnlyList<string>> rows, string none) =>
        rows.Count == 0
            ? new KeepTogether([new Paragraph(caption, 13f), new Paragraph(none)])
            : new Table(columns, rows, caption);
}
