namespace CollectiveLedger.Storage;

/// <summary>
/// A web workspace user's sign-in record: the password's slow salted hash, the lockout counters, and
/// the random stamp of their sessions (a new one when they sign out, ending every cookie issued before).
/// </summary>
public sealed record Credential(string UserName, string PasswordHash, long FailedCount, DateTimeOffset? LockedUntil, string ChangedAt, string SessionStamp);
