using CollectiveLedger.Storage;

namespace CollectiveLedger.Web;

public enum SignInOutcome { Ok, Wrong, LockedOut }

/// <summary>
/// Checks a user name and password against the credentials table, counting failures: after
/// <see cref="WorkspaceOptions.LockoutThreshold"/> wrong passwords in a row the user is locked out
/// for <see cref="WorkspaceOptions.LockoutDuration"/>, even with the right password. An unknown user,
/// a wrong password and a locked account look the same from outside: the sign-in page gives one
/// message for all three, and an unknown name costs the same time as a real check.
/// </summary>
public static class PasswordSignIn
{
    public static SignInOutcome Check(LedgerStore store, WorkspaceOptions options, string userName, string password)
    {
        var now = options.Clock.GetUtcNow();
        if (store.FindCredential(userName) is not { } credential)
        {
            // Spend the same time as a real check, so that timing does not tell which names exist.
            Matches(options, userName, DummyHash, password);
            return SignInOutcome.Wrong;
        }
        if (credential.LockedUntil is { } until && until > now) return SignInOutcome.LockedOut;
        if (Matches(options, userName, credential.PasswordHash, password))
        {
            if (credential.FailedCount > 0 || credential.LockedUntil is not null) store.SetFailures(userName, 0, null);
            return SignInOutcome.Ok;
        }
        var failed = (credential.LockedUntil is not null ? 0 : credential.FailedCount) + 1;
        var locked = failed >= options.LockoutThreshold;
        store.SetFailures(userName, locked ? 0 : failed, locked ? now + options.LockoutDuration : null);
        return locked ? SignInOutcome.LockedOut : SignInOutcome.Wrong;
    }

    private static bool Matches(WorkspaceOptions options, string userName, string hash, string password) =>
        options.Hasher.VerifyHashedPassword(userName, hash, password) != Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed;

    private static readonly string DummyHash = Passwords.Hash("nobody", Guid.NewGuid().ToString());
}
