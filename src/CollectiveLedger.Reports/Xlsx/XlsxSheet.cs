namespace CollectiveLedger.Reports.Xlsx;

/// <summary>
/// How a sheet is laid out, decided before its rows are written (SpreadsheetML puts columns and the
/// frozen pane before the data): its name, column widths (in characters) and each column's default
/// style, how many top rows stay frozen, whether it prints (A4, fitted to the page width, the print
/// area over what was written, the frozen rows repeated on every page, a page header and page numbers),
/// its drop-down lists, and whether it is hidden or protected.
/// </summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<double> Widths)
{
    public IReadOnlyList<XlsxStyle>? ColumnStyles { get; init; }
    public int FrozenRows { get; init; }
    public bool Print { get; init; }
    public bool Landscape { get; init; }

    /// <summary>The printed page's header (the report's title); null for none.</summary>
    public string? PageHeader { get; init; }

    public bool Hidden { get; init; }

    /// <summary>Protected without a password: a guard against accidental edits, not a secret.</summary>
    public bool Protected { get; init; }

    public IReadOnlyList<XlsxList> Lists { get; init; } = [];
}

/// <summary>A drop-down list on the cells <see cref="Range"/> (F2:F1000) whose values are <see cref="Source"/> (a defined name, or a quoted list "normal,opening").</summary>
public sealed record XlsxList(string Range, string Source, string Prompt, string Error);
