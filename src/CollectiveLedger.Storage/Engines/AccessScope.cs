namespace CollectiveLedger.Storage.Engines;

/// <summary>
/// What a grant of the registry of access (<see cref="Server.Grant"/>) lets a person see: one village (<see cref="Kind"/>
/// <c>village</c>, <see cref="Name"/> its code), a township (<c>township</c>, its name, and the <see cref="County"/> it is in:
/// two counties may each have a township of one name) or a county (<c>county</c>, its name). <see cref="County"/> is empty
/// but for a township.
/// </summary>
public sealed record AccessScope(string Kind, string County, string Name)
{
    public static AccessScope OneVillage(string code) => new("village", "", code);
    public static AccessScope WholeTownship(string county, string township) => new("township", county, township);
    public static AccessScope WholeCounty(string county) => new("county", "", county);

    /// <summary>Whether the registered <paramref name="village"/> is one this scope covers.</summary>
    public bool Covers(Village village) => Kind switch
    {
        "village" => village.Code == Name,
        "township" => village.County == County && village.Township == Name,
        _ => village.County == Name,
    };

    /// <summary>The scope as people say it, Chinese and English: 村 V01 village, 县/乡镇 township, 县 county.</summary>
    public override string ToString() => Kind switch
    {
        "village" => $"村 village {Name}",
        "township" => $"乡镇 township {County}/{Name}",
        _ => $"县 county {Name}",
    };
}
