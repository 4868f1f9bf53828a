using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Tests.Core;

/// <summary>
/// 原始凭证 kept as files (issue 17), decided by Core: JPEG, PNG or PDF told by their first bytes, 10 MB a file,
/// 20 files a voucher, each file once, only on a voucher that exists and is not reversed; a closed month takes files.
/// </summary>
public class AttachmentFileRuleTests
{
    private static readonly DateOnly Today = new(2025, 12, 31);
    private static readonly VoucherKey First = new(new Period(2025, 3), 1);

    /// <summary>A ledger with two vouchers in March 2025 (记-0001 and 记-0002).</summary>
    private static LedgerState State() => State(out _);

    private static LedgerState State(out Voucher first)
    {
        var state = TestStates.Ledger(("10201", "信用社", "102"), ("50101", "承包费", "501"));
        first = null!;
        for (var i = 0; i < 2; i++)
        {
            var decision = VoucherRules.Decide(new VoucherInput(Place.None, null, "2025-03-05", "收取承包费", "1", null,
                [new VoucherLineInput(Place.None, "10201", "100", null, null, null, null, null), new VoucherLineInput(Place.None, "50101", null, "100", null, null, null, null)]),
                state, Today, null);
            var posted = ((VoucherDecision.Post)decision).Event;
            first ??= posted.Voucher;
            state.Apply(posted);
        }
        return state;
    }

    private static AttachmentFile Pdf(string text = "a") =>
        new(Sha256Hex.Of(System.Text.Encoding.UTF8.GetBytes(text)), AttachmentFileRules.Pdf, 1000, 2);

    private static IEnumerable<ViolationCode> Codes(Decision d) => d.Violations.Select(v => v.Code);

    [Test]
    public void Files_are_told_by_their_first_bytes_not_by_their_name()
    {
        Assert.That(AttachmentFileRules.MediaTypeOf([0xFF, 0xD8, 0xFF, 0xE0, 0]), Is.EqualTo(AttachmentFileRules.Jpeg));
        Assert.That(AttachmentFileRules.MediaTypeOf([0x89, .. "PNG\r\n\u001a\n"u8.ToArray(), 0]), Is.EqualTo(AttachmentFileRules.Png));
        Assert.That(AttachmentFileRules.MediaTypeOf("%PDF-1.7\n"u8), Is.EqualTo(AttachmentFileRules.Pdf));
        Assert.That(AttachmentFileRules.MediaTypeOf("GIF89a"u8), Is.Null);
        Assert.That(AttachmentFileRules.MediaTypeOf("<html>%PDF-"u8), Is.Null, "%PDF- must open the file");
        Assert.That(AttachmentFileRules.CheckGiven("MZ\u0090\0"u8.ToArray(), "receipt.jpg").Select(v => v.Code), Is.EqualTo(new[] { ViolationCode.AttachmentTypeUnsupported }));
        Assert.That(AttachmentFileRules.CheckGiven([], "empty.pdf").Select(v => v.Code), Is.EqualTo(new[] { ViolationCode.AttachmentTypeUnsupported }));
    }

    [Test]
    public void A_file_over_ten_megabytes_is_refused_and_one_of_exactly_ten_is_taken()
    {
        var limit = new byte[AttachmentFileRules.MaxBytes];
        "%PDF-"u8.CopyTo(limit);
        var over = new byte[AttachmentFileRules.MaxBytes + 1];
        "%PDF-"u8.CopyTo(over);

        Assert.That(AttachmentFileRules.CheckGiven(limit, "scan.pdf"), Is.Empty);
        var refused = AttachmentFileRules.CheckGiven(over, "scan.pdf");
        Assert.That(refused.Select(v => v.Code), Is.EqualTo(new[] { ViolationCode.AttachmentTooLarge }));
        Assert.That(refused[0].Message(Language.ZhCN), Does.Contain("10.0 MB"));
    }

    [Test]
    public void A_pdf_counts_its_page_objects_and_an_image_is_one_page()
    {
        var pdf = "%PDF-1.4\n1 0 obj<</Type /Pages/Kids[2 0 R 3 0 R 4 0 R]/Count 3>>endobj\n2 0 obj<</Type /Page>>endobj\n3 0 obj<</Type/Page/Parent 1 0 R>>endobj\n4 0 obj<</Type\n/Page>>endobj\n5 0 obj<</Type /PageLabel>>endobj\n"u8.ToArray();

        Assert.That(AttachmentFileRules.PagesOf(pdf), Is.EqualTo(3));
        Assert.That(AttachmentFileRules.PagesOf("%PDF-1.4\n"u8), Is.EqualTo(1), "at least one page");
        Assert.That(AttachmentFileRules.PagesOf([0xFF, 0xD8, 0xFF, .. "/Type /Page /Type /Page"u8.ToArray()]), Is.EqualTo(1));
    }

