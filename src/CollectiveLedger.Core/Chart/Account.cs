namespace CollectiveLedger.Core.Chart;

/// <summary>
/// An account of the chart. Level-1 accounts come from the built-in standard chart; sub-accounts
/// (明细科目) extend their parent's code by two digits and inherit its class and normal side.
/// </summary>
public sealed record Account(string Code, string Name, string? Parent, AccountClass Class, NormalSide Side)
{
    /// <summary>1 for a 3-digit code, 2 for 5 digits, and so on.</summary>
    public int Level => (Code.Length - 1) / 2;
}
