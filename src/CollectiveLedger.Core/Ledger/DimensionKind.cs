namespace CollectiveLedger.Core.Ledger;

/// <summary>The registers a voucher line may reference besides its account.</summary>
public enum DimensionKind { Fund, Member, Counterparty }

public static class DimensionKinds
{
    public static readonly IReadOnlyList<DimensionKind> All = [DimensionKind.Fund, DimensionKind.Member, DimensionKind.Counterparty];

    /// <summary>"fund", "member", "counterparty": the word used in entry kinds and table names.</summary>
    public static string ToText(this DimensionKind kind) => kind switch
    {
        DimensionKind.Fund => "fund",
        DimensionKind.Member => "member",
        _ => "counterparty",
    };
}
