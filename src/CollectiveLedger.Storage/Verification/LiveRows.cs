using System.Data.Common;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Storage.Engines;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// A small table's live rows in key order, merged with the replayed rows sorted the same way: a live
/// row the replay lacks was inserted behind our back; a replayed row with no live row was deleted.
/// Rows are compared by their quoted signature; only a row that differs is read column by column.
/// </summary>
internal sealed class LiveRows : IDisposable
{
    private readonly Table _table;
    private readonly DbConnection _connection;
    private readonly DbTransaction _tx;
    private readonly IRowCursor _rows;
    private object?[]? _key;
    private string _signature = "";

    public LiveRows(Engine engine, DbConnection connection, DbTransaction tx, Table table)
    {
        _table = table;
        _connection = connection;
        _tx = tx;
        _rows = engine.Cursor(connection, tx, table.SelectSignatures(engine));
        Advance();
    }

    public void Match(Row expected, string signature, long? seq, LedgerVerifier.Run run)
    {
        while (_key is not null && LedgerVerifier.CompareKeys(_key, expected.Values, _table.KeyColumns) < 0)
        {
            run.Add(Extra(_key));
            Advance();
        }
        if (_key is null || LedgerVerifier.CompareKeys(_key, expected.Values, _table.KeyColumns) > 0)
        {
            run.Add(new VerifyProblem(VerifyProblem.Replay, seq, $"{_table.Name} {expected.Key} is missing from the table (deleted?)",
                Table: _table.Name, Key: expected.Key, Expected: "row", Actual: "missing"));
            return;
        }
        if (_signature != signature) ReportDifferences(expected, seq, run);
        Advance();
    }

    public void ReportRemaining(LedgerVerifier.Run run)
    {
        for (; _key is not null; Advance()) run.Add(Extra(_key));
    }

    private void ReportDifferences(Row expected, long? seq, LedgerVerifier.Run run)
    {
        using var command = LedgerVerifier.Command(_connection, _tx, _table.SelectByKey);
        for (var i = 0; i < _table.KeyColumns; i++) Engine.Parameter(command, "@p" + i, expected.Values[i]);
        using var reader = command.ExecuteReader();
        reader.Read();
        for (var i = _table.KeyColumns; i < _table.Columns.Length; i++)
        {
            var actual = reader.IsDBNull(i) ? null : reader.GetValue(i);
            if (!Cell.Same(expected.Values[i], actual))
                run.Add(new VerifyProblem(VerifyProblem.Replay, seq, $"{_table.Name} {expected.Key}: {_table.Columns[i]} differs from what the log says",
                    Table: _table.Name, Key: expected.Key, Column: _table.Columns[i], Expected: Cell.Text(expected.Values[i]), Actual: Cell.Text(actual)));
        }
    }

    private VerifyProblem Extra(object?[] key)
    {
        var text = string.Join("|", key.Take(_table.KeyColumns).Select(Cell.Text));
        return new VerifyProblem(VerifyProblem.Replay, null, $"{_table.Name} {text} is in the table but no entry of the log made it (inserted?)",
            Table: _table.Name, Key: text, Expected: "missing", Actual: "row");
    }

    private void Advance()
    {
        if (!_rows.Read()) { _key = null; return; }
        var key = new object?[_table.KeyColumns];
        for (var i = 0; i < key.Length; i++)
            key[i] = _rows.IsNull(i) ? null : _rows.IsInteger(i) ? _rows.GetInt64(i) : System.Text.Encoding.UTF8.GetString(_rows.GetText(i));
        _key = key;
        _signature = System.Text.Encoding.UTF8.GetString(_rows.GetText(_table.KeyColumns));
    }

    public void Dispose()
    {
        _rows.Dispose();
    }
}
