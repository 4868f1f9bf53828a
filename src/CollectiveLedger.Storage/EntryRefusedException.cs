namespace CollectiveLedger.Storage;

/// <summary>
/// An entry the books cannot take: of a log being restored (<see cref="LedgerStore.Restore"/>), not canonical, not
/// the next of the chain, refused by the schema's constraints or by the state; or any entry whose rows PostgreSQL
/// refused in a batch sent after it (<see cref="WriteSession"/>). Nothing was written.
/// </summary>
public sealed class EntryRefusedException(long seq, Exception inner)
    : Exception(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"entry {seq} cannot be stored: {inner.Message}"), inner)
{
    /// <summary>The entry's seq: its line in the exported log is <c>Seq + 1</c>.</summary>
    public long Seq { get; } = seq;
}
