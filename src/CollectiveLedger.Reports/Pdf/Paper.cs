namespace CollectiveLedger.Reports.Pdf;

/// <summary>The two sheet formats a notice board uses: A4 for the binder, A3 for the wall.</summary>
public enum Paper
{
    /// <summary>210 × 297 mm, 595 × 842 pt.</summary>
    A4Portrait,

    /// <summary>420 × 297 mm, 1191 × 842 pt.</summary>
    A3Landscape,
}
