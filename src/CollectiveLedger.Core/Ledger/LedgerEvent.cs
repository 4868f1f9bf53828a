using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// A change of ledger state. Each one becomes exactly one audit entry; its <see cref="Kind"/> is the
/// entry's <c>kind</c> (schemas/audit-log.md section 7 lists them all with their data).
/// </summary>
/// <remarks>
/// A kind is declared in one place, its record: a public static <see cref="EventKind"/> field with its
/// name and how its data is read (<see cref="EventKinds"/> finds it), and the members below: how its
/// data is written, what it changes in <see cref="LedgerState"/> and which rows of the books it adds.
/// The codec, the state, the projection and verify dispatch to these, so a kind with a piece missing
/// does not compile. The records live with the rules that decide them (Ledger/, Approval/, Assets/,
/// Contracts/, Disclosure/, Distribution/), one file per kind or per family of section 7.
/// </remarks>
public abstract record LedgerEvent
{
    public abstract string Kind { get; }

    /// <summary>
    /// Writes the members of the entry's <c>data</c> object, keys in ascending order (the writer
    /// enforces it), exactly as section 7 of audit-log.md spells them: the stored bytes of every
    /// existing log must come out again, so an optional key is written only when the entry has it.
    /// </summary>
    public abstract void WriteData(CanonicalJsonWriter w);

    /// <summary>Changes the state as the entry does (<see cref="LedgerState.Apply"/>). Entries come from the log, so they are already valid.</summary>
    internal abstract void ApplyTo(LedgerState state);

    /// <summary>The rows the entry adds to the books' tables (none for a kind that only changes state).</summary>
    public abstract IEnumerable<ProjectedRow> Rows(long seq);
}
