namespace CollectiveLedger.Core.Chart;

/// <summary>The classes of the 2023 chart (资产, 负债, 所有者权益, 成本, 损益).</summary>
public enum AccountClass { Asset, Liability, Ownership, Cost, IncomeExpense }
