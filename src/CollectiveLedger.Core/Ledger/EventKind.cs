using System.Text.Json;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// One kind of audit entry (schemas/audit-log.md section 7): its <see cref="Name"/>, the entry's
/// <c>kind</c>, and how its <c>data</c> object is read. Each event record declares its kind as a public
/// static field next to the rest of it: writing the data, the change of state and the table rows are
/// abstract members of <see cref="LedgerEvent"/>, so a kind that lacks one does not compile.
/// <see cref="EventKinds"/> finds every declared kind.
/// </summary>
/// <param name="read">Reads the data object; throws <see cref="FormatException"/> naming what is wrong.</param>
public sealed class EventKind(string name, Func<JsonElement, LedgerEvent> read)
{
    public string Name { get; } = name;

    public LedgerEvent Read(JsonElement data) => read(data);

    public override string ToString() => Name;
}
