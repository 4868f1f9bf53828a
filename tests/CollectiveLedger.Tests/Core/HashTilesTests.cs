using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Tests.Core;

/// <summary>C2SP tlog-tiles: the path encoding of a tile index, and which tiles a tree of a given size has.</summary>
public class HashTilesTests
{
    [TestCase(0L, "000")]
    [TestCase(67L, "067")]
    [TestCase(1000L, "x001/000")]
    [TestCase(1234067L, "x001/x234/067")]
    public void A_tile_index_is_written_in_three_digit_groups_all_but_the_last_prefixed_with_x_and_read_back(long index, string path)
    {
        Assert.That(HashTiles.IndexPath(index), Is.EqualTo(path));
        Assert.That(HashTiles.TryParseIndexPath(path, out var read), Is.True);
        Assert.That(read, Is.EqualTo(index));
    }

    [TestCase("67")]
    [TestCase("0067")]
    [TestCase("001/067")]
    [TestCase("x000/067")]
    [TestCase("x001/x067")]
    [TestCase("")]
    [TestCase("x1a3/000")]
    public void Any_other_form_of_an_index_is_no_tile(string path) =>
        Assert.That(HashTiles.TryParseIndexPath(path, out _), Is.False);

    [Test]
    public void A_tree_of_70000_leaves_has_the_tiles_the_specification_lists()
    {
        // tlog-tiles: 273 full level-0 tiles, a partial one of 112, one full level-1 tile, a partial one of 17, a level-2 tile of 1.
        Assert.That(HashTiles.WidthIn(70_000, 0, 272), Is.EqualTo(256));
        Assert.That(HashTiles.WidthIn(70_000, 0, 273), Is.EqualTo(112));
        Assert.That(HashTiles.WidthIn(70_000, 0, 274), Is.Zero);
        Assert.That(HashTiles.WidthIn(70_000, 1, 0), Is.EqualTo(256));
        Assert.That(HashTiles.WidthIn(70_000, 1, 1), Is.EqualTo(17));
        Assert.That(HashTiles.WidthIn(70_000, 2, 0), Is.EqualTo(1));
        Assert.That(HashTiles.WidthIn(70_000, 3, 0), Is.Zero);
        Assert.That(HashTiles.WidthIn(256, 1, 0), Is.EqualTo(1), "a tree of 256 has a partial level-1 tile of width 1");
    }

    [Test]
    public void A_level_one_hash_is_the_root_of_the_256_leaves_of_a_full_level_zero_tile()
    {
        var leaves = Enumerable.Range(0, 600).Select(i => MerkleTree.LeafHash(BitConverter.GetBytes(i))).ToList();
        var levels = HashTiles.Levels(leaves);

        var level1 = HashTiles.Tile(levels, 600, 1, 0, 2)!;

        Assert.That(level1[..32], Is.EqualTo(MerkleProof.Root(leaves, 256)));
        Assert.That(level1[32..], Is.EqualTo(MerkleProof.Root(leaves.Skip(256).ToList(), 256)));
        Assert.That(HashTiles.Tile(levels, 600, 1, 0, 3), Is.Null, "600 leaves make two complete level-1 hashes, not three");
        Assert.That(HashTiles.Tile(levels, 600, 0, 2, 88)![^32..], Is.EqualTo(leaves[599]));
    }
}
