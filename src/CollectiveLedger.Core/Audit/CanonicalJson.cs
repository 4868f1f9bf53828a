using System.Text.Json;

namespace CollectiveLedger.Core.Audit;

/// <summary>Re-serializes parsed JSON canonically, to check that stored entries are in canonical form.</summary>
public static class CanonicalJson
{
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    /// <summary>
    /// Whether <paramref name="bytes"/> is exactly the canonical serialization of the JSON it holds.
    /// Returns the parsed document (caller disposes) when it parses, even if not canonical.
    /// </summary>
    public static bool IsCanonical(ReadOnlyMemory<byte> bytes, out JsonDocument? document, out string? problem)
    {
        document = null;
        try
        {
            document = JsonDocument.Parse(bytes, Strict);
        }
        catch (JsonException e)
        {
            problem = "not JSON: " + e.Message;
            return false;
        }
        using var writer = new CanonicalJsonWriter();
        if (!TryWrite(document.RootElement, writer, out problem)) return false;
        if (!writer.ToArray().AsSpan().SequenceEqual(bytes.Span))
        {
            problem = "bytes differ from the canonical form (key order, whitespace or escaping)";
            return false;
        }
        return true;
    }

    private static bool TryWrite(JsonElement element, CanonicalJsonWriter writer, out string? problem)
    {
        problem = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.BeginObject();
                var properties = element.EnumerateObject().ToList();
                properties.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                foreach (var p in properties)
                {
                    writer.Name(p.Name);
                    if (!TryWrite(p.Value, writer, out problem)) return false;
                }
                writer.EndObject();
                return true;
            case JsonValueKind.Array:
                writer.BeginArray();
                foreach (var item in element.EnumerateArray())
                    if (!TryWrite(item, writer, out problem)) return false;
                writer.EndArray();
                return true;
            case JsonValueKind.String: writer.String(element.GetString()); return true;
            case JsonValueKind.True: writer.Boolean(true); return true;
            case JsonValueKind.False: writer.Boolean(false); return true;
            case JsonValueKind.Null: writer.Null(); return true;
            case JsonValueKind.Number when element.TryGetInt64(out var n) && element.GetRawText() == n.ToString(System.Globalization.CultureInfo.InvariantCulture):
                writer.Integer(n);
                return true;
            default:
                problem = $"value {element.GetRawText()} is not allowed (only integers, never floats)";
                return false;
        }
    }
}
