using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Cli;

/// <summary>
/// The signed checkpoint of the books as of now. A checkpoint already printed on an earlier notice
/// with the same body and the same signers is reused rather than signed again: ECDSA signatures are
/// randomized, and reuse keeps a notice of unchanged books byte-identical.
/// </summary>
public static class CheckpointSigner
{
    public sealed record Result(Checkpoint Checkpoint, long HeadSeq, string HeadHash, SignedNote Note, IReadOnlyList<KeyRegistered> Keys)
    {
        /// <summary>What the QR code holds and what verify --checkpoint reads: the exact signed note (or the bare body when unsigned).</summary>
        public string Text => Note.Signatures.Count == 0 ? Checkpoint.Body : Note.Format();
    }

    public static Result ForBooks(Context ctx, LedgerStore store, LedgerState state, IReadOnlyList<string> keyFiles)
    {
        var (checkpoint, headSeq, headHash) = store.CheckpointOfBooks(Checkpoint.OriginOf(state.Ledger.OrgCode, state.Ledger.LedgerId));
        var keys = new List<SigningKeyFile>();
        try
        {
            if (keyFiles.Count > 0)
            {
                var passphrase = SigningKeyFile.Passphrase(ctx, ctx.Say("签名私钥口令：", "passphrase of the signing key: "));
                keys.AddRange(keyFiles.Select(f => SigningKeyFile.Load(f, passphrase)));
            }
            var registered = keys.Select(k => state.Key(k.Name, Core.Audit.SignedNote.KeyIdOf(k.PublicKey))
                ?? throw new UsageException($"key {k.Name} is not registered in this ledger (cledger keys generate registers it)")).ToList();
            var wanted = registered.Select(k => (k.Name, k.KeyId)).Order().ToList();
            var reused = store.PublishedCheckpoints()
                .Select(text => Core.Audit.SignedNote.TryParse(text, out var note, out _) ? note : null)
                .FirstOrDefault(note => note is not null && note.Text == checkpoint.Body
                    && note.Signatures.Select(s => (s.KeyName, s.KeyId)).Order().SequenceEqual(wanted));
            var signed = reused ?? new SignedNote(checkpoint.Body, [.. keys.Select(k => k.Sign(checkpoint.Body))]);
            return new Result(checkpoint, headSeq, headHash, signed, registered);
        }
        finally
        {
            foreach (var k in keys) k.Dispose();
        }
    }
}
