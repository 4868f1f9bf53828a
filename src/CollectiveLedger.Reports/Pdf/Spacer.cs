namespace CollectiveLedger.Reports.Pdf;

/// <summary>Vertical white space. A spacer that does not fit ends the page and is not carried over.</summary>
public sealed record Spacer(float Points) : Block;
