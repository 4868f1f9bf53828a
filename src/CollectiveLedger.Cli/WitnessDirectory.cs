using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Publishing.Witnessing;

namespace CollectiveLedger.Cli;

/// <summary>
/// A witness's own state, a folder apart from any ledger: <c>witness.key</c> (the Ed25519 seed,
/// AES-256-GCM under a key derived from the passphrase with PBKDF2-SHA256), <c>witness.vkey</c> (the
/// verifier key it hands out), <c>logs/*.json</c> (per log: origin, the village keys it trusts, the
/// latest checkpoint it cosigned) and <c>evidence/*.json</c> (each refused fork or rollback: the
/// cosigned checkpoint, the request that contradicts it, when and why). A log's record is replaced by
/// write, flush to disk and rename, under an exclusive lock on <c>witness.lock</c> held from reading
/// the record to writing it, so a crash or a second process never loses or rolls back a cosigned state.
/// </summary>
public sealed class WitnessDirectory
{
    private const string NamePrefix = "# name: ";
    private const int Iterations = 600_000;

    public WitnessDirectory(string path) => Path = System.IO.Path.GetFullPath(path);

    public string Path { get; }
    private string KeyFile => System.IO.Path.Combine(Path, "witness.key");
    private string LogsFolder => System.IO.Path.Combine(Path, "logs");
    private string EvidenceFolder => System.IO.Path.Combine(Path, "evidence");

    /// <summary>Creates the folder's key; refuses a folder that already holds one.</summary>
    public WitnessKey Create(string name, string passphrase)
    {
        if (!SignedNote.IsKeyName(name)) throw new UsageException($"见证人名称不能含空格或 + a witness name has no spaces or '+': '{name}'");
        if (File.Exists(KeyFile)) throw new UsageException($"{Path} 已是见证人目录 already holds a witness key; it will not be overwritten");
        Directory.CreateDirectory(Path);
        Directory.CreateDirectory(LogsFolder);
        Directory.CreateDirectory(EvidenceFolder);
        var signer = WitnessSigner.Generate(name);
        var salt = RandomNumberGenerator.GetBytes(16);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var sealedSeed = new byte[32];
        var tag = new byte[16];
        using (var aes = new AesGcm(Derive(passphrase, salt), 16)) aes.Encrypt(nonce, signer.Seed, sealedSeed, tag);
        var text = $"# CollectiveLedger 见证人私钥 witness key (encrypted)\n{NamePrefix}{name}\n"
            + $"pbkdf2-sha256-aes256gcm {Iterations.ToString(CultureInfo.InvariantCulture)} {Convert.ToBase64String(salt)} {Convert.ToBase64String(nonce)} {Convert.ToBase64String([.. sealedSeed, .. tag])}\n";
        Files.WriteSecret(KeyFile, stream => stream.Write(Encoding.UTF8.GetBytes(text)));
        Files.WriteAtomically(System.IO.Path.Combine(Path, "witness.vkey"), stream => { stream.Write(Encoding.UTF8.GetBytes(signer.Key.VerifierKey + "\n")); return 0; });
        return signer.Key;
    }

