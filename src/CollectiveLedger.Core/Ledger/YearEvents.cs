namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// Year close finished: the closing vouchers of <see cref="Year"/> are posted and December is
/// closed, all in the entries just before this one. From here the year's income and expense
/// accounts and 321 本年收益 stand at zero, and the next year may post.
/// </summary>
public sealed record YearClosed(int Year) : LedgerEvent
{
    public override string Kind => "year.closed";
}

/// <summary>
/// The opening of <see cref="Year"/> declared: it may take postings although the year before is not
/// closed yet (January's vouchers are entered before last year's accounts are audited).
/// </summary>
public sealed record YearOpened(int Year) : LedgerEvent
{
    public override string Kind => "year.opened";
}
