using System.Globalization;
using System.Text;
using CollectiveLedger.Publishing.Witnessing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CollectiveLedger.Cli;

/// <summary>
/// <c>witness serve</c>: C2SP tlog-witness <c>POST /add-checkpoint</c> over a witness folder. The key is
/// unlocked once at start and lives only in this process's memory; each request is decided and its
/// state saved under the folder's lock before the answer (<see cref="WitnessDirectory.Add"/>).
/// </summary>
public static class WitnessServer
{
    /// <summary>A request body larger than this is refused: 63 proof lines and a note of 16 signatures fit many times over.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    public static int Run(Context ctx, WitnessDirectory witness, string urlsText)
    {
        var urls = urlsText.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls)
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new UsageException($"--urls takes http://HOST:PORT addresses, not '{url}'");
        var signer = witness.Unlock(SigningKeyFile.Passphrase(ctx, ctx.Say("见证人私钥口令：", "passphrase of the witness key: ")));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.WebHost.UseKestrel(k => k.Limits.MaxRequestBodySize = MaxBodyBytes).UseUrls(urls);
        using var app = builder.Build();
        app.MapPost("/add-checkpoint", async (HttpContext http) =>
        {
            string body;
            using (var reader = new StreamReader(http.Request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true)))
            {
                try { body = await reader.ReadToEndAsync(http.RequestAborted); }
                catch (Exception e) when (e is DecoderFallbackException or BadHttpRequestException) { return Results.Text("not UTF-8 text or too large\n", statusCode: 400); }
            }
            if (!AddCheckpointRequest.TryParse(body, out var request, out var problem)) return Results.Text(problem + "\n", statusCode: 400);
            var decision = witness.Add(request, signer, ctx.Clock.GetUtcNow());
            if (decision.Cosignature is { } line)
                return Results.Text(new Core.Audit.SignedNote("", [line]).Format().TrimStart('\n'), "text/plain; charset=utf-8", statusCode: 200);
            // 409 answers with the size the witness last cosigned, so the client can send the proof from it.
            if (decision.Outcome == WitnessOutcome.Conflict && decision.Updated is null
                && Core.Audit.Checkpoint.TryParseBody(request.Note.Text, out var checkpoint, out _) && witness.Logs().TryGetValue(checkpoint.Origin, out var log))
                return Results.Text(log.Size.ToString(CultureInfo.InvariantCulture) + "\n", "text/x.tlog.size", statusCode: 409);
            return Results.Text(decision.Message + "\n", "text/plain; charset=utf-8", statusCode: decision.HttpStatus);
        });
        app.Start();
        ctx.Error.WriteLine(ctx.Say($"见证人 {signer.Key.Name} 在 {string.Join(", ", urls)} 等待检查点（Ctrl+C 停止）",
            $"witness {signer.Key.Name} listening on {string.Join(", ", urls)} (Ctrl+C stops)"));
        app.WaitForShutdown();
        return ExitCodes.Done;
    }
}
