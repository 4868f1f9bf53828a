using CollectiveLedger.Core.Audit;
using static CollectiveLedger.Core.Audit.EventData;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// Year close finished (audit-log.md 7.10): the closing vouchers of <see cref="Year"/> are posted and
/// December is closed, all in the entries just before this one. From here the year's income and
/// expense accounts and 321 本年收益 stand at zero, and the next year may post.
/// </summary>
public sealed record YearClosed(int Year) : LedgerEvent
{
    public static readonly EventKind Definition = new("year.closed", d => new YearClosed(YearOf(d)));

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) => ProblemsOf(YearRules.Record(Year, state));

    public override void WriteData(CanonicalJsonWriter w) => w.Property("year", Year);

    internal override void ApplyTo(LedgerState state) => state.CloseYear(Year);

    public override IEnumerable<ProjectedRow> Rows(long seq) => [new("years", [(long)Year, "closed", seq])];
}

/// <summary>
/// The opening of <see cref="Year"/> declared (audit-log.md 7.11): it may take postings although the
/// year before is not closed yet (January's vouchers are entered before last year's accounts are audited).
/// </summary>
public sealed record YearOpened(int Year) : LedgerEvent
{
    public static readonly EventKind Definition = new("year.opened", d => new YearOpened(YearOf(d)));

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        ProblemsOf(YearRules.Open(Year.ToString(System.Globalization.CultureInfo.InvariantCulture), state, today));

    public override void WriteData(CanonicalJsonWriter w) => w.Property("year", Year);

    internal override void ApplyTo(LedgerState state) => state.OpenYear(Year);

    public override IEnumerable<ProjectedRow> Rows(long seq) => [new("years", [(long)Year, "opened", seq])];
}
