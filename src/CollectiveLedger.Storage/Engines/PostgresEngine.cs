using System.Data;
using System.Data.Common;
using System.Text;
using Npgsql;

namespace CollectiveLedger.Storage.Engines;

/// <summary>
/// PostgreSQL: many villages in one database, each its own schema (search_path set on connecting), so
/// each keeps its own log, seq, chain and tables. A writer takes the village's transaction-scoped
/// advisory lock first, so writers of one village queue as on SQLite and writers of two villages do not
/// meet; readers read a REPEATABLE READ snapshot.
/// </summary>
internal sealed class PostgresEngine(string schema, string village, string db) : Engine
{
    public string Schema { get; } = schema;

    /// <summary>The database as <c>--db</c> gave it (with its password, if any): for PostgreSQL's own tools (<see cref="Server.Dump"/>).</summary>
    public string Db { get; } = db;

    public string Village { get; } = village;

    public override string Name => "postgresql";

    public override DbTransaction BeginWrite(DbConnection connection)
    {
        var tx = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT pg_advisory_xact_lock(hashtextextended(@village, 0))";
        Parameter(command, "village", "cledger:" + Schema);
        command.ExecuteNonQuery();
        return tx;
    }

    public override DbTransaction BeginRead(DbConnection connection) => connection.BeginTransaction(IsolationLevel.RepeatableRead);

    public override IRowCursor Cursor(DbConnection connection, DbTransaction tx, string sql) => new PostgresCursor(connection, tx, sql);

    public override string Signature(IReadOnlyCollection<string> columns) =>
        string.Join(" || ',' || ", columns.Select(c =>
            $"coalesce('''' || replace(({c})::text, '''', '''''') || '''', 'NULL') || ':' || coalesce(octet_length(({c})::text), 0)"));

    public override string Contains(string haystack, string needle) => $"strpos({haystack}, {needle}) > 0";

    public override string EntryText(string entryColumn, string path) =>
        $"(convert_from({entryColumn}, 'UTF8')::jsonb #>> '{{{string.Join(",", path.TrimStart('$', '.').Split('.'))}}}')";

    public override string Joined(string expression, string separator) => $"string_agg({expression}, {separator})";

    public override string RandomHex128 => "md5(random()::text || clock_timestamp()::text)";

    /// <summary>
    /// A server-side cursor fetched a batch at a time: one connection runs one command at a time, and
    /// verify reads the log and two tables side by side (and looks rows up between), so no reader may
    /// stay open across a step.
    /// </summary>
    private sealed class PostgresCursor : IRowCursor
    {
        private const int BatchRows = 2000;
        private static long _names;
        private readonly DbConnection _connection;
        private readonly DbTransaction _tx;
        private readonly string _name = "cledger_cursor_" + Interlocked.Increment(ref _names).ToString(System.Globalization.CultureInfo.InvariantCulture);
        private readonly List<object?[]> _rows = new(BatchRows);
        private int _next;
        private bool _exhausted;
        private object?[] _row = [];

        public PostgresCursor(DbConnection connection, DbTransaction tx, string sql)
        {
            _connection = connection;
            _tx = tx;
            using var declare = Command($"DECLARE {_name} NO SCROLL CURSOR FOR {sql}");
            declare.ExecuteNonQuery();
            Fetch();
        }

        public int FieldCount { get; private set; }

        public bool Read()
        {
            if (_next == _rows.Count)
            {
                if (_exhausted) return false;
                Fetch();
                if (_rows.Count == 0) return false;
            }
            _row = _rows[_next++];
            return true;
        }

        private void Fetch()
        {
            _rows.Clear();
            _next = 0;
            using var fetch = Command($"FETCH FORWARD {BatchRows} FROM {_name}");
            using var reader = fetch.ExecuteReader();
            FieldCount = reader.FieldCount;
            // Text is read as its UTF-8 bytes, which is what GetText gives: not decoded into a string to be encoded again.
            var text = new bool[FieldCount];
            for (var i = 0; i < text.Length; i++) text[i] = reader.GetFieldType(i) == typeof(string);
            while (reader.Read())
            {
                var row = new object?[FieldCount];
                for (var i = 0; i < row.Length; i++)
                    row[i] = reader.IsDBNull(i) ? null : text[i] ? reader.GetFieldValue<byte[]>(i) : reader.GetValue(i);
                _rows.Add(row);
            }
            if (_rows.Count < BatchRows) _exhausted = true;
        }

        public bool IsNull(int column) => _row[column] is null;

        public bool IsInteger(int column) => _row[column] is long or int or short;

        public long GetInt64(int column) => Convert.ToInt64(_row[column], System.Globalization.CultureInfo.InvariantCulture);

        public ReadOnlySpan<byte> GetText(int column)
        {
            switch (_row[column])
            {
                case null: return [];
                case byte[] bytes: return bytes;
                case var other:
                    return Encoding.ASCII.GetBytes(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture)!);
            }
        }

        private DbCommand Command(string sql)
        {
            var command = _connection.CreateCommand();
            command.Transaction = _tx;
            command.CommandText = sql;
            return command;
        }

        public void Dispose()
        {
            if (_tx.Connection is null) return; // the transaction has ended, and its cursors with it
            using var close = Command($"CLOSE {_name}");
            close.ExecuteNonQuery();
        }
    }
}
