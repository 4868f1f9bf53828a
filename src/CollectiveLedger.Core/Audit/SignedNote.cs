using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CollectiveLedger.Core.Audit;

/// <summary>One signature line of a signed note: "— name base64(key ID || signature)".</summary>
public sealed record NoteSignature(string KeyName, uint KeyId, byte[] Signature);

/// <summary>
/// A C2SP signed-note: text ending in a newline, a blank line, then signature lines. Signatures here
/// are ECDSA P-256 over SHA-256 of the text, ASN.1 DER encoded (signature type 0x02); the key ID is the
/// first four bytes of SHA-256 of the DER SubjectPublicKeyInfo.
/// </summary>
public sealed record SignedNote(string Text, IReadOnlyList<NoteSignature> Signatures)
{
    private const string Dash = "\u2014 ";

    public string Format()
    {
        var sb = new StringBuilder(Text).Append('\n');
        foreach (var s in Signatures)
        {
            var payload = new byte[4 + s.Signature.Length];
            BinaryPrimitives.WriteUInt32BigEndian(payload, s.KeyId);
            s.Signature.CopyTo(payload, 4);
            sb.Append(Dash).Append(s.KeyName).Append(' ').Append(Convert.ToBase64String(payload)).Append('\n');
        }
        return sb.ToString();
    }

    public static uint KeyIdOf(byte[] subjectPublicKeyInfo) => BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(subjectPublicKeyInfo));

    /// <summary>Whether a key name is allowed: non-empty, no spaces, no '+'.</summary>
    public static bool IsKeyName(string name) =>
        name.Length > 0 && name.EnumerateRunes().Count() <= 100 && !name.Any(c => char.IsWhiteSpace(c) || c == '+' || char.IsControl(c));

    /// <summary>
    /// Text as a scanner or a person hands it over, made the note's own form: CRLF line ends become LF,
    /// and whatever blank space ends the text (a phone scanner's extra newline, spaces, tabs) becomes
    /// the one newline a note ends with.
    /// </summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd(' ', '\t', '\r', '\n') + "\n";

    public static bool TryParse(string note, out SignedNote parsed, out string? problem)
    {
        parsed = new SignedNote("", []);
        note = Normalize(note);
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            problem = "no blank line separates the text from the signatures";
            return false;
        }
        var text = note[..(split + 1)];
        var signatures = new List<NoteSignature>();
        foreach (var line in note[(split + 2)..].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.StartsWith(Dash, StringComparison.Ordinal) ? line[Dash.Length..].Split(' ') : [];
            byte[] payload;
            try { payload = parts.Length == 2 ? Convert.FromBase64String(parts[1]) : []; }
            catch (FormatException) { payload = []; }
            if (payload.Length <= 4 || !IsKeyName(parts[0]))
            {
                problem = $"'{line}' is not a signature line (— name base64)";
                return false;
            }
            signatures.Add(new NoteSignature(parts[0], BinaryPrimitives.ReadUInt32BigEndian(payload), payload[4..]));
        }
        if (signatures.Count == 0 || signatures.Count > 16)
        {
            problem = "a signed note carries between 1 and 16 signatures";
            return false;
        }
        parsed = new SignedNote(text, signatures);
        problem = null;
        return true;
    }

    /// <summary>
    /// A notice's checkpoint as scanned or typed (<see cref="Normalize"/>d): a signed note, or a bare
    /// checkpoint body, which becomes a note without signatures (checked for consistency only); or the
    /// phone-check address a QR code carries (<see cref="CheckLink"/>), read for the note it holds.
    /// </summary>
    public static bool TryReadCheckpoint(string text, out SignedNote note, out string? problem)
    {
        if (CheckLink.TryReadNote(text, out var linked)) text = linked;
        text = Normalize(text);
        if (TryParse(text, out note, out problem)) return true;
        if (!Checkpoint.TryParseBody(text, out _, out _)) return false;
        note = new SignedNote(text, []);
        problem = null;
        return true;
    }

    /// <summary>Verifies one signature with a public key (DER SubjectPublicKeyInfo); a key that is not P-256 verifies nothing.</summary>
    public bool Verifies(NoteSignature signature, byte[] subjectPublicKeyInfo)
    {
        using var key = ImportP256(subjectPublicKeyInfo);
        return key is not null
            && key.VerifyData(Encoding.UTF8.GetBytes(Text), signature.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    public static bool IsP256PublicKey(byte[] subjectPublicKeyInfo)
    {
        using var key = ImportP256(subjectPublicKeyInfo);
        return key is not null;
    }

    private static ECDsa? ImportP256(byte[] subjectPublicKeyInfo)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out var read);
            if (read == subjectPublicKeyInfo.Length && key.ExportParameters(false).Curve.Oid.Value == "1.2.840.10045.3.1.7") return key;
        }
        catch (CryptographicException)
        {
        }
        key.Dispose();
        return null;
    }
}
