using System.Net;
using System.Text.Json;
using CollectiveLedger.Cli;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Tests.Web;

/// <summary>
/// The public site as a transparency log (issue 15): /checkpoint, the C2SP tlog-tiles hash tiles and the
/// RFC 6962 proofs, fetched over HTTP from the running workspace as a tlog client does.
/// </summary>
public class TransparencyLogTests
{
    private const string Passphrase = "test-passphrase-1234";

    /// <summary>A workspace whose serve holds a registered signing key, as <c>cledger serve --sign</c> does.</summary>
    internal static Workspace Signed(out byte[] publicKey)
    {
        Environment.SetEnvironmentVariable("CLEDGER_PASSPHRASE", Passphrase);
        byte[]? key = null;
        var workspace = new Workspace(o =>
        {
            var path = Path.Combine(o.Folder(), "accountant.key");
            var code = Program.Run([.. o.DbArgs(), "--lang", "en", "keys", "generate", "--name", "test.village/accountant", "--out", path],
                TextWriter.Null, TextWriter.Null, TestClock.Fixed);
            Assert.That(code, Is.Zero, "keys generate");
            var file = SigningKeyFile.Load(path, Passphrase);
            key = file.PublicKey;
            return o with { Signers = [file.Signer] };
        });
        publicKey = key!;
        return workspace;
    }

    /// <summary><paramref name="count"/> vouchers in 2025, one log entry each: enough for level-1 tiles past 256.</summary>
    internal static void Vouchers(TestLedger ledger, int count) =>
        ledger.Ok("vouchers", "import", ledger.WriteFile("many.jsonl", string.Concat(Enumerable.Range(1, count).Select(i =>
            $$"""{"ref":"T{{i}}","date":"2025-02-{{1 + (i % 28):D2}}","summary":"零星收入第{{i}}笔","lines":[{"account":"10201","debit":"{{i}}.00"},{"account":"50101","credit":"{{i}}.00"}]}""" + "\n"))));

    [Test]
    public async Task A_tlog_client_recomputes_the_signed_checkpoint_root_from_hash_tiles_and_a_consistency_proof_from_an_older_size()
    {
        using var workspace = Signed(out var publicKey);
        Vouchers(workspace.Ledger, 600);
        var client = workspace.Client();

        var response = await client.GetAsync("/checkpoint");
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/plain; charset=utf-8"));
        Assert.That(SignedNote.TryParse(text, out var note, out _), Is.True, text);
        Assert.That(note.Verifies(note.Signatures[0], publicKey), Is.True, "signed by the key serve holds");
        Assert.That(Checkpoint.TryParseBody(note.Text, out var checkpoint, out _), Is.True);
        Assert.That(checkpoint.Size, Is.GreaterThan(600));
        var tiles = new TileClient(client, checkpoint.Size);
        Assert.That(await tiles.Root(checkpoint.Size), Is.EqualTo(checkpoint.Root), "the root from the tiles is the checkpoint's");
        IReadOnlyList<byte[]> leaves;
        using (var store = workspace.Ledger.Open(TestClock.Fixed)) leaves = store.Disclosure.LeafHashes(checkpoint.Size);
        foreach (var old in new long[] { 1, 7, 256, 300, checkpoint.Size - 1, checkpoint.Size })
        {
            var fromTiles = await tiles.Consistency(old, checkpoint.Size);
            var served = await Proof(client, $"/proof/consistency?old={old}&new={checkpoint.Size}");

            Assert.That(fromTiles, Is.EqualTo(MerkleProof.Consistency(leaves, old, checkpoint.Size)), $"from {old}");
            Assert.That(served.GetProperty("old_size").GetInt64(), Is.EqualTo(old));
            Assert.That(served.GetProperty("new_size").GetInt64(), Is.EqualTo(checkpoint.Size));
            Assert.That(Hashes(served), Is.EqualTo(fromTiles), $"the served proof from {old} is the one the tiles give");
            Assert.That(MerkleProof.VerifyConsistency(old, checkpoint.Size, await tiles.Root(old), checkpoint.Root, fromTiles), Is.True);
        }
    }

