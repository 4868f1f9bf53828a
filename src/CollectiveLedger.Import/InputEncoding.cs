using System.Text;

namespace CollectiveLedger.Import;

/// <summary>
/// How an input file's bytes are decoded: UTF-8 (a BOM is skipped) or GB18030, as Chinese
/// spreadsheet programs save CSV. Decoding is strict: a byte sequence that is not valid in the
/// chosen encoding is an error, never a silent replacement character.
/// </summary>
public enum InputEncoding { Utf8, Gb18030 }

public static class InputEncodings
{
    static InputEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool TryParse(string? text, out InputEncoding encoding)
    {
        encoding = InputEncoding.Utf8;
        switch (text?.ToLowerInvariant())
        {
            case null or "utf-8" or "utf8": return true;
            case "gb18030" or "gbk" or "gb2312": encoding = InputEncoding.Gb18030; return true;
            default: return false;
        }
    }

    public static string Name(this InputEncoding encoding) => encoding == InputEncoding.Gb18030 ? "GB18030" : "UTF-8";

    /// <summary>The file as a stream of valid UTF-8, whatever its encoding; a BOM is dropped.</summary>
    public static Stream OpenAsUtf8(string path, InputEncoding encoding)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (encoding == InputEncoding.Utf8)
        {
            Span<byte> bom = stackalloc byte[3];
            var read = file.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
            if (read < 3 || bom[0] != 0xEF || bom[1] != 0xBB || bom[2] != 0xBF) file.Position = 0;
        }
        var decoding = encoding == InputEncoding.Gb18030
            ? Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
            : new UTF8Encoding(false, throwOnInvalidBytes: true);
        return Encoding.CreateTranscodingStream(file, decoding, new UTF8Encoding(false), leaveOpen: false);
    }
}
