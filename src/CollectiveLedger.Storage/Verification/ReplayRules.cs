using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// The rules every entry obeyed when it was written, checked again on replay: each kind rechecks
/// itself with Core's own rule functions and the entry's own time as "today"
/// (<see cref="LedgerEvent.Recheck"/>), and the person it says acted must be the entry's actor. A log
/// forged with recomputed hashes still has to obey them. Returns what is broken, as messages.
/// </summary>
internal static class ReplayRules
{
    public static IEnumerable<string> Check(ParsedEntry entry, LedgerState state)
    {
        var today = IsoDate.TryParseTimestamp(entry.Time, out var time) ? ChinaTime.Today(time) : DateOnly.MaxValue;
        var problems = entry.Event.Recheck(state, today, entry.Actor);
        return entry.Event.ActedBy is { } by && by != entry.Actor
            ? problems.Prepend($"{entry.Kind} names {by} as its actor, but the entry's actor is {entry.Actor}")
            : problems;
    }
}
