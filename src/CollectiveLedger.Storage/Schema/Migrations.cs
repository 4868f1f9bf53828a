using System.Reflection;
using System.Data.Common;
using Dapper;

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

    /// <summary>The tables of new books, at the latest version: every SQLite migration in order, or PostgreSQL's schema in one file.</summary>
    public static void Create(DbConnection connection, DbTransaction transaction, Engines.Engine engine)
    {
        if (engine is Engines.PostgresEngine postgres)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"CREATE SCHEMA {postgres.Schema};\n" + PostgresSchema;
            command.ExecuteNonQuery();
            ApplyPostgres(connection, transaction, postgres, PostgresSchemaVersion);
            transaction.Connection!.Execute("INSERT INTO public.cledger_villages (code, name) VALUES (@code, @code) ON CONFLICT (code) DO NOTHING",
                new { code = postgres.Village }, transaction);
        }
        else Apply(connection, transaction, 0);
    }

    /// <exception cref="LedgerOpenException">The books were written by a newer program.</exception>
    public static void RefuseNewer(string db, int version)
    {
        if (version > Latest)
            throw new LedgerOpenException(
                $"{db} 的数据库版本 {version} 比本程序（{Latest}）新，请升级 cledger",
                $"{db} has schema version {version}, newer than this program's {Latest}; upgrade cledger");
    }

    public static void Apply(DbConnection connection, DbTransaction transaction, int fromVersion)
    {
        foreach (var (version, sql) in All.Where(m => m.Version > fromVersion))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql + $"\nPRAGMA user_version = {version};";
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The version <c>postgres/schema.sql</c> is written at; the pairs <c>postgres/NNN-name.sql</c> take a village on from it.</summary>
    public const int PostgresSchemaVersion = 22;

    /// <summary>PostgreSQL's halves of the pairs (<c>postgres/NNN-name.sql</c>, from 023 on), in order.</summary>
    public static readonly IReadOnlyList<(int Version, string Sql)> PostgresPairs = Load(postgres: true);

    /// <summary>
    /// Takes a PostgreSQL village from <paramref name="fromVersion"/> to <see cref="Latest"/>: each pair's PostgreSQL half in
    /// order, then the version in the schema's comment, in the caller's transaction (the village's write lock held).
    /// </summary>
    public static void ApplyPostgres(DbConnection connection, DbTransaction transaction, Engines.PostgresEngine village, int fromVersion)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = string.Concat(PostgresPairs.Where(m => m.Version > fromVersion).Select(m => m.Sql + "\n"))
            + $"COMMENT ON SCHEMA {village.Schema} IS '{Engines.Server.VersionComment(Latest)}';";
        command.ExecuteNonQuery();
    }

    private static List<(int, string)> Load(bool postgres = false)
    {
        var assembly = typeof(Migrations).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal) && n.Contains(PostgresFolder, StringComparison.Ordinal) == postgres
                && !n.EndsWith(PostgresFolder + "schema.sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[(n.IndexOf(postgres ? PostgresFolder : ".Schema.", StringComparison.Ordinal) + (postgres ? PostgresFolder.Length : 8))..];
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
