using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Transactions;
using System.Data.Common;

namespace CollectiveLedger.Storage;

/// <summary>
/// The one way to change a ledger: <see cref="Append"/> turns an event into the next audit entry
/// and inserts it together with its projection rows, inside the caller's write transaction, and
/// applies it to <see cref="State"/> so the next decision sees it. Insert commands are prepared
/// once per session and reused: the bulk import path runs through here.
/// </summary>
public sealed class WriteSession : ILedgerSession, IDisposable
{
    private const string EntryHead = "INSERT INTO audit_log (seq, hash, entry) VALUES ";
    private const string InsertEntry = EntryHead + "(@p0, @p1, @p2)";

    private readonly DbConnection _connection;
    private readonly string _actor;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<string, DbCommand> _commands = [];
    private readonly DbTransaction _transaction;
    private long _nextSeq;
    private string _prev;
    // On a server: the rows of the entries appended since the last round trip, in order, and how many entries.
    private readonly List<WaitingRow> _waiting = [];
    private int _waitingEntries;
    // The batch sent last, while the server stores it.
    private (Task Stored, Sending Sending)? _sent;
    // The refs of the books' vouchers, read once an import has asked FindRef a few times, and kept as vouchers are appended.
    private HashSet<string>? _refs;

    internal WriteSession(DbConnection connection, DbTransaction transaction, LedgerState state, (long Seq, string Hash)? head,
        string actor, TimeProvider clock)
    {
        _connection = connection;
        _transaction = transaction;
        State = state;
        _actor = actor;
        // One instant for the whole transaction: the day a rule decides with (Today) is the day of
        // every entry's time, which is what replay decides with again. Read twice, a write at
        // midnight in China could record a date its own entry's time contradicts.
        _now = clock.GetUtcNow();
        _nextSeq = head is { } h ? h.Seq + 1 : 0;
        _prev = head?.Hash ?? Sha256Hex.Zero;
    }

    /// <summary>
    /// The write transaction, for a reader or writer beside the session: asking for it first sends the rows
    /// still waiting (<see cref="Flush"/>), so whoever uses it sees every entry appended so far.
    /// </summary>
    internal DbTransaction Transaction
    {
        get
        {
            Flush();
            return _transaction;
        }
    }

    /// <summary>Who acts: the actor of every entry this session appends.</summary>
    public string Actor => _actor;

    /// <summary>The ledger as of the last append: decide against this.</summary>
    public LedgerState State { get; }

    /// <summary>Today in the ledger's time zone, for date rules: the day of the session's one instant.</summary>
    public DateOnly Today => Core.Periods.ChinaTime.Today(_now);

    public bool Abandoned { get; private set; }

    public int Appended { get; private set; }

    /// <summary>Roll everything back at the end of the transaction (dry runs, rejected files).</summary>
    public void Abandon() => Abandoned = true;

    private const string RefExists = "SELECT 1 FROM vouchers WHERE ref = @p0";
    private const string AllRefs = "SELECT ref FROM vouchers WHERE ref IS NOT NULL";
    private static readonly int RefColumn = Array.IndexOf(Table.Vouchers.Columns, "ref");
    private const int RefLookupsBeforeAll = 8;
    private int _refLookups;

    /// <summary>
    /// The voucher carrying <paramref name="reference"/>, including ones appended earlier in this
    /// transaction; only a ref that exists loads its voucher. A form's one voucher asks the index about its
    /// ref; an import asks once a voucher, so from its ninth the books' refs are read in one query and the
    /// common answer (no such ref) is found among them (on a server, a round trip a voucher saved).
    /// </summary>
    public PostedRef? FindRef(string reference)
    {
        if (_refs is null && ++_refLookups > RefLookupsBeforeAll)
        {
            var refs = new HashSet<string>(StringComparer.Ordinal);
            using (var reader = Command(AllRefs, []).ExecuteReader())
                while (reader.Read()) refs.Add(reader.GetString(0));
            _refs = refs;
        }
        var posted = _refs?.Contains(reference) ?? Command(RefExists, [reference]).ExecuteScalar() is not null;
        return posted ? Readers.VoucherRows.FindRef(_connection, Transaction, reference) : null;
    }

