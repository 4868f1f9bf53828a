namespace CollectiveLedger.Reports.Xlsx;

/// <summary>The cell styles every workbook has (their cellXfs index in styles.xml, <see cref="XlsxStyles"/>).</summary>
public enum XlsxStyle
{
    Default = 0,
    Header = 1,
    Amount = 2,
    TotalText = 3,
    TotalAmount = 4,
    Integer = 5,
    Date = 6,
    Text = 7,
    Wrap = 8,
}
