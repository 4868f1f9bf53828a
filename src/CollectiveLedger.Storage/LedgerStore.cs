using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Storage.Readers;
using CollectiveLedger.Storage.Schema;
using Dapper;
using System.Data.Common;
using CollectiveLedger.Storage.Engines;
using Microsoft.Data.Sqlite;

namespace CollectiveLedger.Storage;

/// <summary>
/// One village's books: a SQLite file (the embedded default) or one village's schema in a PostgreSQL
/// database (<see cref="Server"/>); what differs between the two is in Engines/. Writers take the
/// village's write lock (BEGIN IMMEDIATE; an advisory lock), waiting for other writers rather than
/// failing, and append entries and their rows in one transaction, so concurrent processes produce one
/// linear chain. Readers see a consistent snapshot.
/// The store itself is the write core (create, open, write, the state as of now, the log); the
/// queries are per-feature readers over its connection (<see cref="Books"/>, <see cref="Statements"/>...,
/// in Readers/), and <see cref="Credentials"/> holds the sign-in tables outside the books.
/// </summary>
public sealed partial class LedgerStore : IDisposable
{
    private readonly DbConnection _connection;
    private readonly Engine _engine;
    private readonly TimeProvider _clock;

    private LedgerStore(DbConnection connection, Engine engine, TimeProvider clock)
    {
        _connection = connection;
        _engine = engine;
        _clock = clock;
        Books = new BooksReader(this);
        Statements = new StatementsReader(this);
        Assets = new AssetsReader(this);
        Funds = new FundsReader(this);
        Disclosure = new DisclosureReader(this);
        Notices = new NoticesReader(this);
        Feedback = new FeedbackReader(this);
        Printing = new PrintingReader(this);
        Status = new StatusReader(this);
        Credentials = new CredentialTables(this);
        Cosignatures = new WitnessCosignatures(this);
        Attachments = new AttachmentTables(this);
        Bank = new BankReader(this);
    }

    /// <summary>The files of 原始凭证 kept with the vouchers: attaching them, listing them, their bytes.</summary>
    public AttachmentTables Attachments { get; }

    /// <summary>The postings on bank deposit accounts that statements are matched with (issue 17).</summary>
    public BankReader Bank { get; }

    /// <summary>Vouchers, dimensions, the trial balance, account ledgers, voucher search and audit trails.</summary>
    public BooksReader Books { get; }

    /// <summary>The balance sheet, the income statement and the notes to the statements.</summary>
    public StatementsReader Statements { get; }

    /// <summary>The asset register, herd changes and the register's totals against the voucher lines.</summary>
    public AssetsReader Assets { get; }

    /// <summary>The fund usage report.</summary>
    public FundsReader Funds { get; }

    /// <summary>What a notice shows: items, movements, fund usage, disclosure lines, fund payables, project money, checkpoints.</summary>
    public DisclosureReader Disclosure { get; }

    /// <summary>Notices prepared, reviewed and published, their kept files; publishing a notice.</summary>
    public NoticesReader Notices { get; }

    /// <summary>Feedback on the notices and its answers.</summary>
    public FeedbackReader Feedback { get; }

    /// <summary>What printed vouchers and books read: signatures, general and book ledgers.</summary>
    public PrintingReader Printing { get; }

    /// <summary>One village's status for the township and county views (months, notices, approvals, funds, contracts).</summary>
    public StatusReader Status { get; }

    /// <summary>The web workspace's sign-in tables (credentials, enrolment codes, verify runs), outside the books.</summary>
    public CredentialTables Credentials { get; }

    /// <summary>The witnesses' cosignatures of the books' checkpoints (Schema/022), outside the books.</summary>
    public WitnessCosignatures Cosignatures { get; }

    /// <summary>Where the books are: the SQLite file, or the PostgreSQL address without its password.</summary>
    public string Path { get; private init; } = "";

    /// <summary>The village whose books these are in a PostgreSQL database of many; null for a SQLite file (one village).</summary>
    public string? Village { get; private init; }

    /// <summary>"sqlite" or "postgresql".</summary>
    public string EngineName => _engine.Name;

