using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Publishing;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Cli;

/// <summary>
/// The signed checkpoint of the books as of now (<see cref="BooksCheckpoint"/>), signed with the key
/// files given to --sign, unlocked by their passphrase (CLEDGER_PASSPHRASE or the terminal).
/// </summary>
public static class CheckpointSigner
{
    public static BooksCheckpoint.Result ForBooks(Context ctx, LedgerStore store, LedgerState state, IReadOnlyList<string> keyFiles)
    {
        var keys = LoadKeys(ctx, keyFiles);
        try
        {
            return BooksCheckpoint.Take(store, state, Registered(state, keys));
        }
        finally
        {
            foreach (var k in keys) k.Dispose();
        }
    }

    /// <summary>
    /// The checkpoint a notice puts on paper (<see cref="OrganizationKey.ForPaper"/>): signed with the
    /// --sign key files, unsigned with --unsigned, otherwise with the organization's key (created and
    /// registered first when the books have none). Returns it with the books' state as it now stands.
    /// </summary>
    /// <exception cref="UsageException">As <see cref="OrganizationKey.ForPaper"/>, or a key not registered in these books.</exception>
    public static (BooksCheckpoint.Result Signed, LedgerState State) ForPaper(Context ctx, LedgerStore store, IReadOnlyList<string> keyFiles, bool unsigned)
    {
        var keys = OrganizationKey.ForPaper(ctx, store, keyFiles, unsigned);
        try
        {
            var state = store.LoadState();
            return (BooksCheckpoint.Take(store, state, Registered(state, keys)), state);
        }
        finally
        {
            foreach (var k in keys) k.Dispose();
        }
    }

    /// <summary>The key files unlocked with one passphrase; the caller disposes them.</summary>
    public static List<SigningKeyFile> LoadKeys(Context ctx, IReadOnlyList<string> keyFiles)
    {
        if (keyFiles.Count == 0) return [];
        var passphrase = SigningKeyFile.Passphrase(ctx, ctx.Say("签名私钥口令：", "passphrase of the signing key: "));
        return [.. keyFiles.Select(f => SigningKeyFile.Load(f, passphrase))];
    }

    /// <summary>The keys as signers, each of which must be registered in this ledger.</summary>
    public static IReadOnlyList<NoticeSigner> Registered(LedgerState state, IReadOnlyList<SigningKeyFile> keys)
    {
        var signers = keys.Select(k => k.Signer).ToList();
        if (BooksCheckpoint.Unregistered(state, signers) is [var first, ..])
            throw new UsageException($"key {first.Name} is not registered in this ledger (cledger keys generate registers it)");
        return signers;
    }
}
