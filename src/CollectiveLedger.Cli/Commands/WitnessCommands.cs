using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Publishing.Witnessing;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>witness init|add-log|cosign|serve|evidence</c>: a witness (C2SP tlog-witness, run by the township
/// 经管站 or the county) over its own folder (<see cref="WitnessDirectory"/>), and <c>witness push</c>:
/// the village sends its checkpoint to a witness and keeps the cosignature (<see cref="WitnessPush"/>).
/// </summary>
public static class WitnessCommands
{
    public static Command Declare(ContextOf context)
    {
        Option<string> Dir() => Options.Text("--dir", "DIR", "见证人目录（必填） the witness's folder (required)");

        var initDir = Dir();
        var name = Options.Text("--name", "NAME", "见证人名称，如 township.example/witness（必填） the witness's name (required)");
        var init = new Command("init", "建立见证人目录和 Ed25519 私钥，输出验证公钥（询问口令） creates the witness's folder and Ed25519 key and prints its verifier key (asks for a passphrase)") { initDir, name };
        init.Handle(context, (ctx, p) => Init(ctx, p.Required(initDir), p.Required(name)));

        var addDir = Dir();
        var origin = Options.Text("--origin", "ORIGIN", "账簿检查点的第一行（必填） the first line of the ledger's checkpoints (required)");
        var key = Options.Text("--key", "FILE", "村里的公钥：cledger keys list --format json 的输出（必填） the village's keys, as cledger keys list --format json prints them (required)");
        var addLog = new Command("add-log", "见证一个账簿（信任其签名公钥） witnesses a ledger, trusting its signing keys") { addDir, origin, key };
        addLog.Handle(context, (ctx, p) => AddLog(ctx, p.Required(addDir), p.Required(origin), p.Required(key)));

        var cosignDir = Dir();
        var checkpoint = Options.Text("--checkpoint", "FILE", "村里签名的检查点（必填） the village's signed checkpoint (required)");
        var proof = Options.Text("--proof", "FILE", "从见证人上次副署的条数起的一致性证明（cledger prove consistency 的输出） the consistency proof from the size last cosigned (what cledger prove consistency prints)");
        var cosign = new Command("cosign", "离线副署一个检查点，输出副署后的检查点 cosigns a checkpoint offline and prints it with the cosignature") { cosignDir, checkpoint, proof };
        cosign.Handle(context, (ctx, p) => Cosign(ctx, p.Required(cosignDir), p.Required(checkpoint), p.GetValue(proof)));

        var serveDir = Dir();
        var urls = Options.Text("--urls", "URL[;URL]", "监听地址（默认 http://127.0.0.1:5080） where to listen (http://127.0.0.1:5080 by default)");
        var serve = new Command("serve", "提供 C2SP tlog-witness 的 POST /add-checkpoint serves C2SP tlog-witness POST /add-checkpoint") { serveDir, urls };
        serve.Handle(context, (ctx, p) => WitnessServer.Run(ctx, new WitnessDirectory(p.Required(serveDir)), p.GetValue(urls) ?? "http://127.0.0.1:5080"));

        var evidenceDir = Dir();
        var format = Options.Format();
        var evidence = new Command("evidence", "列出拒绝副署时保存的证据（分叉、回退） lists the evidence kept of refused forks and rollbacks") { evidenceDir, format };
        evidence.Handle(context, (ctx, p) => Evidence(ctx, p.Required(evidenceDir), ctx.Format(p, format)));

        var url = Options.Text("--url", "URL", "见证人的地址（必填） the witness's address (required)");
        var witnessKey = Options.Text("--witness-key", "VKEY", "见证人的验证公钥（文字或文件，必填） the witness's verifier key, as text or a file (required)");
        var sign = CheckpointCommand.Signing();
        var push = new Command("push", "把账簿的签名检查点送给见证人，保存副署 sends the books' signed checkpoint to a witness and keeps its cosignature") { url, witnessKey, sign };
        push.Handle(context, (ctx, p) => WitnessPush.Run(ctx, p.Required(url), p.Required(witnessKey), p.All(sign)));

        return new Command("witness", "见证人（C2SP tlog-witness）：副署与账簿一致的检查点 witnesses: cosign checkpoints consistent with those seen before")
            { init, addLog, cosign, serve, evidence, push };
    }

    private static int Init(Context ctx, string dir, string name)
    {
        var passphrase = SigningKeyFile.Passphrase(ctx, ctx.Say("为见证人私钥设置口令：", "passphrase for the witness key: "), confirm: true);
        if (passphrase.Length < 8) throw new UsageException("the passphrase needs at least 8 characters");
        var key = new WitnessDirectory(dir).Create(name, passphrase);
        ctx.Out.WriteLine(key.VerifierKey);
        ctx.Error.WriteLine(ctx.Say($"见证人 {name} 已建立；上面一行是验证公钥，交给村里和核对的人。", $"witness {name} created; the line above is its verifier key, for the villages and whoever checks."));
        return ExitCodes.Done;
    }

    private static int AddLog(Context ctx, string dir, string origin, string keyFile)
    {
        if (origin.Length == 0 || origin.Any(char.IsWhiteSpace)) throw new UsageException($"--origin is the checkpoint's first line, with no spaces: '{origin}'");
        var keys = ReadLogKeys(keyFile);
        new WitnessDirectory(dir).AddLog(origin, keys);
        ctx.Out.WriteLine(ctx.Say($"见证 {origin}，信任密钥 {string.Join("、", keys.Select(k => k.Name))}", $"witnessing {origin}, trusting {string.Join(", ", keys.Select(k => k.Name))}"));
        return ExitCodes.Done;
    }

    /// <summary>The keys of <c>cledger keys list --format json</c>: each P-256 public key under its name.</summary>
    private static IReadOnlyList<LogKey> ReadLogKeys(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"key file {path} not found");
        try
        {
            var keys = JsonDocument.Parse(File.ReadAllBytes(path)).RootElement.EnumerateArray()
                .Select(k => new LogKey(k.GetProperty("name").GetString()!, Convert.FromBase64String(k.GetProperty("public_key").GetString()!))).ToList();
            if (keys.Count > 0 && keys.All(k => SignedNote.IsP256PublicKey(k.PublicKey))) return keys;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
        }
        throw new UsageException($"{path} 不是 cledger keys list --format json 的输出 is not what cledger keys list --format json prints (P-256 keys with names)");
    }

    private static int Cosign(Context ctx, string dir, string checkpointFile, string? proofFile)
    {
        if (!File.Exists(checkpointFile)) throw new UsageException($"checkpoint file {checkpointFile} not found");
        if (!SignedNote.TryParse(File.ReadAllText(checkpointFile), out var note, out var problem))
            throw new UsageException($"{checkpointFile} 不是签名的检查点 is not a signed checkpoint: {problem}");
        var (oldSize, hashes) = proofFile is null ? (0L, (IReadOnlyList<byte[]>)[]) : ReadProof(proofFile, note);
        var witness = new WitnessDirectory(dir);
        var signer = witness.Unlock(SigningKeyFile.Passphrase(ctx, ctx.Say("见证人私钥口令：", "passphrase of the witness key: ")));
        var decision = witness.Add(new AddCheckpointRequest(oldSize, hashes, note), signer, ctx.Clock.GetUtcNow());
        if (decision.Cosignature is { } line)
        {
            ctx.Out.Write((note with { Signatures = [.. note.Signatures, line] }).Format());
            return ExitCodes.Done;
        }
        ctx.Error.WriteLine(ctx.Say("拒绝副署：", "refused: ") + decision.Message
            + (decision.Evidence is null ? "" : ctx.Say("（证据已保存，见 cledger witness evidence）", " (evidence kept: cledger witness evidence)")));
        return ExitCodes.Rejected;
    }

    /// <summary>A consistency proof as <c>cledger prove consistency</c> prints it: {"old_size":N,"new_size":M,"hashes":[base64...]}.</summary>
    private static (long OldSize, IReadOnlyList<byte[]> Hashes) ReadProof(string path, SignedNote note)
    {
        if (!File.Exists(path)) throw new UsageException($"proof file {path} not found");
        try
        {
            var root = JsonDocument.Parse(File.ReadAllBytes(path)).RootElement;
            var hashes = root.GetProperty("hashes").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!)).ToList();
            if (Checkpoint.TryParseBody(note.Text, out var checkpoint, out _) && root.GetProperty("new_size").GetInt64() != checkpoint.Size)
                throw new UsageException($"{path} 的证明到 {root.GetProperty("new_size").GetInt64()} 条，检查点是 {checkpoint.Size} 条 the proof leads to another size than the checkpoint's");
            return (root.GetProperty("old_size").GetInt64(), hashes);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new UsageException($"{path} 不是一致性证明 is not a consistency proof ({{\"old_size\":N,\"new_size\":M,\"hashes\":[...]}})");
        }
    }

    private static int Evidence(Context ctx, string dir, OutputFormat format)
    {
        var witness = new WitnessDirectory(dir);
        var kept = witness.Evidence();
        ctx.Render(new Reports.Grid(["时间 received", "账簿 origin", "原因 reason", "已副署 cosigned", "文件 file"],
                kept.Select(e => (IReadOnlyList<Reports.GridCell>)[e.Evidence.GetProperty("received_at").GetString()!, e.Evidence.GetProperty("origin").GetString()!,
                    e.Evidence.GetProperty("reason").GetString()!, e.Evidence.GetProperty("cosigned_size").GetInt64().ToString(CultureInfo.InvariantCulture), Path.GetFileName(e.File)]).ToList()),
            format, () => Reports.Json.Write(w =>
            {
                w.WriteStartArray();
                foreach (var (file, e) in kept)
                {
                    w.WriteStartObject();
                    w.WriteString("file", Path.GetFileName(file));
                    foreach (var property in e.EnumerateObject()) property.WriteTo(w);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }));
        return ExitCodes.Done;
    }
}
