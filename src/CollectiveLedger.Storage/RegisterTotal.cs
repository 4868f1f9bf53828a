namespace CollectiveLedger.Storage;

/// <summary>A register account (level 1) with its balance in the voucher lines and the register tables' total.</summary>
public sealed record RegisterTotal(string Account, long LedgerFen, long RegisterFen);
