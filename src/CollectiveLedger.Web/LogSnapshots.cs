using CollectiveLedger.Core.Audit;
using CollectiveLedger.Publishing;

namespace CollectiveLedger.Web;

/// <summary>
/// The log as the public site serves it, read once per head of the log and kept until the log moves:
/// its leaf hashes, the hashes of its complete subtrees (for tiles and proofs) and the checkpoint
/// <c>/checkpoint</c> gives (<see cref="BooksCheckpoint.Take"/> with the keys <c>serve --sign</c> holds), and,
/// when an entry bundle is first asked for, what the public log withholds (<see cref="PublicLog"/>).
/// A request only reads the head (one row) to know the snapshot is still the log's; anything that
/// changes an entry, a forger's recomputed chain included, changes the head's hash.
/// </summary>
public sealed class LogSnapshots
{
    public sealed record Snapshot(long HeadSeq, string HeadHash, IReadOnlyList<byte[]> Leaves, BooksCheckpoint.Result Checkpoint)
    {
        private IReadOnlyList<IReadOnlyList<byte[]>>? _levels;
        private PublicLog? _publicLog;

        /// <summary>
        /// What the public log withholds, learnt once per snapshot from the books of the request that first asks
        /// (a snapshot outlives the request that made it, and that request's connection with it).
        /// </summary>
        public PublicLog PublicLogOf(Storage.LedgerStore store) => _publicLog ??= store.PublicLog();

        /// <summary>The size of the tree the site vouches for: that of <see cref="Checkpoint"/>.</summary>
        public long Size => Checkpoint.Checkpoint.Size;

        public IReadOnlyList<IReadOnlyList<byte[]>> Levels => _levels ??= HashTiles.Levels(Leaves);
    }

    private readonly Lock _lock = new();
    private Snapshot? _current;

    public Snapshot Of(Books books)
    {
        var head = books.Store.Head() ?? throw new InvalidOperationException("a ledger's log has its first entry");
        lock (_lock)
        {
            if (_current is { } known && known.HeadSeq == head.Seq && known.HeadHash == head.Hash) return known;
            var checkpoint = BooksCheckpoint.Take(books.Store, books.State, books.Options.Signers);
            var store = books.Store;
            return _current = new Snapshot(head.Seq, head.Hash, store.Disclosure.LeafHashes(head.Seq + 1), checkpoint);
        }
    }
}
