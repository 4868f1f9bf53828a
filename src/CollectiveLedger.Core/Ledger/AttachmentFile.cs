namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// A file of 原始凭证 as it will be stored: the SHA-256 (lowercase hex) of the stored bytes, their media
/// type (<see cref="AttachmentFileRules.Jpeg"/>, <see cref="AttachmentFileRules.Png"/> or
/// <see cref="AttachmentFileRules.Pdf"/>), their size in bytes and the pages it holds (1 for an image).
/// </summary>
public sealed record AttachmentFile(string Sha256, string MediaType, int SizeBytes, int Pages);
