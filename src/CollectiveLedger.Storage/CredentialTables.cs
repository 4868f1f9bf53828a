using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;
using Dapper;
using System.Data.Common;

namespace CollectiveLedger.Storage;

/// <summary>
/// The credentials table (Schema/008) and the enrolment codes (Schema/014): outside the books, never
/// replayed, never carrying a role (roles are the role.* settings, in the log). Creating a credential or
/// issuing an enrolment code appends its audit entry in the same transaction (user.credential_set,
/// user.enrolment_issued: names only); lockout counters, session stamps and removals are not entries.
/// </summary>
public sealed class CredentialTables
{
    private readonly LedgerStore _store;
    private readonly DbConnection _connection;
    private readonly TimeProvider _clock;

    internal CredentialTables(LedgerStore store)
    {
        _store = store;
        _connection = store.Connection;
        _clock = store.Clock;
    }

    private const string SelectCredential =
        "SELECT user_name AS UserName, password_hash AS PasswordHash, failed_count AS FailedCount, locked_until AS LockedUntil, changed_at AS ChangedAt, session_stamp AS SessionStamp FROM credentials WHERE user_name = @name";

    private const string UpsertCredential = """
        INSERT INTO credentials (user_name, password_hash, failed_count, locked_until, changed_at, session_stamp)
        VALUES (@name, @hash, 0, NULL, @now, @stamp)
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
            locked_until = CASE WHEN (CASE WHEN locked_until IS NULL THEN failed_count + 1 ELSE 1 END) >= @limit THEN @until END
        WHERE user_name = @name AND (locked_until IS NULL OR locked_until <= @now)
        RETURNING password_hash
        """;

    private const string ClearFailures = "UPDATE credentials SET failed_count = 0, locked_until = NULL WHERE user_name = @name";

    private const string NewSessionStamp = "UPDATE credentials SET session_stamp = @stamp WHERE user_name = @name";

    private const string SelectUserNames = "SELECT user_name FROM credentials ORDER BY user_name";

    private const string DeleteCredential = "DELETE FROM credentials WHERE user_name = @name";

    private const string CredentialExists = "SELECT 1 FROM credentials WHERE user_name = @name";

    private const string UpsertEnrolment = """
        INSERT INTO enrolment_codes (user_name, code_hash, issued_by, issued_at, expires_at, failed_count, locked_until)
        VALUES (@name, @hash, @by, @now, @expires, 0, NULL)
        ON CONFLICT (user_name) DO UPDATE SET code_hash = excluded.code_hash, issued_by = excluded.issued_by, issued_at = excluded.issued_at,
            expires_at = excluded.expires_at, failed_count = 0, locked_until = NULL
        """;

    // As CountAttempt, for the enrolment code waiting for a user: every attempt counted before its code is checked.
    private const string CountEnrolment = """
        UPDATE enrolment_codes
        SET failed_count = CASE WHEN locked_until IS NULL THEN failed_count + 1 ELSE 1 END,
            locked_until = CASE WHEN (CASE WHEN locked_until IS NULL THEN failed_count + 1 ELSE 1 END) >= @limit THEN @until END
        WHERE user_name = @name AND (locked_until IS NULL OR locked_until <= @now)
        RETURNING code_hash AS Hash, expires_at AS Expires
        """;

    // Single use: the code checked, still waiting and not expired, is deleted by the enrolment that uses it.
    private const string UseEnrolment = "DELETE FROM enrolment_codes WHERE user_name = @name AND code_hash = @hash AND expires_at > @now";

    private const string DeleteEnrolment = "DELETE FROM enrolment_codes WHERE user_name = @name";

    private const string SelectEnrolmentExpiry = "SELECT expires_at FROM enrolment_codes WHERE user_name = @name";

    /// <summary>When the enrolment code waiting for <paramref name="userName"/> expires (UTC text), or null when none is waiting.</summary>
    public string? EnrolmentExpiry(string userName) => _store.Read(tx => _connection.QuerySingleOrDefault<string>(SelectEnrolmentExpiry, new { name = userName }, tx));

    public Credential? FindCredential(string userName) => _store.Read(tx =>
        _connection.QuerySingleOrDefault<CredentialRow>(SelectCredential, new { name = userName }, tx)?.ToCredential());

    public IReadOnlyList<string> UserNames() => _store.Read(tx => _connection.Query<string>(SelectUserNames, transaction: tx).ToList());

    /// <summary>
    /// Sets (or first creates) a user's password hash, clears the failed sign-ins and any lockout, ends any
    /// enrolment code waiting for them, and appends <c>user.credential_set</c> naming <paramref name="actor"/>
    /// and <paramref name="via"/>: all in one transaction, so that no credential is stored without its entry
    /// nor an entry written without its credential. Refused (nothing written) when Core's
    /// <see cref="UserRules.SetCredential"/> refuses; an <c>enrolment</c> goes through <see cref="Enrol"/>.
    /// </summary>
    public Decision SetPassword(string actor, string userName, string passwordHash, string via)
    {
        Core.Precondition.Require(via != CredentialSet.Enrolment, "an enrolment stores its password through Enrol, which uses up the code");
        return _store.Write(actor, session => StoreCredential(session, userName, passwordHash, via));
    }

