using System.Data.Common;
using CollectiveLedger.Core.Audit;
using Microsoft.Data.Sqlite;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// Posted vouchers with their lines, read in seq order as one signature each
/// (<see cref="Table.SelectVoucherSignatures"/>) and merged with the replayed vouchers: one step per
/// voucher instead of one per row. Only a voucher whose signature differs is compared row by row
/// and column by column, to name what changed.
/// </summary>
internal sealed class LiveVouchers : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _tx;
    private readonly SqliteCommand _command;
    private readonly DbDataReader _reader;
    private byte[] _signature = new byte[4096]; // reused: no allocation per voucher
    private int _signatureLength;
    private long? _seq;

    public LiveVouchers(SqliteConnection connection, SqliteTransaction tx)
    {
        _connection = connection;
        _tx = tx;
        _command = LedgerVerifier.Command(connection, tx, Table.SelectVoucherSignatures);
        _reader = _command.ExecuteReader();
        Advance();
    }

    /// <param name="rows">The voucher's row followed by its line rows, as the replay derives them.</param>
    public void Match(long seq, IReadOnlyList<Row> rows, byte[] signature, LedgerVerifier.Run run)
    {
        for (; _seq is { } extra && extra < seq; Advance())
            run.Add(Inserted(Table.Vouchers, extra.ToString()));
        if (_seq != seq)
        {
            run.Add(new VerifyProblem(VerifyProblem.Replay, seq, $"vouchers {seq} is missing from the table (deleted?)",
                Table: Table.Vouchers.Name, Key: seq.ToString(), Expected: "row", Actual: "missing"));
            return;
        }
        if (!_signature.AsSpan(0, _signatureLength).SequenceEqual(signature))
        {
            Compare(Table.Vouchers, rows.Take(1).ToList(), $"seq = {seq}", seq, run);
            Compare(Table.VoucherLines, rows.Skip(1).ToList(), $"voucher_seq = {seq}", seq, run);
        }
        Advance();
    }

    public void ReportRemaining(LedgerVerifier.Run run)
    {
        for (; _seq is { } extra; Advance()) run.Add(Inserted(Table.Vouchers, extra.ToString()));
        using var orphans = LedgerVerifier.Command(_connection, _tx, Table.SelectOrphanLines).ExecuteReader();
        while (orphans.Read()) run.Add(Inserted(Table.VoucherLines, $"{orphans.GetInt64(0)}|{orphans.GetInt64(1)}"));
    }

    /// <summary>Names every difference between the replayed rows and the live rows of one voucher.</summary>
    private void Compare(Table table, IReadOnlyList<Row> expected, string where, long seq, LedgerVerifier.Run run)
    {
        var live = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        using (var reader = LedgerVerifier.Command(_connection, _tx, $"SELECT {string.Join(", ", table.Columns)} FROM {table.Name} WHERE {where}").ExecuteReader())
        {
            while (reader.Read())
            {
                var values = new object?[table.Columns.Length];
                for (var i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                live[new Row(table, values).Key] = values;
            }
        }
        foreach (var row in expected)
        {
            if (!live.Remove(row.Key, out var actual))
            {
                run.Add(new VerifyProblem(VerifyProblem.Replay, seq, $"{table.Name} {row.Key} is missing from the table (deleted?)",
                    Table: table.Name, Key: row.Key, Expected: "row", Actual: "missing"));
                continue;
            }
            for (var i = table.KeyColumns; i < table.Columns.Length; i++)
                if (!Cell.Same(row.Values[i], actual[i]))
                    run.Add(new VerifyProblem(VerifyProblem.Replay, seq, $"{table.Name} {row.Key}: {table.Columns[i]} differs from what the log says",
                        Table: table.Name, Key: row.Key, Column: table.Columns[i], Expected: Cell.Text(row.Values[i]), Actual: Cell.Text(actual[i])));
        }
        foreach (var key in live.Keys) run.Add(Inserted(table, key));
    }

    private static VerifyProblem Inserted(Table table, string key) =>
        new(VerifyProblem.Replay, null, $"{table.Name} {key} is in the table but no entry of the log made it (inserted?)",
            Table: table.Name, Key: key, Expected: "missing", Actual: "row");

    private void Advance()
    {
        if (!_reader.Read()) { _seq = null; return; }
        _seq = _reader.GetInt64(0);
        _signatureLength = (int)_reader.GetBytes(1, 0, null, 0, 0);
        if (_signatureLength > _signature.Length) _signature = new byte[_signatureLength * 2];
        _reader.GetBytes(1, 0, _signature, 0, _signatureLength);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _command.Dispose();
    }
}
