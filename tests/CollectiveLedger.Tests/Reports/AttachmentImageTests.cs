using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Reports.Attachments;
using SkiaSharp;

namespace CollectiveLedger.Tests.Reports;

/// <summary>
/// Photos made ready to keep (issue 17): re-encoded by SkiaSharp, which drops the EXIF block with its GPS
/// position after turning the pixels upright by its orientation, and bounds the longest side; PDFs kept as given.
/// </summary>
public class AttachmentImageTests
{
    [Test]
    public void A_phone_photo_with_a_GPS_position_comes_out_without_EXIF_and_turned_upright()
    {
        var given = ReceiptPhotos.JpegWithGpsExif(40, 20);
        using (var codec = SKCodec.Create(new MemoryStream(given)))
            Assert.That(codec.EncodedOrigin, Is.EqualTo(SKEncodedOrigin.RightTop), "the test photo's EXIF is read as a phone's");
        Assert.That(ReceiptPhotos.Holds(given, "Exif\0\0"u8) && ReceiptPhotos.Holds(given, ReceiptPhotos.GpsLatitude), Is.True);

        var ready = AttachmentFiles.Prepare(given, "IMG_0001.jpg", out var violations);

        Assert.That(violations, Is.Empty);
        var kept = ready!.Value.Bytes;
        Assert.That(ready.Value.MediaType, Is.EqualTo(AttachmentFileRules.Jpeg));
        Assert.That(ReceiptPhotos.Holds(kept, "Exif"u8), Is.False, "no EXIF block");
        Assert.That(ReceiptPhotos.Holds(kept, ReceiptPhotos.GpsLatitude), Is.False, "no GPS position");
        Assert.That(ReceiptPhotos.Size(kept), Is.EqualTo((20, 40)), "turned 90° clockwise: the stored 40 × 20 stands 20 × 40");
        var top = ReceiptPhotos.Pixel(kept, 10, 5);
        var bottom = ReceiptPhotos.Pixel(kept, 10, 35);
        Assert.That(top.Red > 200 && top.Blue < 60, Is.True, $"the left (red) half is on top now: {top}");
        Assert.That(bottom.Blue > 200 && bottom.Red < 60, Is.True, $"the right (blue) half is below: {bottom}");
    }

    [Test]
    public void A_large_photo_is_bounded_to_3000_pixels_on_its_longest_side()
    {
        var given = ReceiptPhotos.Jpeg(4000, 1000);

        var ready = AttachmentFiles.Prepare(given, "wide.jpg", out _);

        Assert.That(ReceiptPhotos.Size(ready!.Value.Bytes), Is.EqualTo((3000, 750)));
    }

    [Test]
    public void A_png_stays_a_png_and_a_pdf_is_kept_byte_for_byte_with_its_pages()
    {
        using var bitmap = new SKBitmap(8, 8);
        bitmap.Erase(SKColors.Green);
        using var image = SKImage.FromBitmap(bitmap);
        var png = image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
        var pdf = "%PDF-1.4\n1 0 obj<</Type /Page>>endobj\n2 0 obj<</Type /Page>>endobj\n%%EOF\n"u8.ToArray();

        var keptPng = AttachmentFiles.Prepare(png, "a.png", out _);
        var keptPdf = AttachmentFiles.Prepare(pdf, "a.pdf", out _);

        Assert.That(keptPng!.Value.MediaType, Is.EqualTo(AttachmentFileRules.Png));
        Assert.That(AttachmentFileRules.MediaTypeOf(keptPng.Value.Bytes), Is.EqualTo(AttachmentFileRules.Png));
        Assert.That(keptPdf!.Value.Bytes, Is.EqualTo(pdf));
        Assert.That(keptPdf.Value.Pages, Is.EqualTo(2));
    }

    [Test]
    public void A_file_that_only_starts_like_a_JPEG_is_refused_as_an_image_that_cannot_be_read()
    {
        byte[] broken = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5];

        var ready = AttachmentFiles.Prepare(broken, "broken.jpg", out var violations);

        Assert.That(ready, Is.Null);
        Assert.That(violations.Select(v => v.Code), Is.EqualTo(new[] { ViolationCode.AttachmentImageInvalid }));
    }
}
