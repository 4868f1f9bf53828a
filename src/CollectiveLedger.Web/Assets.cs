using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CollectiveLedger.Web;

/// <summary>
/// The stylesheet, the scripts and the phone page (<c>/check</c>: static HTML and <c>check.js</c>), served from
/// the assembly's resources (nothing to deploy beside the program).
/// </summary>
public static class Assets
{
    private static readonly IReadOnlyDictionary<string, (byte[] Bytes, string Type)> Files = Load();

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assets/{name}", (string name, HttpContext context) =>
        {
            if (!Files.TryGetValue(name, out var file)) return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(file.Bytes, file.Type);
        });
        endpoints.MapGet(Core.Audit.CheckLink.Path, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            var page = Files["check.html"];
            return Results.Bytes(page.Bytes, page.Type);
        });
    }

    private static Dictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(Assets).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(".Assets.", StringComparison.Ordinal)))
        {
            var name = resource[(resource.IndexOf(".Assets.", StringComparison.Ordinal) + 8)..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[name] = (copy.ToArray(), Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".html" => "text/html; charset=utf-8",
                _ => "text/javascript; charset=utf-8",
            });
        }
        return files;
    }
}
