namespace CollectiveLedger.Cli.Commands;

/// <summary><c>checkpoint [--sign KEYFILE]...</c>: prints the books' C2SP checkpoint, as a signed note when keys are given.</summary>
public static class CheckpointCommand
{
    public static int Run(Context ctx, Args args)
    {
        var keyFiles = args.All("--sign");
        args.Done(1);
        using var store = ctx.Open();
        var result = CheckpointSigner.ForBooks(ctx, store, store.LoadState(), keyFiles);
        ctx.Out.Write(result.Text);
        if (keyFiles.Count == 0)
            ctx.Error.WriteLine(ctx.Say("注意：未签名（用 --sign KEYFILE 签名）。", "note: unsigned (sign with --sign KEYFILE)."));
        return ExitCodes.Done;
    }
}
