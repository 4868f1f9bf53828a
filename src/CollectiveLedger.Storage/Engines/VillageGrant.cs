namespace CollectiveLedger.Storage.Engines;

/// <summary>A grant of the registry of access (<see cref="Server.Grants"/>): which user of the home village sees what, given by whom and when (UTC, ISO).</summary>
public sealed record VillageGrant(string User, string Kind, string County, string Name, string GrantedBy, string GrantedAt)
{
    public AccessScope Scope => new(Kind, County, Name);
}
