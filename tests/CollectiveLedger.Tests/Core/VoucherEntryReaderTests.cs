using System.Text;
using System.Text.Json;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Tests.Core;

/// <summary>The fast reader of posted vouchers reads what the generic reader reads, and leaves it everything else.</summary>
public class VoucherEntryReaderTests
{
    private static readonly string VectorLog = Path.Combine(TestLedger.RepoRoot, "schemas", "test-vectors", "log.jsonl");

    private static IEnumerable<byte[]> VectorEntries() =>
        File.ReadAllLines(VectorLog, Encoding.UTF8).Where(l => l.Length > 0).Select(Encoding.UTF8.GetBytes);

    private static byte[] VectorVoucher() => VectorEntries().Single(b => Encoding.UTF8.GetString(b).Contains("\"kind\":\"voucher.posted\""));

    private static byte[] Encode(ParsedEntry e) =>
        AuditEntry.Encode(e.Seq, e.Prev, DateTimeOffset.Parse(e.Time, System.Globalization.CultureInfo.InvariantCulture), e.Actor, e.Event);

    [Test]
    public void Every_vector_voucher_reads_as_the_generic_reader_reads_it_and_other_kinds_are_left_to_it()
    {
        foreach (var bytes in VectorEntries())
        {
            using var document = JsonDocument.Parse(bytes);
            var generic = ParsedEntry.From(document.RootElement);

            var fast = VoucherEntryReader.TryRead(bytes);

            if (generic.Event is VoucherPosted)
            {
                Assert.That(fast, Is.Not.Null, $"entry {generic.Seq}");
                Assert.That(Encode(fast!), Is.EqualTo(bytes), $"entry {generic.Seq} re-encodes differently");
                Assert.That(fast! with { Event = generic.Event }, Is.EqualTo(generic));
            }
            else Assert.That(fast, Is.Null, $"entry {generic.Seq} is a {generic.Kind}");
        }
    }

    [Test]
    public void A_red_ink_reversal_reads_back_to_its_own_bytes()
    {
        var lines = new VoucherLine[] { new("10201", new Amount(-150000), Amount.Zero, fund: "F01"), new("501", Amount.Zero, new Amount(-150000), summary: "冲销 'x' \"y\"\n") };
        var voucher = new Voucher(2, new DateOnly(2026, 1, 12), VoucherKind.Normal, null, "冲销 记-0001", 0, new VoucherKey(new Period(2026, 1), 1), [.. lines]);
        var bytes = AuditEntry.Encode(7, Sha256Hex.Zero, new DateTimeOffset(2026, 1, 12, 2, 5, 9, TimeSpan.Zero), "会计",
            new VoucherPosted(voucher, new VoucherOrigin(VoucherOrigin.Reversal, null, null)));

        var read = VoucherEntryReader.TryRead(bytes);

        Assert.That(read, Is.Not.Null);
        Assert.That(Encode(read!), Is.EqualTo(bytes));
    }

    [Test]
    public void A_voucher_posted_by_approval_reads_back_with_its_cashier_draft_and_source()
    {
        var voucher = new Voucher(4, new DateOnly(2025, 12, 8), VoucherKind.Normal, "A02", "维修", 3, null,
            [new VoucherLine("51304", new Amount(680000), Amount.Zero), new VoucherLine("10201", Amount.Zero, new Amount(680000))]);
        var posted = new VoucherPosted(voucher, new VoucherOrigin(VoucherOrigin.Approval, 2, "萨仁"));
        var bytes = AuditEntry.Encode(9, Sha256Hex.Zero, new DateTimeOffset(2025, 12, 9, 1, 0, 0, TimeSpan.Zero), "巴特尔", posted);

        var read = VoucherEntryReader.TryRead(bytes);

        Assert.That(((VoucherPosted)read!.Event).Origin, Is.EqualTo(posted.Origin));
        Assert.That(Encode(read), Is.EqualTo(bytes));
    }

    [Test]
    public void A_cash_voucher_without_attachments_reads_back_with_its_reason_on_both_readers()
    {
        var voucher = new Voucher(5, new DateOnly(2025, 12, 8), VoucherKind.Normal, "B01", "银行手续费", 0, null,
            [new VoucherLine("51304", new Amount(500), Amount.Zero), new VoucherLine("10201", Amount.Zero, new Amount(500))]) { AttachmentsReason = "银行自动扣收，无纸质单据" };
        var posted = new VoucherPosted(voucher, new VoucherOrigin(VoucherOrigin.Import, null, null));
        var bytes = AuditEntry.Encode(9, Sha256Hex.Zero, new DateTimeOffset(2025, 12, 9, 1, 0, 0, TimeSpan.Zero), "巴特尔", posted);
        using var document = JsonDocument.Parse(bytes);

        var fast = VoucherEntryReader.TryRead(bytes);
        var generic = ParsedEntry.From(document.RootElement);

        Assert.That(Encoding.UTF8.GetString(bytes), Does.Contain("\"attachments\":0,\"attachments_reason\":\"银行自动扣收，无纸质单据\","));
        Assert.That(((VoucherPosted)fast!.Event).Voucher.AttachmentsReason, Is.EqualTo("银行自动扣收，无纸质单据"));
        Assert.That(((VoucherPosted)generic.Event).Voucher.AttachmentsReason, Is.EqualTo("银行自动扣收，无纸质单据"));
        Assert.That(EventCodec.ContentSha256(((VoucherPosted)generic.Event).Voucher), Is.EqualTo(EventCodec.ContentSha256(voucher)));
        Assert.That(Encode(fast), Is.EqualTo(bytes));
        Assert.That(EventCodec.ContentSha256(voucher), Is.Not.EqualTo(EventCodec.ContentSha256(voucher with { AttachmentsReason = null })),
            "the reason is part of what a voucher says: a file stating another reason under the same ref is refused");
    }

    [TestCase("\"attachments\":3,", "\"attachments\":3,\"colour\":\"x\",", Description = "a data key it does not know")]
    [TestCase("\"attachments\":3,", "\"attachments\":3,\"cashier\":\"x\",", Description = "a cashier without the source that goes with it")]
    [TestCase("\"attachments\":3,", "\"attachments\":\"3\",", Description = "a string where an integer belongs")]
    [TestCase("\"attachments\":3,", "\"attachments\":3.0,", Description = "a float")]
    [TestCase("\"attachments\":3,", "", Description = "a missing key")]
    [TestCase("\"debit\":\"15000.00\"", "\"debit\":\"15000.0\"", Description = "a non-canonical amount")]
    [TestCase("\"kind\":\"voucher.posted\"", "\"kind\":\"voucher.drafted\"", Description = "another kind")]
    [TestCase("\"v\":1}", "\"v\":1", Description = "malformed JSON")]
    public void Anything_it_does_not_know_is_left_to_the_generic_reader(string original, string replacement)
    {
        var text = Encoding.UTF8.GetString(VectorVoucher());
        Assert.That(text, Does.Contain(original));
        var bytes = Encoding.UTF8.GetBytes(text.Replace(original, replacement));

        var read = VoucherEntryReader.TryRead(bytes);

        Assert.That(read, Is.Null);
    }
}
