using SkiaSharp;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// The running header and the "第 x 页 共 y 页" footer, added once the layout pass has counted the
/// pages. They live in the margins, so they never change where the content breaks.
/// </summary>
internal static class PageDecorations
{
    private const float Size = 8.5f;

    public static IReadOnlyList<PageItem> For(int pageNumber, int pageCount, PdfOptions options, PageGeometry page, TextMeasurer measurer)
    {
        var items = new List<PageItem>();
        if (!string.IsNullOrWhiteSpace(options.HeaderText))
        {
            var header = OneLine(options.HeaderText);
            var left = measurer.AlignedLeft(header, Size, Align.Center, page.ContentLeft, page.ContentWidth);
            items.Add(new TextItem(header, left, page.HeaderBaseline, Size, Ink.Quiet));
            items.Add(new RuleItem(
                new SKPoint(page.ContentLeft, page.HeaderRule), new SKPoint(page.ContentRight, page.HeaderRule), 0.4f, Ink.Quiet));
        }

        var footer = OneLine(options.FooterTemplate
            .Replace("{page}", pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{pages}", pageCount.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var footerLeft = measurer.AlignedLeft(footer, Size, Align.Center, page.ContentLeft, page.ContentWidth);
        items.Add(new TextItem(footer, footerLeft, page.FooterBaseline, Size, Ink.Quiet));
        return items;
    }

    /// <summary>Header and footer are one line each; line feeds in them are shown as spaces.</summary>
    private static string OneLine(string text) => text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ').Replace('\t', ' ');
}
