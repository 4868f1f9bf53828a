namespace CollectiveLedger.Reports.Pdf;

/// <summary>Horizontal alignment of a line of text inside its box (the content width or a table cell).</summary>
public enum Align
{
    Left,
    Center,
    Right,
}
