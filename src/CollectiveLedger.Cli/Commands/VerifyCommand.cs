using System.CommandLine;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Publishing.Witnessing;
using CollectiveLedger.Reports;
using CollectiveLedger.Storage.Verification;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>verify [--anchor SEQ:HASH]... [--checkpoint FILE]...</c>: chain, replay, anchors and checkpoints; with
/// <c>--log FILE</c>, an exported log (full or public) without the database (<see cref="LogFileVerifier"/>);
/// with <c>--against NEW</c>, two checkpoints held against each other without the database (<see cref="VerifyAgainstCommand"/>).
/// Exit 1 when there is any integrity problem (someone changed the books outside the program), 3
/// when there are reconciliation problems only (the books need an accountant), 0 when all holds.
/// </summary>
public static class VerifyCommand
{
    public static Command Declare(ContextOf context)
    {
        var format = Options.Format(workbook: false);
        var anchor = Options.Many("--anchor", "SEQ:HASH", "此前记下的日志头（可多次） a log head noted before: entry SEQ has this hash (may repeat)");
        var checkpoint = Options.Many("--checkpoint", "FILE", "公开榜上的检查点（扫描或抄录的文字；可多次） a notice's checkpoint, as scanned or typed (may repeat)");
        var log = Options.Text("--log", "FILE", "校验导出的日志文件（完整或公开），不需要数据库 verifies an exported log file (full or public), no database needed");
        var against = Options.Text("--against", "NEW", "不用数据库：与较新的检查点比对（需 --proof） offline, no database: hold the --checkpoint against this newer checkpoint (with --proof)");
        var proof = Options.Text("--proof", "FILE", "一致性证明 JSON（cledger prove consistency） the consistency proof JSON (cledger prove consistency)");
        var key = Options.Many("--key", "FILE", "检查签名用的公钥（keys list --format json 或 base64；可多次） a public key to check signatures with (keys list --format json, or base64; may repeat)");
        var witnessKey = Options.Many("--witness-key", "VKEY", "见证人的验证公钥（文字或文件；可多次）：检查点须有其副署 a witness's verifier key, as text or a file (may repeat): each checkpoint must carry its cosignature");
        var command = new Command("verify",
            "校验哈希链、重放、锚点和检查点；退出码 1 完整性问题，3 仅对账问题 checks chain, replay, anchors and checkpoints; exit 1: integrity problems, 3: reconciliation problems only")
            { anchor, checkpoint, witnessKey, log, against, proof, key, format };
        command.Handle(context, (ctx, p) =>
        {
            var output = ctx.Format(p, format);
            if (p.GetValue(against) is { } newer)
                return VerifyAgainstCommand.Run(ctx, output, p.All(checkpoint), newer, p.GetValue(proof), p.All(key), p.All(anchor).Count);
            if (p.GetValue(proof) is not null || p.All(key).Count > 0) throw new UsageException("--proof and --key go with --against NEW");
            var anchors = p.All(anchor).Select(text =>
                Anchor.TryParse(text, out var a) ? a : throw new UsageException($"--anchor takes SEQ:HASH (a 64-digit hex SHA-256), not '{text}'")).ToList();
            var checkpoints = p.All(checkpoint).Select(ReadCheckpoint).ToList();
            var witnesses = p.All(witnessKey).Select(k => WitnessPush.ReadWitnessKey(k, "--witness-key")).ToList();
            if (witnesses.Count > 0 && checkpoints.Count == 0) throw new UsageException("--witness-key checks the cosignatures of a --checkpoint: give one");
            if (p.GetValue(log) is { } file)
                return anchors.Count > 0 || witnesses.Count > 0
                    ? throw new UsageException("--anchor 和 --witness-key 只用于数据库；日志文件请用 --checkpoint --anchor and --witness-key check the database only; hold a log file against a --checkpoint")
                    : RunOnFile(ctx, output, file, checkpoints);
            return Run(ctx, output, anchors, checkpoints, witnesses);
        });
        return command;
    }

