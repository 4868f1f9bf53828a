using System.Net;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Tests.Web;

/// <summary>
/// A notice's public page shows the receipt photos (原始凭证) only when the notice was prepared while the setting
/// notice.attachments said "shown", and serves each photo's bytes from the books, only for a voucher of that notice.
/// </summary>
public class NoticeReceiptTests
{
    [Test]
    public async Task The_public_page_of_a_notice_prepared_while_shown_shows_its_photos_and_a_hidden_notice_serves_none()
    {
        using var workspace = new Workspace();
        var ledger = workspace.Ledger;
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json", """
            [{"ref":"F","date":"2025-02-01","summary":"收到草场承包费","lines":[{"account":"10201","debit":"100"},{"account":"50101","credit":"100"}]},
             {"ref":"M","date":"2025-03-03","summary":"购买办公用品","lines":[{"account":"513","debit":"35"},{"account":"10201","credit":"35"}]}]
            """));
        var february = Attach(ledger, "2025-02", "二月收据.jpg", ReceiptPhotos.Jpeg(60, 30));
        var march = Attach(ledger, "2025-03", "三月发票.png", Cli.NoticeAttachmentTests.ReceiptPng());
        var scan = Attach(ledger, "2025-03", "合同.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray());
        ledger.PublishNotice(["--period", "2025-02"], "2025-03-05", [Path.Combine(ledger.Dir, "feb.html")], reviewer: "监委");
        ledger.Ok("settings", "set", "notice.attachments", "shown");
        ledger.PublishNotice(["--period", "2025-03"], "2025-04-03", [Path.Combine(ledger.Dir, "mar.html")], reviewer: "监委");
        long hiddenSeq, shownSeq;
        using (var store = ledger.Open())
        {
            var published = store.Notices.PublishedNotices();
            hiddenSeq = published.Single(n => n.Period.From == new Period(2025, 2)).Seq;
            shownSeq = published.Single(n => n.Period.From == new Period(2025, 3)).Seq;
        }
        var villager = workspace.Client();

        var (_, shownPage) = await villager.Page($"/public/notices/{shownSeq}");
        var (_, hiddenPage) = await villager.Page($"/public/notices/{hiddenSeq}");
        var photo = await villager.GetAsync($"/public/notices/{shownSeq}/receipts/{march.Seq}");

        Assert.That(shownPage, Does.Contain($"src=\"/public/notices/{shownSeq}/receipts/{march.Seq}\"").And.Contain(march.Sha256).And.Contain(scan.Sha256));
        Assert.That(shownPage, Does.Not.Contain($"/receipts/{scan.Seq}\""), "a PDF is listed, not shown as a picture");
        Assert.That(photo.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(photo.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
        Assert.That(Sha256Hex.Of(await photo.Content.ReadAsByteArrayAsync()), Is.EqualTo(march.Sha256), "the bytes the books keep");
        Assert.That(hiddenPage, Does.Not.Contain("/receipts/").And.Not.Contain(february.Sha256).And.Not.Contain("id=\"receipts\""));
        Assert.That((await villager.GetAsync($"/public/notices/{hiddenSeq}/receipts/{february.Seq}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound),
            "February's notice was prepared while the setting was unset: its voucher's photo is not served, though the setting is now shown");
        Assert.That((await villager.GetAsync($"/public/notices/{shownSeq}/receipts/{february.Seq}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound),
            "a photo of a voucher that is not on the notice");
        Assert.That((await villager.GetAsync($"/public/notices/{shownSeq}/receipts/{scan.Seq}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a PDF is not served as a picture");
        Assert.That((await villager.GetAsync($"/public/notices/{shownSeq}/receipts/1")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "an entry that is no file");
        Assert.That((await villager.GetAsync($"/public/notices/999/receipts/{march.Seq}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static CollectiveLedger.Storage.StoredAttachment Attach(TestLedger ledger, string period, string name, byte[] bytes)
    {
        var path = Path.Combine(ledger.Dir, name);
        File.WriteAllBytes(path, bytes);
        ledger.Ok("vouchers", "attach", "1", "--period", period, path);
        using var store = ledger.Open();
        return store.Attachments.Of(new VoucherKey(Period.Parse(period), 1)).Single(a => a.FileName == name);
    }
}
