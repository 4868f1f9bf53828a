namespace CollectiveLedger.Core.Chart;

/// <summary>The side on which an account's balance normally stands; Either for 内部往来 and 待处理财产损溢.</summary>
public enum NormalSide { Debit, Credit, Either }
