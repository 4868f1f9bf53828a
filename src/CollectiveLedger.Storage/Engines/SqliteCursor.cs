using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CollectiveLedger.Storage.Engines;

/// <summary>
/// A query stepped with SQLite's own API on the connection, so inside its transaction, with columns
/// read as spans over SQLite's memory. Verify streams the large tables this way: the
/// Microsoft.Data.Sqlite reader allocates for every value, which cost more than SQLite's own work.
/// A span is valid only until the next <see cref="Read"/>.
/// </summary>
internal sealed class SqliteCursor : IRowCursor
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _handle; // the statement's pointer, held (AddRef) for the reader's life: columns are read without SafeHandle bookkeeping
    private bool _done;

    public SqliteCursor(SqliteConnection connection, string sql)
    {
        _connection = connection;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement), connection.Handle);
        var added = false;
        _statement.DangerousAddRef(ref added);
        _handle = _statement.DangerousGetHandle();
        FieldCount = raw.sqlite3_column_count(_statement);
    }

    public int FieldCount { get; }

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

    public bool IsNull(int column) => Native.sqlite3_column_type(_handle, column) == raw.SQLITE_NULL;

    public bool IsInteger(int column) => Native.sqlite3_column_type(_handle, column) == raw.SQLITE_INTEGER;

    public long GetInt64(int column) => Native.sqlite3_column_int64(_handle, column);

    /// <summary>The value as text in UTF-8 (SQLite spells an integer in decimal).</summary>
    public unsafe ReadOnlySpan<byte> GetText(int column)
    {
        var bytes = Native.sqlite3_column_blob(_handle, column); // first the value, then its length, as SQLite asks
        return bytes == IntPtr.Zero ? [] : new ReadOnlySpan<byte>((void*)bytes, Native.sqlite3_column_bytes(_handle, column));
    }

    public void Dispose()
    {
        _statement.DangerousRelease();
        _statement.Dispose();
    }

    /// <summary>
    /// The column accessors of the same native SQLite that SQLitePCL loads (e_sqlite3), called on the
    /// raw statement pointer: verify makes millions of these calls, and through SQLitePCL each one
    /// also counts references on a SafeHandle, which cost more than the call itself. They neither
    /// block nor call back, so the GC transition is skipped too.
    /// </summary>
    private static class Native
    {
        private const string Library = "e_sqlite3";

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
        public static extern int sqlite3_column_type(IntPtr statement, int column);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
        public static extern long sqlite3_column_int64(IntPtr statement, int column);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
        public static extern IntPtr sqlite3_column_blob(IntPtr statement, int column);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
        public static extern int sqlite3_column_bytes(IntPtr statement, int column);
    }
}