    internal DbConnection Connection => _connection;

    internal Engine Engine => _engine;

    internal TimeProvider Clock => _clock;

    /// <summary>
    /// Creates new books with entry 0, refusing to overwrite anything: a new SQLite file at
    /// <paramref name="db"/>, or, when <paramref name="db"/> is a PostgreSQL address (<see cref="Server"/>),
    /// the schema of village <paramref name="village"/> in that database.
    /// </summary>
    /// <exception cref="LedgerOpenException">The file or the village exists.</exception>
    /// <param name="then">Entries that follow entry 0 in the same transaction (the settings a new book starts with).</param>
    public static LedgerStore Create(string db, LedgerCreated created, string actor, TimeProvider clock, IReadOnlyList<LedgerEvent>? then = null,
        string? village = null) =>
        CreateWith(db, village, actor, clock, session =>
        {
            session.Append(created);
            foreach (var e in then ?? []) session.Append(e);
        });

    /// <summary>
    /// Creates new books (a file, or a village's schema), applies the schema and runs <paramref name="fill"/>
    /// in the same first write transaction (<see cref="Create"/>: entry 0 and the settings; <see cref="Restore"/>:
    /// a log's entries). If anything fails, nothing is left: there are books, or nothing.
    /// </summary>
    /// <exception cref="LedgerOpenException">The file or the village exists.</exception>
    private static LedgerStore CreateWith(string db, string? village, string actor, TimeProvider clock, Action<WriteSession> fill)
    {
        // On PostgreSQL the schema is made in the transaction that fills it: a failure rolls both back.
        if (Server.IsAddress(db)) return Server.Create(db, village, clock, store => store.Fill(actor, fill));
        if (village is not null) throw Server.NoVillagesInAFile(db);
        CreateOwnerOnly(db);
        var connection = Connect(db, SqliteOpenMode.ReadWrite);
        try
        {
            connection.Execute($"PRAGMA application_id = {Migrations.ApplicationId}; PRAGMA journal_mode = WAL;");
            var store = new LedgerStore(connection, SqliteEngine.Instance, clock) { Path = db };
            store.Fill(actor, fill);
            return store;
        }
        catch
        {
            connection.Dispose();
            Remove(db, null);
            throw;
        }
    }

    /// <summary>The schema of new books and their first entries, in one write transaction.</summary>
    private void Fill(string actor, Action<WriteSession> fill) => Write(actor, session =>
    {
        Migrations.Create(_connection, session.Transaction, _engine);
        fill(session);
        return 0;
    }, loadState: false);

