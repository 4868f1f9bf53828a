using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Ledger;

/// <summary>A support fund's money so far: received (cash and bank debits) and spent (their credits).</summary>
public readonly record struct FundBalance(Amount Received, Amount Spent)
{
    public Amount Balance => Received - Spent;

    public static FundBalance operator +(FundBalance a, FundBalance b) => new(a.Received + b.Received, a.Spent + b.Spent);
}