    /// <summary>A posted voucher as of now, inside this transaction.</summary>
    public StoredVoucher? FindVoucher(Core.Vouchers.VoucherKey key) => Readers.VoucherRows.Find(_connection, Transaction, key);

    /// <summary>The postings on bank accounts <paramref name="accounts"/> dated <paramref name="from"/> to <paramref name="to"/>, inside this transaction.</summary>
    public IReadOnlyList<Core.Bank.BankPosting> BankPostings(IReadOnlyCollection<string> accounts, DateOnly from, DateOnly to) =>
        Readers.BankReader.Postings(_connection, Transaction, accounts, from, to);

    /// <summary>The voucher line <paramref name="key"/> as a posting (null when there is none, or it is an opening voucher's), inside this transaction.</summary>
    public Core.Bank.BankPosting? BankPosting(Core.Bank.PostingKey key) => Readers.BankReader.Find(_connection, Transaction, key);

    void ILedgerSession.Append(LedgerEvent e) => Append(e);

    /// <remarks>
    /// An event of a kind that holds personal data gets a fresh random salt here, the one place every
    /// entry is written (audit-log.md 14): the rules decide events without one, so replay compares them without it.
    /// </remarks>
    public AuditEntry Append(LedgerEvent e)
    {
        if (e.Salt is null && EventKinds.Named(e.Kind) is { HoldsPersonalData: true })
            e = e with { Salt = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)) };
        return Insert(AuditEntry.Create(_nextSeq, _prev, _now, _actor, e), e);
    }

    /// <summary>
    /// Appends an entry made elsewhere, as its exact bytes (<see cref="LedgerStore.Restore"/>: books rebuilt
    /// from an exported log), with the rows of its event inserted as <see cref="Append"/> inserts them. Its
    /// time, actor and salt are its own, so its hash, and the head, are the ones it had.
    /// </summary>
    /// <exception cref="FormatException">
    /// The bytes are not a canonical entry, or not the next entry of this chain (its seq, its prev). The
    /// caller checks the file first and names the line (LogFileVerifier); this holds the chain when appending too.
    /// </exception>
    /// <param name="files">
    /// The bytes of a file of 原始凭证 by its SHA-256, for an attachment.added entry (the log records the file, not
    /// its bytes); null when none are given. A file not given, or given with other bytes, throws
    /// <see cref="InvalidOperationException"/>: books without the files their entries record do not verify.
    /// </param>
    public AuditEntry AppendEntry(byte[] bytes, Func<string, byte[]?>? files = null)
    {
        var parsed = ParsedEntry.Parse(bytes);
        if (parsed.Seq != _nextSeq || parsed.Prev != _prev)
            throw new FormatException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"entry {parsed.Seq} does not follow entry {_nextSeq - 1}: the next entry is {_nextSeq} with prev {_prev}"));
        if (parsed.V != AuditEntry.Version || !Core.Periods.IsoDate.TryParseTimestamp(parsed.Time, out var time)
            || !AuditEntry.EncodesTo(parsed.Seq, parsed.Prev, time, parsed.Actor, parsed.Event, bytes))
            throw new FormatException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"entry {parsed.Seq} is not canonical"));
        if (parsed.Event is AttachmentAdded attached)
        {
            var file = files?.Invoke(attached.Sha256) ?? throw new InvalidOperationException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"entry {parsed.Seq} records the file {attached.Sha256} ({attached.FileName}), which was not given"));
            StoreFile(attached.Sha256, file);
        }
        return Insert(new AuditEntry(parsed.Seq, bytes, Sha256Hex.Of(bytes)), parsed.Event);
    }

    private const string InsertFile = "INSERT INTO attachment_files (sha256, bytes) VALUES (@p0, @p1) ON CONFLICT (sha256) DO NOTHING";

    /// <summary>
    /// Keeps the bytes of a file of 原始凭证 (attachment_files, Schema/023) in this transaction, before the
    /// attachment.added entry that records it; a file kept already (the same bytes on another voucher) is kept once.
    /// </summary>
    /// <exception cref="InvalidOperationException">The bytes do not hash to <paramref name="sha256"/>.</exception>
    public void StoreFile(string sha256, byte[] bytes)
    {
        if (Sha256Hex.Of(bytes) != sha256)
            throw new InvalidOperationException($"the bytes given for the file {sha256} hash to {Sha256Hex.Of(bytes)}");
        Execute(InsertFile, [sha256, bytes]);
    }

    /// <summary>The one insert path: the entry, the rows its event declares, the state.</summary>
    private AuditEntry Insert(AuditEntry entry, LedgerEvent e)
    {
        InsertRows(entry, e);
        State.Apply(e);
        _nextSeq++;
        _prev = entry.Hash;
        Appended++;
        return entry;
    }

    private void Execute(string sql, object?[] values) => Command(sql, values).ExecuteNonQuery();

    /// <summary>
    /// An entry's rows: on a SQLite file, where a statement is a call and not a round trip, each by its
    /// prepared command, refused (if the schema refuses one) here, with its entry; on a server (PostgreSQL),
    /// kept to go in one round trip with the rows of up to <see cref="EntriesPerRoundTrip"/> entries
    /// (<see cref="Flush"/>), which is most of what a server import costs.
    /// </summary>
    private void InsertRows(AuditEntry entry, LedgerEvent e)
    {
        object?[] entryRow = [entry.Seq, entry.Hash, entry.Bytes];
        var server = _connection.CanCreateBatch;
        // A reversal stays out of runs: its reference to the voucher it reverses, checked at the end of a statement,
        // would find a voucher posted after it in the same statement, which row by row is refused.
        var inRun = e is VoucherPosted { Voucher.Reverses: null };
        InsertRow(server, new WaitingRow(EntryHead, InsertEntry, entryRow, entry.Seq, inRun));
        foreach (var row in Projection.RowsFor(entry.Seq, e))
        {
            // A voucher's ref, once known to FindRef, stays known as its voucher is appended.
            if (_refs is not null && row.Table == Table.Vouchers && row.Values[RefColumn] is string reference) _refs.Add(reference);
            InsertRow(server, new WaitingRow(row.Table.InsertHead, row.Table.Insert, row.Values, entry.Seq, inRun));
        }
        if (server && ++_waitingEntries >= EntriesPerRoundTrip) Send();
    }

    /// <summary>One row: on SQLite executed at once by its prepared command, on a server kept for the next round trip.</summary>
    private void InsertRow(bool server, WaitingRow row)
    {
        if (server) _waiting.Add(row);
        else Execute(row.Sql, row.Values);
    }

    /// <summary>
    /// A row waiting for a server: the insert of its table up to the rows (<see cref="Table.InsertHead"/>) and with
    /// one row's parameters, its values, its entry's seq, and whether its entry is one of a run of entries whose rows
    /// go by one statement per table (<see cref="Take"/>).
    /// </summary>
    private readonly record struct WaitingRow(string Head, string Sql, object?[] Values, long Seq, bool InRun);

    /// <summary>
    /// A batch on its way: its commands with the seq of each one's entry (<see cref="ManyEntries"/> for a statement of
    /// many entries' rows, <see cref="NoEntry"/> for the savepoint around them), and the rows it was made of.
    /// </summary>
    private sealed record Sending(DbBatch Batch, long[] Seqs, WaitingRow[] Rows);

    private const long ManyEntries = -1;
    private const long NoEntry = -2;
    private const string Savepoint = "cledger_rows";

    /// <summary>Entries whose rows go to a server in one round trip: with a hundred, the round trips are a small part of an import (the rows of 2,000 vouchers in 20).</summary>
    private const int EntriesPerRoundTrip = 100;

    /// <summary>
    /// Sends the rows waiting for the server, if any, and waits until the server has them: before anything
    /// else reads or writes in the transaction (<see cref="Transaction"/>), and before the end (commit or rollback).
    /// Synchronously: a write of one form's voucher holds no second thread.
    /// </summary>
    /// <exception cref="EntryRefusedException">The server refused a row: named by its entry. Nothing is written.</exception>
    internal void Flush()
    {
        Settle();
        if (Take() is { } taken) Stored(taken, () => taken.Batch.ExecuteNonQuery());
    }

    /// <summary>
    /// Sends the rows waiting, without waiting for the server to store them: the session goes on deciding
    /// and hashing the next entries meanwhile, and the server's time and the program's overlap. A connection
    /// runs one command at a time, so the batch sent before is settled first.
    /// </summary>
    private void Send()
    {
        Settle();
        if (Take() is not { } taken) return;
        _sent = (taken.Batch.ExecuteNonQueryAsync(), taken);
    }

    /// <summary>
    /// The rows waiting, as a batch in the transaction; null when none wait. A run of two or more voucher entries
    /// that reverse nothing (an import's, a restore's) goes as one statement per table, its rows in the entries'
    /// order (audit_log, vouchers, voucher_lines), for a server's work of three statements instead of a few hundred.
    /// The books end as they would row by row: a row trigger sees the rows its statement inserted before it, as it
    /// would see them inserted by earlier statements; the rules of a voucher's rows read only tables a run of them
    /// does not write (ledger, years, closed periods, accounts) or their own voucher, inserted by the statement
    /// before; and the one reference between rows of one table, a reversal's to the voucher it reverses, is kept out
    /// (checked at the statement's end, it would find a voucher posted after it). Such a batch is inside a savepoint,
    /// so that a refusal can be found by its entry (<see cref="Stored"/>). Any other entry's rows go one per statement.
    /// </summary>
    private Sending? Take()
    {
        if (_waiting.Count == 0) return null;
        var rows = _waiting.ToArray();
        _waiting.Clear();
        _waitingEntries = 0;
        var batch = _connection.CreateBatch();
        batch.Transaction = _transaction;
        var seqs = new List<long>();
        for (var i = 0; i < rows.Length;)
        {
            var end = i;
            while (end < rows.Length && rows[end].InRun) end++;
            if (end == i || rows[i].Seq == rows[end - 1].Seq)
            {
                // Not in a run, or a run of one entry: each row its own statement.
                for (end = Math.Max(end, i + 1); i < end; i++)
                {
                    Add(batch, rows[i].Sql, rows[i].Values, named: true);
                    seqs.Add(rows[i].Seq);
                }
                continue;
            }
            foreach (var table in rows[i..end].GroupBy(r => r.Head))
                foreach (var statement in table.Chunk(RowsPerStatement(table.First().Values.Length)))
                {
                    Add(batch, table.Key, [.. statement.SelectMany(r => r.Values)], named: false, statement.Length);
                    seqs.Add(ManyEntries);
                }
            i = end;
        }
        if (seqs.Contains(ManyEntries))
        {
            Add(batch, "SAVEPOINT " + Savepoint, [], named: true, index: 0);
            seqs.Insert(0, NoEntry);
            Add(batch, "RELEASE SAVEPOINT " + Savepoint, [], named: true);
            seqs.Add(NoEntry);
        }
        return new Sending(batch, [.. seqs], rows);
    }

    /// <summary>Rows of <paramref name="columns"/> values in one statement: a statement's parameters number at most 65,535.</summary>
    private static int RowsPerStatement(int columns) => Math.Min(1000, ushort.MaxValue / columns);

    /// <summary>Waits for the batch sent last, if any.</summary>
    private void Settle()
    {
        if (_sent is not { } sent) return;
        _sent = null;
        Stored(sent.Sending, () => sent.Stored.GetAwaiter().GetResult());
    }

    /// <summary>
    /// Waits for <paramref name="sending"/> by <paramref name="wait"/>. An error of one of its commands that is the
    /// server refusing a row (not a lock, a lost server or a shortage, which the command line reports as they
    /// are) is named by the command's entry: the batch may have gone a hundred entries after it. A statement of
    /// many entries' rows refused is undone to the batch's savepoint and its rows are sent again one per statement:
    /// the one refused again names its entry.
    /// </summary>
    private void Stored(Sending sending, Action wait)
    {
        try
        {
            wait();
        }
        catch (DbException e) when (Refused(e, sending.Batch) is var i and >= 0 && sending.Seqs[i] != NoEntry)
        {
            if (sending.Seqs[i] != ManyEntries) throw new EntryRefusedException(sending.Seqs[i], e);
            OneByOne(sending.Rows);
        }
        finally
        {
            sending.Batch.Dispose();
        }
    }

    /// <summary>The index in <paramref name="batch"/> of the command whose row the server refused; -1 when <paramref name="e"/> is no refusal of a row.</summary>
    private static int Refused(DbException e, DbBatch batch) =>
        !Engines.LockWait.IsBusy(e) && !Engines.Server.ConnectionLost(e) && e.BatchCommand is { } failed ? batch.BatchCommands.IndexOf(failed) : -1;

    /// <summary>
    /// After a statement of many entries' rows was refused: back to the savepoint before the batch, and its rows again
    /// one per statement. The row refused again names its entry. Should every row be taken (what the statement of many
    /// refused, the rows one by one do not), the books are as the batch meant them, and the savepoint is released.
    /// </summary>
    /// <exception cref="EntryRefusedException">The server refused a row again.</exception>
    private void OneByOne(WaitingRow[] rows)
    {
        using var batch = _connection.CreateBatch();
        batch.Transaction = _transaction;
        Add(batch, "ROLLBACK TO SAVEPOINT " + Savepoint, [], named: true);
        foreach (var row in rows) Add(batch, row.Sql, row.Values, named: true);
        Add(batch, "RELEASE SAVEPOINT " + Savepoint, [], named: true);
        try
        {
            batch.ExecuteNonQuery();
        }
        catch (DbException e) when (Refused(e, batch) is var i and >= 1 && i <= rows.Length)
        {
            throw new EntryRefusedException(rows[i - 1].Seq, e);
        }
    }

    /// <summary>
    /// Adds a command to <paramref name="batch"/>: <paramref name="sql"/> with its parameters <c>@p0</c>, <c>@p1</c>...
    /// (<paramref name="named"/>), or <paramref name="sql"/> as a table's insert head followed by <paramref name="rows"/>
    /// rows of positional parameters ($1, $2...: no names for the driver to rewrite in a statement of thousands).
    /// </summary>
    private static void Add(DbBatch batch, string sql, object?[] values, bool named, int rows = 1, int index = -1)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = named ? sql : RowsSql(sql, values.Length / rows, rows);
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            if (named) parameter.ParameterName = "@p" + i;
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        if (index < 0) batch.BatchCommands.Add(command);
        else batch.BatchCommands.Insert(index, command);
    }

    /// <summary><paramref name="head"/> and <paramref name="rows"/> rows of <paramref name="columns"/> positional parameters: "($1, $2), ($3, $4)".</summary>
    private static string RowsSql(string head, int columns, int rows)
    {
        var sql = new System.Text.StringBuilder(head, head.Length + rows * columns * 7);
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
                sql.Append(c == 0 ? "$" : ", $").Append(r * columns + c + 1);
            sql.Append(')');
        }
        return sql.ToString();
    }

    /// <summary>The prepared command for <paramref name="sql"/> (made once per session), with its parameters set.</summary>
    private DbCommand Command(string sql, object?[] values)
    {
        Flush();
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++) Engines.Engine.Parameter(command, "@p" + i);
            command.Prepare();
            _commands[sql] = command;
        }
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }

    public void Dispose()
    {
        // Left by an exception: the batch on its way is let finish before the transaction rolls back; its own
        // error, if any, no longer matters (the exception that left is the one reported).
        if (_sent is { } sent)
        {
            try
            {
                sent.Stored.Wait();
            }
            catch (AggregateException)
            {
            }
            sent.Sending.Batch.Dispose();
        }
        foreach (var command in _commands.Values) command.Dispose();
    }
}
