using CollectiveLedger.Storage.Engines;
using System.CommandLine;
using System.Net;
using CollectiveLedger.Web;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>serve [--urls URL[;URL]] [--sign KEYFILE... | --unsigned] [--font PATH]</c>: the web workspace and
/// the public page on this ledger (<see cref="WebWorkspace"/>). Bound to 127.0.0.1 unless told
/// otherwise; any other address is served with a warning, since then other computers reach the
/// sign-in page. The notices prepared from the web are signed as on the command line: with the
/// organization's key by default (<see cref="OrganizationKey"/>; created and registered here when the
/// books have none), or with the --sign key files, each unlocked once at start (passphrase from
/// CLEDGER_PASSPHRASE or the terminal) and kept only in this process's memory; unsigned only with
/// --unsigned. When no passphrase can be had, serve still starts (vouchers, reports and the public
/// page need no key) but says so on stderr, and the web's notices page says, where the accountant
/// prepares a notice, that notices cannot be signed and how to restart serve; a wrong passphrase
/// stops serve at once.
/// </summary>
public static class ServeCommand
{
    public static Command Declare(ContextOf context)
    {
        var urls = Options.Text("--urls", "URL[;URL]", $"监听地址（默认 {WorkspaceOptions.DefaultUrl}，仅本机） where to listen ({WorkspaceOptions.DefaultUrl} by default: this computer only)");
        var sign = Options.Many("--sign", "KEYFILE", "网页公开的公开榜用此密钥签名（可多次；默认用组织的密钥） sign the notices published from the web with this key (may repeat; the organization's key by default)");
        var unsigned = Options.Flag("--unsigned", "网页公开的公开榜不签名（纸上注明未签名） publish unsigned notices from the web (the paper says so)");
        var font = Options.Text("--font", "PATH", "能显示中文的字体 a font covering Chinese");
        var witness = Options.Many("--witness", "URL", "网页准备的公开榜把检查点送给此见证人（可多次，与 --witness-key 一一对应） push the checkpoint of each notice prepared from the web to this witness (may repeat, each with a --witness-key)");
        var witnessKey = Options.Many("--witness-key", "VKEY", "见证人的验证公钥（文字或文件） the witness's verifier key, as text or a file");
        var command = new Command("serve", "启动公开页（/）和网页工作台（/staff） starts the public page (/) and the web workspace (/staff)") { urls, sign, unsigned, font, witness, witnessKey };
        command.Handle(context, (ctx, p) => Run(ctx, p.GetValue(urls), p.All(sign), p.Flag(unsigned), p.GetValue(font), Witnesses(p.All(witness), p.All(witnessKey))));
        return command;
    }

    /// <summary>Each --witness URL with the --witness-key given in the same place.</summary>
    private static IReadOnlyList<Publishing.Witnessing.CheckpointPush.Witness> Witnesses(IReadOnlyList<string> urls, IReadOnlyList<string> keys)
    {
        if (urls.Count != keys.Count) throw new UsageException("每个 --witness 需要一个 --witness-key each --witness URL needs its --witness-key");
        return [.. urls.Select((url, i) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new Publishing.Witnessing.CheckpointPush.Witness(uri, WitnessPush.ReadWitnessKey(keys[i], "--witness-key"))
            : throw new UsageException($"--witness takes http(s)://HOST[:PORT][/PREFIX], not '{url}'"))];
    }

    private static int Run(Context ctx, string? urlsText, IReadOnlyList<string> keyFiles, bool unsigned, string? font, IReadOnlyList<Publishing.Witnessing.CheckpointPush.Witness> witnesses)
    {
        if (unsigned && keyFiles.Count > 0) throw new UsageException("--unsigned 与 --sign 不能同时使用 --unsigned does not go with --sign: choose one");
        var urls = (urlsText ?? WorkspaceOptions.DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new UsageException($"--urls takes http://HOST:PORT addresses, not '{url}'");
            if (!IsLoopback(uri.Host))
                ctx.Error.WriteLine(ctx.Say($"警告：{url} 不只本机可以访问；请只在可信的网络中这样做，并使用 https。",
                    $"warning: {url} is reachable from other computers; do this only on a trusted network, and prefer https."));
        }
        var keys = new List<SigningKeyFile>();
        try
        {
            IReadOnlyList<Publishing.NoticeSigner> signers;
            using (var store = ctx.Open()) // a missing or newer ledger is reported now, as every command does, not on the first request
            {
                if (keyFiles.Count > 0) keys = CheckpointSigner.LoadKeys(ctx, keyFiles);
                else if (!unsigned && OrganizationKey.TryUnlock(ctx, store) is { } organization) keys = [organization];
                signers = CheckpointSigner.Registered(store.LoadState(), keys);
            }
            if (signers.Count == 0 && !unsigned)
                ctx.Error.WriteLine(ctx.Say(
                    $"注意：没有口令，组织的签名密钥（{OrganizationKey.PathOf(ctx)}）未解锁，网页上不能准备公开榜。要签名，请设置 CLEDGER_PASSPHRASE（或在终端中）重新启动 serve；要发布未签名的公开榜，用 serve --unsigned。",
                    $"note: no passphrase, so the organization's signing key ({OrganizationKey.PathOf(ctx)}) is locked and notices cannot be prepared from the web. To sign, restart serve with CLEDGER_PASSPHRASE (or at a terminal); to publish unsigned notices, serve --unsigned."));
            var fontPath = font is null ? Reports.Pdf.ChineseFonts.Find() : DiscloseCommand.FontPath(font);
            WebWorkspace.Run(new WorkspaceOptions(Server.IsAddress(ctx.Db) ? ctx.Db : Path.GetFullPath(ctx.Db), ctx.Clock) { Village = ctx.Village, Villages = Server.IsAddress(ctx.Db) ? () => Server.VillageBooks(ctx.Db, ctx.Clock) : null, Signers = signers, PublishUnsigned = unsigned, FontPath = fontPath, Witnesses = witnesses },
                urls, ctx.Out, ctx.Error);
            return ExitCodes.Done;
        }
        finally
        {
            foreach (var k in keys) k.Dispose();
        }
    }

    private static bool IsLoopback(string host) =>
        host == "localhost" || IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
}