    [Test]
    public void The_file_name_kept_is_its_last_segment_NFC_without_control_characters_cut_to_100_and_cleaning_it_again_changes_nothing()
    {
        var decomposed = "C:\\Users\\会计\\发票\u0065\u0301\t.jpg";
        var long_ = new string('票', 150) + ".pdf";

        Assert.That(AttachmentFileRules.FileNameOf(decomposed), Is.EqualTo("发票\u00e9_.jpg"));
        Assert.That(AttachmentFileRules.FileNameOf("/tmp/photos/IMG_0001.JPG"), Is.EqualTo("IMG_0001.JPG"));
        Assert.That(AttachmentFileRules.FileNameOf("   "), Is.EqualTo("attachment"));
        Assert.That(AttachmentFileRules.FileNameOf(long_), Has.Length.EqualTo(100));
        foreach (var name in new[] { decomposed, long_, "  a b  ", "\u0001" })
            Assert.That(AttachmentFileRules.FileNameOf(AttachmentFileRules.FileNameOf(name)), Is.EqualTo(AttachmentFileRules.FileNameOf(name)));
    }

    [Test]
    public void A_file_on_a_voucher_that_exists_is_accepted_with_its_name_cleaned()
    {
        var decision = AttachmentFileRules.Attach(First, Pdf(), "扫描/发票.pdf", State());

        Assert.That(decision.Accepted, Is.True);
        Assert.That(decision.Event, Is.EqualTo(new AttachmentAdded(First, Pdf().Sha256, AttachmentFileRules.Pdf, 1000, 2, "发票.pdf")));
    }

    [Test]
    public void A_voucher_that_does_not_exist_is_refused_with_VoucherNotFound()
    {
        var state = State();

        Assert.That(Codes(AttachmentFileRules.Attach(new VoucherKey(new Period(2025, 3), 3), Pdf(), "a.pdf", state)), Is.EqualTo(new[] { ViolationCode.VoucherNotFound }));
        Assert.That(Codes(AttachmentFileRules.Attach(new VoucherKey(new Period(2025, 4), 1), Pdf(), "a.pdf", state)), Is.EqualTo(new[] { ViolationCode.VoucherNotFound }));
    }

    [Test]
    public void A_reversed_voucher_takes_no_file_and_its_reversal_does()
    {
        var state = State(out var first);
        TestStates.Apply(state, ReversalRules.Reverse(First, first, null, "2025-03-20", "金额错误", state, Today));

        var onOriginal = AttachmentFileRules.Attach(First, Pdf(), "a.pdf", state);
        var onReversal = AttachmentFileRules.Attach(new VoucherKey(First.Period, 3), Pdf(), "a.pdf", state);

        Assert.That(Codes(onOriginal), Is.EqualTo(new[] { ViolationCode.VoucherAlreadyReversed }));
        Assert.That(onReversal.Accepted, Is.True);
    }

    [Test]
    public void The_same_file_twice_on_one_voucher_is_refused_and_on_another_voucher_taken()
    {
        var state = State();
        TestStates.Apply(state, AttachmentFileRules.Attach(First, Pdf(), "a.pdf", state));

        Assert.That(Codes(AttachmentFileRules.Attach(First, Pdf(), "again.pdf", state)), Is.EqualTo(new[] { ViolationCode.AttachmentExists }));
        Assert.That(AttachmentFileRules.Attach(new VoucherKey(First.Period, 2), Pdf(), "a.pdf", state).Accepted, Is.True);
    }

    [Test]
    public void A_voucher_keeps_twenty_files_and_refuses_the_twenty_first()
    {
        var state = State();
        for (var i = 0; i < AttachmentFileRules.MaxPerVoucher; i++)
            TestStates.Apply(state, AttachmentFileRules.Attach(First, Pdf(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "p.pdf", state));

        Assert.That(state.AttachmentsOf(First), Has.Count.EqualTo(20));
        Assert.That(Codes(AttachmentFileRules.Attach(First, Pdf("more"), "p.pdf", state)), Is.EqualTo(new[] { ViolationCode.TooManyAttachments }));
    }

    [Test]
    public void A_voucher_of_a_closed_month_takes_a_receipt_found_later()
    {
        var state = State();
        state.Apply(new PeriodClosed(First.Period, null));

        Assert.That(state.IsClosed(First.Period), Is.True);
        Assert.That(AttachmentFileRules.Attach(First, Pdf(), "late.pdf", state).Accepted, Is.True);
    }

    [Test]
    public void Values_no_front_end_would_give_are_refused_on_replay()
    {
        var state = State();

        var gif = AttachmentFileRules.Attach(First, Pdf() with { MediaType = "image/gif", Pages = 1 }, "a.gif", state);
        var pagedImage = AttachmentFileRules.Attach(First, Pdf() with { MediaType = AttachmentFileRules.Jpeg, Pages = 2 }, "a.jpg", state);
        var badHash = AttachmentFileRules.Attach(First, Pdf() with { Sha256 = "ABC" }, "a.pdf", state);
        var huge = AttachmentFileRules.Attach(First, Pdf() with { SizeBytes = AttachmentFileRules.MaxBytes + 1 }, "a.pdf", state);

        Assert.That(Codes(gif), Is.EqualTo(new[] { ViolationCode.AttachmentTypeUnsupported }));
        Assert.That(Codes(pagedImage), Is.EqualTo(new[] { ViolationCode.FieldInvalid }));
        Assert.That(Codes(badHash), Is.EqualTo(new[] { ViolationCode.FieldInvalid }));
        Assert.That(Codes(huge), Is.EqualTo(new[] { ViolationCode.AttachmentTooLarge }));
    }
}
