using Dapper;

namespace CollectiveLedger.Storage.Engines;

/// <summary>
/// Who may see which villages in the township and county views (issue 16's per-village roles): the registry of access,
/// <c>public.cledger_village_access</c> beside the registry of villages, outside every village's books (a directory, like
/// the registry: never in a log). A person is a user name of a village (the home village, where they sign in and hold
/// their roles): "wang" of one village and "wang" of another are two people. A grant lets one person see one village,
/// every village of a township, or every village of a county, including those registered after the grant; it goes with
/// its home village's registry row (a foreign key, ON DELETE CASCADE). A person always sees their home village.
/// Every grant and revoke is also written to <c>public.cledger_village_access_log</c>, in the same transaction, with who
/// did it and when: the grants say who sees what now, the log who could see what when (a revoke leaves its trace there).
/// </summary>
public static partial class Server
{
    private const string AccessTable = """
        CREATE TABLE IF NOT EXISTS public.cledger_village_access (
            home       text COLLATE "C" NOT NULL REFERENCES public.cledger_villages (code) ON DELETE CASCADE ON UPDATE CASCADE,
            user_name  text COLLATE "C" NOT NULL,
            kind       text COLLATE "C" NOT NULL CHECK (kind IN ('village', 'township', 'county')),
            county     text COLLATE "C" NOT NULL,
            scope      text COLLATE "C" NOT NULL,
            granted_by text NOT NULL,
            granted_at text COLLATE "C" NOT NULL,
            PRIMARY KEY (home, user_name, kind, county, scope),
            CHECK ((kind = 'township') = (county <> ''))
        )
        """;

    private const string AccessLogTable = """
        CREATE TABLE IF NOT EXISTS public.cledger_village_access_log (
            id        bigserial PRIMARY KEY,
            home      text COLLATE "C" NOT NULL,
            user_name text COLLATE "C" NOT NULL,
            action    text COLLATE "C" NOT NULL CHECK (action IN ('grant', 'revoke')),
            kind      text COLLATE "C" NOT NULL,
            county    text COLLATE "C" NOT NULL,
            scope     text COLLATE "C" NOT NULL,
            actor     text NOT NULL,
            at        text COLLATE "C" NOT NULL
        )
        """;

    /// <summary>The registry and both access tables, made if missing, before a grant is written or listed.</summary>
    private const string AccessTables = Registry + ";" + AccessTable + ";" + AccessLogTable;

    private const string InsertChange = """
        INSERT INTO public.cledger_village_access_log (home, user_name, action, kind, county, scope, actor, at)
        VALUES (@home, @user, @action, @Kind, @County, @Name, @by, @at)
        """;

    private const string SelectChanges = """
        SELECT user_name AS User, action AS Action, kind AS Kind, county AS County, scope AS Name, actor AS Actor, at AS At
        FROM public.cledger_village_access_log
        WHERE home = @home AND (@user::text IS NULL OR user_name = @user)
        ORDER BY id
        """;

    /// <summary>The villages a person of <c>@home</c> sees: home itself and every registered village one of their grants covers.</summary>
    private const string SelectSeen = """
        SELECT v.code FROM public.cledger_villages v
        WHERE v.code = @home OR EXISTS (
            SELECT 1 FROM public.cledger_village_access a
            WHERE a.home = @home AND a.user_name = @user
              AND ((a.kind = 'village' AND a.scope = v.code)
                OR (a.kind = 'township' AND a.county = v.county AND a.scope = v.township)
                OR (a.kind = 'county' AND a.scope = v.county)))
        """;

    private const string InsertGrant = """
        INSERT INTO public.cledger_village_access (home, user_name, kind, county, scope, granted_by, granted_at)
        VALUES (@home, @user, @Kind, @County, @Name, @by, @at)
        ON CONFLICT DO NOTHING
        """;

    private const string DeleteGrant = """
        DELETE FROM public.cledger_village_access
        WHERE home = @home AND user_name = @user AND kind = @Kind AND county = @County AND scope = @Name
        """;

    private const string SelectGrants = """
        SELECT user_name AS User, kind AS Kind, county AS County, scope AS Name, granted_by AS GrantedBy, granted_at AS GrantedAt
        FROM public.cledger_village_access
        WHERE home = @home AND (@user::text IS NULL OR user_name = @user)
        ORDER BY user_name, kind, county, scope
        """;

    /// <summary>The codes of the villages user <paramref name="user"/> of village <paramref name="home"/> may see now (read afresh on every call: a revoked grant ends at once).</summary>
    /// <remarks>Asked on every request of the workspace: it only reads, and a database where nobody was ever granted anything has no table yet (its home village alone).</remarks>
    public static IReadOnlySet<string> VillagesSeenBy(string db, string home, string user)
    {
        using var connection = Connect(db, "public");
        try
        {
            return connection.Query<string>(SelectSeen, new { home, user }).ToHashSet(StringComparer.Ordinal);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
        {
            return new HashSet<string>(StringComparer.Ordinal) { home };
        }
    }

    /// <summary>Lets <paramref name="user"/> of <paramref name="home"/> (a registered village) see <paramref name="scope"/>; false when they already may.</summary>
    public static bool Grant(string db, string home, string user, AccessScope scope, string by, DateTimeOffset at) =>
        Change(db, InsertGrant, "grant", home, user, scope, by, at);

    /// <summary>Takes back the grant of <paramref name="scope"/> to <paramref name="user"/> of <paramref name="home"/>; false when there was none.</summary>
    public static bool Revoke(string db, string home, string user, AccessScope scope, string by, DateTimeOffset at) =>
        Change(db, DeleteGrant, "revoke", home, user, scope, by, at);

    /// <summary>A grant given or taken back, and, when it changed anything, its line in the access log: one transaction.</summary>
    private static bool Change(string db, string sql, string action, string home, string user, AccessScope scope, string by, DateTimeOffset at)
    {
        using var connection = Connect(db, "public");
        connection.Execute(AccessTables);
        using var tx = connection.BeginTransaction();
        var row = new
        {
            home, user, action, scope.Kind, scope.County, scope.Name, by,
            at = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        var changed = connection.Execute(sql, row, tx) > 0;
        if (changed) connection.Execute(InsertChange, row, tx);
        tx.Commit();
        return changed;
    }

    /// <summary>Every grant and revoke of the people of <paramref name="home"/> (or of <paramref name="user"/> alone), oldest first.</summary>
    public static IReadOnlyList<VillageAccessChange> AccessLog(string db, string home, string? user)
    {
        using var connection = Connect(db, "public");
        connection.Execute(AccessTables);
        return connection.Query<VillageAccessChange>(SelectChanges, new { home, user }).ToList();
    }

    /// <summary>The grants to the people of <paramref name="home"/> (or to <paramref name="user"/> alone), by user and scope.</summary>
    public static IReadOnlyList<VillageGrant> Grants(string db, string home, string? user)
    {
        using var connection = Connect(db, "public");
        connection.Execute(AccessTables);
        return connection.Query<VillageGrant>(SelectGrants, new { home, user }).ToList();
    }
}
