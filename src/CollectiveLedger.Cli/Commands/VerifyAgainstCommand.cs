using CollectiveLedger.Core.Audit;
using CollectiveLedger.Reports;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>verify --checkpoint OLD --against NEW [--proof P] [--key FILE]...</c>: two checkpoints held
/// against each other with a consistency proof alone, no database (<see cref="CheckpointConsistency"/>,
/// audit-log.md section 15.3). Exit 1 on a fork, a bad signature or checkpoints of different logs.
/// </summary>
public static class VerifyAgainstCommand
{
    public static int Run(Context ctx, OutputFormat format, IReadOnlyList<string> checkpoints, string newer, string? proofPath, IReadOnlyList<string> keyFiles, int anchors)
    {
        if (checkpoints.Count != 1) throw new UsageException("--against NEW holds exactly one --checkpoint OLD against it");
        if (anchors > 0) throw new UsageException("--anchor needs the database; it does not go with --against");
        var (oldNote, old) = Read(checkpoints[0]);
        var (newNote, @new) = Read(newer);
        var proof = proofPath is null ? null : ReadProof(proofPath);
        if (proof is null && @new.Size > old.Size)
            throw new UsageException($"--proof is needed: the new checkpoint has {@new.Size} entries, the old {old.Size} (cledger prove consistency --old {old.Size} --new {@new.Size})");
        if (proof is not null && @new.Size >= old.Size && (proof.OldSize != old.Size || proof.NewSize != @new.Size))
            throw new UsageException($"{proofPath} proves {proof.OldSize} -> {proof.NewSize} entries, but the checkpoints have {old.Size} and {@new.Size}");
        var keys = keyFiles.SelectMany(ReadKeys).ToList();

        var verdict = CheckpointConsistency.Judge(oldNote, old, newNote, @new, @new.Size > old.Size ? proof : null, keys);

        if (format == OutputFormat.Json) ctx.WriteBytes(ConsistencyVerdictRenderer.Json(verdict));
        else ctx.Out.Write(ConsistencyVerdictRenderer.Text(verdict, ctx.Chinese));
        return verdict.Ok ? ExitCodes.Done : ExitCodes.Rejected;
    }

    private static (SignedNote Note, Checkpoint Checkpoint) Read(string path)
    {
        var note = VerifyCommand.ReadCheckpoint(path);
        return Checkpoint.TryParseBody(note.Text, out var checkpoint, out var problem)
            ? (note, checkpoint)
            : throw new UsageException($"{path} is not a checkpoint: {problem}");
    }

    private static ConsistencyProof ReadProof(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"proof file {path} not found");
        return ProofJson.TryReadConsistency(File.ReadAllText(path), out var proof, out var problem)
            ? proof
            : throw new UsageException($"{path} is not a consistency proof: {problem}");
    }

    private static IReadOnlyList<VerifierKey> ReadKeys(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"key file {path} not found");
        return VerifierKey.TryParseAll(File.ReadAllText(path), out var keys, out var problem)
            ? keys
            : throw new UsageException($"{path} is not a public key file: {problem}");
    }
}
