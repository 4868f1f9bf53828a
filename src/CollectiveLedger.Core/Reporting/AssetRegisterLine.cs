using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Reporting;

/// <summary>One asset of the register as it stands: what it is, its cost (<see cref="Nominal"/>: at the nominal 1.00, 名义金额), accumulated depreciation and book value, head count, status.</summary>
public sealed record AssetRegisterLine(string Code, string Name, string Category, string? Location, DateOnly Acquired, Amount Cost, string? Fund,
    int LifeMonths, Amount Residual, string Account, string? DepreciationAccount, string? ExpenseAccount, string? Species,
    Amount Depreciated, int Months, int Head, DateOnly? Disposed, bool Nominal = false)
{
    public Amount BookValue => Disposed is null ? Cost - Depreciated : Amount.Zero;
    public string Status => Disposed is null ? "active" : "disposed";
}

/// <summary>One change of a herd's head count, with the count after it.</summary>
public sealed record HerdChangeLine(string Asset, DateOnly Date, string Change, int Head, int HeadAfter, string? Note);
