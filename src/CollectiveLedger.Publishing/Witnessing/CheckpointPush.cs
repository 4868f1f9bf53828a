using System.Globalization;
using System.Text;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Publishing.Witnessing;

/// <summary>
/// The village's side of C2SP tlog-witness: sends the books' signed checkpoint to a witness with the
/// consistency proof from the size that witness last cosigned (as the books' cosignature table
/// remembers it, else 0), follows one 409 to the size the witness names, verifies the cosignature
/// returned with the witness's key and keeps it (<see cref="WitnessCosignatures"/>).
/// </summary>
public static class CheckpointPush
{
    /// <summary>A witness the village pushes to: its address (the submission prefix) and verifier key.</summary>
    public sealed record Witness(Uri Url, WitnessKey Key);

    /// <summary>What came of a push: the cosignature line kept, or why there is none.</summary>
    public sealed record Outcome(NoteSignature? Cosignature, string Message);

    public static Outcome Push(HttpClient http, Uri witness, WitnessKey key, LedgerStore store, BooksCheckpoint.Result checkpoint)
    {
        if (checkpoint.Note.Signatures.Count == 0)
            return new(null, "见证人只副署签名的检查点 a witness cosigns only a signed checkpoint (sign it with a registered key)");
        var size = checkpoint.Checkpoint.Size;
        var leaves = store.Disclosure.LeafHashes(size);
        var old = store.Cosignatures.LastSize(key.Name, key.KeyIdHex);
        // An older checkpoint than one this witness cosigned is not sent: the witness would take it for a rollback.
        if (old > size) return new(null, $"{key.Name} 已副署更新的检查点（{old} 条） already cosigned a later checkpoint ({old} entries); this one is not sent");
        var endpoint = new Uri(witness.AbsoluteUri.TrimEnd('/') + "/add-checkpoint");
        for (var attempt = 0; ; attempt++)
        {
            var request = new AddCheckpointRequest(old, MerkleProof.Consistency(leaves, old, size), checkpoint.Note);
            using var response = http.Send(new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(request.Format(), new UTF8Encoding(false), "text/plain") });
            using var reader = new StreamReader(response.Content.ReadAsStream(), Encoding.UTF8);
            var body = reader.ReadToEnd();
            var status = (int)response.StatusCode;
            if (status == 409 && response.Content.Headers.ContentType?.MediaType == "text/x.tlog.size"
                && long.TryParse(body.TrimEnd('\n'), NumberStyles.None, CultureInfo.InvariantCulture, out var witnessSize) && witnessSize != old && attempt == 0)
            {
                if (witnessSize > size)
                    return new(null, $"见证人已副署 {witnessSize} 条，账簿现在只有 {size} 条：账簿被截短或替换 the witness cosigned a tree of {witnessSize}, the books now hold {size}: they were cut short or replaced");
                old = witnessSize;
                continue;
            }
            if (status != 200) return new(null, $"见证人拒绝 the witness refused ({status}): {body.Trim()}");
            var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var cosigned = SignedNote.TryParse(checkpoint.Note.Text + "\n" + string.Join('\n', lines) + "\n", out var note, out _) ? note : null;
            if (cosigned is null || Cosignature.VerifiedTimestamp(cosigned, key) is null)
                return new(null, $"见证人的回答里没有 {key.Name} 的有效副署 the witness's answer holds no valid cosignature of {key.Name}");
            var line = Keep(store, key, checkpoint.Checkpoint, cosigned);
            return new(line, $"{key.Name} 已副署 {size} 条 cosigned the tree of {size}");
        }
    }

    /// <summary>Keeps the cosignature of <paramref name="key"/> that <paramref name="cosigned"/> carries (verified by the caller) for the checkpoint.</summary>
    public static NoteSignature Keep(LedgerStore store, WitnessKey key, Checkpoint checkpoint, SignedNote cosigned)
    {
        var line = cosigned.Signatures.First(s => s.KeyName == key.Name && s.KeyId == key.KeyId
            && Cosignature.VerifiedTimestamp(cosigned with { Signatures = [s] }, key) is not null);
        store.Cosignatures.Add(key.Name, key.KeyIdHex, checkpoint.Size, Convert.ToBase64String(checkpoint.Root), new SignedNote("", [line]).Format().Trim('\n'));
        return line;
    }
}
