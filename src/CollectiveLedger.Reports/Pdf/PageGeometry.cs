namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// Sheet size and the content area inside its margins, in PDF points (1/72 inch, y growing down
/// as on Skia's canvas). The running header sits in the top margin and the footer in the bottom one.
/// </summary>
/// <remarks>
/// With a raster resolution of 300 dpi Skia rounds the page to whole 300 dpi pixels (0.24 pt), so the
/// media box of A4 reads 594.96 × 841.92 pt and of A3 landscape 1191.12 × 841.92 pt: within 0.03 mm of
/// the sizes asked for (real A4 is 595.28 × 841.89 pt), and every viewer and printer calls them A4 and A3.
/// </remarks>
internal sealed record PageGeometry(float Width, float Height)
{
    /// <summary>15 mm: inside every office printer's unprintable border, with room for header and footer.</summary>
    public const float Margin = 15f * PointsPerMillimetre;

    public const float PointsPerMillimetre = 72f / 25.4f;

    public static PageGeometry For(Paper paper) => paper switch
    {
        Paper.A4Portrait => new PageGeometry(595f, 842f),
        Paper.A3Landscape => new PageGeometry(1191f, 842f),
        _ => throw new ArgumentOutOfRangeException(nameof(paper), paper, "Unknown paper."),
    };

    public float ContentLeft => Margin;

    public float ContentRight => Width - Margin;

    public float ContentWidth => ContentRight - ContentLeft;

    public float ContentTop => Margin;

    public float ContentBottom => Height - Margin;

    public float ContentHeight => ContentBottom - ContentTop;

    /// <summary>Baseline of the running header, half way into the top margin.</summary>
    public float HeaderBaseline => Margin - 16f;

    /// <summary>Where the rule under the running header is drawn.</summary>
    public float HeaderRule => Margin - 10f;

    /// <summary>Baseline of the footer, about 8 mm above the bottom edge.</summary>
    public float FooterBaseline => Height - Margin + 22f;
}
