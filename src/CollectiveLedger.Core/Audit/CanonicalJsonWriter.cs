using System.Buffers;
using System.Text;

namespace CollectiveLedger.Core.Audit;

/// <summary>
/// Writes JSON in the RFC 8785 (JCS) canonical form restricted to the log's value set: objects,
/// arrays, strings, integers, booleans and null. No whitespace; strings escape only '"', '\' and
/// U+0000..U+001F; everything else is literal UTF-8. Callers write object members in ascending
/// ordinal key order; writing them out of order is a bug and throws.
/// </summary>
public sealed class CanonicalJsonWriter : IDisposable
{
    private readonly PooledBuffer _buffer = new();
    private readonly Stack<(bool First, string? LastKey)> _scopes = new(8);
    private bool _afterName;

    public void BeginObject() { Separator(); Byte((byte)'{'); _scopes.Push((true, null)); }
    public void EndObject() { _scopes.Pop(); Byte((byte)'}'); }
    public void BeginArray() { Separator(); Byte((byte)'['); _scopes.Push((true, null)); }
    public void EndArray() { _scopes.Pop(); Byte((byte)']'); }

    public void Name(string key)
    {
        var (first, last) = _scopes.Pop();
        if (last is not null && string.CompareOrdinal(last, key) >= 0)
            throw new InvalidOperationException($"Canonical JSON keys must ascend: '{key}' after '{last}'.");
        if (!first) Byte((byte)',');
        _scopes.Push((false, key));
        WriteString(key);
        Byte((byte)':');
        _afterName = true;
    }

    public void String(string? value)
    {
        Separator();
        if (value is null) Raw("null"u8); else WriteString(value);
    }

    public void Integer(long value)
    {
        Separator();
        System.Buffers.Text.Utf8Formatter.TryFormat(value, _buffer.GetSpan(20), out var written); // 20: the longest long, "-9223372036854775808"
        _buffer.Advance(written);
    }
    public void Boolean(bool value) { Separator(); Raw(value ? "true"u8 : "false"u8); }
    public void Null() { Separator(); Raw("null"u8); }

    public void Property(string key, string? value) { Name(key); String(value); }
    public void Property(string key, long value) { Name(key); Integer(value); }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    /// <summary>Empties the writer for the next document, keeping its memory.</summary>
    public void Reset()
    {
        _buffer.Clear();
        _scopes.Clear();
        _afterName = false;
    }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public void Dispose() => _buffer.Dispose();

    private void Separator()
    {
        if (_afterName) { _afterName = false; return; }
        if (_scopes.Count == 0) return;
        var (first, last) = _scopes.Pop();
        if (!first) Byte((byte)',');
        _scopes.Push((false, last));
    }

    private void WriteString(string value)
    {
        Byte((byte)'"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            Utf8(value.AsSpan(start, i - start));
            start = i + 1;
            switch (c)
            {
                case '"': Raw("\\\""u8); break;
                case '\\': Raw("\\\\"u8); break;
                case '\b': Raw("\\b"u8); break;
                case '\t': Raw("\\t"u8); break;
                case '\n': Raw("\\n"u8); break;
                case '\f': Raw("\\f"u8); break;
                case '\r': Raw("\\r"u8); break;
                default: Raw(Encoding.ASCII.GetBytes($"\\u{(int)c:x4}")); break;
            }
        }
        Utf8(value.AsSpan(start));
        Byte((byte)'"');
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private void Utf8(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return;
        var span = _buffer.GetSpan(StrictUtf8.GetMaxByteCount(text.Length));
        _buffer.Advance(StrictUtf8.GetBytes(text, span));
    }

    private void Byte(byte b) { _buffer.GetSpan(1)[0] = b; _buffer.Advance(1); }
    private void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }
}