    /// <summary>
    /// Issues the enrolment code whose salted hash is <paramref name="codeHash"/> for <paramref name="userName"/>,
    /// valid until <paramref name="expires"/>; replaces any earlier code of theirs, and appends
    /// <c>user.enrolment_issued</c>, in one transaction. Refused when the user has a password (they reset it
    /// on the server) or <see cref="UserRules.IssueEnrolment"/> refuses (<paramref name="by"/> must be an administrator).
    /// </summary>
    public Decision IssueEnrolment(string by, string userName, string codeHash, DateTimeOffset expires) => _store.Write(by, session =>
    {
        if (_connection.ExecuteScalar<long?>(CredentialExists, new { name = userName }, session.Transaction) is not null)
            return Refuse(session, new Violation(ViolationCode.CredentialExists, new Place(Field: "user"), userName));
        var decision = UserRules.IssueEnrolment(userName, session.State, by);
        if (!decision.Accepted) return Refuse(session, decision);
        _connection.Execute(UpsertEnrolment, new { name = userName, hash = codeHash, by, now = Stamp(_clock.GetUtcNow()), expires = Stamp(expires) },
            session.Transaction);
        session.Append(decision.Event!);
        return decision;
    });

    /// <summary>
    /// Counts an enrolment attempt of <paramref name="userName"/> as failed until its code proves right, and
    /// locks their code until <paramref name="lockUntil"/> at attempt number <paramref name="limit"/> in a row,
    /// atomically, as <see cref="CountSignInAttempt"/> does for passwords. Returns the code's hash to check the
    /// attempt against, or null: no code waiting, locked, or expired at <paramref name="now"/>.
    /// </summary>
    public string? CountEnrolmentAttempt(string userName, int limit, DateTimeOffset now, DateTimeOffset lockUntil) => Credentials(tx =>
        _connection.QuerySingleOrDefault<EnrolmentRow>(CountEnrolment, new { name = userName, limit, now = Stamp(now), until = Stamp(lockUntil) }, tx)
            is { } code && string.CompareOrdinal(code.Expires, Stamp(now)) > 0 ? code.Hash : null);

    private sealed class EnrolmentRow
    {
        public string Hash { get; set; } = "";
        public string Expires { get; set; } = "";
    }

    /// <summary>
    /// Uses up the enrolment code whose hash is <paramref name="codeHash"/> (the one the attempt was checked
    /// against, so that a code replaced or used meanwhile does not count), stores the person's first password
    /// and appends <c>user.credential_set</c> via <c>enrolment</c> by that person: one transaction. Refused,
    /// with nothing written, when the code is no longer waiting, has expired, or the person has a password.
    /// </summary>
    public Decision Enrol(string userName, string codeHash, string passwordHash) => _store.Write(userName, session =>
    {
        var used = _connection.Execute(UseEnrolment, new { name = userName, hash = codeHash, now = Stamp(_clock.GetUtcNow()) }, session.Transaction);
        if (used == 0) return Refuse(session, new Violation(ViolationCode.EnrolmentNotIssued, new Place(Field: "user"), userName));
        if (_connection.ExecuteScalar<long?>(CredentialExists, new { name = userName }, session.Transaction) is not null)
            return Refuse(session, new Violation(ViolationCode.CredentialExists, new Place(Field: "user"), userName));
        return StoreCredential(session, userName, passwordHash, CredentialSet.Enrolment);
    });

    private Decision StoreCredential(WriteSession session, string userName, string passwordHash, string via)
    {
        var decision = UserRules.SetCredential(userName, via, session.State, session.Actor);
        if (!decision.Accepted) return Refuse(session, decision);
        _connection.Execute(UpsertCredential, new { name = userName, hash = passwordHash, now = Stamp(_clock.GetUtcNow()), stamp = NewStamp() }, session.Transaction);
        _connection.Execute(DeleteEnrolment, new { name = userName }, session.Transaction);
        session.Append(decision.Event!);
        return decision;
    }

    private static Decision Refuse(WriteSession session, Violation violation) => Refuse(session, Decision.Reject(violation));

    private static Decision Refuse(WriteSession session, Decision decision)
    {
        session.Abandon();
        return decision;
    }

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
    public void EndSessions(string userName) => Credentials(tx => _connection.Execute(NewSessionStamp, new { name = userName, stamp = NewStamp() }, tx));

    /// <summary>Removes a user's sign-in (their roles stay as the settings say until revoked there).</summary>
    public bool RemoveCredential(string userName) => Credentials(tx => _connection.Execute(DeleteCredential, new { name = userName }, tx)) > 0;

    private T Credentials<T>(Func<DbTransaction, T> work)
    {
        using var tx = _store.Engine.BeginWrite(_connection);
        var result = work(tx);
        tx.Commit();
        return result;
    }

    /// <summary>A session stamp no one can guess: 128 random bits in hex.</summary>
    private static string NewStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

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

    private const string InsertVerifyRun =
        "INSERT INTO verify_runs (run_at, by, ok, entries, head_hash, problems) VALUES (@at, @by, @ok, @entries, @head, @problems)";

    private const string SelectLastVerifyRun =
        "SELECT run_at AS RunAt, by AS By, ok AS Ok, entries AS Entries, head_hash AS HeadHash, problems AS Problems FROM verify_runs ORDER BY id DESC LIMIT 1";

    public void RecordVerifyRun(string by, bool ok, long entries, string? headHash, long problems) => Credentials(tx =>
        _connection.Execute(InsertVerifyRun, new { at = Stamp(_clock.GetUtcNow()), by, ok = ok ? 1 : 0, entries, head = headHash, problems }, tx));

    public VerifyRun? LastVerifyRun() => _store.Read(tx => _connection.QuerySingleOrDefault<VerifyRunRow>(SelectLastVerifyRun, transaction: tx) is { } r
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
