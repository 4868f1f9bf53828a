using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Periods;
using static CollectiveLedger.Core.Audit.EventData;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// A month locked (audit-log.md 7.6), with the SHA-256 of its closing balances (null only in entries
/// written before it was recorded).
/// </summary>
public sealed record PeriodClosed(Period Period, string? BalancesSha256) : LedgerEvent
{
    public static readonly EventKind Definition = new("period.closed", d => new PeriodClosed(PeriodOf(d, "period"), Added(d, "balances_sha256")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    /// <summary>Closes logged before the balances hash was recorded are held to everything else.</summary>
    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        ProblemsOf(PeriodRules.Close(Period.ToString(), state, today),
            BalancesSha256 is null ? this with { BalancesSha256 = state.IsClosed(Period) ? null : PeriodRules.BalancesSha256(state.BalancesAtEndOf(Period)) } : this);

    public override void WriteData(CanonicalJsonWriter w)
    {
        if (BalancesSha256 is not null) w.Property("balances_sha256", BalancesSha256);
        w.Property("period", Period.ToString());
    }

    internal override void ApplyTo(LedgerState state) => state.Close(Period);

    public override IEnumerable<ProjectedRow> Rows(long seq) => [new("closed_periods", [Period.ToString(), seq, BalancesSha256])];
}

/// <summary>
/// A request to reopen a closed month, with its reason (反结账, audit-log.md 7.13); the month reopens
/// once someone else approves it.
/// </summary>
public sealed record PeriodReopenRequested(Period Period, string Reason, string By) : LedgerEvent
{
    public static readonly EventKind Definition = new("period.reopen_requested",
        d => new PeriodReopenRequested(PeriodOf(d, "period"), Str(d, "reason"), Str(d, "by")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => By;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        ProblemsOf(PeriodRules.RequestReopen(Period.ToString(), Reason, state, By));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("by", By);
        w.Property("period", Period.ToString());
        w.Property("reason", Reason);
    }

    internal override void ApplyTo(LedgerState state) => state.RequestReopen(this);

    public override IEnumerable<ProjectedRow> Rows(long seq) => [new("period_reopens", [seq, Period.ToString(), "requested", By, null, Reason])];
}

/// <summary>A closed month reopened by a second person in <see cref="Role"/> (audit-log.md 7.13).</summary>
public sealed record PeriodReopened(Period Period, string By, string Role) : LedgerEvent
{
    public static readonly EventKind Definition = new("period.reopened", d => new PeriodReopened(PeriodOf(d, "period"), Str(d, "by"), Str(d, "role")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => By;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) => ProblemsOf(PeriodRules.ApproveReopen(Period.ToString(), state, By));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("by", By);
        w.Property("period", Period.ToString());
        w.Property("role", Role);
    }

    internal override void ApplyTo(LedgerState state) => state.Reopen(Period);

    public override IEnumerable<ProjectedRow> Rows(long seq) => [new("period_reopens", [seq, Period.ToString(), "reopened", By, Role, null])];
}
