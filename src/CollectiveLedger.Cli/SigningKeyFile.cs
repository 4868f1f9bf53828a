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

    public static string Passphrase(Context ctx, string prompt, bool confirm = false)
    {
        if (ctx.Passphrase is { } given) return given;
        if (Environment.GetEnvironmentVariable("CLEDGER_PASSPHRASE") is { Length: > 0 } fromEnvironment) return fromEnvironment;
        if (!Terminal.IsInteractive(ctx)) throw new UsageException("no passphrase: set CLEDGER_PASSPHRASE or run in a terminal");
        return Terminal.ReadSecret(ctx, prompt, confirm ? ctx.Say("再输入一次口令：", "repeat the passphrase: ") : null);
    }
}
