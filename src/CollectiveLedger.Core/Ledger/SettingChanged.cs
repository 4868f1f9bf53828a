using CollectiveLedger.Core.Audit;
using static CollectiveLedger.Core.Audit.EventData;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// A ledger setting changed (disclosure contact, objection period, role holders...; audit-log.md
/// 7.7); the latest value counts.
/// </summary>
public sealed record SettingChanged(string Key, string Value) : LedgerEvent
{
    public static readonly EventKind Definition = new("setting.changed", d => new SettingChanged(Str(d, "key"), Str(d, "value")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    /// <summary>Names are held to the rules of their time: the invisible-character and confusable-name rules (issue 12) decide new commands only, so logs written before them still verify.</summary>
    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) => ProblemsOf(SettingRules.Change(Key, Value, state, replay: true));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("key", Key);
        w.Property("value", Value);
    }

    internal override void ApplyTo(LedgerState state) => state.Set(Key, Value);

    public override IEnumerable<ProjectedRow> Rows(long seq) => [new("settings", [Key, seq, Value])];
}