    private static int Run(Context ctx, OutputFormat format, IReadOnlyList<Anchor> anchors, IReadOnlyList<SignedNote> checkpoints, IReadOnlyList<WitnessKey> witnesses)
    {
        using var store = ctx.Open();
        var report = LedgerVerifier.Verify(store, anchors, checkpoints, Progress.OnTerminal<long>(ctx, ctx.Say("校验", "verifying"),
            store.Head() is { } head ? head.Seq + 1 : null));
        if (witnesses.Count > 0) report = WithCosignatures(report, checkpoints, witnesses);
        Progress.Clear(ctx);
        if (format == OutputFormat.Json) ctx.WriteBytes(VerifyReportRenderer.Json(report));
        else ctx.Out.Write(VerifyReportRenderer.Text(report, ctx.Chinese));
        return report.Status switch
        {
            VerifyCategory.Integrity => ExitCodes.Rejected,
            VerifyCategory.Reconciliation => ExitCodes.Reconciliation,
            _ => ExitCodes.Done,
        };
    }

    private static int RunOnFile(Context ctx, OutputFormat format, string path, IReadOnlyList<SignedNote> checkpoints)
    {
        if (!File.Exists(path)) throw new UsageException($"找不到日志文件 {path} log file {path} not found");
        var log = LogFileVerifier.Verify(path, checkpoints);
        if (format == OutputFormat.Json) ctx.WriteBytes(VerifyReportRenderer.Json(log));
        else ctx.Out.Write(VerifyReportRenderer.Text(log, ctx.Chinese));
        return log.Report.Status switch
        {
            VerifyCategory.Integrity => ExitCodes.Rejected,
            VerifyCategory.Reconciliation => ExitCodes.Reconciliation,
            _ => ExitCodes.Done,
        };
    }

    /// <summary>
    /// Each checkpoint's cosignatures by the witnesses named (C2SP cosignature/v1, audit-log.md 12.4): the
    /// ones that verify are listed, and a witness whose cosignature is missing or does not verify is an
    /// integrity problem of that checkpoint. Cosignature lines of other witnesses are ignored.
    /// </summary>
    private static VerifyReport WithCosignatures(VerifyReport report, IReadOnlyList<SignedNote> checkpoints, IReadOnlyList<WitnessKey> witnesses)
    {
        var problems = new List<VerifyProblem>();
        var results = report.Checkpoints.Select((result, i) =>
        {
            var cosigned = witnesses.Where(w => Cosignature.VerifiedTimestamp(checkpoints[i], w) is not null).ToList();
            foreach (var missing in witnesses.Except(cosigned))
                problems.Add(new VerifyProblem(VerifyProblem.Checkpoint, result.Size > 0 ? result.Size - 1 : null,
                    $"the checkpoint of {result.Size} entries carries no valid cosignature of witness {missing.Name} ({missing.KeyIdHex})", Expected: "valid cosignature", Actual: "none"));
            return result with { CosignedBy = [.. cosigned.Select(w => $"{w.Name} ({w.KeyIdHex})")] };
        }).ToList();
        // Integrity problems come first in the list (VerifyReport), these after the log's own.
        var integrity = report.Problems.Where(p => p.Category == VerifyCategory.Integrity).Concat(problems).Concat(report.Problems.Where(p => p.Category != VerifyCategory.Integrity));
        return report with { Checkpoints = results, Problems = [.. integrity], IntegrityFound = report.IntegrityFound + problems.Count };
    }

    /// <summary>
    /// A checkpoint as typed in or scanned from a notice: a signed note, or a bare (unsigned) checkpoint
    /// body, which is checked for consistency only (a note without signatures).
    /// </summary>
    internal static SignedNote ReadCheckpoint(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"checkpoint file {path} not found");
        return SignedNote.TryReadCheckpoint(File.ReadAllText(path), out var note, out var problem)
            ? note
            : throw new UsageException($"{path} is not a checkpoint: {problem}");
    }
}
