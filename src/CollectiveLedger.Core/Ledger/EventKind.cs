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
/// <param name="holdsPersonalData">Whether entries of the kind hold personal data (a member's private numbers, a feedback
/// contact, who holds a sign-in credential): the public log (audit-log.md 14) withholds them as stubs, and the program
/// writes each new one with a random <c>salt</c> so that its published hash cannot be recovered by guessing.</param>
public sealed class EventKind(string name, Func<JsonElement, LedgerEvent> read, bool holdsPersonalData = false)
{
    public string Name { get; } = name;

    /// <summary>Entries of this kind are withheld from the public log and carry a salt (audit-log.md 14).</summary>
    public bool HoldsPersonalData { get; } = holdsPersonalData;

    public LedgerEvent Read(JsonElement data) => read(data);

    public override string ToString() => Name;
}
