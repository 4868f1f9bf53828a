using System.Globalization;
using Dapper;
using System.Data.Common;

namespace CollectiveLedger.Storage;

/// <summary>
/// The witnesses' cosignatures of the books' checkpoints (Schema/022), outside the books: each row the
/// whole signature line of one witness key on the checkpoint of (size, root). The caller verifies a
/// line with the witness's key before adding it; anyone can verify it again from the row alone.
/// </summary>
public sealed class WitnessCosignatures
{
    private readonly DbConnection _connection;
    private readonly TimeProvider _clock;

    internal WitnessCosignatures(LedgerStore store)
    {
        _connection = store.Connection;
        _clock = store.Clock;
    }

    // A second cosignature of the same checkpoint by the same key (a later timestamp) adds nothing: the first stays.
    private const string Insert = """
        INSERT INTO witness_cosignatures (witness, key_id, size, root, line, received_at)
        VALUES (@Witness, @KeyId, @Size, @Root, @Line, @Now)
        ON CONFLICT (witness, key_id, size) DO NOTHING
        """;

    /// <returns>Whether the line was added (false: this key's cosignature of that size was there already).</returns>
    public bool Add(string witness, string keyIdHex, long size, string rootBase64, string line) =>
        _connection.Execute(Insert, new
        {
            Witness = witness, KeyId = keyIdHex, Size = size, Root = rootBase64, Line = line,
            Now = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        }) == 1;

    /// <summary>The largest size this witness key cosigned for these books (0 when none): where its next proof starts.</summary>
    public long LastSize(string witness, string keyIdHex) =>
        _connection.ExecuteScalar<long?>("SELECT max(size) FROM witness_cosignatures WHERE witness = @Witness AND key_id = @KeyId",
            new { Witness = witness, KeyId = keyIdHex }) ?? 0;

    /// <summary>The cosignature lines of the checkpoint (size, root), by witness name.</summary>
    public IReadOnlyList<string> Of(long size, string rootBase64) =>
        [.. _connection.Query<string>("SELECT line FROM witness_cosignatures WHERE size = @Size AND root = @Root ORDER BY witness, key_id",
            new { Size = size, Root = rootBase64 })];
}
