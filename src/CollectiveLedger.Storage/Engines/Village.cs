namespace CollectiveLedger.Storage.Engines;

/// <summary>A village of a PostgreSQL database's registry (<see cref="Server.Villages"/>).</summary>
public sealed record Village(string Code, string Name, string? Township, string? County, bool HasBooks);
