using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Periods;
using static CollectiveLedger.Core.Audit.EventData;

namespace CollectiveLedger.Core.Ledger;

/// <summary>Entry 0: names the ledger (audit-log.md 7.2). The chart's level-1 accounts exist from here on.</summary>
public sealed record LedgerCreated(string LedgerId, string Org, string OrgCode, string Currency, string Chart, Period StartPeriod, int FormatVersion)
    : LedgerEvent
{
    public const int CurrentFormatVersion = 1;

    public static readonly EventKind Definition = new("ledger.created", d => new LedgerCreated(Str(d, "ledger_id"), Str(d, "org"), Str(d, "org_code"),
        Str(d, "currency"), Str(d, "chart"), PeriodOf(d, "start_period"), Int(d, "format_version")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    /// <summary>Entry 0 and only entry 0: verify checks its place itself.</summary>
    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) => [];

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("chart", Chart);
        w.Property("currency", Currency);
        w.Property("format_version", FormatVersion);
        w.Property("ledger_id", LedgerId);
        w.Property("org", Org);
        w.Property("org_code", OrgCode);
        w.Property("start_period", StartPeriod.ToString());
    }

    internal override void ApplyTo(LedgerState state) => state.Start(this);

    public override IEnumerable<ProjectedRow> Rows(long seq)
    {
        yield return new ProjectedRow("ledger", [LedgerId, Org, OrgCode, Currency, Chart, StartPeriod.ToString(), (long)FormatVersion]);
        foreach (var a in StandardChart.Accounts) yield return AccountAdded.Row(a, seq);
    }
}
