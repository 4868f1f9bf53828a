using System.Globalization;

namespace CollectiveLedger.Core.Audit;

/// <summary>
/// C2SP tlog-tiles (https://c2sp.org/tlog-tiles) over the RFC 6962 tree of <see cref="MerkleTree"/>:
/// tiles of height 8, each 256 hashes of 32 bytes. The tile N at level L holds the Merkle tree hashes
/// of the complete subtrees of 256^L leaves numbered 256·N ... 256·N + 255 (level 0: the leaf hashes);
/// a partial tile holds the first W of them, 1 ≤ W ≤ 255.
/// </summary>
public static class HashTiles
{
    public const int Height = 8;
    public const int Width = 1 << Height;
    public const int HashSize = 32;

    /// <summary>The path element of tile index <paramref name="index"/>: 3-digit groups, all but the last prefixed with x (1234067 → x001/x234/067).</summary>
    public static string IndexPath(long index)
    {
        Precondition.Require(index >= 0, "a tile index is not negative");
        var groups = new List<string>();
        do
        {
            groups.Insert(0, (index % 1000).ToString("000", CultureInfo.InvariantCulture));
            index /= 1000;
        }
        while (index > 0);
        return string.Join('/', groups.Select((g, i) => i < groups.Count - 1 ? "x" + g : g));
    }

    /// <summary>Reads <see cref="IndexPath"/>'s form back; anything else (no x, two digits, a leading x000) is refused.</summary>
    public static bool TryParseIndexPath(string path, out long index)
    {
        index = 0;
        var groups = path.Split('/');
        for (var i = 0; i < groups.Length; i++)
        {
            var digits = i < groups.Length - 1 ? (groups[i].StartsWith('x') ? groups[i][1..] : "") : groups[i];
            if (digits.Length != 3 || !digits.All(char.IsAsciiDigit) || index > long.MaxValue / 1000 - 1) return false;
            index = index * 1000 + long.Parse(digits, CultureInfo.InvariantCulture);
        }
        return groups.Length == 1 || !groups[0].Equals("x000", StringComparison.Ordinal);
    }

    /// <summary>
    /// The hashes of every complete subtree, by height: <c>[h][i]</c> is the Merkle tree hash of leaves
    /// i·2^h ... (i+1)·2^h − 1. Made once from the leaf hashes (about as many hashes again as leaves).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<byte[]>> Levels(IReadOnlyList<byte[]> leaves)
    {
        var levels = new List<IReadOnlyList<byte[]>> { leaves };
        while (levels[^1].Count > 1)
        {
            var below = levels[^1];
            var level = new byte[below.Count / 2][];
            for (var i = 0; i < level.Length; i++) level[i] = MerkleProof.Node(below[2 * i], below[(2 * i) + 1]);
            levels.Add(level);
        }
        return levels;
    }

    /// <summary>How many hashes the tile (<paramref name="level"/>, <paramref name="index"/>) has in the tree of <paramref name="size"/> leaves: 256 when full, 0 when it does not exist yet.</summary>
    public static int WidthIn(long size, int level, long index)
    {
        if (level < 0 || level > 63 || index < 0) return 0;
        var complete = Height * level >= 63 ? 0 : size >> (Height * level);
        var width = complete - (index * Width);
        return (int)Math.Clamp(width, 0, Width);
    }

    /// <summary>
    /// The bytes of the tile (<paramref name="level"/>, <paramref name="index"/>) with <paramref name="width"/> hashes,
    /// or null when the tree of <paramref name="size"/> leaves (no more than <paramref name="levels"/> hold) has fewer.
    /// </summary>
    public static byte[]? Tile(IReadOnlyList<IReadOnlyList<byte[]>> levels, long size, int level, long index, int width)
    {
        if (width < 1 || width > Width || WidthIn(size, level, index) < width) return null;
        var hashes = levels[Height * level];
        var bytes = new byte[width * HashSize];
        for (var i = 0; i < width; i++) hashes[(int)((index * Width) + i)].CopyTo(bytes, i * HashSize);
        return bytes;
    }
}
