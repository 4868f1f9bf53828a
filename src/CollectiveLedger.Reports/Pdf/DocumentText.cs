using System.Text;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// Every character a document will draw, gathered before layout because the fonts are chosen and
/// subset for exactly these characters and everything is then measured and drawn with the subsets.
/// </summary>
internal static class DocumentText
{
    /// <summary>
    /// The codepoints of all block text, the header and the footer template, plus the ten digits
    /// that page numbers are made of. Line feeds and other control characters are left out: they
    /// are never drawn.
    /// </summary>
    public static IReadOnlySet<int> Codepoints(IReadOnlyList<Block> blocks, PdfOptions options)
    {
        var codepoints = new SortedSet<int>();
        foreach (var text in Texts(blocks, options))
        {
            foreach (var rune in text.EnumerateRunes())
            {
                if (!Rune.IsControl(rune)) codepoints.Add(rune.Value);
            }
        }

        return codepoints;
    }

    /// <summary>Every text the document draws, as written: the blocks', the header, the footer template and the page-number digits.</summary>
    public static IEnumerable<string> Texts(IReadOnlyList<Block> blocks, PdfOptions options) =>
        Texts(blocks).Append(options.HeaderText ?? "").Append(options.FooterTemplate).Append("0123456789 ");

    private static IEnumerable<string> Texts(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            var texts = block switch
            {
                Heading heading => [heading.Text],
                Paragraph paragraph => [paragraph.Text],
                Table table => table.Columns.Select(column => column.Header)
                    .Concat(table.Rows.SelectMany(row => row))
                    .Append(table.Caption ?? "")
                    .Concat(table.Carry is { } carry ? carry.CarriedOver.Concat(carry.BroughtForward).SelectMany(row => row) : []),
                HalfPage half => Texts(half.Blocks),
                PageBreak => [],
                KeepTogether group => Texts(group.Blocks),
                QrCode qrCode => [qrCode.Caption ?? ""],
                Picture picture => [picture.Caption],
                Spacer => [],
                _ => throw new ArgumentException($"Unknown block {block.GetType().Name}.", nameof(blocks)),
            };

            foreach (var text in texts) yield return text;
        }
    }
}