    /// <summary>
    /// Creates an empty file exclusively: two `init`s racing cannot both think the file is theirs.
    /// Owner-only (0600) from the start, as SQLite gives its -wal and -shm files the database's mode:
    /// the books hold members' ID card, bank and phone numbers and the users' password hashes.
    /// </summary>
    /// <exception cref="LedgerOpenException">The file exists.</exception>
    private static void CreateOwnerOnly(string path)
    {
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            new FileStream(path, options).Dispose();
        }
        catch (IOException) when (File.Exists(path))
        {
            throw Exists(path);
        }
    }

    /// <summary>Opens existing books (a SQLite file, or village <paramref name="village"/> of a PostgreSQL database) and migrates them forward.</summary>
    /// <exception cref="LedgerOpenException">Missing, not a ledger, or newer than this program.</exception>
    public static LedgerStore Open(string db, TimeProvider clock, string? village = null)
    {
        if (Server.IsAddress(db)) return Server.Open(db, village, clock);
        if (village is not null) throw Server.NoVillagesInAFile(db);
        if (!File.Exists(db))
            throw new LedgerOpenException($"找不到账套数据库 {db}（先运行 cledger init）", $"no ledger database at {db} (run cledger init first)");
        var connection = Connect(db, SqliteOpenMode.ReadWrite);
        try
        {
            long applicationId;
            int version;
            try
            {
                applicationId = Scalar(connection, "PRAGMA application_id");
                version = (int)Scalar(connection, "PRAGMA user_version");
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 26 /* SQLITE_NOTADB */)
            {
                applicationId = -1;
                version = 0;
            }
            if (applicationId != Migrations.ApplicationId)
                throw new LedgerOpenException($"{db} 不是 CollectiveLedger 账套数据库", $"{db} is not a CollectiveLedger ledger database");
            Migrations.RefuseNewer(db, version);
            var store = new LedgerStore(connection, SqliteEngine.Instance, clock) { Path = db };
            if (version < Migrations.Latest)
            {
                using var tx = connection.BeginTransaction(deferred: false);
                Migrations.Apply(connection, tx, version);
                tx.Commit();
            }
            return store;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    internal static LedgerStore OnServer(DbConnection connection, PostgresEngine engine, TimeProvider clock, string path) =>
        new(connection, engine, clock) { Path = path, Village = engine.Village };

    private static SqliteConnection Connect(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = LockWait.Seconds, // seconds a writer waits for another writer's lock
        }.ToString());
        connection.Open();
        using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {connection.DefaultTimeout * 1000}; PRAGMA synchronous = NORMAL;";
            pragmas.ExecuteNonQuery();
        }
        return connection;
    }

    /// <summary>
    /// A pragma's value. Opening the books goes without Dapper (here and in <see cref="Connect"/>): it is
    /// all a fresh process does before a report's one query, and Dapper's first use costs more than the
    /// report (loading it and its type maps, readers compiled at run time).
    /// </summary>
    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() is long value ? value : 0;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction: BEGIN IMMEDIATE, the state as of now,
    /// appends, COMMIT. If <paramref name="work"/> throws or <see cref="WriteSession.Abandon"/> is
    /// called, nothing is written.
    /// </summary>
    public T Write<T>(string actor, Func<WriteSession, T> work, bool loadState = true)
    {
        using var transaction = _engine.BeginWrite(_connection);
        var state = loadState ? LoadState(transaction) : new LedgerState();
        var head = loadState ? Head(transaction) : null;
        using var session = new WriteSession(_connection, transaction, state, head, actor, _clock);
        var result = work(session);
        session.Flush();
        if (session.Abandoned) transaction.Rollback();
        else transaction.Commit();
        return result;
    }

    /// <summary>
    /// Decides one command against the ledger as it stands inside the write transaction and appends
    /// its event when accepted: the read -> decide -> write of every single-event command.
    /// </summary>
    public Decision Apply(string actor, Func<WriteSession, Decision> decide) => Write(actor, session =>
    {
        var decision = decide(session);
        foreach (var e in decision.Events) session.Append(e);
        return decision;
    });

    /// <summary>Runs <paramref name="read"/> on one consistent snapshot.</summary>
    public T Read<T>(Func<DbTransaction, T> read)
    {
        using var transaction = _engine.BeginRead(_connection);
        return read(transaction);
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>Audit entries from <paramref name="fromSeq"/> on, in order, streamed.</summary>
    public IEnumerable<StoredEntry> Entries(long fromSeq = 0, long limit = long.MaxValue) =>
        _connection.Query<StoredEntry>("SELECT seq AS Seq, hash AS Hash, entry AS Bytes FROM audit_log WHERE seq >= @From ORDER BY seq LIMIT @Limit",
            new { From = fromSeq, Limit = limit }, buffered: false);

    public (long Seq, string Hash)? Head() => Read(Head);

    /// <summary>The last entry, or null for an empty log.</summary>
    internal (long Seq, string Hash)? Head(DbTransaction transaction) =>
        _connection.QuerySingleOrDefault<HeadRow>("SELECT seq AS Seq, hash AS Hash FROM audit_log ORDER BY seq DESC LIMIT 1", transaction: transaction)
            is { } head ? (head.Seq, head.Hash) : null;

    private sealed record HeadRow(long Seq, string Hash);

    /// <summary>The register against the voucher lines, from the tables themselves (verify uses it to catch edits of either).</summary>
    internal static IReadOnlyList<RegisterTotal> RegisterTotals(DbConnection connection, DbTransaction tx) =>
        AssetsReader.RegisterTotals(connection, tx);
}
