using SkiaSharp;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// The layout pass: turns blocks into positioned items, page by page. Nothing is drawn here, so the
/// number of pages is known before any footer is written.
/// </summary>
internal sealed class LayoutEngine(TextMeasurer measurer, PageGeometry geometry)
{
    /// <summary>
    /// A heading needs this much room below it as well, or it moves to the next page: a title alone
    /// at the foot of a page, its table on the next, reads as a mistake on a notice board.
    /// </summary>
    private const float KeepWithNextPoints = 72f;

    private const float ShadePadding = 4f;
    private const float QrCaptionSize = 9f;
    private const float QrCaptionGap = 3f;
    private const float GapAfterQrCode = 8f;

    /// <summary>White space on each side of the cut line between two half sheets.</summary>
    public const float HalfPageGap = 14f;

    public IReadOnlyList<IReadOnlyList<PageItem>> LayOut(IReadOnlyList<Block> blocks)
    {
        var composer = new PageComposer(geometry);
        LayOut(blocks, composer);
        return composer.Finish();
    }

    private void LayOut(IEnumerable<Block> blocks, PageComposer composer)
    {
        foreach (var block in blocks) LayOut(block, composer);
    }

    private void LayOut(Block block, PageComposer composer)
    {
        switch (block)
        {
            case Heading heading:
                composer.EnsureRoom(LinesHeight(heading.Text, heading.Size, composer.Geometry.ContentWidth) + KeepWithNextPoints);
                LayOutLines(heading.Text, heading.Size, Align.Center, shaded: false, composer);
                composer.Gap(heading.Size * 0.5f);
                break;
            case Paragraph paragraph:
                LayOutLines(paragraph.Text, paragraph.Size, paragraph.Align, paragraph.Shaded, composer);
                composer.Gap(paragraph.Size * 0.6f);
                break;
            case Table table:
                new TableLayout(measurer).LayOut(table, composer);
                break;
            case KeepTogether group:
                composer.EnsureRoom(MeasureHeight(group.Blocks));
                LayOut(group.Blocks, composer);
                break;
            case QrCode qrCode:
                LayOutQrCode(qrCode, composer);
                break;
            case Picture picture:
                LayOutPicture(picture, composer);
                break;
            case HalfPage half:
                StartHalf(composer);
                LayOut(half.Blocks, composer);
                break;
            case PageBreak:
                if (!composer.AtTopOfPage) composer.NewPage();
                break;
            case Spacer spacer:
                if (!(spacer.Points >= 0f)) throw new ArgumentException($"A spacer cannot be {spacer.Points} points high.", nameof(block));
                if (composer.Fits(spacer.Points)) composer.Gap(spacer.Points);
                else composer.NewPage();
                break;
            default:
                throw new ArgumentException($"Unknown block {block.GetType().Name}.", nameof(block));
        }
    }

    /// <summary>
    /// Moves to the next free half sheet: the bottom half of this page when nothing reaches past the top
    /// half (drawing the cut line between them), else the top of a new page.
    /// </summary>
    private static void StartHalf(PageComposer composer)
    {
        var box = composer.Geometry;
        var middle = box.Height / 2f;
        var bottomHalfTop = middle + HalfPageGap;
        if (composer.AtTopOfPage) return;
        if (composer.InkBottom <= middle - HalfPageGap + 0.01f)
        {
            composer.Add(new RuleItem(new SKPoint(box.ContentLeft, middle), new SKPoint(box.ContentRight, middle), 0.3f, Ink.Quiet));
            composer.MoveDownTo(bottomHalfTop);
        }
        else
        {
            composer.NewPage();
        }
    }

    /// <summary>
    /// Height of blocks laid out on a page too tall to end: how much room a <see cref="KeepTogether"/>
    /// needs, not counting the gap after its last block.
    /// </summary>
    private float MeasureHeight(IReadOnlyList<Block> blocks)
    {
        var endless = new PageComposer(geometry with { Height = 1_000_000f });
        LayOut(blocks, endless);
        return endless.InkBottom - endless.Geometry.ContentTop;
    }

    private float LinesHeight(string text, float size, float width) =>
        measurer.Wrap(text, size, width).Count * measurer.LineHeight(size);

