using SkiaSharp;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// One positioned mark on a page: what the layout pass produces and the drawing pass draws. Keeping
/// the two apart means page breaks are decided once, before anything is drawn, so the page count is
/// known when the footers are written.
/// </summary>
internal abstract record PageItem;

/// <summary>One line of text; <paramref name="Left"/> is its left edge, after alignment.</summary>
internal sealed record TextItem(string Text, float Left, float Baseline, float Size, SKColor Color) : PageItem;

/// <summary>A filled background box (shaded header rows, totals rows, emphasised paragraphs).</summary>
internal sealed record ShadeItem(SKRect Rect, SKColor Color) : PageItem;

/// <summary>A straight line such as a table grid line.</summary>
internal sealed record RuleItem(SKPoint From, SKPoint To, float Thickness, SKColor Color) : PageItem;

/// <summary>Black squares drawn as one vector path (the dark modules of a QR code).</summary>
internal sealed record SquaresItem(IReadOnlyList<SKRect> Rects) : PageItem;

/// <summary>An encoded image (JPEG or PNG) drawn into <paramref name="Rect"/>.</summary>
internal sealed record PictureItem(byte[] Encoded, SKRect Rect) : PageItem;
