namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// One row an entry puts into a table of the books (Storage <c>Schema/*.sql</c>, named by
/// <see cref="Table"/>): its values in the table's column order, each text, a 64-bit integer or
/// null. The write path inserts exactly these rows with the entry, and verify derives them again
/// from the log and compares them with the tables.
/// </summary>
public readonly record struct ProjectedRow(string Table, object?[] Values);
