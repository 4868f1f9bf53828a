using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Storage.Readers;
using CollectiveLedger.Storage.Schema;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CollectiveLedger.Storage;

/// <summary>
/// One ledger's SQLite database. Writers take the write lock with BEGIN IMMEDIATE (waiting for
/// other writers rather than failing) and append entries and their rows in one transaction, so
/// concurrent processes produce one linear chain. Readers see a consistent snapshot (WAL).
/// The store itself is the write core (create, open, write, the state as of now, the log); the
/// queries are per-feature readers over its connection (<see cref="Books"/>, <see cref="Statements"/>...,
/// in Readers/), and <see cref="Credentials"/> holds the sign-in tables outside the books.
/// </summary>
public sealed partial class LedgerStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;

    private LedgerStore(SqliteConnection connection, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
        Books = new BooksReader(this);
        Statements = new StatementsReader(this);
        Assets = new AssetsReader(this);
        Funds = new FundsReader(this);
        Disclosure = new DisclosureReader(this);
        Notices = new NoticesReader(this);
        Feedback = new FeedbackReader(this);
        Printing = new PrintingReader(this);
        Credentials = new CredentialTables(this);
        Cosignatures = new WitnessCosignatures(this);
    }

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

    /// <summary>The web workspace's sign-in tables (credentials, enrolment codes, verify runs), outside the books.</summary>
    public CredentialTables Credentials { get; }

    /// <summary>The witnesses' cosignatures of the books' checkpoints (Schema/022), outside the books.</summary>
    public WitnessCosignatures Cosignatures { get; }

    public string Path { get; private init; } = "";

    internal SqliteConnection Connection => _connection;

    internal TimeProvider Clock => _clock;

    internal SqliteConnection ConnectionForVerify => _connection;

    /// <summary>Creates a new ledger file with entry 0; refuses to overwrite anything.</summary>
    /// <exception cref="LedgerOpenException">The file exists.</exception>
    /// <param name="then">Entries that follow entry 0 in the same transaction (the settings a new book starts with).</param>
    public static LedgerStore Create(string path, LedgerCreated created, string actor, TimeProvider clock, IReadOnlyList<LedgerEvent>? then = null)
    {
        try
        {
            // Created exclusively: two `init`s racing cannot both think the file is theirs. Owner-only
            // (0600) from the start, as SQLite gives its -wal and -shm files the database's mode: the
            // books hold members' ID card, bank and phone numbers and the users' password hashes.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            new FileStream(path, options).Dispose();
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new LedgerOpenException($"{path} 已存在，不会覆盖", $"{path} already exists; it will not be overwritten");
        }
        var connection = Connect(path, SqliteOpenMode.ReadWrite);
        try
        {
            connection.Execute($"PRAGMA application_id = {Migrations.ApplicationId}; PRAGMA journal_mode = WAL;");
            var store = new LedgerStore(connection, clock) { Path = path };
            store.Write(actor, session =>
            {
                Migrations.Apply(connection, session.Transaction, 0);
                session.Append(created);
                foreach (var e in then ?? []) session.Append(e);
                return 0;
            }, loadState: false);
            return store;
        }
        catch
        {
            connection.Dispose();
            SqliteConnection.ClearAllPools();
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Opens an existing ledger and migrates it forward.</summary>
    /// <exception cref="LedgerOpenException">Missing, not a ledger, or newer than this program.</exception>
    public static LedgerStore Open(string path, TimeProvider clock)
    {
        if (!File.Exists(path))
            throw new LedgerOpenException($"找不到账套数据库 {path}（先运行 cledger init）", $"no ledger database at {path} (run cledger init first)");
        var connection = Connect(path, SqliteOpenMode.ReadWrite);
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
                throw new LedgerOpenException($"{path} 不是 CollectiveLedger 账套数据库", $"{path} is not a CollectiveLedger ledger database");
            if (version > Migrations.Latest)
                throw new LedgerOpenException(
                    $"{path} 的数据库版本 {version} 比本程序（{Migrations.Latest}）新，请升级 cledger",
                    $"{path} has schema version {version}, newer than this program's {Migrations.Latest}; upgrade cledger");
            var store = new LedgerStore(connection, clock) { Path = path };
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

    private static SqliteConnection Connect(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 300, // seconds a writer waits for another writer's lock
        }.ToString());
        connection.Open();
        using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 300000; PRAGMA synchronous = NORMAL;";
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
        using var transaction = _connection.BeginTransaction(deferred: false);
        var state = loadState ? LoadState(transaction) : new LedgerState();
        var head = loadState ? Head(transaction) : null;
        using var session = new WriteSession(_connection, transaction, state, head, actor, _clock);
        var result = work(session);
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
    public T Read<T>(Func<SqliteTransaction, T> read)
    {
        using var transaction = _connection.BeginTransaction(deferred: true);
        return read(transaction);
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>Audit entries from <paramref name="fromSeq"/> on, in order, streamed.</summary>
    public IEnumerable<StoredEntry> Entries(long fromSeq = 0, long limit = long.MaxValue) =>
        _connection.Query<StoredEntry>("SELECT seq AS Seq, hash AS Hash, entry AS Bytes FROM audit_log WHERE seq >= @From ORDER BY seq LIMIT @Limit",
            new { From = fromSeq, Limit = limit }, buffered: false);

    public (long Seq, string Hash)? Head() => Read(Head);

    /// <summary>The last entry, or null for an empty log.</summary>
    internal (long Seq, string Hash)? Head(SqliteTransaction transaction) =>
        _connection.QuerySingleOrDefault<HeadRow>("SELECT seq AS Seq, hash AS Hash FROM audit_log ORDER BY seq DESC LIMIT 1", transaction: transaction)
            is { } head ? (head.Seq, head.Hash) : null;

    private sealed record HeadRow(long Seq, string Hash);

    /// <summary>The register against the voucher lines, from the tables themselves (verify uses it to catch edits of either).</summary>
    internal static IReadOnlyList<RegisterTotal> RegisterTotals(SqliteConnection connection, SqliteTransaction tx) =>
        AssetsReader.RegisterTotals(connection, tx);
}
