using CollectiveLedger.Reports.Pdf;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>Any <see cref="NoticeDocument"/> for the notice board: blocks for the PDF layout engine, A4 portrait or A3 landscape.</summary>
public static class NoticePdf
{
    private const float CaptionSize = 13f;
    private const float SectionGap = 6f;

    /// <summary>The PDF bytes; the same document, paper and font always give the same bytes.</summary>
    /// <exception cref="FontUnavailableException">The font is missing, not TrueType-outlined, or lacks a character the notice uses.</exception>
    public static byte[] Render(NoticeDocument d, Paper paper, string fontPath)
    {
        var blocks = new List<Block>
        {
            new Heading(d.Org, 18f),
            new Heading(d.Name, 22f),
            new Paragraph(d.Meta.Replace("　", "    ", StringComparison.Ordinal), 10.5f, Align.Center),
        };
        foreach (var section in d.Sections)
        {
            blocks.Add(new Spacer(SectionGap));
            var parts = Section(section, d.Text);
            blocks.AddRange(section.KeepTogether ? [new KeepTogether(parts)] : parts);
        }
        // Fixed metadata (creation date = publication date, UTC+8) so the same notice gives the same bytes.
        var date = new DateTimeOffset(d.PublicationDate.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        return PdfRenderer.Render(blocks, new PdfOptions(paper, fontPath, date, d.Heading, d.Org, d.Text.Footer, d.Heading));
    }

    /// <summary>A section's blocks; its caption goes above its first table, or on a line of its own when it does not begin with one.</summary>
    private static List<Block> Section(NoticeSection section, NoticeText t)
    {
        var blocks = new List<Block>();
        string? caption = section.Caption;
        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case NoticeTable { Rows.Count: 0, EmptyText.Length: > 0 } empty:
                    blocks.Add(new KeepTogether([.. CaptionLine(ref caption), new Paragraph(empty.EmptyText)]));
                    break;
                case NoticeTable table:
                    blocks.Add(Table(table, Take(ref caption)));
                    break;
                case NoticeParagraph p:
                    blocks.AddRange(CaptionLine(ref caption));
                    blocks.Add(p.Style switch
                    {
                        NoticeParagraphStyle.Emphasis => new Paragraph(p.Text, 10.5f, Align.Left, Shaded: true),
                        NoticeParagraphStyle.Note => new Paragraph(p.Text, 9f),
                        _ => new Paragraph(p.Text),
                    });
                    break;
                case NoticeSignatures s:
                    // Each label heads a box left blank to sign in: four empty lines high, ruled all round.
                    blocks.AddRange(CaptionLine(ref caption));
                    blocks.Add(new Spacer(4));
                    blocks.Add(new Pdf.Table([.. s.Labels.Select(label => new TableColumn(label, 1f))], [[.. s.Labels.Select(_ => "\n\n\n")]]));
                    break;
                case NoticeCheck check:
                    blocks.Add(Table(check.Checkpoint, Take(ref caption)));
                    blocks.Add(new QrCode(check.QrText.Length > 0 ? check.QrText : check.SignedNote, 45f));
                    blocks.Add(new Paragraph(check.HowToCheck, 9.5f));
                    break;
                case NoticeImage image:
                    blocks.AddRange(CaptionLine(ref caption));
                    blocks.Add(new Picture([.. image.Bytes], image.Caption));
                    break;
                default:
                    throw new ArgumentException($"Unknown notice block {block.GetType().Name}.", nameof(section));
            }
        }
        blocks.InsertRange(0, CaptionLine(ref caption));
        return blocks;
    }

    private static string? Take(ref string? caption)
    {
        var taken = caption;
        caption = null;
        return taken;
    }

    private static IEnumerable<Block> CaptionLine(ref string? caption) =>
        Take(ref caption) is { } text ? [new Paragraph(text, CaptionSize)] : [];

    private static Pdf.Table Table(NoticeTable table, string? caption) => new(
        [.. table.Columns.Select(c => new TableColumn(c.Header, c.Weight, c.Numeric ? Align.Right : Align.Left, c.NoWrap))],
        [.. table.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(cell => cell.Text)])],
        caption, table.TotalRowFrom);
}
