using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Cli;

/// <summary>
/// The organization's signing key, which every checkpoint put on paper is signed with unless told
/// otherwise: the key file beside the database, named as the database with <c>.key</c> added
/// (<c>gacha.db</c> -> <c>gacha.db.key</c>), its key named after the books' checkpoint origin
/// (<c>collectiveledger.local/ORG_CODE/LEDGER_ID</c>: a transparency log's key is named after its
/// origin), and encrypted with a passphrase like every key file (<see cref="SigningKeyFile"/>).
/// <c>init</c> creates and registers it when a passphrase is at hand; otherwise the first notice that
/// needs it does. Publishing unsigned is a choice made with <c>--unsigned</c>, never a silent default.
/// </summary>
public static class OrganizationKey
{
    public const string Suffix = ".key";

    /// <summary>
    /// The key file of the books <paramref name="ctx"/> names: beside a SQLite file; for a village of a
    /// PostgreSQL database, <c>village-CODE.key</c> in <c>$CLEDGER_KEYS</c> (else the current folder),
    /// since each village signs with its own key and a server has no folder beside the books.
    /// </summary>
    public static string PathOf(Context ctx) => ctx.Village is { } village
        ? Path.Combine(Environment.GetEnvironmentVariable("CLEDGER_KEYS") is { Length: > 0 } keys ? keys : ".", $"village-{village}{Suffix}")
        : PathOf(ctx.Db);

    /// <summary>The key file beside the SQLite file <paramref name="db"/>.</summary>
    public static string PathOf(string db) => db + Suffix;

    public static string NameOf(LedgerState state) => Checkpoint.OriginOf(state.Ledger.OrgCode, state.Ledger.LedgerId);

    private static string NewPassphrasePrompt(Context ctx) => ctx.Say("为组织的签名密钥设置口令：", "passphrase for the organization's signing key: ");

    /// <summary>
    /// Creates and registers the organization's key when a passphrase can be had (given, CLEDGER_PASSPHRASE
    /// or typed twice at the terminal); false, with nothing written, when none can. Used by <c>init</c>.
    /// </summary>
    public static bool TryCreate(Context ctx, LedgerStore store)
    {
        if (SigningKeyFile.TryPassphrase(ctx, NewPassphrasePrompt(ctx), confirm: true) is not { } passphrase) return false;
        Create(ctx, store, store.LoadState(), passphrase).Dispose();
        return true;
    }

    /// <summary>
    /// The keys a checkpoint on paper is signed with: the key files given to <c>--sign</c>; none with
    /// <c>--unsigned</c>; otherwise the organization's key, unlocked, or created and registered first
    /// when the books have none (the caller reads the books' state again after this). The caller disposes the keys.
    /// </summary>
    /// <exception cref="UsageException">
    /// <c>--unsigned</c> with <c>--sign</c>; no passphrase for the organization's key (the message names
    /// both ways out); its file missing while the books register a key of its name. Nothing is recorded then.
    /// </exception>
    public static List<SigningKeyFile> ForPaper(Context ctx, LedgerStore store, IReadOnlyList<string> keyFiles, bool unsigned)
    {
        if (unsigned && keyFiles.Count > 0)
            throw new UsageException("--unsigned 与 --sign 不能同时使用 --unsigned does not go with --sign: choose one");
        if (unsigned) return [];
        if (keyFiles.Count > 0) return CheckpointSigner.LoadKeys(ctx, keyFiles);
        return [Unlock(ctx, store)];
    }

    /// <summary>The organization's key, unlocked; created and registered first when the books have none.</summary>
    /// <exception cref="UsageException">See <see cref="ForPaper"/>.</exception>
    public static SigningKeyFile Unlock(Context ctx, LedgerStore store) => TryUnlock(ctx, store) ?? throw NoPassphrase(PathOf(ctx));

    /// <summary>As <see cref="Unlock"/>, but null when no passphrase can be had (nothing is written then).</summary>
    /// <exception cref="UsageException">A wrong passphrase or damaged file; the file missing while the books register a key of its name.</exception>
    public static SigningKeyFile? TryUnlock(Context ctx, LedgerStore store)
    {
        var path = PathOf(ctx);
        var state = store.LoadState();
        var name = NameOf(state);
        if (File.Exists(path))
        {
            var passphrase = SigningKeyFile.TryPassphrase(ctx, ctx.Say("组织签名密钥的口令：", "passphrase of the organization's signing key: "));
            return passphrase is null ? null : SigningKeyFile.Load(path, passphrase);
        }
        if (state.Keys.Any(k => k.Name == name))
            throw new UsageException(
                $"组织的签名密钥 {name} 已登记，但密钥文件 {path} 不见了：从备份恢复该文件，或用 --sign KEYFILE 指定其他已登记的密钥，或用 --unsigned 发布未签名的公开榜（纸上会注明） " +
                $"the organization's signing key {name} is registered but its file {path} is missing: restore it from a backup, give --sign KEYFILE for another registered key, or --unsigned to publish unsigned (the paper says so)");
        var newPassphrase = SigningKeyFile.TryPassphrase(ctx, NewPassphrasePrompt(ctx), confirm: true);
        return newPassphrase is null ? null : Create(ctx, store, state, newPassphrase);
    }

    private static SigningKeyFile Create(Context ctx, LedgerStore store, LedgerState state, string passphrase)
    {
        var (decision, key) = SigningKeyFile.Create(ctx, store, NameOf(state), PathOf(ctx), passphrase);
        return decision.Accepted ? key! : throw new UsageException(string.Join("; ", decision.Violations.Select(v => $"{v.Message(ctx.Language)} [{v.Code}]")));
    }

    private static UsageException NoPassphrase(string path) => new(
        $"没有口令，不能用组织的签名密钥（{path}）签名公开榜：设置 CLEDGER_PASSPHRASE 或在终端中运行以签名，或加 --unsigned 明确发布未签名的公开榜（纸上会注明未签名） " +
        $"no passphrase to sign with the organization's signing key ({path}): set CLEDGER_PASSPHRASE or run in a terminal to sign, or give --unsigned to publish unsigned (the paper says so)");
}
