using System.Text.Json;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Core.Audit;

/// <summary>
/// Reads the values of an entry's <c>data</c> object as section 7 of schemas/audit-log.md types them.
/// Each throws <see cref="FormatException"/> naming the key when the value is missing or of another
/// type, which verify reports against the entry's seq.
/// </summary>
public static class EventData
{
    public static JsonElement Get(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : throw new FormatException($"missing '{name}'");

    public static string Str(JsonElement e, string name)
    {
        var v = Get(e, name);
        return v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new FormatException($"'{name}' is not a string");
    }

    /// <summary>A key that is always present, with null or a string.</summary>
    public static string? OptStr(JsonElement e, string name)
    {
        var v = Get(e, name);
        return v.ValueKind == JsonValueKind.Null ? null : Str(e, name);
    }

    /// <summary>A string key added in a later version of format 1: null when the entry has none.</summary>
    public static string? Added(JsonElement e, string name) => e.TryGetProperty(name, out _) ? Str(e, name) : null;

    /// <summary>
    /// The optional <c>salt</c> of a kind that holds personal data (audit-log.md 14): 32 lowercase hex digits, 128 random
    /// bits; null in entries written before it existed.
    /// </summary>
    public static string? SaltOf(JsonElement e) =>
        Added(e, "salt") is not { } salt ? null : LedgerEvent.IsSalt(salt) ? salt : throw new FormatException("'salt' is not 32 lowercase hex digits");

    public static int Int(JsonElement e, string name) =>
        Get(e, name).TryGetInt32(out var n) ? n : throw new FormatException($"'{name}' is not an integer");

    /// <summary>An integer key added in a later version of format 1: null when the entry has none.</summary>
    public static int? OptInt(JsonElement e, string name) => e.TryGetProperty(name, out _) ? Int(e, name) : null;

    public static Amount AmountOf(JsonElement e, string name) => Money.Amount.ParseCanonical(Str(e, name));

    /// <summary>An amount key added in a later version of format 1: null when the entry has none.</summary>
    public static Amount? OptAmount(JsonElement e, string name) => e.TryGetProperty(name, out _) ? AmountOf(e, name) : null;

    public static DateOnly DateOf(JsonElement e, string name) => IsoDate.Parse(Str(e, name));

    public static DateOnly? OptDate(JsonElement e, string name) => OptStr(e, name) is { } text ? IsoDate.Parse(text) : null;

    public static Period PeriodOf(JsonElement e, string name) =>
        Periods.Period.TryParse(Str(e, name), out var p) ? p : throw new FormatException($"'{name}' is not a period");

    public static int YearOf(JsonElement d) =>
        Int(d, "year") is var year and >= 1900 and <= 9998 ? year : throw new FormatException("'year' is not a year");

    /// <summary>An optional flag written only as <c>true</c>: absent is false, as in entries written before it existed.</summary>
    public static bool Flag(JsonElement d, string name) =>
        !d.TryGetProperty(name, out var v) ? false : v.ValueKind == JsonValueKind.True ? true : throw new FormatException($"'{name}' is present only as true");

    /// <summary>The elements of an array key.</summary>
    public static JsonElement.ArrayEnumerator Items(JsonElement e, string name) => Get(e, name).EnumerateArray();
}
