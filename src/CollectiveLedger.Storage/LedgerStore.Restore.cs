using CollectiveLedger.Core.Audit;
using CollectiveLedger.Storage.Verification;
using CollectiveLedger.Storage.Engines;
using Microsoft.Data.Sqlite;

namespace CollectiveLedger.Storage;

/// <summary>
/// Moving books: new books rebuilt from an exported log (<see cref="Restore"/>), and an online copy of
/// these books (<see cref="Backup"/>). Either is verified before it is left in place. The tables outside
/// the books (<see cref="Table.OutsideTheBooks"/>) are not in the log: a restore starts them empty.
/// </summary>
public sealed partial class LedgerStore
{
    /// <summary>How many entries pass between two reports of <see cref="Restore"/>'s progress.</summary>
    private const int RestoreProgressEvery = 1000;

    /// <summary>
    /// Makes new books at <paramref name="path"/> from a full log's entries, in order from entry 0, each
    /// its exact bytes (same time, actor and salt: the same hashes and head), appended with its
    /// projection rows through the write path (<see cref="WriteSession.AppendEntry"/>) in one transaction,
    /// then verified as <c>cledger verify</c> does (<see cref="LedgerVerifier"/>). When anything fails, or
    /// verify finds an integrity problem, nothing is left at <paramref name="path"/>; books with
    /// reconciliation problems only are kept (the log's own books had them too) and the report says so.
    /// </summary>
    /// <param name="entries">The log's lines, each an entry's bytes without its line feed; checked by the caller first (LogFileVerifier names the line).</param>
    /// <exception cref="LedgerOpenException">Something exists at <paramref name="path"/>; it is left as it was.</exception>
    /// <exception cref="EntryRefusedException">An entry cannot be stored; nothing is left.</exception>
    /// <param name="village">The village, when <paramref name="path"/> is a PostgreSQL database.</param>
    /// <param name="files">
    /// The files of 原始凭证 by their SHA-256 (<c>restore --attachments DIR</c>): the log records them but does not hold
    /// them. An attachment.added entry whose file is not given, or not with those bytes, refuses the restore
    /// (<see cref="EntryRefusedException"/>): books without the files their log records would not verify.
    /// </param>
    public static VerifyReport Restore(string path, IEnumerable<byte[]> entries, TimeProvider clock, IProgress<long>? progress = null, string? village = null,
        Func<string, byte[]?>? files = null)
    {
        var store = CreateWith(path, village, "restore", clock, session =>
        {
            foreach (var bytes in entries)
            {
                try
                {
                    session.AppendEntry(bytes, files);
                }
                catch (Exception e) when (e is System.Data.Common.DbException or FormatException or System.Text.Json.JsonException
                                              or InvalidOperationException or KeyNotFoundException or ArgumentException)
                {
                    // A log whose chain holds (re-chained by hand) can still hold an entry the books refuse:
                    // a constraint of the schema, an event the state cannot take. Named by its place in the log.
                    throw new EntryRefusedException(session.Appended, e);
                }
                if (session.Appended % RestoreProgressEvery == 0) progress?.Report(session.Appended);
            }
        });
        var verified = false;
        try
        {
            VerifyReport report;
            using (store) report = LedgerVerifier.Verify(store, [], progress);
            verified = report.IntegrityFound == 0;
            return report;
        }
        finally
        {
            if (!verified) Remove(path, village);
        }
    }

    /// <summary>
    /// Copies these books to <paramref name="path"/> while others may go on writing (SQLite's online
    /// backup; on PostgreSQL <c>pg_dump</c> of the village's schema as a plain SQL file: one consistent
    /// snapshot), into a new owner-only file under a temporary name that is verified
    /// (<see cref="LedgerVerifier"/>; a dump once loaded into a scratch database) and only then renamed to <paramref name="path"/>. A copy
    /// with integrity problems is removed and its report returned; one with reconciliation problems only
    /// is kept, as it is a faithful copy of books that have them.
    /// </summary>
    /// <exception cref="LedgerOpenException"><paramref name="path"/> exists; nothing is written.</exception>
    /// <exception cref="LedgerOpenException">On PostgreSQL: pg_dump or psql is missing or fails, or no scratch database can be made.</exception>
    public VerifyReport Backup(string path, IProgress<long>? progress = null)
    {
        if (File.Exists(path)) throw Exists(path);
        var temporary = path + ".tmp-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        CreateOwnerOnly(temporary);
        try
        {
            VerifyReport report;
            if (_connection is SqliteConnection sqlite)
            {
                using (var copy = Connect(temporary, SqliteOpenMode.ReadWrite)) sqlite.BackupDatabase(copy);
                using (var copy = Open(temporary, _clock)) report = LedgerVerifier.Verify(copy, [], progress);
            }
            else if (_engine is PostgresEngine server)
            {
                // One village's schema dumped by pg_dump, loaded into a scratch database and verified there.
                report = Server.Dump(server.Db, server.Village, temporary, _clock, copy => LedgerVerifier.Verify(copy, [], progress));
            }
            else throw new InvalidOperationException("books of an engine without a backup");
            // Closed: SQLite has folded its WAL into the file and removed it; the rename never replaces a file.
            if (report.IntegrityFound == 0)
            {
                try { File.Move(temporary, path, overwrite: false); }
                catch (IOException) when (File.Exists(path)) { throw Exists(path); }
            }
            return report;
        }
        finally
        {
            Remove(temporary, null);
        }
    }

    /// <summary>Removes books just made: a file and SQLite's -wal and -shm beside it, or a village's schema.</summary>
    private static void Remove(string path, string? village)
    {
        if (Server.IsAddress(path))
        {
            Server.Drop(path, village);
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            if (File.Exists(file)) File.Delete(file);
    }

    private static LedgerOpenException Exists(string path) => new($"{path} 已存在，不会覆盖", $"{path} already exists; it will not be overwritten");
}