    /// <summary>The witness's key, unlocked with <paramref name="passphrase"/>.</summary>
    public WitnessSigner Unlock(string passphrase)
    {
        var lines = ReadKeyFile();
        var name = lines.FirstOrDefault(l => l.StartsWith(NamePrefix, StringComparison.Ordinal))?[NamePrefix.Length..].Trim();
        var fields = lines.FirstOrDefault(l => l.StartsWith("pbkdf2-sha256-aes256gcm ", StringComparison.Ordinal))?.Split(' ');
        if (name is null || fields is not { Length: 5 }) throw new UsageException($"{KeyFile} 不是见证人私钥 is not a witness key file");
        try
        {
            var iterations = int.Parse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture);
            var (salt, nonce, sealedSeed) = (Convert.FromBase64String(fields[2]), Convert.FromBase64String(fields[3]), Convert.FromBase64String(fields[4]));
            var seed = new byte[32];
            using var aes = new AesGcm(Rfc2898DeriveBytes.Pbkdf2(passphrase, salt, iterations, HashAlgorithmName.SHA256, 32), 16);
            aes.Decrypt(nonce, sealedSeed[..32], sealedSeed[32..], seed);
            return new WitnessSigner(name, seed);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException or OverflowException)
        {
            throw new UsageException($"口令错误或密钥文件损坏 wrong passphrase or damaged key file: {KeyFile}");
        }
    }

    /// <summary>Adds a log to witness, trusting <paramref name="keys"/> for its checkpoints; an origin already witnessed keeps its state and gets these keys.</summary>
    public void AddLog(string origin, IReadOnlyList<LogKey> keys)
    {
        ReadKeyFile();
        using var held = Lock();
        var log = Logs().TryGetValue(origin, out var known) ? known with { Keys = keys } : WitnessedLog.New(origin, keys);
        Save(log);
    }

    /// <summary>The logs witnessed, by origin.</summary>
    public IReadOnlyDictionary<string, WitnessedLog> Logs()
    {
        var logs = new Dictionary<string, WitnessedLog>(StringComparer.Ordinal);
        if (!Directory.Exists(LogsFolder)) return logs;
        foreach (var file in Directory.EnumerateFiles(LogsFolder, "*.json"))
        {
            var root = JsonDocument.Parse(File.ReadAllBytes(file)).RootElement;
            var log = new WitnessedLog(root.GetProperty("origin").GetString()!,
                [.. root.GetProperty("keys").EnumerateArray().Select(k => new LogKey(k.GetProperty("name").GetString()!, Convert.FromBase64String(k.GetProperty("public_key").GetString()!)))],
                root.GetProperty("size").GetInt64(), Convert.FromBase64String(root.GetProperty("root").GetString()!), root.GetProperty("checkpoint").GetString()!);
            logs[log.Origin] = log;
        }
        return logs;
    }

    /// <summary>
    /// Decides a request (<see cref="WitnessRules"/>) and, under the lock, saves the new cosigned state
    /// before answering, or keeps the evidence of a refusal.
    /// </summary>
    public WitnessDecision Add(AddCheckpointRequest request, WitnessSigner signer, DateTimeOffset now)
    {
        using var held = Lock();
        var logs = Logs();
        var decision = WitnessRules.Decide(logs, request, signer, now.ToUnixTimeSeconds());
        if (decision.Updated is { } updated) Save(updated);
        if (decision.Evidence is { } reason && Checkpoint.TryParseBody(request.Note.Text, out var checkpoint, out _))
            KeepEvidence(reason, logs[checkpoint.Origin], request, decision.Message, now);
        return decision;
    }

    /// <summary>The evidence kept, oldest first: each file's path and its JSON.</summary>
    public IReadOnlyList<(string File, JsonElement Evidence)> Evidence() =>
        !Directory.Exists(EvidenceFolder) ? [] :
        [.. Directory.EnumerateFiles(EvidenceFolder, "*.json").Order(StringComparer.Ordinal).Select(f => (f, JsonDocument.Parse(File.ReadAllBytes(f)).RootElement))];

    private void KeepEvidence(string reason, WitnessedLog log, AddCheckpointRequest request, string message, DateTimeOffset now)
    {
        var name = $"{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{reason}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.json";
        WriteDurably(System.IO.Path.Combine(EvidenceFolder, name), w =>
        {
            w.WriteString("reason", reason);
            w.WriteString("message", message);
            w.WriteString("received_at", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteString("origin", log.Origin);
            w.WriteNumber("cosigned_size", log.Size);
            w.WriteString("cosigned_checkpoint", log.Note);
            w.WriteString("request", request.Format());
        });
    }

    private void Save(WitnessedLog log)
    {
        var file = System.IO.Path.Combine(LogsFolder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(log.Origin)))[..32] + ".json");
        WriteDurably(file, w =>
        {
            w.WriteString("origin", log.Origin);
            w.WriteStartArray("keys");
            foreach (var k in log.Keys)
            {
                w.WriteStartObject();
                w.WriteString("name", k.Name);
                w.WriteString("public_key", Convert.ToBase64String(k.PublicKey));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("size", log.Size);
            w.WriteString("root", Convert.ToBase64String(log.Root));
            w.WriteString("checkpoint", log.Note);
        });
    }

    // The file's new bytes reach the disk before the rename makes them the record.
    private static void WriteDurably(string path, Action<Utf8JsonWriter> write) => Files.WriteAtomically(path, stream =>
    {
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            write(w);
            w.WriteEndObject();
        }
        ((FileStream)stream).Flush(flushToDisk: true);
        return 0;
    });

    private string[] ReadKeyFile() => File.Exists(KeyFile)
        ? File.ReadAllLines(KeyFile)
        : throw new UsageException($"{Path} 不是见证人目录（先运行 cledger witness init） is not a witness folder (run cledger witness init first)");

    // One holder at a time, across processes: a clerk's offline cosign and a running witness serve.
    private FileStream Lock()
    {
        var path = System.IO.Path.Combine(Path, "witness.lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 100)
            {
                Thread.Sleep(50);
            }
        }
    }

    private static byte[] Derive(string passphrase, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(passphrase, salt, Iterations, HashAlgorithmName.SHA256, 32);
}
