using System.Security.Cryptography;
using System.Text;
using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Cli;

/// <summary>
/// A checkpoint signing key on disk: its name and the ECDSA P-256 private key as encrypted PKCS#8
/// (AES-256, PBKDF2-SHA256), so a copied file is useless without the passphrase. The passphrase
/// comes from CLEDGER_PASSPHRASE or is asked for on the terminal without echo.
/// </summary>
public sealed class SigningKeyFile : IDisposable
{
    private const string NamePrefix = "# name: ";
    private readonly ECDsa _key;

    private SigningKeyFile(string name, ECDsa key)
    {
        Name = name;
        _key = key;
    }

    public string Name { get; }
    public byte[] PublicKey => _key.ExportSubjectPublicKeyInfo();

    public static SigningKeyFile Generate(string name) => new(name, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public void Save(string path, string passphrase)
    {
        var pem = _key.ExportEncryptedPkcs8PrivateKeyPem(passphrase,
            new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 600_000));
        var text = $"# CollectiveLedger 检查点签名私钥 checkpoint signing key (encrypted)\n{NamePrefix}{Name}\n{pem}\n";
        if (File.Exists(path)) throw new UsageException($"{path} already exists; it will not be overwritten");
        // Owner-only (0600) from the moment the temporary file exists, under a random name; never replaces a file.
        Files.WriteSecret(path, stream => stream.Write(Encoding.UTF8.GetBytes(text)));
    }

    public static SigningKeyFile Load(string path, string passphrase)
    {
        if (!File.Exists(path)) throw new UsageException($"key file {path} not found");
        var text = File.ReadAllText(path);
        var nameLine = text.Split('\n').FirstOrDefault(l => l.StartsWith(NamePrefix, StringComparison.Ordinal))
            ?? throw new UsageException($"{path} is not a cledger key file");
        var key = ECDsa.Create();
        try
        {
            key.ImportFromEncryptedPem(text, passphrase);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new UsageException($"口令错误或密钥文件损坏 wrong passphrase or damaged key file: {path}");
        }
        return new SigningKeyFile(nameLine[NamePrefix.Length..].Trim(), key);
    }

    /// <summary>This key as the books' checkpoint code takes it; valid while the key file is not disposed.</summary>
    public Publishing.NoticeSigner Signer => new(Name, PublicKey, Sign);

    public NoteSignature Sign(string text) => new(Name, SignedNote.KeyIdOf(PublicKey),
        _key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    public void Dispose() => _key.Dispose();

    public static string Passphrase(Context ctx, string prompt, bool confirm = false) =>
        TryPassphrase(ctx, prompt, confirm) ?? throw new UsageException("no passphrase: set CLEDGER_PASSPHRASE or run in a terminal");

    /// <summary>The passphrase given by the program, else CLEDGER_PASSPHRASE, else asked on the terminal (twice with <paramref name="confirm"/>); null when none can be had.</summary>
    public static string? TryPassphrase(Context ctx, string prompt, bool confirm = false)
    {
        if (ctx.Passphrase is { } given) return given;
        if (Environment.GetEnvironmentVariable("CLEDGER_PASSPHRASE") is { Length: > 0 } fromEnvironment) return fromEnvironment;
        if (!Terminal.IsInteractive(ctx)) return null;
        return Terminal.ReadSecret(ctx, prompt, confirm ? ctx.Say("再输入一次口令：", "repeat the passphrase: ") : null);
    }

    /// <summary>
    /// Generates a key named <paramref name="name"/>, registers its public key in the books (key.registered)
    /// and writes its encrypted file to <paramref name="path"/>, which is written before the entry commits
    /// and removed if it does not: a registered key always has its private half, and an unregistered file
    /// never stays. Says what was made, with the fingerprint. Returns the decision and, when accepted, the
    /// key, unlocked (the caller disposes it).
    /// </summary>
    public static (Core.Ledger.Decision Decision, SigningKeyFile? Key) Create(Context ctx, Storage.LedgerStore store, string name, string path, string passphrase)
    {
        if (passphrase.Length < 8) throw new UsageException("the passphrase needs at least 8 characters");
        if (File.Exists(path)) throw new UsageException($"{path} already exists; it will not be overwritten");
        var key = Generate(name);
        Core.Ledger.Decision decision;
        try
        {
            decision = store.Apply(ctx.Actor, session =>
            {
                var d = Core.Ledger.SettingRules.RegisterKey(name, key.PublicKey, session.State);
                if (d.Accepted) key.Save(path, passphrase);
                return d;
            });
        }
        catch
        {
            key.Dispose();
            File.Delete(path);
            throw;
        }
        if (!decision.Accepted)
        {
            key.Dispose();
            return (decision, null);
        }
        var registered = (Core.Ledger.KeyRegistered)decision.Event!;
        ctx.Out.WriteLine(ctx.Say($"已生成签名密钥 {name}（{registered.KeyIdHex}），私钥保存在 {path}，公钥已登记到审计日志。指纹：{registered.Fingerprint}",
            $"generated signing key {name} ({registered.KeyIdHex}); private key in {path}, public key registered in the log. Fingerprint: {registered.Fingerprint}"));
        return (decision, key);
    }
}
