namespace CollectiveLedger.Reports.Pdf;

/// <summary>Starts a new page unless nothing is on the current one yet (each account of a ledger on its own pages).</summary>
public sealed record PageBreak : Block;
