namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// Running text that wraps to the content width; a line feed starts a new line. It may continue on
/// the next page between two lines. <paramref name="Shaded"/> puts it on a light grey box: the
/// notice's way of emphasising, because synthetic bold would turn the glyphs into Type 3 outlines
/// that no longer extract as text.
/// </summary>
public sealed record Paragraph(string Text, float Size = 10.5f, Align Align = Align.Left, bool Shaded = false) : Block;
