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
    /// The random salt (32 lowercase hex digits, 128 bits) of an entry whose kind holds personal data
    /// (<see cref="EventKind.HoldsPersonalData"/>), so that the hash the public log publishes of it cannot be
    /// recovered by guessing the data. The write path adds it (Storage's <c>WriteSession</c>); rules decide
    /// events without it, and null in entries written before it existed. Only those kinds write it.
    /// </summary>
    public string? Salt { get; init; }

    /// <summary>Whether <paramref name="text"/> is a salt: 32 lowercase hex digits.</summary>
    public static bool IsSalt(string? text) => text is { Length: 32 } && !text.AsSpan().ContainsAnyExcept("0123456789abcdef");

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

    /// <summary>Who the entry says acted (its <c>by</c>, <c>preparer</c>...), which verify requires to be the entry's actor; null for a kind that names nobody.</summary>
    public abstract string? ActedBy { get; }

    /// <summary>
    /// What verify finds broken in the entry, in English: the rule that wrote it, decided again against
    /// the state before it with the entry's own day (in China) as today and its actor, must accept it
    /// and, where the rule normalizes what it is given (names, setting values), decide exactly this
    /// event. A log forged with recomputed hashes still has to obey the rules. Empty for entry 0 and for
    /// the registers' entries (<see cref="IRegisterEntry"/>), which verify decides again with their vouchers.
    /// </summary>
    public abstract IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor);

    /// <summary>
    /// The rule's decision as verify names it: each violation, or, when <paramref name="sameEvent"/>, an
    /// accepted decision of another event than <paramref name="logged"/> (this one, unless given), its salt aside
    /// (rules decide without one).
    /// </summary>
    protected IEnumerable<string> ProblemsOf(Decision decision, LedgerEvent? logged = null, bool sameEvent = true) =>
        !decision.Accepted ? decision.Violations.Select(v => $"{Kind}: {v.Message(Validation.Language.En)} [{v.Code}]")
        : sameEvent && decision.Event != ((logged ?? this) with { Salt = null }) ? [$"{Kind} holds values its rule would not have written"]
        : [];
}
