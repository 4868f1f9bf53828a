namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// A QR code (error correction level M) drawn centered as filled vector squares, never as a bitmap,
/// so it stays sharp at any print size. The optional caption is drawn below it, and the two are
/// kept on one page.
/// </summary>
/// <param name="SizeMillimetres">Printed width and height, quiet zone included.</param>
public sealed record QrCode(string Payload, float SizeMillimetres = 40f, string? Caption = null) : Block;
