using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Storage;

/// <summary>The public log (audit-log.md 14): the log with every entry that holds personal data replaced by its stub.</summary>
public sealed partial class LedgerStore
{
    /// <summary>
    /// What the public log withholds, learnt from the log itself: the private values of the register
    /// (members' ID card, bank account and phone numbers, feedback contacts) as the entries that
    /// registered them hold them. One pass over the entries of those kinds.
    /// </summary>
    public PublicLog PublicLog() => PublicLog(out _);

    /// <param name="entries">How many entries the log had when read: later ones may hold values not learnt.</param>
    private PublicLog PublicLog(out long entries)
    {
        var values = new List<string>();
        entries = 0;
        foreach (var entry in Entries())
        {
            entries++;
            if (Core.Ledger.EventKinds.Named(Core.Audit.PublicLog.KindOf(entry.Bytes) ?? "") is { HoldsPersonalData: true })
            {
                try
                {
                    values.AddRange(Core.Audit.PublicLog.PrivateValuesOf(ParsedEntry.Parse(entry.Bytes).Event));
                }
                catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
                {
                    // A damaged entry of such a kind is withheld whole anyway; verify reports it.
                }
            }
        }
        return new PublicLog(values);
    }

    /// <summary>
    /// Every entry in its public form, in order, streamed: <see cref="PublicEntry.Bytes"/> are a stub or
    /// the stored bytes. <see cref="PublicEntry.ByValue"/> marks an entry of a public kind withheld because
    /// its text holds a private value, which export warns about. The entries are those the log had when
    /// the private values were learnt (an entry appended meanwhile waits for the next read).
    /// </summary>
    public IEnumerable<PublicEntry> PublicEntries()
    {
        var publicLog = PublicLog(out var count);
        foreach (var entry in Entries(0, count))
        {
            var kind = Core.Audit.PublicLog.KindOf(entry.Bytes) ?? "";
            var byKind = Core.Ledger.EventKinds.Named(kind) is { HoldsPersonalData: true };
            var byValue = !byKind && publicLog.HoldsPrivateValue(entry.Bytes);
            yield return new PublicEntry(entry.Seq, kind, byKind || byValue ? Core.Audit.PublicLog.Stub(entry.Seq, kind, entry.Bytes) : entry.Bytes, byKind || byValue, byValue);
        }
    }
}
