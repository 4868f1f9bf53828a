namespace CollectiveLedger.Core.Assets;

/// <summary>
/// What an asset is, which fixes the level-1 accounts it is carried on (DOMAIN.md, chart of
/// accounts): fixed assets on 151 固定资产 with depreciation in 152 累计折旧; breeding and draught
/// animals on 132 生产性生物资产 with depreciation in 133; fattening stock on 131 消耗性生物资产 and
/// shelter forest on 134 公益性生物资产, neither depreciated.
/// </summary>
public enum AssetCategory { Building, Well, Road, Machinery, Equipment, BreedingHerd, FatteningStock, ShelterForest }

public static class AssetCategories
{
    public static readonly IReadOnlyList<AssetCategory> All = Enum.GetValues<AssetCategory>();

    public static string ToText(this AssetCategory c) => c switch
    {
        AssetCategory.Building => "building",
        AssetCategory.Well => "well",
        AssetCategory.Road => "road",
        AssetCategory.Machinery => "machinery",
        AssetCategory.Equipment => "equipment",
        AssetCategory.BreedingHerd => "breeding_herd",
        AssetCategory.FatteningStock => "fattening_stock",
        _ => "shelter_forest",
    };

    public static bool TryParse(string? text, out AssetCategory category)
    {
        foreach (var c in All)
            if (c.ToText() == text) { category = c; return true; }
        category = default;
        return false;
    }

    /// <summary>The level-1 account the asset's cost is carried on.</summary>
    public static string CostAccount(this AssetCategory c) => c switch
    {
        AssetCategory.BreedingHerd => "132",
        AssetCategory.FatteningStock => "131",
        AssetCategory.ShelterForest => "134",
        _ => "151",
    };

    /// <summary>The level-1 account of its accumulated depreciation; null when the category is not depreciated.</summary>
    public static string? DepreciationAccount(this AssetCategory c) => c switch
    {
        AssetCategory.BreedingHerd => "133",
        AssetCategory.FatteningStock or AssetCategory.ShelterForest => null,
        _ => "152",
    };

    public static bool Depreciates(this AssetCategory c) => c.DepreciationAccount() is not null;

    /// <summary>
    /// 公益性资产: roads and wells serve the village without earning (free drinking water, the road to
    /// the sumu), so their depreciation is 公益支出, not 管理费用 (农村集体经济组织会计制度, 财会〔2023〕14号);
    /// shelter forest is public welfare too but not depreciated.
    /// </summary>
    public static bool IsPublicWelfare(this AssetCategory c) => c is AssetCategory.Road or AssetCategory.Well or AssetCategory.ShelterForest;

    /// <summary>514 公益支出: where a public-welfare asset's depreciation goes unless the command names another account.</summary>
    public const string PublicWelfareExpense = "514";

    /// <summary>Livestock: the register keeps its head count.</summary>
    public static bool IsHerd(this AssetCategory c) => c is AssetCategory.BreedingHerd or AssetCategory.FatteningStock;

    /// <summary>The level-1 accounts whose balances the register must equal, in code order.</summary>
    public static readonly IReadOnlyList<string> RegisterAccounts = ["131", "132", "133", "134", "151", "152"];
}
