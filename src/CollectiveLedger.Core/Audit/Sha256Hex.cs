using System.Security.Cryptography;

namespace CollectiveLedger.Core.Audit;

/// <summary>Lowercase hex SHA-256, the form of every hash in the log.</summary>
public static class Sha256Hex
{
    public const string Zero = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static bool IsValid(string? text) =>
        text is { Length: 64 } && !text.AsSpan().ContainsAnyExcept(LowercaseHex);

    private static readonly System.Buffers.SearchValues<char> LowercaseHex = System.Buffers.SearchValues.Create("0123456789abcdef");
}
