using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using static CollectiveLedger.Core.Audit.EventData;

namespace CollectiveLedger.Core.Approval;

/// <summary>
/// A request to change who holds an approval or supervision role (audit-log.md 7.20); it takes effect
/// once someone else approves it (<see cref="RoleChangeRules"/>).
/// </summary>
public sealed record RoleChangeRequested(string Key, string Value, string By) : LedgerEvent
{
    public static readonly EventKind Definition = new("role.change_requested", d => new RoleChangeRequested(Str(d, "key"), Str(d, "value"), Str(d, "by")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => By;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        ProblemsOf(RoleChangeRules.Request(Key, Value, state, By, replay: true));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("by", By);
        w.Property("key", Key);
        w.Property("value", Value);
    }

    internal override void ApplyTo(LedgerState state) => state.RequestRoleChange(this);

    public override IEnumerable<ProjectedRow> Rows(long seq) => [new("role_changes", [seq, Key, "requested", By, null, Value])];
}

/// <summary>
/// The pending request for <see cref="Key"/> approved by <see cref="By"/> in <see cref="Role"/>
/// (audit-log.md 7.20): <see cref="Value"/> is now in force, as if set by a setting.changed of this seq.
/// </summary>
public sealed record RoleChangeApproved(string Key, string Value, string By, string Role) : LedgerEvent
{
    public static readonly EventKind Definition = new("role.change_approved",
        d => new RoleChangeApproved(Str(d, "key"), Str(d, "value"), Str(d, "by"), Str(d, "role")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => By;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) => ProblemsOf(RoleChangeRules.Approve(Key, Value, state, By));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("by", By);
        w.Property("key", Key);
        w.Property("role", Role);
        w.Property("value", Value);
    }

    internal override void ApplyTo(LedgerState state) => state.ApproveRoleChange(Key, Value);

    public override IEnumerable<ProjectedRow> Rows(long seq) =>
        [new("role_changes", [seq, Key, "approved", By, Role, Value]), new("settings", [Key, seq, Value])];
}
