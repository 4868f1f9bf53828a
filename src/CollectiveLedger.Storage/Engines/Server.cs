using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace CollectiveLedger.Storage.Engines;

/// <summary>
/// Books on a PostgreSQL server: one database holds many villages, each in its own schema
/// (<c>village_</c> and its code in lower case), which holds that village's log, tables and
/// triggers and nothing else; <c>public.cledger_villages</c> lists them with their township and county
/// for the township and county views (a directory, outside every village's books). <c>--db</c> takes
/// a <c>postgres://user:password@host:port/database</c> address or Npgsql's <c>Host=...;Database=...</c>.
/// </summary>
public static partial class Server
{
    private const string Registry = """
        CREATE TABLE IF NOT EXISTS public.cledger_villages (
            code     text COLLATE "C" PRIMARY KEY,
            name     text NOT NULL,
            township text COLLATE "C",
            county   text COLLATE "C"
        )
        """;

    /// <summary>Whether <paramref name="db"/> names a PostgreSQL database rather than a SQLite file.</summary>
    public static bool IsAddress(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || db.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Npgsql's connection string for <paramref name="db"/> (an address is turned into keywords).</summary>
    public static string ConnectionString(string db)
    {
        if (!db.Contains("://", StringComparison.Ordinal)) return WithDefaults(new NpgsqlConnectionStringBuilder(db)).ConnectionString;
        var uri = new Uri(db);
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) };
        if (uri.Port > 0) builder.Port = uri.Port;
        if (uri.UserInfo.Split(':', 2) is [var user, ..] && user.Length > 0) builder.Username = Uri.UnescapeDataString(user);
        if (uri.UserInfo.Split(':', 2) is [_, var password]) builder.Password = Uri.UnescapeDataString(password);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            if (pair.Split('=', 2) is [var key, var value]) builder[Uri.UnescapeDataString(key)] = Uri.UnescapeDataString(value);
        return WithDefaults(builder).ConnectionString;
    }

    /// <summary>
    /// Statements a connection keeps prepared on the server once used five times (Npgsql's auto-prepare, off by
    /// default), unless the address says how many itself (0: none, e.g. behind a pooler that cannot keep them): an
    /// import sends the same few inserts thousands of times, and the server then plans each once (measured: its time
    /// for 2,000 vouchers 0.68 s -> 0.57 s). A statement is planned again when the village (search_path) it runs in changes.
    /// </summary>
    private const int AutoPrepared = 64;

    /// <summary>
    /// A connection waits up to a minute to be made (Npgsql's default is 15 s) unless the address says
    /// otherwise: a busy server starting many connections at once (the workspace's sign-in under load) is slow, not gone.
    /// </summary>
    private static NpgsqlConnectionStringBuilder WithDefaults(NpgsqlConnectionStringBuilder builder)
    {
        if (builder.Timeout == 15) builder.Timeout = 60;
        if (!builder.ConnectionString.Replace(" ", "", StringComparison.Ordinal).Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            builder.MaxAutoPrepare = AutoPrepared;
        // A row refused in a batch of many entries' rows is named by its entry (WriteSession): the error says which command.
        builder.IncludeFailedBatchedCommand = true;
        return builder;
    }

    /// <summary>The address as messages show it: host, port and database, never the password.</summary>
    public static string Display(string db)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString(db));
        return $"postgres://{builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>The schema of village <paramref name="code"/>.</summary>
    /// <exception cref="LedgerOpenException">No village given, or a code that cannot name one.</exception>
    public static string SchemaOf(string db, string? code)
    {
        if (string.IsNullOrEmpty(code))
            throw new LedgerOpenException($"{Display(db)} 可存放多个村的账套：请用 --village CODE（或 $CLEDGER_VILLAGE）指明是哪个村",
                $"{Display(db)} holds many villages' books: name one with --village CODE (or $CLEDGER_VILLAGE)");
        if (!VillageCode().IsMatch(code))
            throw new LedgerOpenException($"村代码 '{code}' 只能由字母、数字和 _ 组成（1-40 个）",
                $"the village code '{code}' may hold only letters, digits and _ (1 to 40)");
        return "village_" + code.ToLowerInvariant();
    }

    public static LedgerOpenException NoVillagesInAFile(string db) =>
        new($"{db} 是单个村的 SQLite 账套，不用 --village（或 $CLEDGER_VILLAGE）；多个村的账套放在 PostgreSQL 里",
            $"{db} is one village's SQLite books: --village (or $CLEDGER_VILLAGE) is for a PostgreSQL database of many villages");

    /// <summary>
    /// Registers village <paramref name="code"/> (or changes its name, township and county): where the
    /// township and county views find it. Its books are made by <c>init --village</c>; the registry is a
    /// directory, outside every village's log.
    /// </summary>
    public static void AddVillage(string db, string code, string name, string? township, string? county)
    {
        var schema = SchemaOf(db, code);
        using var connection = Connect(db, schema);
        connection.Execute(Registry);
        connection.Execute("""
            INSERT INTO public.cledger_villages (code, name, township, county) VALUES (@code, @name, @township, @county)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, township = excluded.township, county = excluded.county
            """, new { code, name, township, county });
    }

    /// <summary>The villages of the database, by county, township and code, and whether each has books yet.</summary>
    public static IReadOnlyList<Village> Villages(string db)
    {
        using var connection = Connect(db, "public");
        connection.Execute(Registry);
        return connection.Query<Village>("""
            SELECT v.code AS Code, v.name AS Name, v.township AS Township, v.county AS County,
                   EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = 'village_' || lower(v.code)) AS HasBooks
            FROM public.cledger_villages v
            ORDER BY v.county NULLS FIRST, v.township NULLS FIRST, v.code
            """).ToList();
    }

    /// <summary>Removes the books of village <paramref name="code"/> (its schema) and its registry row: only for books just made that failed their check.</summary>
    internal static void Drop(string db, string? code)
    {
        var schema = SchemaOf(db, code);
        using var connection = Connect(db, "public");
        connection.Execute($"DROP SCHEMA IF EXISTS {schema} CASCADE; DELETE FROM public.cledger_villages WHERE code = @code", new { code });
    }

    /// <summary>The registered villages that have books, as the township and county views open them (one at a time).</summary>
    public static IReadOnlyList<VillageBooks> VillageBooks(string db, TimeProvider clock) =>
        Villages(db).Where(v => v.HasBooks)
            .Select(v => new VillageBooks(v.Code, v.Name, v.Township ?? "", v.County ?? "", () => LedgerStore.Open(db, clock, v.Code)) { Server = db })
            .ToList();

    internal static string VersionComment(int version) => "CollectiveLedger " + version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static LedgerStore Create(string db, string? village, TimeProvider clock, Action<LedgerStore> begin)
    {
        var schema = SchemaOf(db, village);
        var connection = Connect(db, schema);
        try
        {
            if (connection.ExecuteScalar<bool>("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @schema)", new { schema }))
                throw new LedgerOpenException($"村 {village} 的账套已在 {Display(db)} 里，不会覆盖",
                    $"village {village}'s books are already in {Display(db)}; they will not be overwritten");
            connection.Execute(Registry);
            var store = LedgerStore.OnServer(connection, new PostgresEngine(schema, village!, db), clock, Display(db));
            begin(store);
            return store;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    internal static LedgerStore Open(string db, string? village, TimeProvider clock)
    {
        var schema = SchemaOf(db, village);
        var connection = Connect(db, schema);
        try
        {
            // Without Dapper, as Connect: a report's process would load it (and the XML libraries its type maps name) for this alone.
            using var read = new NpgsqlCommand("SELECT coalesce(obj_description(oid, 'pg_namespace'), '') FROM pg_namespace WHERE nspname = @schema", connection)
            {
                Parameters = { new NpgsqlParameter("schema", schema) },
            };
            var comment = read.ExecuteScalar() as string;
            if (comment is null)
                throw new LedgerOpenException($"{Display(db)} 里没有村 {village} 的账套（先运行 cledger init --village {village}）",
                    $"{Display(db)} holds no books of village {village} (run cledger init --village {village} first)");
            if (!comment.StartsWith(VersionComment(0)[..^1], StringComparison.Ordinal)
                || !int.TryParse(comment.AsSpan(VersionComment(0).Length - 1), System.Globalization.CultureInfo.InvariantCulture, out var version))
                throw new LedgerOpenException($"{Display(db)} 的 {schema} 不是 CollectiveLedger 账套", $"{schema} in {Display(db)} is not a CollectiveLedger ledger");
            Schema.Migrations.RefuseNewer($"{Display(db)} {schema}", version);
            var engine = new PostgresEngine(schema, village!, db);
            if (version < Schema.Migrations.Latest) MigrateForward(connection, engine);
            return LedgerStore.OnServer(connection, engine, clock, Display(db));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A village written by an older program taken to this one's version, under the village's write lock (the version read again there: another process may have just done it).</summary>
    private static void MigrateForward(NpgsqlConnection connection, PostgresEngine engine)
    {
        using var tx = engine.BeginWrite(connection);
        var comment = connection.ExecuteScalar<string>("SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = @schema",
            new { schema = engine.Schema }, tx)!;
        var version = int.Parse(comment.AsSpan(VersionComment(0).Length - 1), System.Globalization.CultureInfo.InvariantCulture);
        if (version < Schema.Migrations.Latest) Schema.Migrations.ApplyPostgres(connection, tx, engine, version);
        tx.Commit();
    }

    /// <summary>The process's data source of each address: its connection pool, and how Npgsql meets the server.</summary>
    // Lazy: two threads asking at once make one. A backup's scratch database adds one, for the short life of its process.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<NpgsqlDataSource>> Sources = new(StringComparer.Ordinal);

    /// <remarks>
    /// The books use PostgreSQL's built-in types only, so Npgsql need not read the server's type catalogue at
    /// each new process's first connection (measured: 16 ms of a 0.16 s trial balance).
    /// </remarks>
    private static NpgsqlDataSource NewSource(string connectionString) =>
        new NpgsqlDataSourceBuilder(connectionString).ConfigureTypeLoading(types => types.EnableTypeLoading(false)).Build();

    private static NpgsqlConnection Connect(string db, string schema)
    {
        var lockWait = LockWait.Seconds;
        var connection = Sources.GetOrAdd(ConnectionString(db), address => new Lazy<NpgsqlDataSource>(() => NewSource(address))).Value.CreateConnection();
        try
        {
            connection.Open();
            // A writer waits for another writer of its village as long as a SQLite writer does (busy_timeout).
            using var set = new NpgsqlCommand($"SET search_path TO {schema}; SET lock_timeout = '{lockWait}s'", connection);
            set.ExecuteNonQuery();
            return connection;
        }
        catch (NpgsqlException e)
        {
            connection.Dispose();
            throw new LedgerOpenException($"无法连接 PostgreSQL 数据库 {Display(db)}：{e.Message}", $"cannot connect to the PostgreSQL database {Display(db)}: {e.Message}");
        }
    }

    /// <summary>
    /// Dumps village <paramref name="village"/> of <paramref name="db"/> with <c>pg_dump --schema</c> (one consistent
    /// snapshot while others write) into <paramref name="path"/> (a plain SQL file, made owner-only by the caller),
    /// then loads the dump into a scratch database with <c>psql</c>, runs <paramref name="verify"/> on the village
    /// there, and drops the scratch database whatever happens. The dump is what <c>psql -d DATABASE -f FILE</c>
    /// restores into a database that has no such village yet.
    /// </summary>
    /// <exception cref="LedgerOpenException">pg_dump or psql is missing or fails, or the scratch database cannot be made.</exception>
    internal static T Dump<T>(string db, string village, string path, TimeProvider clock, Func<LedgerStore, T> verify)
    {
        var schema = SchemaOf(db, village);
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString(db));
        RunTool("pg_dump", builder, builder.Database!, "--format=plain", "--no-owner", "--no-privileges", "--schema=" + schema, "--file=" + path);
        var scratch = "cledger_scratch_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        try
        {
            using var admin = Connect(db, "public");
            admin.Execute($"CREATE DATABASE {scratch}");
        }
        catch (PostgresException e) when (!ConnectionLost(e))
        {
            throw new LedgerOpenException($"无法建立临时数据库来校验备份（数据库用户需要 CREATEDB 权限）：{e.MessageText}",
                $"cannot make a scratch database to verify the dump in (the database user needs CREATEDB): {e.MessageText}");
        }
        var scratchDb = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Database = scratch, Pooling = false }.ConnectionString;
        try
        {
            RunTool("psql", builder, scratch, "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "--file=" + path);
            using var copy = Open(scratchDb, village, clock);
            return verify(copy);
        }
        finally
        {
            using var admin = Connect(db, "public");
            admin.Execute($"DROP DATABASE IF EXISTS {scratch} WITH (FORCE)");
        }
    }

    /// <summary>Runs PostgreSQL's <paramref name="tool"/> against <paramref name="database"/> on the server of <paramref name="server"/> (the password through the environment).</summary>
    private static void RunTool(string tool, NpgsqlConnectionStringBuilder server, string database, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = database;
        if (server.Username is { } user) start.Environment["PGUSER"] = user;
        if (server.Password is { } password) start.Environment["PGPASSWORD"] = password;
        System.Diagnostics.Process process;
        try
        {
            process = System.Diagnostics.Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new LedgerOpenException($"找不到 PostgreSQL 的 {tool}：请安装 postgresql-client", $"PostgreSQL's {tool} is not found: install postgresql-client");
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new LedgerOpenException($"{tool} 失败（退出码 {process.ExitCode}）：{stderr.Result.Trim()}",
                    $"{tool} failed (exit {process.ExitCode}): {stderr.Result.Trim()}");
        }
    }

    /// <summary>Whether <paramref name="e"/> says the server went away (restarted, shut down, unreachable), which rolls back what was being written.</summary>
    public static bool ConnectionLost(Exception e) => e switch
    {
        PostgresException p => p.SqlState is "57P01" or "57P02" or "57P03" or "53300", // admin or crash shutdown, starting up, too many connections
        NpgsqlException => true, // no answer: the socket closed or timed out
        _ => false,
    };

    [GeneratedRegex("^[A-Za-z0-9_]{1,40}$")]
    private static partial Regex VillageCode();
}
