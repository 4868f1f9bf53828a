using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CollectiveLedger.Storage.Schema;

/// <summary>
/// The SQL files of this folder (NNN-name.sql), applied in order of NNN. Versions may have gaps
/// (a number reserved for a change still being written): a database records every file applied
/// in the table <c>schema_migrations</c>, and opening it applies every file of this program not
/// recorded there, so a file with a lower number that arrives later is still applied. <c>PRAGMA
/// user_version</c> holds the highest version applied. Both are outside the books (not projections
/// of the log). A database that recorded a version this program does not have is newer and refused.
/// </summary>
internal static class Migrations
{
    /// <summary>"CLGR": marks a SQLite file as a CollectiveLedger database.</summary>
    public const long ApplicationId = 0x434C4752;

    public static readonly IReadOnlyList<(int Version, string Sql)> All = Load();

    public static int Latest => All[^1].Version;

    private const string CreateRecord = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY) STRICT";

    /// <summary>
    /// The versions a database has applied. Databases from before schema_migrations recorded only
    /// user_version; the files up to it were then applied without gaps.
    /// </summary>
    public static SortedSet<int> Applied(SqliteConnection connection, SqliteTransaction? transaction, int userVersion)
    {
        var recorded = connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'",
            transaction: transaction) > 0;
        return recorded
            ? [.. connection.Query<int>("SELECT version FROM schema_migrations", transaction: transaction)]
            : [.. All.Where(m => m.Version <= userVersion).Select(m => m.Version)];
    }

    /// <summary>Whether the database applied a version this program does not know (it is newer).</summary>
    public static bool HasUnknown(IEnumerable<int> applied, int userVersion) =>
        userVersion > Latest || applied.Any(v => All.All(m => m.Version != v));

    public static bool HasPending(IEnumerable<int> applied) => All.Any(m => !applied.Contains(m.Version));

    public static void Apply(SqliteConnection connection, SqliteTransaction transaction, int userVersion)
    {
        var applied = Applied(connection, transaction, userVersion);
        Execute(connection, transaction, CreateRecord);
        foreach (var version in applied) Execute(connection, transaction, $"INSERT OR IGNORE INTO schema_migrations (version) VALUES ({version})");
        var highest = userVersion;
        foreach (var (version, sql) in All.Where(m => !applied.Contains(m.Version)))
        {
            highest = Math.Max(highest, version);
            Execute(connection, transaction, sql + $"\nINSERT INTO schema_migrations (version) VALUES ({version});\nPRAGMA user_version = {highest};");
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<(int, string)> Load()
    {
        var assembly = typeof(Migrations).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[(n.IndexOf(".Schema.", StringComparison.Ordinal) + 8)..];
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (int.Parse(file[..3], System.Globalization.CultureInfo.InvariantCulture), reader.ReadToEnd());
            })
            .OrderBy(m => m.Item1)
            .ToList();
    }
}
