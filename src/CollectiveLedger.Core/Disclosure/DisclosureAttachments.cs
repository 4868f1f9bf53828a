using System.Collections.Immutable;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// One file of 原始凭证 as a notice lists it (issue 17): the attachment.added entry that keeps it, its name
/// (de-identified like every text on a notice), type, size and the SHA-256 by which a villager asks to see
/// the paper and checks the copy. <see cref="Image"/> is what the appendix prints: the stored bytes of a
/// JPEG or PNG (the books keep images re-encoded, EXIF dropped); empty for a PDF, which is listed only.
/// </summary>
public sealed record DisclosureAttachment(long Seq, string FileName, string MediaType, string Sha256, long SizeBytes)
{
    public ImmutableArray<byte> Image { get; init; } = [];

    /// <summary>Whether the appendix prints it (a JPEG or PNG); a PDF is listed only.</summary>
    public bool IsImage => MediaType is AttachmentFileRules.Jpeg or AttachmentFileRules.Png;
}

/// <summary>A voucher the notice names, with the files of 原始凭证 kept with it when the notice was prepared (none: an empty list).</summary>
public sealed record DisclosureVoucherAttachments(VoucherKey Voucher, ImmutableArray<DisclosureAttachment> Files);

/// <summary>
/// The receipts of the vouchers a notice names (its 收入/支出明细 and 一事一议 lines), shown only while the
/// setting <see cref="SettingKey"/> is <see cref="Shown"/> in the books the notice's checkpoint covers, that
/// is when the notice is prepared (DOMAIN.md: public notices never show them unless a setting says so).
/// Only files whose attachment.added entry the checkpoint covers are listed, so the notice built again for
/// its review, publication or public page lists the same files however many are attached later; its
/// content SHA-256 (the JSON with each file's SHA-256) covers them, and so every image it prints.
/// </summary>
public sealed record DisclosureAttachments(ImmutableArray<DisclosureVoucherAttachments> Vouchers)
{
    /// <summary>The setting: <see cref="Hidden"/> (also while never set) or <see cref="Shown"/>.</summary>
    public const string SettingKey = "notice.attachments";

    public const string Hidden = "hidden";
    public const string Shown = "shown";

    /// <summary>Whether a setting's value (null: never set) shows the receipts.</summary>
    public static bool IsShown(string? value) => value == Shown;

    /// <summary>Every file listed, voucher by voucher.</summary>
    public IEnumerable<(VoucherKey Voucher, DisclosureAttachment File)> Files => Vouchers.SelectMany(v => v.Files.Select(f => (v.Voucher, f)));

    /// <summary>The vouchers <paramref name="notice"/> names in its item lists and 一事一议 lines.</summary>
    public static IEnumerable<VoucherKey> VouchersOf(DisclosureNotice notice) =>
        notice.IncomeItems.Select(i => i.Voucher).Concat(notice.ExpenditureItems.Select(i => i.Voucher)).Concat(notice.OneMatter.Items.Select(i => i.Voucher));

    /// <summary>
    /// The receipts of <paramref name="vouchers"/> (the vouchers a notice names, <see cref="VouchersOf"/>; each listed once,
    /// in period and number order) from <paramref name="files"/> (files kept with any voucher, in the order attached; those
    /// of other vouchers are left out), their names de-identified.
    /// </summary>
    public static DisclosureAttachments Compute(IEnumerable<VoucherKey> vouchers, IEnumerable<(VoucherKey Voucher, DisclosureAttachment File)> files)
    {
        var byVoucher = files.ToLookup(f => f.Voucher, f => f.File with { FileName = PersonalData.Mask(f.File.FileName) });
        return new([.. vouchers.Distinct().OrderBy(k => k.Period).ThenBy(k => k.Number)
            .Select(v => new DisclosureVoucherAttachments(v, [.. byVoucher[v]]))]);
    }
}