    [Test]
    public async Task Entry_bundles_hold_the_public_log_line_by_line_and_their_leaves_are_the_level_0_tile()
    {
        using var workspace = Signed(out _);
        workspace.Ledger.Ok("members", "add", "M009", "其其格", "--head", "其其格", "--household-size", "2", "--shares", "1", "--phone", "13912345678");
        Vouchers(workspace.Ledger, 300);
        var client = workspace.Client();
        var (_, note) = await client.Page("/checkpoint");
        Assert.That(SignedNote.TryReadCheckpoint(note, out var parsed, out _), Is.True);
        Assert.That(Checkpoint.TryParseBody(parsed.Text, out var checkpoint, out _), Is.True);
        var width = (int)(checkpoint.Size - 256);

        var full = await client.GetAsync("/tile/entries/000");
        var partial = await client.GetByteArrayAsync($"/tile/entries/001.p/{width}");
        var tooWide = await client.GetAsync($"/tile/entries/001.p/{width + 1}");
        var publicLog = (await client.GetByteArrayAsync("/log.jsonl")).AsSpan().ToArray();

        var lines = System.Text.Encoding.UTF8.GetString(publicLog).Split('\n')[..(int)checkpoint.Size];
        var bundled = Entries(await full.Content.ReadAsByteArrayAsync()).Concat(Entries(partial)).ToList();
        Assert.That(full.Headers.CacheControl!.ToString(), Does.Contain("immutable"));
        Assert.That(tooWide.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
        Assert.That(bundled, Is.EqualTo(lines), "every entry as /log.jsonl gives it, in order");
        Assert.That(bundled, Has.Some.Contains("\"kind\":\"member.added\"").And.None.Contains("13912345678"), "the member is a stub");
        var tile = await client.GetByteArrayAsync("/tile/0/000");
        var leaves = bundled.Take(256).Select(line => Receipt.LeafOf(line)!).ToList();
        Assert.That(leaves.SelectMany(l => l).ToArray(), Is.EqualTo(tile), "an entry's leaf, or a stub's, is the level-0 tile's hash");
    }

    // An entry bundle: each entry as a big-endian 16-bit length and that many bytes.
    private static IEnumerable<string> Entries(byte[] bundle)
    {
        for (var at = 0; at < bundle.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(bundle.AsSpan(at));
            yield return System.Text.Encoding.UTF8.GetString(bundle, at + 2, length);
            at += 2 + length;
        }
    }

    [Test]
    public async Task Tiles_are_served_only_as_the_specification_names_them_full_ones_immutable()
    {
        using var workspace = Signed(out _);
        Vouchers(workspace.Ledger, 600);
        var client = workspace.Client();
        var size = (await Today(client)).Size;

        var full = await client.GetAsync("/tile/0/000");

        Assert.That(full.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(full.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/octet-stream"));
        Assert.That(full.Headers.CacheControl!.ToString(), Does.Contain("immutable"));
        Assert.That(await full.Content.ReadAsByteArrayAsync(), Has.Length.EqualTo(8192));
        Assert.That((await client.GetAsync($"/tile/0/002.p/{size - 512}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync("/tile/1/000.p/2")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        foreach (var missing in new[] { $"/tile/0/002.p/{size - 511}", "/tile/0/002", "/tile/0/000.p/256", "/tile/0/000.p/0", "/tile/0/000.p/07",
                     "/tile/0/x000/000", "/tile/0/0", "/tile/1/000", "/tile/2/000.p/1", "/tile/64/000", "/tile/entries/002", "/tile/entries/000.p/256" })
            Assert.That((await client.GetAsync(missing)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), missing);
    }

    [Test]
    public async Task An_inclusion_proof_from_the_site_shows_the_entry_in_the_checkpoint_and_sizes_beyond_it_are_refused()
    {
        using var workspace = Signed(out _);
        var client = workspace.Client();
        var checkpoint = await Today(client);
        var seq = checkpoint.Size / 2;

        var proof = await Proof(client, $"/proof/inclusion?seq={seq}&size={checkpoint.Size}");
        var leaf = Convert.FromBase64String(proof.GetProperty("leaf_hash").GetString()!);

        Assert.That(proof.GetProperty("seq").GetInt64(), Is.EqualTo(seq));
        Assert.That(MerkleProof.VerifyInclusion(seq, checkpoint.Size, leaf, Hashes(proof), checkpoint.Root), Is.True);
        using (var store = workspace.Ledger.Open(TestClock.Fixed))
            Assert.That(leaf, Is.EqualTo(MerkleTree.LeafHash(store.Entries(seq, 1).Single().Bytes)));
        foreach (var refused in new[] { $"/proof/inclusion?seq={checkpoint.Size}&size={checkpoint.Size}", $"/proof/consistency?old=1&new={checkpoint.Size + 1}",
                     "/proof/consistency?old=3&new=2", "/proof/consistency?old=x&new=2", "/proof/inclusion?seq=1" })
        {
            var response = await client.GetAsync(refused);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), refused);
        }
    }

    private static async Task<Checkpoint> Today(HttpClient client)
    {
        Assert.That(SignedNote.TryReadCheckpoint(await client.GetStringAsync("/checkpoint"), out var note, out _), Is.True);
        Assert.That(CollectiveLedger.Core.Audit.Checkpoint.TryParseBody(note.Text, out var checkpoint, out _), Is.True);
        return checkpoint;
    }

    private static async Task<JsonElement> Proof(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<byte[]> Hashes(JsonElement proof) => [.. proof.GetProperty("hashes").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!))];

    /// <summary>
    /// What a tlog client does with tiles alone (no proof from the server): fetches the tiles of the tree
    /// of <c>size</c> it needs, rebuilds the levels between tile levels by hashing, and computes roots and
    /// RFC 6962 consistency proofs from them.
    /// </summary>
    private sealed class TileClient(HttpClient client, long size)
    {
        private readonly Dictionary<(int, long), byte[]> _tiles = [];

        public Task<byte[]> Root(long n) => Hash(0, n);

        public async Task<List<byte[]>> Consistency(long old, long n)
        {
            var proof = new List<byte[]>();
            if (old > 0 && old < n) await SubProof(old, 0, n, true, proof);
            return proof;
        }

        // SUBPROOF(m, D[lo:hi], b) of RFC 6962 2.1.2, every hash from the tiles.
        private async Task SubProof(long m, long lo, long hi, bool whole, List<byte[]> proof)
        {
            if (m == hi - lo)
            {
                if (!whole) proof.Add(await Hash(lo, hi));
                return;
            }
            var k = Split(hi - lo);
            if (m <= k)
            {
                await SubProof(m, lo, lo + k, whole, proof);
                proof.Add(await Hash(lo + k, hi));
            }
            else
            {
                await SubProof(m - k, lo + k, hi, false, proof);
                proof.Add(await Hash(lo, lo + k));
            }
        }

        // MTH(D[lo:hi]): a complete subtree from its node, any other range split as RFC 6962 does.
        private async Task<byte[]> Hash(long lo, long hi)
        {
            var n = hi - lo;
            if (n == 0) return System.Security.Cryptography.SHA256.HashData([]);
            if ((n & (n - 1)) == 0 && lo % n == 0) return await Node(System.Numerics.BitOperations.Log2((ulong)n), lo / n);
            var k = Split(n);
            return Join(await Hash(lo, lo + k), await Hash(lo + k, hi));
        }

        // The hash of node i at height h: read from the tile of level h/8 when h is a multiple of 8, else from its two children.
        private async Task<byte[]> Node(int height, long index)
        {
            if (height % 8 != 0) return Join(await Node(height - 1, 2 * index), await Node(height - 1, (2 * index) + 1));
            var level = height / 8;
            var tile = await Tile(level, index / 256);
            return tile[(int)(index % 256 * 32)..(int)((index % 256 * 32) + 32)];
        }

        private async Task<byte[]> Tile(int level, long n)
        {
            if (_tiles.TryGetValue((level, n), out var known)) return known;
            var width = Math.Min(256, (size >> (8 * level)) - (256 * n));
            var path = $"/tile/{level}/{HashTiles.IndexPath(n)}" + (width < 256 ? $".p/{width}" : "");
            var response = await client.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.That(bytes, Has.Length.EqualTo(width * 32), path);
            return _tiles[(level, n)] = bytes;
        }

        private static long Split(long n) => 1L << (63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(n - 1)));

        private static byte[] Join(byte[] left, byte[] right) => System.Security.Cryptography.SHA256.HashData([1, .. left, .. right]);
    }
}
