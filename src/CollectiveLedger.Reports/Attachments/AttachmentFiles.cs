using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;
using SkiaSharp;

namespace CollectiveLedger.Reports.Attachments;

/// <summary>
/// A file of 原始凭证 made ready to be kept (issue 17), the one way the command line and the workspace
/// prepare one: checked by its first bytes and size (<see cref="AttachmentFileRules.CheckGiven"/>), a PDF
/// kept as given, an image decoded and encoded again by SkiaSharp. Re-encoding is what drops the EXIF
/// block (a phone photo's GPS location, the camera, the time) and anything else riding in the file: Skia's
/// encoders write pixels only. Before it is dropped, the EXIF orientation is applied to the pixels, so the
/// photo stands as it was taken; the longest side is bounded by <see cref="MaxSide"/> pixels (a receipt is
/// legible at that, and a 48-megapixel photo is not kept whole). JPEG stays JPEG (quality
/// <see cref="JpegQuality"/>), PNG stays PNG (lossless, with its transparency).
/// </summary>
public static class AttachmentFiles
{
    /// <summary>The longest side of a kept image, in pixels.</summary>
    public const int MaxSide = 3000;

    /// <summary>The JPEG quality of a re-encoded photo.</summary>
    public const int JpegQuality = 88;

    /// <summary>The most pixels an image may declare before it is decoded (an image of 10 MB can declare billions).</summary>
    public const long MaxPixels = 120_000_000;

    /// <summary>The file ready to keep: its bytes, media type and pages; null with the violations when it is refused.</summary>
    public static (byte[] Bytes, string MediaType, int Pages)? Prepare(byte[] given, string fileName, out IReadOnlyList<Violation> violations)
    {
        violations = AttachmentFileRules.CheckGiven(given, fileName);
        if (violations.Count > 0) return null;
        var mediaType = AttachmentFileRules.MediaTypeOf(given)!;
        if (mediaType == AttachmentFileRules.Pdf) return (given, mediaType, AttachmentFileRules.PagesOf(given));
        var bytes = Reencode(given, mediaType == AttachmentFileRules.Png);
        if (bytes is null)
        {
            violations = [new Violation(ViolationCode.AttachmentImageInvalid, new Place(File: fileName), fileName)];
            return null;
        }
        violations = AttachmentFileRules.CheckGiven(bytes, fileName);
        return violations.Count > 0 ? null : (bytes, mediaType, 1);
    }

    /// <summary>The image decoded, turned upright by its EXIF orientation, bounded, and encoded again without metadata; null when it cannot be decoded.</summary>
    public static byte[]? Reencode(byte[] given, bool png)
    {
        using var data = SKData.CreateCopy(given);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width < 1 || codec.Info.Height < 1 || (long)codec.Info.Width * codec.Info.Height > MaxPixels) return null;
        using var decoded = new SKBitmap(new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888,
            png ? SKAlphaType.Premul : SKAlphaType.Opaque));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput)) return null;

        var origin = codec.EncodedOrigin;
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (width, height) = turned ? (decoded.Height, decoded.Width) : (decoded.Width, decoded.Height);
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(width, height));
        var (targetWidth, targetHeight) = (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));

        using var target = new SKBitmap(new SKImageInfo(targetWidth, targetHeight, SKColorType.Rgba8888, png ? SKAlphaType.Premul : SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(target))
        {
            canvas.Clear(png ? SKColors.Transparent : SKColors.White);
            canvas.Scale((float)targetWidth / width, (float)targetHeight / height);
            Orient(canvas, origin, width, height);
            using var image = SKImage.FromBitmap(decoded);
            canvas.DrawImage(image, new SKRect(0, 0, decoded.Width, decoded.Height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }
        using var upright = SKImage.FromBitmap(target);
        using var encoded = upright.Encode(png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, png ? 100 : JpegQuality);
        return encoded?.ToArray();
    }

    /// <summary>
    /// The transform that draws the stored pixels upright in a <paramref name="width"/> x <paramref name="height"/>
    /// (upright) frame, for each EXIF orientation (TIFF tag 274: 2 mirrored, 3 turned 180°, 4 flipped, 5 transposed,
    /// 6 turned 90° clockwise, 7 transversed, 8 turned 90° counter-clockwise). A canvas applies the last call first.
    /// </summary>
    private static void Orient(SKCanvas canvas, SKEncodedOrigin origin, int width, int height)
    {
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Translate(width, 0); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.BottomRight: canvas.Translate(width, height); canvas.RotateDegrees(180); break;
            case SKEncodedOrigin.BottomLeft: canvas.Translate(0, height); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.LeftTop: canvas.Scale(-1, 1); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(width, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(width, height); canvas.Scale(1, -1); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, height); canvas.RotateDegrees(270); break;
            default: break;
        }
    }
}
