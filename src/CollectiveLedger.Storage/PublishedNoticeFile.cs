namespace CollectiveLedger.Storage;

public sealed record PublishedNoticeFile(int FileNo, string Name, string Format, string Sha256, bool Kept);
