using Dapper;

namespace CollectiveLedger.Storage;

/// <summary>
/// A web workspace user's sign-in record: the password's slow salted hash, the lockout counters, and
/// the random stamp of their sessions (a new one when they sign out, ending every cookie issued before).
/// </summary>
public sealed record Credential(string UserName, string PasswordHash, long FailedCount, DateTimeOffset? LockedUntil, string ChangedAt, string SessionStamp);

/// <summary>
/// The credentials table (Schema/008): outside the books. These writes are not audit entries and
/// are not replayed; they never carry a role (roles are the role.* settings, in the log).
/// </summary>
public sealed partial class LedgerStore
{
    private const string SelectCredential =
        "SELECT user_name AS UserName, password_hash AS PasswordHash, failed_count AS FailedCount, locked_until AS LockedUntil, changed_at AS ChangedAt, session_stamp AS SessionStamp FROM credentials WHERE user_name = $name";

    private const string UpsertCredential = """
        INSERT INTO credentials (user_name, password_hash, failed_count, locked_until, changed_at, session_stamp)
        VALUES ($name, $hash, 0, NULL, $now, lower(hex(randomblob(16))))
        ON CONFLICT (user_name) DO UPDATE SET password_hash = excluded.password_hash, failed_count = 0, locked_until = NULL,
            changed_at = excluded.changed_at, session_stamp = excluded.session_stamp
        """;

    // One statement, so that sign-ins sent at once queue on the write lock instead of each reading
    // the same count: every attempt is counted before its password is checked, and the attempt that
    // reaches the limit sets the lock at once (the right password then lifts it, see ClearFailures).
    // A lock that has ended starts a new count at this attempt.
    private const string CountAttempt = """
        UPDATE credentials
        SET failed_count = CASE WHEN locked_until IS NULL THEN failed_count + 1 ELSE 1 END,
            locked_until = CASE WHEN (CASE WHEN locked_until IS NULL THEN failed_count + 1 ELSE 1 END) >= $limit THEN $until END
        WHERE user_name = $name AND (locked_until IS NULL OR locked_until <= $now)
        RETURNING password_hash
        """;

    private const string ClearFailures = "UPDATE credentials SET failed_count = 0, locked_until = NULL WHERE user_name = $name";

    private const string NewSessionStamp = "UPDATE credentials SET session_stamp = lower(hex(randomblob(16))) WHERE user_name = $name";

    private const string SelectUserNames = "SELECT user_name FROM credentials ORDER BY user_name";

    private const string DeleteCredential = "DELETE FROM credentials WHERE user_name = $name";

    public Credential? FindCredential(string userName) => Read(tx =>
        _connection.QuerySingleOrDefault<CredentialRow>(SelectCredential, new { name = userName }, tx)?.ToCredential());

    public IReadOnlyList<string> UserNames() => Read(tx => _connection.Query<string>(SelectUserNames, transaction: tx).ToList());

    /// <summary>Sets (or first creates) a user's password hash; clears the failed sign-ins and any lockout.</summary>
    public void SetPasswordHash(string userName, string passwordHash) => Credentials(tx =>
        _connection.Execute(UpsertCredential, new { name = userName, hash = passwordHash, now = Stamp(_clock.GetUtcNow()) }, tx));

    /// <summary>
    /// Counts a sign-in attempt of <paramref name="userName"/> as failed until its password proves
    /// right, and locks the user until <paramref name="lockUntil"/> when this is attempt number
    /// <paramref name="limit"/> in a row; atomically, in one write. Returns the password hash to
    /// check the attempt against, or null when there is nothing to check: no such user, or one
    /// locked now (a lock ending at <paramref name="now"/> or before has ended).
    /// </summary>
    public string? CountSignInAttempt(string userName, int limit, DateTimeOffset now, DateTimeOffset lockUntil) => Credentials(tx =>
        _connection.QuerySingleOrDefault<string>(CountAttempt, new { name = userName, limit, now = Stamp(now), until = Stamp(lockUntil) }, tx));

    /// <summary>Ends the count of failed sign-ins, and any lock, after the right password.</summary>
    public void ClearSignInFailures(string userName) => Credentials(tx => _connection.Execute(ClearFailures, new { name = userName }, tx));

    /// <summary>
    /// Ends every session of <paramref name="userName"/> (sign-out): draws a new session stamp, so that
    /// no cookie issued before, on any device, signs in again.
    /// </summary>
    public void EndSessions(string userName) => Credentials(tx => _connection.Execute(NewSessionStamp, new { name = userName }, tx));

    /// <summary>Removes a user's sign-in (their roles stay as the settings say until revoked there).</summary>
    public bool RemoveCredential(string userName) => Credentials(tx => _connection.Execute(DeleteCredential, new { name = userName }, tx)) > 0;

    private T Credentials<T>(Func<Microsoft.Data.Sqlite.SqliteTransaction, T> work)
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        var result = work(tx);
        tx.Commit();
        return result;
    }

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class CredentialRow
    {
        public string UserName { get; set; } = "";
        public string PasswordHash { get; set; } = "";
        public long FailedCount { get; set; }
        public string? LockedUntil { get; set; }
        public string ChangedAt { get; set; } = "";
        public string SessionStamp { get; set; } = "";

        public Credential ToCredential() => new(UserName, PasswordHash, FailedCount,
            LockedUntil is null ? null : DateTimeOffset.Parse(LockedUntil, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal),
            ChangedAt, SessionStamp);
    }
}

/// <summary>One verify run started from the workspace (outside the books, like credentials).</summary>
public sealed record VerifyRun(string RunAt, string By, bool Ok, long Entries, string? HeadHash, long Problems);

public sealed partial class LedgerStore
{
    private const string InsertVerifyRun =
        "INSERT INTO verify_runs (run_at, by, ok, entries, head_hash, problems) VALUES ($at, $by, $ok, $entries, $head, $problems)";

    private const string SelectLastVerifyRun =
        "SELECT run_at AS RunAt, by AS By, ok AS Ok, entries AS Entries, head_hash AS HeadHash, problems AS Problems FROM verify_runs ORDER BY id DESC LIMIT 1";

    public void RecordVerifyRun(string by, bool ok, long entries, string? headHash, long problems) => Credentials(tx =>
        _connection.Execute(InsertVerifyRun, new { at = Stamp(_clock.GetUtcNow()), by, ok = ok ? 1 : 0, entries, head = headHash, problems }, tx));

    public VerifyRun? LastVerifyRun() => Read(tx => _connection.QuerySingleOrDefault<VerifyRunRow>(SelectLastVerifyRun, transaction: tx) is { } r
        ? new VerifyRun(r.RunAt, r.By, r.Ok != 0, r.Entries, r.HeadHash, r.Problems) : null);

    private sealed class VerifyRunRow
    {
        public string RunAt { get; set; } = "";
        public string By { get; set; } = "";
        public long Ok { get; set; }
        public long Entries { get; set; }
        public string? HeadHash { get; set; }
        public long Problems { get; set; }
    }
}
