using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CollectiveLedger.Web;

/// <summary>
/// The public log (audit-log.md 14) at <c>/log.jsonl</c>, no sign-in: the whole log with every entry
/// that holds personal data replaced by the stub of its hashes, generated from the books on each
/// request and streamed, byte for byte what <c>cledger log export --public</c> writes. Anyone checks it
/// with <c>cledger verify --log</c> or <c>schemas/verify_log.py --public</c>, against a notice's checkpoint.
/// </summary>
public static class PublicLogFile
{
    public const string Path = "/log.jsonl";

    private static readonly ReadOnlyMemory<byte> Newline = "\n"u8.ToArray();

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, (Books books) => Results.Stream(async stream =>
        {
            foreach (var entry in books.Store.PublicEntries())
            {
                await stream.WriteAsync(entry.Bytes);
                await stream.WriteAsync(Newline);
            }
        }, "text/plain; charset=utf-8", fileDownloadName: null));
}
