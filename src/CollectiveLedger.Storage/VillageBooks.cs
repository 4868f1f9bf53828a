namespace CollectiveLedger.Storage;

/// <summary>
/// A village as the township and county views see it: its code and name, the township and county it
/// belongs to, and how to open its books. Made from the registry of villages (one book each, on
/// whichever engine); the views open one at a time and dispose it before the next.
/// </summary>
public sealed record VillageBooks(string Code, string Name, string Township, string County, Func<LedgerStore> Open)
{
    /// <summary>The PostgreSQL database the village's books are in (where the county view keeps its lines); null for a SQLite file.</summary>
    public string? Server { get; init; }
}
