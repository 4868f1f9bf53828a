namespace CollectiveLedger.Core.Audit;

/// <summary>
/// A C2SP tlog-checkpoint: the log's origin, its size and the RFC 6962 root of its first
/// <see cref="Size"/> entries. The body is three lines, each ending in a newline.
/// </summary>
public sealed record Checkpoint(string Origin, long Size, byte[] Root)
{
    /// <summary>The origin line naming a ledger: schema-less, no spaces, stable for the ledger's life.</summary>
    public static string OriginOf(string orgCode, string ledgerId) => $"collectiveledger.local/{orgCode}/{ledgerId}";

    public string Body => $"{Origin}\n{Size}\n{Convert.ToBase64String(Root)}\n";

    /// <summary>The root in lowercase hex, in groups of four for reading aloud and typing in.</summary>
    public string RootHexGroups => string.Join(' ', Convert.ToHexStringLower(Root).Chunk(4).Select(c => new string(c)));

    public static bool TryParseBody(string text, out Checkpoint checkpoint, out string? problem)
    {
        checkpoint = new Checkpoint("", 0, []);
        problem = null;
        var lines = text.Split('\n');
        if (lines.Length < 4 || lines[^1] != "")
        {
            problem = "a checkpoint has an origin line, a size line and a root line, each ending in a newline";
            return false;
        }
        if (!long.TryParse(lines[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size))
        {
            problem = $"the size line '{lines[1]}' is not a number";
            return false;
        }
        byte[] root;
        try { root = Convert.FromBase64String(lines[2]); }
        catch (FormatException) { root = []; }
        if (root.Length != 32)
        {
            problem = "the root line is not a base64 SHA-256 hash";
            return false;
        }
        checkpoint = new Checkpoint(lines[0], size, root);
        return true;
    }
}
