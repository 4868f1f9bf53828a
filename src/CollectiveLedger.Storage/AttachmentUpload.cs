namespace CollectiveLedger.Storage;

/// <summary>
/// A file of 原始凭证 ready to be kept: the bytes to store (an image already re-encoded by the front end,
/// a PDF as given), their media type by their first bytes, their pages, and the name it was given.
/// </summary>
public sealed record AttachmentUpload(byte[] Bytes, string MediaType, int Pages, string FileName);