    /// <summary>Wrapped text that may continue on the next page between two lines; each page's part gets its own shade box.</summary>
    private void LayOutLines(string text, float size, Align align, bool shaded, PageComposer composer)
    {
        var padding = shaded ? ShadePadding : 0f;
        var box = composer.Geometry;
        var lineHeight = measurer.LineHeight(size);
        var textWidth = box.ContentWidth - (2f * padding);
        var lines = measurer.Wrap(text, size, textWidth);

        var next = 0;
        while (next < lines.Count)
        {
            var fitting = (int)Math.Floor((composer.Remaining - (2f * padding) + 0.01f) / lineHeight);
            if (fitting < 1 && !composer.AtTopOfPage)
            {
                composer.NewPage();
                continue;
            }

            var count = Math.Clamp(fitting, 1, lines.Count - next);
            var top = composer.Take((count * lineHeight) + (2f * padding));
            if (shaded)
            {
                composer.Add(new ShadeItem(new SKRect(box.ContentLeft, top, box.ContentRight, composer.Y), Ink.ParagraphShade));
            }

            for (var i = 0; i < count; i++)
            {
                var line = lines[next + i];
                var baseline = top + padding + (i * lineHeight) + measurer.BaselineOffset(size);
                var left = measurer.AlignedLeft(line, size, align, box.ContentLeft + padding, textWidth);
                if (line.Length > 0) composer.Add(new TextItem(line, left, baseline, size, Ink.Text));
            }

            next += count;
        }
    }

    private void LayOutPicture(Picture picture, PageComposer composer)
    {
        var box = composer.Geometry;
        using var image = SKImage.FromEncodedData(picture.Encoded);
        var (width, height) = (0f, 0f);
        if (image is not null && image.Width > 0 && image.Height > 0)
        {
            // Scaled down to fit the width and the height allowed, never up: a small scan is not blown up into blur.
            var maxHeight = Math.Min(picture.MaxHeightMillimetres * PageGeometry.PointsPerMillimetre, box.ContentHeight * 0.8f);
            var scale = Math.Min(1f, Math.Min(box.ContentWidth / image.Width, maxHeight / image.Height));
            (width, height) = (image.Width * scale, image.Height * scale);
        }

        var captionLines = measurer.Wrap(picture.Caption, QrCaptionSize, box.ContentWidth);
        var captionLineHeight = measurer.LineHeight(QrCaptionSize);
        var captionHeight = QrCaptionGap + (captionLines.Count * captionLineHeight);

        composer.EnsureRoom(height + captionHeight);
        var top = composer.Take(height + captionHeight);
        if (width > 0f)
        {
            var left = box.ContentLeft + ((box.ContentWidth - width) / 2f);
            composer.Add(new PictureItem(picture.Encoded, new SKRect(left, top, left + width, top + height)));
        }

        LayOutCaption(captionLines, top + height + QrCaptionGap, composer);

        composer.Gap(GapAfterQrCode);
    }

    /// <summary>A caption's lines, centered, the first line's top at <paramref name="top"/> (under a QR code or a picture).</summary>
    private void LayOutCaption(IReadOnlyList<string> lines, float top, PageComposer composer)
    {
        var box = composer.Geometry;
        var lineHeight = measurer.LineHeight(QrCaptionSize);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var baseline = top + (i * lineHeight) + measurer.BaselineOffset(QrCaptionSize);
            var left = measurer.AlignedLeft(line, QrCaptionSize, Align.Center, box.ContentLeft, box.ContentWidth);
            if (line.Length > 0) composer.Add(new TextItem(line, left, baseline, QrCaptionSize, Ink.Text));
        }
    }

    private void LayOutQrCode(QrCode qrCode, PageComposer composer)
    {
        var box = composer.Geometry;
        var side = qrCode.SizeMillimetres * PageGeometry.PointsPerMillimetre;
        if (!(side > 0f && side <= box.ContentWidth && side <= box.ContentHeight))
        {
            throw new ArgumentException($"A QR code {qrCode.SizeMillimetres} mm wide does not fit on the page.", nameof(qrCode));
        }

        var captionLines = qrCode.Caption is null ? [] : measurer.Wrap(qrCode.Caption, QrCaptionSize, box.ContentWidth);
        var captionLineHeight = measurer.LineHeight(QrCaptionSize);
        var captionHeight = captionLines.Count == 0 ? 0f : QrCaptionGap + (captionLines.Count * captionLineHeight);

        composer.EnsureRoom(side + captionHeight);
        var top = composer.Take(side + captionHeight);
        var left = box.ContentLeft + ((box.ContentWidth - side) / 2f);
        composer.Add(new SquaresItem(QrMatrix.DarkSquares(qrCode.Payload, new SKRect(left, top, left + side, top + side))));

        LayOutCaption(captionLines, top + side + QrCaptionGap, composer);

        composer.Gap(GapAfterQrCode);
    }
}
