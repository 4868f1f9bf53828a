using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Tests.Core;

/// <summary>Small ledger states for calling Core's rules directly: a ledger starting 2025-01 with the given sub-accounts.</summary>
internal static class TestStates
{
    public static LedgerState Ledger(params (string Code, string Name, string Parent)[] accounts)
    {
        var state = new LedgerState();
        state.Apply(new LedgerCreated("id", "嘎查", "N2X", "CNY", StandardChart.Name, new Period(2025, 1), 1));
        foreach (var (code, name, parent) in accounts) state.Apply(new AccountAdded(code, name, parent));
        return state;
    }

    /// <summary>Applies an accepted decision's events; fails the test with the violations otherwise.</summary>
    public static void Apply(LedgerState state, Decision decision)
    {
        Assert.That(decision.Accepted, Is.True, string.Join("; ", decision.Violations.Select(v => v.Message(Language.En))));
        foreach (var e in decision.Events) state.Apply(e);
    }
}
