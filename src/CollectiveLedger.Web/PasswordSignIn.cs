using CollectiveLedger.Storage;
using Microsoft.AspNetCore.Identity;

namespace CollectiveLedger.Web;

/// <summary>The answer to a sign-in: the same one for an unknown user, a wrong password and a locked account.</summary>
public enum SignInOutcome { Ok, Refused }

/// <summary>
/// Checks a user name and password against the credentials table, counting failures: after
/// <see cref="WorkspaceOptions.LockoutThreshold"/> wrong passwords in a row the user is locked out
/// for <see cref="WorkspaceOptions.LockoutDuration"/>, even with the right password.
/// </summary>
/// <remarks>
/// Each attempt is counted, and the lock set, in one write before the password is checked
/// (<see cref="CredentialTables.CountSignInAttempt"/>), so that guesses sent at once cannot all read the
/// same count: no more than the threshold of them is ever checked. Every outcome runs the slow hash
/// exactly once (an unknown or locked user's against a dummy hash), so that the time an answer
/// takes tells a stranger neither which names exist nor which are locked; the sign-in page gives
/// one message for all of them.
/// </remarks>
public static class PasswordSignIn
{
    public static SignInOutcome Check(LedgerStore store, WorkspaceOptions options, string userName, string password)
    {
        var now = options.Clock.GetUtcNow();
        var hash = store.Credentials.CountSignInAttempt(userName, options.LockoutThreshold, now, now + options.LockoutDuration);
        var matches = options.Hasher.VerifyHashedPassword(userName, hash ?? DummyHash, password) != PasswordVerificationResult.Failed;
        if (hash is null || !matches) return SignInOutcome.Refused;
        store.Credentials.ClearSignInFailures(userName);
        return SignInOutcome.Ok;
    }

    private static readonly string DummyHash = Passwords.Hash("nobody", Guid.NewGuid().ToString());
}
