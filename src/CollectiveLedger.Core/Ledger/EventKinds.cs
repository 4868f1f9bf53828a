using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// Every kind of audit entry, found once from the <see cref="EventKind"/> fields the event records
/// declare: adding a kind is adding its record (one file) and its section in schemas/audit-log.md,
/// and a test holds the two lists equal.
/// </summary>
public static class EventKinds
{
    /// <summary>The kinds in name order.</summary>
    public static IReadOnlyList<EventKind> All { get; } = typeof(LedgerEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(LedgerEvent)))
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(EventKind)))
        .Select(f => (EventKind)f.GetValue(null)!)
        .OrderBy(k => k.Name, StringComparer.Ordinal)
        .ToArray();

    private static readonly FrozenDictionary<string, EventKind> ByName = All.ToFrozenDictionary(k => k.Name, StringComparer.Ordinal);

    public static EventKind? Named(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Reads the data of an entry of <paramref name="kind"/>; an unknown kind is a <see cref="FormatException"/>.</summary>
    public static LedgerEvent Read(string kind, JsonElement data) =>
        Named(kind) is { } known ? known.Read(data) : throw new FormatException($"unknown entry kind '{kind}'");
}
