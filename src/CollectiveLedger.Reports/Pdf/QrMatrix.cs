using QRCoder;
using SkiaSharp;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// A QR code as vector squares. QRCoder only computes the module matrix (quiet zone included); the
/// squares are drawn by Skia as a path, so the PDF holds no bitmap and prints sharp at any size.
/// </summary>
internal static class QrMatrix
{
    /// <summary>
    /// The dark modules of <paramref name="payload"/> at error correction level M, scaled into
    /// <paramref name="area"/>. Each horizontal run of dark modules is one rectangle: fewer, wider
    /// shapes than one per module, and no hairline seams between neighbours.
    /// </summary>
    public static IReadOnlyList<SKRect> DarkSquares(string payload, SKRect area)
    {
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var moduleSize = area.Width / matrix.Count;
        var squares = new List<SKRect>();
        for (var row = 0; row < matrix.Count; row++)
        {
            var modules = matrix[row];
            var column = 0;
            while (column < modules.Length)
            {
                if (!modules[column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < modules.Length && modules[column]) column++;
                squares.Add(new SKRect(
                    area.Left + (start * moduleSize),
                    area.Top + (row * moduleSize),
                    area.Left + (column * moduleSize),
                    area.Top + ((row + 1) * moduleSize)));
            }
        }

        return squares;
    }
}
