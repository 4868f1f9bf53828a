namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// A stretch of a line drawn with one font of the <see cref="FontChain"/>: <paramref name="Start"/> and
/// <paramref name="Length"/> are in UTF-16 chars. <paramref name="Font"/> is the index in the chain, or
/// <see cref="FontItemizer.Replacement"/> for one character cluster that no font has.
/// </summary>
internal readonly record struct TextRun(int Start, int Length, int Font);
