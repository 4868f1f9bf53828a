using CollectiveLedger.Core.Audit;
using CollectiveLedger.Reports;
using CollectiveLedger.Storage.Verification;

namespace CollectiveLedger.Cli.Commands;

/// <summary><c>verify [--anchor SEQ:HASH]...</c>: chain, replay and anchors; exit 1 when anything is wrong.</summary>
public static class VerifyCommand
{
    public static int Run(Context ctx, Args args)
    {
        var format = ctx.Format(args);
        var anchors = args.All("--anchor").Select(text =>
            Anchor.TryParse(text, out var a) ? a : throw new UsageException($"--anchor takes SEQ:HASH (a 64-digit hex SHA-256), not '{text}'")).ToList();
        if (args.All("--checkpoint").Count > 0) throw new UsageException("--checkpoint is not supported yet: it comes with signed checkpoints (disclosure notices)");
        args.Done(1);
        using var store = ctx.Open();
        var report = LedgerVerifier.Verify(store, anchors, Progress.OnTerminal<long>(ctx, ctx.Say("校验", "verifying")));
        Progress.Clear(ctx);
        if (format == OutputFormat.Json) ctx.WriteBytes(VerifyReportRenderer.Json(report));
        else ctx.Out.Write(VerifyReportRenderer.Text(report, ctx.Chinese));
        return report.Ok ? ExitCodes.Done : ExitCodes.Rejected;
    }
}
