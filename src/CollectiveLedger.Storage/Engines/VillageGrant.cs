namespace CollectiveLedger.Storage.Engines;

/// <summary>A grant of the registry of access (<see cref="Server.Grants"/>): which user of the home village sees what, given by whom and when (UTC, ISO).</summary>
public sealed record VillageGrant(string User, string Kind, string County, string Name, string GrantedBy, string GrantedAt)
{
    public AccessScope Scope => new(Kind, County, Name);
}

/// <summary>A line of the access log (<see cref="Server.AccessLog"/>): a grant given or taken back, by whom and when (UTC, ISO).</summary>
public sealed record VillageAccessChange(string User, string Action, string Kind, string County, string Name, string Actor, string At)
{
    public AccessScope Scope => new(Kind, County, Name);
}
