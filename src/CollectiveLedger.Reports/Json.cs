using System.Text.Encodings.Web;
using System.Text.Json;

namespace CollectiveLedger.Reports;

/// <summary>JSON output: indented, Chinese written as itself (not \u escapes), amounts always strings.</summary>
public static class Json
{
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options)) write(writer);
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
