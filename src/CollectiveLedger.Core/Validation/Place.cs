namespace CollectiveLedger.Core.Validation;

/// <summary>
/// Where a violation is: file, line, the voucher's ref (or its position in the file), the field. In a
/// workbook (<see cref="Sheet"/> given) the line is the sheet's row, and the field's column is named by
/// its letter and header: "工作表 凭证 第 7 行 F 列（借方） / sheet 凭证 row 7 column F (debit)".
/// </summary>
public sealed record Place(string? File = null, int? Line = null, string? Ref = null, int? Record = null, string? Field = null,
    SheetLayout? Sheet = null)
{
    public static readonly Place None = new();

    public Place WithField(string field) => this with { Field = Field is null ? field : $"{Field}.{field}" };

    public override string ToString()
    {
        var parts = new List<string>(4);
        if (Sheet is not null)
        {
            if (File is not null) parts.Add(File);
            parts.Add(Sheet.Describe(Line, Field));
            if (Ref is not null) parts.Add($"ref {Ref}");
            return string.Join(" ", parts);
        }
        if (File is not null) parts.Add(Line is null ? File : $"{File}:{Line}");
        else if (Line is not null) parts.Add($"line {Line}");
        if (Ref is not null) parts.Add($"ref {Ref}");
        else if (Record is not null) parts.Add($"#{Record}");
        if (Field is not null) parts.Add(Field);
        return string.Join(" ", parts);
    }
}
