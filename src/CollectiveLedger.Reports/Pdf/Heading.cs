namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// A title line, centered and large. It wraps if it is wider than the page, and starts a new page
/// rather than being left alone at the bottom of one.
/// </summary>
public sealed record Heading(string Text, float Size = 20f) : Block;
