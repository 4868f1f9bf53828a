using System.Globalization;
using CollectiveLedger.Core;
using CollectiveLedger.Core.Audit;
using System.Data.Common;
using CollectiveLedger.Storage.Engines;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// Posted vouchers with their lines, read in seq order from the two tables side by side and merged
/// with the replayed vouchers: each voucher's row and lines are spelled as one signature
/// (<see cref="Projection.VoucherSignature"/>) and compared in one step. Only a voucher whose signature differs is
/// compared row by row and column by column, to name what changed.
/// </summary>
internal sealed class LiveVouchers : IDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _tx;
    private readonly IRowCursor _vouchers;
    private readonly IRowCursor _lines;
    private readonly PooledBuffer _signature = new(4096); // reused: no allocation per voucher
    private long? _seq;
    private long? _lineSeq;

    public LiveVouchers(Engine engine, DbConnection connection, DbTransaction tx)
    {
        _connection = connection;
        _tx = tx;
        _vouchers = engine.Cursor(connection, tx, Table.Vouchers.SelectInKeyOrder);
        _lines = engine.Cursor(connection, tx, Table.VoucherLines.SelectInKeyOrder);
        Advance();
        AdvanceLine();
    }

    /// <param name="posted">The voucher as the log has it.</param>
    /// <param name="signature">Its <see cref="Projection.VoucherSignature"/>.</param>
    public void Match(long seq, Core.Ledger.VoucherPosted posted, byte[] signature, LedgerVerifier.Run run)
    {
        for (; _seq is { } extra && extra < seq; Advance())
            run.Add(Inserted(Table.Vouchers, extra.ToString(CultureInfo.InvariantCulture)));
        if (_seq != seq)
        {
            run.Add(new VerifyProblem(VerifyProblem.Replay, seq, $"vouchers {seq} is missing from the table (deleted?)",
                Table: Table.Vouchers.Name, Key: seq.ToString(CultureInfo.InvariantCulture), Expected: "row", Actual: "missing"));
            return;
        }
        // Lines of vouchers inserted behind our back, or of none, are passed over here: the first are
        // reported with their voucher, the others by ReportRemaining.
        for (; _lineSeq is { } before && before < seq; AdvanceLine()) { }
        _signature.Clear();
        WriteLiveRow(_vouchers, _signature);
        Cell.WriteAscii(_signature, "|");
        for (var first = true; _lineSeq == seq; AdvanceLine(), first = false)
        {
            if (!first) Cell.WriteAscii(_signature, ";");
            WriteLiveRow(_lines, _signature);
        }
        if (!_signature.WrittenSpan.SequenceEqual(signature))
        {
            var rows = Projection.RowsFor(seq, posted).ToList();
            Compare(Table.Vouchers, rows.Take(1).ToList(), $"seq = {seq}", seq, run);
            Compare(Table.VoucherLines, rows.Skip(1).ToList(), $"voucher_seq = {seq}", seq, run);
        }
        Advance();
    }

    public void ReportRemaining(LedgerVerifier.Run run)
    {
        for (; _seq is { } extra; Advance()) run.Add(Inserted(Table.Vouchers, extra.ToString(CultureInfo.InvariantCulture)));
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

    /// <summary>
    /// The current row of <paramref name="reader"/> spelled as <see cref="Row.WriteSignature"/> spells
    /// a replayed row. Integers are read as such and spelled here, which costs less than SQLite
    /// converting them to text; any other value is spelled from the text SQLite gives.
    /// </summary>
    private static void WriteLiveRow(IRowCursor reader, PooledBuffer buffer)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (i > 0) Cell.WriteAscii(buffer, ",");
            if (reader.IsNull(i)) Cell.WriteQuoted(buffer, null);
            else if (reader.IsInteger(i)) Cell.WriteQuotedInteger(buffer, reader.GetInt64(i));
            else Cell.WriteQuotedText(buffer, reader.GetText(i));
        }
    }

    private void Advance() => _seq = _vouchers.Read() ? _vouchers.GetInt64(0) : null;

    private void AdvanceLine() => _lineSeq = _lines.Read() ? _lines.GetInt64(0) : null;

    public void Dispose()
    {
        _vouchers.Dispose();
        _lines.Dispose();
        _signature.Dispose();
    }
}
