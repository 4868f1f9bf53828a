using System.Buffers;
using System.Text;
using System.Text.Json;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Ledger;

namespace CollectiveLedger.Core.Audit;

/// <summary>
/// The public form of the log (audit-log.md 14): every entry as stored, except that an entry holding
/// personal data is replaced by a stub <c>{"hash":H,"kind":K,"leaf":L,"seq":N}</c> carrying its hash
/// (which the next entry's <c>prev</c> names) and its RFC 6962 leaf hash (so the Merkle root
/// recomputes). Withheld are the entries of kinds that hold personal data
/// (<see cref="EventKind.HoldsPersonalData"/>), and any other entry whose text holds one of the
/// register's private values (<see cref="PrivateValuesOf"/>) in any spelling: compared after NFKC
/// normalization (full-width digits become ASCII) with spaces, dashes, '.' and '/' removed, as an accountant may
/// have typed a member's phone number into a voucher's summary.
/// </summary>
public sealed class PublicLog
{
    /// <summary>Private values shorter than this (after normalization) are not searched for: a 5-digit contact would withhold every voucher of that amount, and names nobody.</summary>
    public const int ShortestSearched = 7;

    private readonly SearchValues<string>? _private;

    /// <param name="privateValues">The register's private values: members' ID card, bank account and phone numbers, feedback contacts.</param>
    public PublicLog(IEnumerable<string> privateValues)
    {
        var values = privateValues.Select(Normalize).Where(v => v.Length >= ShortestSearched).Distinct(StringComparer.Ordinal).ToArray();
        _private = values.Length == 0 ? null : SearchValues.Create(values, StringComparison.Ordinal);
    }

    /// <summary>The public form of entry <paramref name="seq"/>: a stub when it is withheld (<see cref="Withholds"/>), otherwise the entry's own bytes.</summary>
    public byte[] PublicForm(long seq, string kind, byte[] entryBytes) =>
        Withholds(kind, entryBytes) ? Stub(seq, kind, entryBytes) : entryBytes;

    /// <summary>Whether the public log withholds the entry: its kind holds personal data, or its text a private value.</summary>
    public bool Withholds(string kind, ReadOnlySpan<byte> entryBytes) =>
        EventKinds.Named(kind) is { HoldsPersonalData: true } || HoldsPrivateValue(entryBytes);

    /// <summary>Whether the text of a public kind's entry holds a private value, in any spelling (the warning export prints names it).</summary>
    public bool HoldsPrivateValue(ReadOnlySpan<byte> entryBytes) =>
        _private is not null && Normalize(Encoding.UTF8.GetString(entryBytes)).AsSpan().ContainsAny(_private);

    /// <summary>The stub that stands for an entry: canonical JSON, keys hash, kind, leaf, seq.</summary>
    public static byte[] Stub(long seq, string kind, ReadOnlySpan<byte> entryBytes)
    {
        using var w = new CanonicalJsonWriter();
        w.BeginObject();
        w.Property("hash", Sha256Hex.Of(entryBytes));
        w.Property("kind", kind);
        w.Property("leaf", Convert.ToHexStringLower(MerkleTree.LeafHash(entryBytes)));
        w.Property("seq", seq);
        w.EndObject();
        return w.ToArray();
    }

    /// <summary>The private values an event holds: a member's ID card, bank account and phone numbers, a feedback contact.</summary>
    public static IEnumerable<string> PrivateValuesOf(LedgerEvent e) => e switch
    {
        DimensionAdded { Details: { } d } => new[] { d.IdCard, d.BankAccount, d.Phone }.OfType<string>(),
        FeedbackReceived { Contact: { } contact } => [contact],
        _ => [],
    };

    /// <summary>
    /// The <c>kind</c> of an entry's bytes, read without decoding its data; null when the bytes are not
    /// an object with a string <c>kind</c>.
    /// </summary>
    public static string? KindOf(ReadOnlySpan<byte> entryBytes)
    {
        try
        {
            var reader = new Utf8JsonReader(entryBytes);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isKind = reader.ValueTextEquals("kind"u8);
                reader.Read();
                if (isKind) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads a stub: exactly the keys hash, kind, leaf, seq, the two hashes 64 lowercase hex digits,
    /// canonical. Null when <paramref name="root"/> is not a stub (an entry has other keys).
    /// </summary>
    public static PublicStub? ReadStub(JsonElement root, ReadOnlySpan<byte> bytes, out string? problem)
    {
        problem = null;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("leaf", out _)) return null;
        string[] keys = ["hash", "kind", "leaf", "seq"];
        if (root.GetPropertyCount() != keys.Length || !keys.All(k => root.TryGetProperty(k, out _)))
        {
            problem = "a stub has exactly the keys hash, kind, leaf, seq";
            return null;
        }
        var (hash, kind, leaf, seq) = (root.GetProperty("hash"), root.GetProperty("kind"), root.GetProperty("leaf"), root.GetProperty("seq"));
        if (hash.ValueKind != JsonValueKind.String || !Sha256Hex.IsValid(hash.GetString()) || leaf.ValueKind != JsonValueKind.String || !Sha256Hex.IsValid(leaf.GetString())
            || kind.ValueKind != JsonValueKind.String || !seq.TryGetInt64(out var n) || n < 0)
        {
            problem = "a stub's hash and leaf are 64 lowercase hex digits, its kind a string, its seq an integer";
            return null;
        }
        var stub = new PublicStub(n, kind.GetString()!, hash.GetString()!, Convert.FromHexString(leaf.GetString()!));
        using var w = new CanonicalJsonWriter();
        w.BeginObject();
        w.Property("hash", stub.Hash);
        w.Property("kind", stub.Kind);
        w.Property("leaf", Convert.ToHexStringLower(stub.LeafHash));
        w.Property("seq", stub.Seq);
        w.EndObject();
        if (!w.WrittenSpan.SequenceEqual(bytes))
        {
            problem = "the stub is not canonical JSON";
            return null;
        }
        return stub;
    }

    /// <summary>
    /// NFKC (full-width digits and letters become ASCII, the ideographic space a space), upper case (an ID
    /// card's x), then without the characters people put between digits: spaces, '-' (and the other dashes), '.', '/'.
    /// </summary>
    private static string Normalize(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).ToUpperInvariant();
        if (normalized.AsSpan().IndexOfAny(Separators) < 0) return normalized;
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
            if (!Separators.Contains(c)) sb.Append(c);
        return sb.ToString();
    }

    private static readonly SearchValues<char> Separators = SearchValues.Create(" -./\u2010\u2011\u2012\u2013\u2014\u2015\u2212");
}
