namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// A JPEG or PNG drawn centered, scaled down (never up) to the content width and to
/// <paramref name="MaxHeightMillimetres"/>, with its caption below; the two are kept on one page. The encoded bytes are
/// handed to the PDF as they are (a JPEG stays the JPEG it was), so the same bytes give the same PDF. Bytes that do not
/// decode draw the caption alone.
/// </summary>
public sealed record Picture(byte[] Encoded, string Caption, float MaxHeightMillimetres = 110f) : Block;
