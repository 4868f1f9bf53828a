namespace CollectiveLedger.Reports;

/// <summary>A cell of a listing: text, and whether it is a number (right-aligned, never neutralized in CSV).</summary>
public readonly record struct GridCell(string Text, bool Numeric = false)
{
    public static implicit operator GridCell(string? text) => new(text ?? "");

    /// <summary>An amount as people write it (1,004.56) on screen, as the file formats write it (1004.56) in CSV.</summary>
    public static GridCell Money(Core.Money.Amount amount, bool forDisplay) => new(forDisplay ? amount.ToDisplayString() : amount.ToString(), true);
}

/// <summary>
/// A listing as rows and columns, laid out by <see cref="TableRenderer"/> for the terminal and by
/// <see cref="CsvRenderer"/> for spreadsheets. Reports build one; they never format on their own.
/// </summary>
public sealed record Grid(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<GridCell>> Rows, string? Title = null);
