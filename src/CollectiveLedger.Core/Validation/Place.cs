namespace CollectiveLedger.Core.Validation;

/// <summary>Where a violation is: file, line, the voucher's ref (or its position in the file), the field.</summary>
public sealed record Place(string? File = null, int? Line = null, string? Ref = null, int? Record = null, string? Field = null)
{
    public static readonly Place None = new();

    public Place WithField(string field) => this with { Field = Field is null ? field : $"{Field}.{field}" };

    public override string ToString()
    {
        var parts = new List<string>(4);
        if (File is not null) parts.Add(Line is null ? File : $"{File}:{Line}");
        else if (Line is not null) parts.Add($"line {Line}");
        if (Ref is not null) parts.Add($"ref {Ref}");
        else if (Record is not null) parts.Add($"#{Record}");
        if (Field is not null) parts.Add(Field);
        return string.Join(" ", parts);
    }
}
