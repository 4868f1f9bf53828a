using System.Security.Cryptography;
using CollectiveLedger.Storage;
using Microsoft.AspNetCore.Identity;

namespace CollectiveLedger.Web;

/// <summary>
/// One-time enrolment codes (首次登录码): how a person gets their first password without the
/// administrator ever typing it. The administrator issues a code for a name that has no password
/// (<see cref="CredentialTables.IssueEnrolment"/>, which appends user.enrolment_issued), sees it once and
/// hands it over on paper; the person types their name, the code and a new password on the enrolment
/// page (<see cref="Enrol"/>), which stores the password and appends user.credential_set via
/// enrolment by that person. Only the code's salted slow hash is kept, with its expiry; a new code
/// replaces the old one, and a code is used once.
/// </summary>
/// <remarks>
/// Wrong codes count towards a lockout exactly as wrong passwords do at sign-in (counted atomically
/// before the code is checked, see <see cref="CredentialTables.CountEnrolmentAttempt"/>), and every
/// outcome runs the slow hash once, so neither the answer nor its time tells a stranger which names
/// have a code waiting.
/// </remarks>
public static class Enrolment
{
    /// <summary>Letters and digits that cannot be mistaken for one another on paper: no 0/O, 1/I.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>12 characters of 32: 60 random bits, with at most a few guesses before the lockout.</summary>
    public const int Length = 12;

    /// <summary>How long a code waits to be used.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    /// <summary>A new random code, as it is stored and compared (no separators).</summary>
    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The code as printed for the person: three groups of four, e.g. 7KQ2-M9XH-4TDP.</summary>
    public static string Display(string code) => string.Join('-', code.Chunk(4).Select(c => new string(c)));

    /// <summary>The code as typed, made comparable: spaces and hyphens dropped, letters upper case.</summary>
    public static string Normalize(string typed) =>
        new([.. typed.Where(c => c is not ('-' or ' ' or '\u3000' or '－')).Select(char.ToUpperInvariant)]);

    /// <summary>The code's salted slow hash (Identity's PBKDF2, as for passwords): all that is stored.</summary>
    public static string Hash(string userName, string code) => Passwords.Hash(userName, Normalize(code));

    /// <summary>
    /// Checks <paramref name="code"/> against the one waiting for <paramref name="userName"/> (counting the
    /// attempt first) and, when it is right and still waiting, stores <paramref name="password"/> as their
    /// first password with its entry. Returns whether the person is now enrolled; the page says the same
    /// thing for every other outcome.
    /// </summary>
    public static bool Enrol(LedgerStore store, WorkspaceOptions options, string userName, string code, string password)
    {
        var now = options.Clock.GetUtcNow();
        var hash = store.Credentials.CountEnrolmentAttempt(userName, options.LockoutThreshold, now, now + options.LockoutDuration);
        var matches = options.Hasher.VerifyHashedPassword(userName, hash ?? DummyHash, Normalize(code)) != PasswordVerificationResult.Failed;
        if (hash is null || !matches) return false;
        return store.Credentials.Enrol(userName, hash, Passwords.Hash(userName, password)).Accepted;
    }

    private static readonly string DummyHash = Passwords.Hash("nobody", NewCode());
}
