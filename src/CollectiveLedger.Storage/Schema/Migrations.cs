using System.Reflection;
using Microsoft.Data.Sqlite;

namespace CollectiveLedger.Storage.Schema;

/// <summary>
/// The SQL files of this folder, applied in order. A database records the last one applied in
/// <c>PRAGMA user_version</c> (outside the books: not a projection of the log) and is migrated
/// forward when opened; one newer than the program is refused.
/// </summary>
internal static class Migrations
{
    /// <summary>"CLGR": marks a SQLite file as a CollectiveLedger database.</summary>
    public const long ApplicationId = 0x434C4752;

    public static readonly IReadOnlyList<(int Version, string Sql)> All = Load();

    public static int Latest => All[^1].Version;

    /// <summary>Embedded resources under this folder's <c>postgres/</c> are PostgreSQL's, not SQLite migrations.</summary>
    public const string PostgresFolder = ".Schema.postgres.";

    /// <summary>
    /// <c>postgres/schema.sql</c>: a new PostgreSQL village's schema, in effect the SQLite files up to
    /// <see cref="Latest"/> applied in order; run in the village's own schema (first in the search_path).
    /// </summary>
    public static string PostgresSchema => Read(typeof(Migrations).Assembly, typeof(Migrations).Namespace + ".postgres.schema.sql");

    public static void Apply(SqliteConnection connection, SqliteTransaction transaction, int fromVersion)
    {
        foreach (var (version, sql) in All.Where(m => m.Version > fromVersion))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql + $"\nPRAGMA user_version = {version};";
            command.ExecuteNonQuery();
        }
    }

    private static List<(int, string)> Load()
    {
        var assembly = typeof(Migrations).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal) && !n.Contains(PostgresFolder, StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[(n.IndexOf(".Schema.", StringComparison.Ordinal) + 8)..];
                return (int.Parse(file[..3], System.Globalization.CultureInfo.InvariantCulture), Read(assembly, n));
            })
            .OrderBy(m => m.Item1)
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"no embedded resource {resource}"));
        return reader.ReadToEnd();
    }
}
