using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CollectiveLedger.Storage.Engines;

/// <summary>SQLite, the embedded default: one village's books in one file, WAL, BEGIN IMMEDIATE for writers.</summary>
internal sealed class SqliteEngine : Engine
{
    public static readonly SqliteEngine Instance = new();

    public override string Name => "sqlite";

    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    public override DbTransaction BeginRead(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    public override IRowCursor Cursor(DbConnection connection, DbTransaction tx, string sql) => new SqliteCursor((SqliteConnection)connection, sql);

    // One format() call per row builds the text once; %Q stops at a NUL character, the byte length does not.
    public override string Signature(IReadOnlyCollection<string> columns) =>
        $"format('{string.Join(",", columns.Select(_ => "%Q:%d"))}', {string.Join(", ", columns.Select(c => $"{c}, octet_length({c})"))})";

    public override string Contains(string haystack, string needle) => $"instr({haystack}, {needle}) > 0";

    public override string EntryText(string entryColumn, string path) => $"json_extract(CAST({entryColumn} AS TEXT), '{path}')";

    public override string Joined(string expression, string separator) => $"group_concat({expression}, {separator})";

    public override string RandomHex128 => "lower(hex(randomblob(16)))";
}
