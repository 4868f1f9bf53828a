using System.Data.Common;

namespace CollectiveLedger.Storage.Engines;

/// <summary>
/// What differs between the two databases the books can live in: how a connection is opened and its
/// schema made or migrated, how a writer takes the village's one write lock and a reader its snapshot,
/// how verify reads a table fast, and the few SQL spellings that are not common to both. Everything
/// else (every table, query and rule) is one SQL for both: write new SQL that both engines run.
/// </summary>
internal abstract class Engine
{
    /// <summary>"sqlite" or "postgresql", as messages and verify's JSON name it.</summary>
    public abstract string Name { get; }

    /// <summary>A write transaction holding the village's write lock: other writers wait for it; readers do not.</summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>A read-only transaction over one consistent snapshot.</summary>
    public abstract DbTransaction BeginRead(DbConnection connection);

    /// <summary>A forward-only cursor over <paramref name="sql"/> inside <paramref name="tx"/>, for verify's ordered scans.</summary>
    public abstract IRowCursor Cursor(DbConnection connection, DbTransaction tx, string sql);

    /// <summary>
    /// One text per row spelling each of <paramref name="columns"/> as SQLite's printf %Q does (text in
    /// single quotes with '' for ', NULL bare) followed by ':' and its length in bytes (see <see cref="Table"/>).
    /// </summary>
    public abstract string Signature(IReadOnlyCollection<string> columns);

    /// <summary>True when <paramref name="needle"/> occurs in <paramref name="haystack"/> (both SQL expressions).</summary>
    public abstract string Contains(string haystack, string needle);

    /// <summary>The text at <paramref name="path"/> (a JSON path such as <c>$.actor</c>) of an audit entry's bytes.</summary>
    public abstract string EntryText(string entryColumn, string path);

    /// <summary>The non-null values of <paramref name="expression"/> joined by <paramref name="separator"/> (an SQL string literal).</summary>
    public abstract string Joined(string expression, string separator);

    /// <summary>A random 128-bit value as 32 lower-case hex digits.</summary>
    public abstract string RandomHex128 { get; }

    /// <summary>A parameter on <paramref name="command"/>.</summary>
    public static DbParameter Parameter(DbCommand command, string name, object? value = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}

/// <summary>
/// A query's rows read column by column without boxing (verify's ordered scans of the large tables).
/// A text span is valid only until the next <see cref="Read"/>.
/// </summary>
internal interface IRowCursor : IDisposable
{
    int FieldCount { get; }

    /// <summary>Moves to the next row; false after the last, and ever after.</summary>
    bool Read();

    bool IsNull(int column);

    /// <summary>Whether the value is an integer (as opposed to text).</summary>
    bool IsInteger(int column);

    long GetInt64(int column);

    /// <summary>The value as text in UTF-8 (an integer spelled in decimal).</summary>
    ReadOnlySpan<byte> GetText(int column);
}
