using SkiaSharp;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// The drawing pass: paints laid-out pages onto Skia's PDF canvas. Every decision was taken in the
/// layout pass; this only translates items into Skia calls, in order.
/// </summary>
internal static class PageDrawer
{
    public static byte[] Draw(IReadOnlyList<IReadOnlyList<PageItem>> pages, PageGeometry page, PdfOptions options, TextMeasurer measurer)
    {
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, Metadata(options)))
        {
            for (var index = 0; index < pages.Count; index++)
            {
                var canvas = document.BeginPage(page.Width, page.Height);
                foreach (var item in pages[index]) Draw(canvas, item, measurer);
                foreach (var item in PageDecorations.For(index + 1, pages.Count, options, page, measurer)) Draw(canvas, item, measurer);
                document.EndPage();
            }

            document.Close();
        }

        var pdf = output.ToArray();
        PdfInfoDates.FixTimeZones(pdf, options.CreationDate);
        return pdf;
    }

    private static SKDocumentPdfMetadata Metadata(PdfOptions options)
    {
        // The zone Skia writes is corrected afterwards; see PdfInfoDates.
        var date = PdfInfoDates.WallClock(options.CreationDate);
        return new SKDocumentPdfMetadata
        {
            Title = options.Title,
            Author = options.Author,
            Creator = "CollectiveLedger",
            Producer = "CollectiveLedger",
            Creation = date,
            Modified = date,
            RasterDpi = 300f,
            // 101 means lossless: without it anything rasterised would be stored as lossy JPEG.
            EncodingQuality = 101,
        };
    }

    private static void Draw(SKCanvas canvas, PageItem item, TextMeasurer measurer)
    {
        switch (item)
        {
            case TextItem text:
                measurer.Draw(canvas, text.Text, text.Left, text.Baseline, text.Size, text.Color);
                break;
            case ShadeItem shade:
                using (var paint = Fill(shade.Color))
                {
                    canvas.DrawRect(shade.Rect, paint);
                }

                break;
            case RuleItem rule:
                using (var paint = new SKPaint { Color = rule.Color, Style = SKPaintStyle.Stroke, StrokeWidth = rule.Thickness, IsAntialias = true })
                {
                    canvas.DrawLine(rule.From, rule.To, paint);
                }

                break;
            case SquaresItem squares:
                using (var builder = new SKPathBuilder())
                using (var paint = Fill(SKColors.Black))
                {
                    foreach (var rect in squares.Rects) builder.AddRect(rect, SKPathDirection.Clockwise);
                    using var path = builder.Detach();
                    canvas.DrawPath(path, paint);
                }

                break;
            case PictureItem picture:
                using (var image = SKImage.FromEncodedData(picture.Encoded))
                using (var paint = new SKPaint())
                {
                    canvas.DrawImage(image, picture.Rect, new SKSamplingOptions(SKFilterMode.Linear), paint);
                }

                break;
            default:
                throw new ArgumentException($"Unknown page item {item.GetType().Name}.", nameof(item));
        }
    }

    private static SKPaint Fill(SKColor color) => new() { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };
}
