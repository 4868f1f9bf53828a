using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Publishing;

/// <summary>
/// The signed checkpoint of the books as of now, shared by <c>cledger disclose</c> and the web
/// workspace. A checkpoint already printed on an earlier notice with the same body and the same
/// signers is reused rather than signed again: ECDSA signatures are randomized, and reuse keeps a
/// notice of unchanged books byte-identical.
/// </summary>
public static class BooksCheckpoint
{
    public sealed record Result(Checkpoint Checkpoint, long HeadSeq, string HeadHash, SignedNote Note, IReadOnlyList<KeyRegistered> Keys)
    {
        /// <summary>What the QR code holds and what verify --checkpoint reads: the exact signed note (or the bare body when unsigned).</summary>
        public string Text => Note.Signatures.Count == 0 ? Checkpoint.Body : Note.Format();
    }

    /// <summary>The signers whose key is not registered in the books (the caller refuses to sign with them).</summary>
    public static IReadOnlyList<NoticeSigner> Unregistered(LedgerState state, IReadOnlyList<NoticeSigner> signers) =>
        [.. signers.Where(s => state.Key(s.Name, s.KeyId) is null)];

    /// <param name="signers">Keys registered in the books (<see cref="Unregistered"/> is empty); none for an unsigned checkpoint.</param>
    public static Result Take(LedgerStore store, LedgerState state, IReadOnlyList<NoticeSigner> signers)
    {
        Core.Precondition.Require(Unregistered(state, signers).Count == 0, "every signer's key is registered");
        var (checkpoint, headSeq, headHash) = store.CheckpointOfBooks(Checkpoint.OriginOf(state.Ledger.OrgCode, state.Ledger.LedgerId));
        var registered = signers.Select(s => state.Key(s.Name, s.KeyId)!).ToList();
        var wanted = registered.Select(k => (k.Name, k.KeyId)).Order().ToList();
        var reused = store.PublishedCheckpoints()
            .Select(text => SignedNote.TryParse(text, out var note, out _) ? note : null)
            .FirstOrDefault(note => note is not null && note.Text == checkpoint.Body
                && note.Signatures.Select(s => (s.KeyName, s.KeyId)).Order().SequenceEqual(wanted));
        var signed = reused ?? new SignedNote(checkpoint.Body, [.. signers.Select(s => s.Sign(checkpoint.Body))]);
        // The keys in the order of the note's signatures (a reused note may have been signed in another order): as Of reads them back.
        return new Result(checkpoint, headSeq, headHash, signed, [.. signed.Signatures.Select(s => state.Key(s.KeyName, s.KeyId)!)]);
    }

    /// <summary>
    /// The checkpoint printed by a notice prepared earlier (<paramref name="text"/>: the signed note,
    /// or the bare body when unsigned, as notice.prepared records it), to build that notice again.
    /// </summary>
    public static Result Of(LedgerStore store, LedgerState state, string text)
    {
        var note = SignedNote.TryParse(text, out var parsed, out _) ? parsed : new SignedNote(text, []);
        Core.Precondition.Require(Checkpoint.TryParseBody(note.Text, out var checkpoint, out _), "a prepared notice's checkpoint parses");
        var keys = note.Signatures.Select(s => state.Key(s.KeyName, s.KeyId)).ToList();
        Core.Precondition.Require(keys.All(k => k is not null), "a prepared notice is signed with registered keys");
        return new Result(checkpoint, checkpoint.Size - 1, store.EntryHash(checkpoint.Size - 1), note, keys!);
    }
}
