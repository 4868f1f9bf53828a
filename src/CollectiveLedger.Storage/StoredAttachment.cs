namespace CollectiveLedger.Storage;

/// <summary>A file of 原始凭证 kept with a voucher: its attachment.added entry, who attached it and when, and what the entry records.</summary>
public sealed record StoredAttachment(long Seq, Core.Vouchers.VoucherKey Voucher, string Sha256, string MediaType, long SizeBytes, long Pages,
    string FileName, string Actor, string Time);
