using CollectiveLedger.Core.Audit;
using CollectiveLedger.Reports;
using CollectiveLedger.Storage.Verification;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>verify [--anchor SEQ:HASH]... [--checkpoint FILE]...</c>: chain, replay, anchors and checkpoints.
/// Exit 1 when there is any integrity problem (someone changed the books outside the program), 3
/// when there are reconciliation problems only (the books need an accountant), 0 when all holds.
/// </summary>
public static class VerifyCommand
{
    public static int Run(Context ctx, Args args)
    {
        var format = ctx.Format(args);
        var anchors = args.All("--anchor").Select(text =>
            Anchor.TryParse(text, out var a) ? a : throw new UsageException($"--anchor takes SEQ:HASH (a 64-digit hex SHA-256), not '{text}'")).ToList();
        var checkpoints = args.All("--checkpoint").Select(ReadCheckpoint).ToList();
        args.Done(1);
        using var store = ctx.Open();
        var report = LedgerVerifier.Verify(store, anchors, checkpoints, Progress.OnTerminal<long>(ctx, ctx.Say("校验", "verifying")));
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

    /// <summary>A checkpoint as typed in or scanned from a notice: a signed note, or a bare (unsigned) checkpoint body.</summary>
    private static SignedNote ReadCheckpoint(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"checkpoint file {path} not found");
        var text = File.ReadAllText(path).Replace("\r\n", "\n");
        if (SignedNote.TryParse(text, out var note, out var problem)) return note;
        if (Checkpoint.TryParseBody(text.TrimEnd('\n') + "\n", out _, out _))
            throw new UsageException($"{path} is an unsigned checkpoint; only signed checkpoints can be verified ({problem})");
        throw new UsageException($"{path} is not a signed checkpoint: {problem}");
    }
}
