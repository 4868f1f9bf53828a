using System.Buffers.Text;
using System.Text;

namespace CollectiveLedger.Core.Audit;

/// <summary>
/// The address a notice's QR code carries when the organization has a public site
/// (<c>disclosure.public_url</c>): <c>URL/check#n=NOTE&amp;k=KEY</c>, the phone page with, in its fragment
/// (never sent to the server), the exact checkpoint text printed on the notice and the public key
/// (DER SubjectPublicKeyInfo) of each signer, in the order of the note's signatures, each base64url
/// without padding. The page checks the paper with what the paper carries and trusts nothing the
/// server says about it (audit-log.md 12.5).
/// </summary>
public static class CheckLink
{
    public const string Path = "/check";

    /// <param name="publicUrl">The public site, http or https, without a trailing slash.</param>
    /// <param name="noteText">The signed note, or the bare body when unsigned.</param>
    public static string For(string publicUrl, string noteText, IEnumerable<byte[]> keys)
    {
        var fragment = "n=" + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(noteText));
        foreach (var key in keys) fragment += "&k=" + Base64Url.EncodeToString(key);
        return publicUrl.TrimEnd('/') + Path + "#" + fragment;
    }

    /// <summary>
    /// The checkpoint text a scanned phone-check address carries (its <c>n</c>), or false when
    /// <paramref name="text"/> is not such an address (then it is read as the note itself).
    /// </summary>
    public static bool TryReadNote(string text, out string note)
    {
        note = "";
        text = text.Trim();
        if (!(text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))) return false;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0) return false;
        foreach (var part in text[(hash + 1)..].Split('&'))
        {
            if (!part.StartsWith("n=", StringComparison.Ordinal)) continue;
            try
            {
                note = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(part.AsSpan(2)));
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>Whether <paramref name="value"/> is a public site's address: http:// or https:// (lowercase), a host, no query or fragment.</summary>
    public static bool IsPublicUrl(string value) =>
        (value.StartsWith("http://", StringComparison.Ordinal) || value.StartsWith("https://", StringComparison.Ordinal))
        && Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0 && !value.Any(char.IsWhiteSpace);
}
