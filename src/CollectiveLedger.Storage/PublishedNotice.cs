using System.Collections.Immutable;
using CollectiveLedger.Core.Disclosure;

namespace CollectiveLedger.Storage;

/// <summary>A notice as the books record it (disclosures), with its files (disclosure_files) and whether their bytes are kept (notice_files).</summary>
public sealed record PublishedNotice(long Seq, DisclosurePeriod Period, DateOnly Date, string Checkpoint, string Actor,
    ImmutableArray<PublishedNoticeFile> Files);
