using System.CommandLine;

namespace CollectiveLedger.Cli.Commands;

/// <summary><c>checkpoint [--sign KEYFILE]...</c>: prints the books' C2SP checkpoint, as a signed note when keys are given.</summary>
public static class CheckpointCommand
{
    public static Command Declare(ContextOf context)
    {
        var sign = Signing();
        var command = new Command("checkpoint", "输出账簿的检查点（C2SP），给出密钥则签名 prints the books' C2SP checkpoint, signed when keys are given") { sign };
        command.Handle(context, (ctx, p) => Run(ctx, p.All(sign)));
        return command;
    }

    /// <summary><c>--sign KEYFILE</c>, which may repeat: the keys a checkpoint or notice is signed with.</summary>
    public static Option<string[]> Signing() =>
        Options.Many("--sign", "KEYFILE", "用此密钥签名检查点（可多次） sign the checkpoint with this key file (may repeat)");

    private static int Run(Context ctx, IReadOnlyList<string> keyFiles)
    {
        using var store = ctx.Open();
        var result = CheckpointSigner.ForBooks(ctx, store, store.LoadState(), keyFiles);
        ctx.Out.Write(result.Text);
        if (keyFiles.Count == 0)
            ctx.Error.WriteLine(ctx.Say("注意：未签名（用 --sign KEYFILE 签名）。", "note: unsigned (sign with --sign KEYFILE)."));
        return ExitCodes.Done;
    }
}
