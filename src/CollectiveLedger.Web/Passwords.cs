using Microsoft.AspNetCore.Identity;

namespace CollectiveLedger.Web;

/// <summary>
/// Passwords as ASP.NET Core Identity stores them (PBKDF2 with a random salt, many iterations; in the
/// shared framework). Only the hash is kept, in the credentials table outside the books.
/// </summary>
public static class Passwords
{
    public const int MinLength = 8;
    public const int MaxLength = 200;

    private static readonly PasswordHasher<string> Hasher = new();

    public static string Hash(string userName, string password) => Hasher.HashPassword(userName, password);

    /// <summary>
    /// The sign-in cookie's claim to the password and the sessions it was issued for: changes whenever
    /// the password does (a new salt) and whenever the user signs out (a new session stamp).
    /// </summary>
    public const string StampClaim = "cledger:credential";

    /// <summary>A short digest of the stored hash and session stamp (never the hash itself) that the cookie carries.</summary>
    public static string Stamp(Storage.Credential credential) =>
        Core.Audit.Sha256Hex.Of(System.Text.Encoding.UTF8.GetBytes(credential.PasswordHash + "\n" + credential.SessionStamp))[..32];

    /// <summary>Issues the sign-in cookie of <paramref name="credential"/>'s user, stamped with the password and session stamp now stored.</summary>
    public static Task SignIn(Microsoft.AspNetCore.Http.HttpContext context, Storage.Credential credential)
    {
        var scheme = Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme;
        var identity = new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, credential.UserName), new(StampClaim, Stamp(credential))], scheme);
        return Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignInAsync(context, scheme, new System.Security.Claims.ClaimsPrincipal(identity));
    }

    public static bool Matches(string userName, string hash, string password) =>
        Hasher.VerifyHashedPassword(userName, hash, password) != PasswordVerificationResult.Failed;

    /// <summary>Why a new password is refused, or null.</summary>
    public static string? Problem(string password, bool chinese) =>
        password.Length < MinLength || password.Length > MaxLength
            ? chinese ? $"密码须为 {MinLength} 至 {MaxLength} 个字符" : $"a password has {MinLength} to {MaxLength} characters"
            : password.Any(char.IsControl) ? chinese ? "密码不能含控制字符" : "a password has no control characters" : null;
}
