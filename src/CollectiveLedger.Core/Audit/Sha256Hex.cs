using System.Security.Cryptography;

namespace CollectiveLedger.Core.Audit;

/// <summary>Lowercase hex SHA-256, the form of every hash in the log.</summary>
public static class Sha256Hex
{
    public const string Zero = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Whether <paramref name="utf8"/> spells exactly <paramref name="hex"/> (a hash as SQLite hands it over, compared without decoding).</summary>
    public static bool Spells(ReadOnlySpan<byte> utf8, string hex)
    {
        if (utf8.Length != hex.Length) return false;
        for (var i = 0; i < hex.Length; i++)
            if (utf8[i] != hex[i]) return false;
        return true;
    }

    public static bool IsValid(string? text) =>
        text is { Length: 64 } && !text.AsSpan().ContainsAnyExcept(LowercaseHex);

    private static readonly System.Buffers.SearchValues<char> LowercaseHex = System.Buffers.SearchValues.Create("0123456789abcdef");
}
