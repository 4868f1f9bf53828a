using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// A query stepped with SQLite's own API on the connection, so inside its transaction, with columns
/// read as spans over SQLite's memory. Verify streams the large tables this way: the
/// Microsoft.Data.Sqlite reader allocates for every value, which cost more than SQLite's own work.
/// A span is valid only until the next <see cref="Read"/>.
/// </summary>
internal sealed class RawReader : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    private bool _done;

    public RawReader(SqliteConnection connection, string sql)
    {
        _connection = connection;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement), connection.Handle);
    }

    public int FieldCount => raw.sqlite3_column_count(_statement);

    /// <summary>Moves to the next row; false after the last, and ever after. Throws <see cref="SqliteException"/> when SQLite fails.</summary>
    public bool Read()
    {
        if (_done) return false; // stepping a finished statement would run the query again from the start
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW) return true;
        _done = true;
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        return false;
    }

    /// <summary>The value's storage class: <c>raw.SQLITE_NULL</c>, <c>SQLITE_INTEGER</c>, <c>SQLITE_TEXT</c>...</summary>
    public int TypeOf(int column) => raw.sqlite3_column_type(_statement, column);

    public long GetInt64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>The value as text in UTF-8 (SQLite spells an integer in decimal).</summary>
    public ReadOnlySpan<byte> GetText(int column) => raw.sqlite3_column_blob(_statement, column);

    public void Dispose() => _statement.Dispose();
}
