using CollectiveLedger.Core.Bank;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Storage;

/// <summary>
/// The writes of 银行对账 (issue 17) that the command line (<c>bank import</c>, <c>bank match --account --period</c>)
/// and the workspace's bank page share: each is Core's decision in one write transaction of the store.
/// </summary>
public static class BankStatements
{
    /// <summary>
    /// Imports a statement's lines (read by Import's <c>BankStatementReader</c>) as <see cref="BankRules.Import"/>
    /// decides: all or nothing; a file imported before, the same, writes nothing.
    /// </summary>
    public static BankImport Import(LedgerStore store, string actor, string account, string bank, string file, string sha256, IReadOnlyList<BankStatementLine> lines)
    {
        BankImport? outcome = null;
        store.Apply(actor, session =>
        {
            outcome = BankRules.Import(account, bank, file, sha256, lines, session.State, session.Today);
            return outcome is BankImport.Accepted a ? Decision.Accept(a.Event) : Decision.Reject();
        });
        return outcome ?? throw new InvalidOperationException("no import decision");
    }

    /// <summary>
    /// Matches the month automatically: <see cref="BankRules.AutoMatch"/> over the postings read in the write session
    /// within the window of the month. Rejected without a violation when nothing pairs; <paramref name="pairs"/> is how many did.
    /// </summary>
    /// <param name="accountPlace">Where the account was given, for the message when it is no bank account.</param>
    public static Decision AutoMatch(LedgerStore store, string actor, string account, Period period, int? days, Place accountPlace, out int pairs)
    {
        var matched = 0;
        var decision = store.Apply(actor, session =>
        {
            var state = session.State;
            if (BankRules.CheckAccount(account, state, accountPlace) is { } wrong) return Decision.Reject(wrong);
            var window = BankRules.WindowDays(state, days);
            var postings = session.BankPostings(BankRules.AccountsUnder(state, account), period.FirstDay.AddDays(-window), period.LastDay.AddDays(window));
            var decided = BankRules.AutoMatch(account, period, window, postings, session.Actor, state);
            matched = decided?.Event is BankMatched m ? m.Pairs.Length : 0;
            return decided ?? Decision.Reject();
        });
        pairs = matched;
        return decision;
    }
}
