namespace CollectiveLedger.Core.Validation;

/// <summary>
/// A worksheet's name and where each field's column is (its letter and its header as the file has it),
/// so that a <see cref="Place"/> in a workbook names the cell an accountant must correct.
/// </summary>
public sealed record SheetLayout(string Sheet, IReadOnlyDictionary<string, SheetColumn> Columns)
{
    /// <summary>"工作表 凭证 第 7 行 F 列（借方） / sheet 凭证 row 7 column F (debit)"; without a known column, the row alone and the field.</summary>
    public string Describe(int? row, string? field)
    {
        var rowZh = row is null ? "" : $" 第 {row} 行";
        var rowEn = row is null ? "" : $" row {row}";
        // A field of a line is "debit"; a nested one ("lines[0].debit") names its column by its last part.
        var key = field?.Split('.')[^1];
        if (key is not null && Columns.TryGetValue(key, out var column))
            return $"工作表 {Sheet}{rowZh} {column.Letter} 列（{column.Header}） / sheet {Sheet}{rowEn} column {column.Letter} ({field})";
        return $"工作表 {Sheet}{rowZh} / sheet {Sheet}{rowEn}" + (field is null ? "" : $" {field}");
    }
}

/// <summary>A column of a worksheet: its letter (F) and its header cell's text (借方).</summary>
public sealed record SheetColumn(string Letter, string Header);
