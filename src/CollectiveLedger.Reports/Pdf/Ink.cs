using SkiaSharp;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>The few colours of a notice: it must photocopy well, so greys are light and text is black.</summary>
internal static class Ink
{
    public static readonly SKColor Text = SKColors.Black;
    public static readonly SKColor Quiet = new(0x44, 0x44, 0x44);
    public static readonly SKColor Grid = new(0x33, 0x33, 0x33);
    public static readonly SKColor HeaderShade = new(0xE4, 0xE4, 0xE4);
    public static readonly SKColor RowShade = new(0xF0, 0xF0, 0xF0);
    public static readonly SKColor ParagraphShade = new(0xEE, 0xEE, 0xEE);
}
