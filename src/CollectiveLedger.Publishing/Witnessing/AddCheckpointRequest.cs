using System.Globalization;
using System.Text;
using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Publishing.Witnessing;

/// <summary>
/// The body of a C2SP tlog-witness <c>add-checkpoint</c> request: <c>old SIZE</c>, the consistency proof
/// from that size (one base64 hash a line, at most 63), a blank line, then the signed checkpoint.
/// </summary>
public sealed record AddCheckpointRequest(long OldSize, IReadOnlyList<byte[]> Proof, SignedNote Note)
{
    public const int MaxProofLines = 63;

    public string Format()
    {
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"old {OldSize}\n");
        foreach (var hash in Proof) sb.Append(Convert.ToBase64String(hash)).Append('\n');
        return sb.Append('\n').Append(Note.Format()).ToString();
    }

    public static bool TryParse(string body, out AddCheckpointRequest request, out string? problem)
    {
        request = new AddCheckpointRequest(0, [], new SignedNote("", []));
        var lines = body.Split('\n');
        if (!lines[0].StartsWith("old ", StringComparison.Ordinal)
            || !long.TryParse(lines[0][4..], NumberStyles.None, CultureInfo.InvariantCulture, out var oldSize)
            || lines[0][4..] != oldSize.ToString(CultureInfo.InvariantCulture))
        {
            problem = "the first line is 'old SIZE'";
            return false;
        }
        var proof = new List<byte[]>();
        var i = 1;
        for (; i < lines.Length && lines[i] != ""; i++)
        {
            byte[] hash;
            try { hash = Convert.FromBase64String(lines[i]); }
            catch (FormatException) { hash = []; }
            if (hash.Length != 32 || proof.Count == MaxProofLines)
            {
                problem = $"proof line {i} is not a base64 SHA-256 hash, or there are more than {MaxProofLines}";
                return false;
            }
            proof.Add(hash);
        }
        if (i >= lines.Length || (oldSize == 0 && proof.Count > 0))
        {
            problem = i >= lines.Length ? "no blank line before the checkpoint" : "a proof from size 0 is empty";
            return false;
        }
        if (!SignedNote.TryParse(string.Join('\n', lines[(i + 1)..]), out var note, out problem)) return false;
        request = new AddCheckpointRequest(oldSize, proof, note);
        return true;
    }
}
