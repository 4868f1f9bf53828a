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
