using System.Globalization;
using CollectiveLedger.Core.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CollectiveLedger.Web;

/// <summary>
/// The log for standard transparency-log clients and the phone page, no sign-in: <c>/checkpoint</c>
/// (the books' checkpoint as a C2SP signed note), the C2SP tlog-tiles hash tiles <c>/tile/L/N[.p/W]</c>
/// of that checkpoint's tree, and RFC 6962 proofs as JSON, <c>/proof/consistency?old=N&amp;new=M</c> and
/// <c>/proof/inclusion?seq=S&amp;size=N</c>, and entry bundles <c>/tile/entries/N[.p/W]</c> of the public log
/// (audit-log.md 14): each entry as <c>/log.jsonl</c> gives it, a stub where it holds personal data (or is
/// longer than a bundle's 16-bit length allows), so a client takes a stub's leaf from the stub.
/// </summary>
public static class TransparencyLog
{
    private const string Immutable = "public, max-age=31536000, immutable";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/checkpoint", (Books books, LogSnapshots snapshots, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Text(snapshots.Of(books).Checkpoint.Text, "text/plain; charset=utf-8");
        });
        endpoints.MapGet("/tile/{level:int}/{**index}", (int level, string index, Books books, LogSnapshots snapshots, HttpContext context) =>
        {
            var (path, width) = SplitPartial(index);
            if (path is null || !HashTiles.TryParseIndexPath(path, out var n)) return Results.NotFound();
            var snapshot = snapshots.Of(books);
            if (width == HashTiles.Width || HashTiles.WidthIn(snapshot.Size, level, n) < width) return Results.NotFound();
            var bytes = HashTiles.Tile(snapshot.Levels, snapshot.Size, level, n, width ?? HashTiles.Width);
            if (bytes is null) return Results.NotFound();
            context.Response.Headers.CacheControl = Immutable;
            return Results.Bytes(bytes, "application/octet-stream");
        });
        endpoints.MapGet("/tile/entries/{**index}", (string index, Books books, LogSnapshots snapshots, HttpContext context) =>
        {
            var (path, width) = SplitPartial(index);
            if (path is null || !HashTiles.TryParseIndexPath(path, out var n)) return Results.NotFound();
            var snapshot = snapshots.Of(books);
            var count = width ?? HashTiles.Width;
            if (width == HashTiles.Width || HashTiles.WidthIn(snapshot.Size, 0, n) < count) return Results.NotFound();
            using var bundle = new MemoryStream();
            Span<byte> length = stackalloc byte[2];
            var publicLog = snapshot.PublicLogOf(books.Store); // before the entries are read: one connection reads one query at a time
            foreach (var entry in books.Store.Entries(n * HashTiles.Width, count))
            {
                var kind = PublicLog.KindOf(entry.Bytes) ?? "";
                var line = publicLog.PublicForm(entry.Seq, kind, entry.Bytes);
                if (line.Length > ushort.MaxValue) line = PublicLog.Stub(entry.Seq, kind, entry.Bytes);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)line.Length);
                bundle.Write(length);
                bundle.Write(line);
            }
            context.Response.Headers.CacheControl = Immutable;
            return Results.Bytes(bundle.ToArray(), "application/octet-stream");
        });
        endpoints.MapGet("/proof/consistency", (long? old, long? @new, Books books, LogSnapshots snapshots) =>
        {
            var snapshot = snapshots.Of(books);
            if (old is not { } o || @new is not { } m || o < 0 || o > m || m > snapshot.Size)
                return Refused($"需要 0 ≤ old ≤ new ≤ {snapshot.Size}（今天的检查点） old and new must be 0 ≤ old ≤ new ≤ {snapshot.Size} (today's checkpoint)");
            return Json(ProofJson.Write(new ConsistencyProof(o, m, MerkleProof.Consistency(snapshot.Leaves, o, m))));
        });
        endpoints.MapGet("/proof/inclusion", (long? seq, long? size, Books books, LogSnapshots snapshots) =>
        {
            var snapshot = snapshots.Of(books);
            if (seq is not { } s || size is not { } n || s < 0 || s >= n || n > snapshot.Size)
                return Refused($"需要 0 ≤ seq < size ≤ {snapshot.Size}（今天的检查点） seq and size must be 0 ≤ seq < size ≤ {snapshot.Size} (today's checkpoint)");
            return Json(ProofJson.Write(new InclusionProof(s, n, snapshot.Leaves[(int)s], MerkleProof.Inclusion(snapshot.Leaves, s, n))));
        });
    }

    // "067" or "x001/067.p/12": the index path and, for a partial tile, its width (1 ... 255; anything else is no tile).
    private static (string? Path, int? Width) SplitPartial(string index)
    {
        var at = index.IndexOf(".p/", StringComparison.Ordinal);
        if (at < 0) return (index, null);
        var w = index[(at + 3)..];
        return w.Length is > 0 and <= 3 && w[0] != '0' && w.All(char.IsAsciiDigit) ? (index[..at], int.Parse(w, CultureInfo.InvariantCulture)) : (null, null);
    }

    private static IResult Json(string json) => Results.Text(json + "\n", "application/json; charset=utf-8");

    private static IResult Refused(string message) => Results.Text(message + "\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
