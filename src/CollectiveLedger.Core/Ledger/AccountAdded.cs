using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Chart;
using static CollectiveLedger.Core.Audit.EventData;

namespace CollectiveLedger.Core.Ledger;

/// <summary>A user sub-account (明细科目) below an existing account (audit-log.md 7.3).</summary>
public sealed record AccountAdded(string Code, string Name, string Parent) : LedgerEvent
{
    public static readonly EventKind Definition = new("account.added", d => new AccountAdded(Str(d, "code"), Str(d, "name"), Str(d, "parent")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        ProblemsOf(RegisterRules.AddAccount(Code, Name, Parent, state, Validation.Place.None, replay: true));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("code", Code);
        w.Property("name", Name);
        w.Property("parent", Parent);
    }

    internal override void ApplyTo(LedgerState state) => state.AddAccount(Code, Name, Parent);

    // The class and side are inherited; the state has the parent, but the row needs only the
    // level-1 ancestor, which the first three digits name.
    public override IEnumerable<ProjectedRow> Rows(long seq)
    {
        var root = StandardChart.ByCode[Code[..3]];
        return [Row(new Account(Code, Name, Parent, root.Class, root.Side), seq)];
    }

    /// <summary>An account's row in the table accounts (the chart's own accounts are added by entry 0).</summary>
    internal static ProjectedRow Row(Account a, long seq) =>
        new("accounts", [a.Code, a.Name, a.Parent, ClassText(a.Class), SideText(a.Side), (long)a.Level, seq]);

    private static string ClassText(AccountClass c) => c switch
    {
        AccountClass.Asset => "asset",
        AccountClass.Liability => "liability",
        AccountClass.Ownership => "ownership",
        AccountClass.Cost => "cost",
        _ => "income_expense",
    };

    private static string SideText(NormalSide s) => s switch { NormalSide.Debit => "debit", NormalSide.Credit => "credit", _ => "either" };
}
