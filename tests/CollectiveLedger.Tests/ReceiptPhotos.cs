using SkiaSharp;

namespace CollectiveLedger.Tests;

/// <summary>
/// Photos of receipts made in the tests with SkiaSharp: a small JPEG whose left half is red and right half blue,
/// and the same with an EXIF block spliced in after its start-of-image marker, as a phone writes one: orientation
/// 6 (the camera was held upright, so the stored pixels are turned: show them turned 90° clockwise) and a GPS
/// position (latitude N 43° 38' 12.34").
/// </summary>
internal static class ReceiptPhotos
{
    /// <summary>The GPS latitude's bytes as the EXIF block holds them (three big-endian rationals), to look for in a file.</summary>
    public static readonly byte[] GpsLatitude = [0, 0, 0, 43, 0, 0, 0, 1, 0, 0, 0, 38, 0, 0, 0, 1, 0, 0, 0x04, 0xD2, 0, 0, 0, 100];

    /// <summary>A <paramref name="width"/> × <paramref name="height"/> JPEG, red on the left half, blue on the right.</summary>
    public static byte[] Jpeg(int width = 40, int height = 20)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 2f, height, red);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }

    /// <summary><see cref="Jpeg"/> with an EXIF APP1 segment: orientation 6 and a GPS latitude.</summary>
    public static byte[] JpegWithGpsExif(int width = 40, int height = 20)
    {
        var jpeg = Jpeg(width, height);
        var tiff = new List<byte>();
        tiff.AddRange("MM"u8.ToArray());
        tiff.AddRange([0, 0x2A, 0, 0, 0, 8]);
        // IFD0 at 8: Orientation = 6, GPSInfo -> 38; no next IFD.
        tiff.AddRange([0, 2]);
        tiff.AddRange([0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]);
        tiff.AddRange([0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 38]);
        tiff.AddRange([0, 0, 0, 0]);
        // GPS IFD at 38: GPSLatitudeRef "N", GPSLatitude -> 68.
        tiff.AddRange([0, 2]);
        tiff.AddRange([0x00, 0x01, 0, 2, 0, 0, 0, 2, (byte)'N', 0, 0, 0]);
        tiff.AddRange([0x00, 0x02, 0, 5, 0, 0, 0, 3, 0, 0, 0, 68]);
        tiff.AddRange([0, 0, 0, 0]);
        tiff.AddRange(GpsLatitude);
        var length = 2 + 6 + tiff.Count;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. "Exif\0\0"u8.ToArray(), .. tiff];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    /// <summary>Whether <paramref name="bytes"/> holds <paramref name="part"/> anywhere.</summary>
    public static bool Holds(byte[] bytes, ReadOnlySpan<byte> part) => bytes.AsSpan().IndexOf(part) >= 0;

    /// <summary>The colour at (x, y) of an image file.</summary>
    public static SKColor Pixel(byte[] image, int x, int y)
    {
        using var bitmap = SKBitmap.Decode(image);
        return bitmap.GetPixel(x, y);
    }

    /// <summary>The size of an image file in pixels.</summary>
    public static (int Width, int Height) Size(byte[] image)
    {
        using var codec = SKCodec.Create(new MemoryStream(image));
        return (codec.Info.Width, codec.Info.Height);
    }
}
