namespace CollectiveLedger.Core.Contracts;

/// <summary>
/// The unit a resource's area is measured in: 亩 (mu) for grassland, farmland and water surface,
/// 平方米 (square metres) for a building, as 财务公开规定 ⑤ 各类资源 and the contracts themselves state
/// them. A contract's area is kept in hundredths of its resource's unit; areas in different units are
/// never added together.
/// </summary>
public static class AreaUnit
{
    public const string Mu = "mu";
    public const string SquareMetre = "square_metre";

    /// <summary>The unit of <paramref name="resource"/> (one of <see cref="ContractRules.Resources"/>).</summary>
    public static string Of(string resource) => resource == "building" ? SquareMetre : Mu;
}
