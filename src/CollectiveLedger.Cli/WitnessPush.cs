using CollectiveLedger.Publishing.Witnessing;

namespace CollectiveLedger.Cli;

/// <summary><c>witness push --url URL --witness-key VKEY [--sign KEYFILE]...</c>: the books' checkpoint, signed with the organization's key (or the --sign keys), to one witness (<see cref="CheckpointPush"/>).</summary>
public static class WitnessPush
{
    public static int Run(Context ctx, string url, string witnessKey, IReadOnlyList<string> keyFiles)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new UsageException($"--url takes http(s)://HOST[:PORT][/PREFIX], not '{url}'");
        var key = ReadWitnessKey(witnessKey, "--witness-key");
        using var store = ctx.Open();
        // A witness cosigns only signed checkpoints: the --sign keys, else the organization's (never unsigned).
        var (checkpoint, _) = CheckpointSigner.ForPaper(ctx, store, keyFiles, unsigned: false);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        CheckpointPush.Outcome outcome;
        try
        {
            outcome = CheckpointPush.Push(http, uri, key, store, checkpoint);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new UsageException($"连不上见证人 cannot reach the witness at {url}: {e.Message}");
        }
        if (outcome.Cosignature is not { } line)
        {
            ctx.Error.WriteLine(outcome.Message);
            return ExitCodes.Rejected;
        }
        ctx.Out.Write((checkpoint.Note with { Signatures = [.. checkpoint.Note.Signatures, line] }).Format());
        ctx.Error.WriteLine(outcome.Message);
        return ExitCodes.Done;
    }

    /// <summary>A witness's verifier key given as its text or as a file holding it.</summary>
    public static WitnessKey ReadWitnessKey(string given, string option)
    {
        var text = File.Exists(given) ? File.ReadAllText(given).Trim() : given.Trim();
        return WitnessKey.TryParse(text, out var key, out var problem)
            ? key
            : throw new UsageException($"{option}: 不是见证人公钥 not a witness verifier key ({problem})");
    }
}
