using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CollectiveLedger.Storage.Engines;

/// <summary>
/// How long a writer waits for another writer of the same books before giving up: 300 seconds, or the
/// whole seconds <c>CLEDGER_LOCK_TIMEOUT</c> says. SQLite's busy timeout and PostgreSQL's
/// <c>lock_timeout</c> (the village's advisory lock) are both set from it, so a writer either waits its
/// turn or ends with <see cref="IsBusy"/>'s error, never writing beside the other.
/// </summary>
public static class LockWait
{
    public const string Variable = "CLEDGER_LOCK_TIMEOUT";

    public const int DefaultSeconds = 300;

    /// <summary>The seconds a writer waits, as <c>CLEDGER_LOCK_TIMEOUT</c> says (unset or empty: 300).</summary>
    /// <exception cref="LedgerOpenException">The variable is not a whole number of seconds from 1 to 86400.</exception>
    public static int Seconds
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrEmpty(value)) return DefaultSeconds;
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 86400) return seconds;
            throw new LedgerOpenException($"{Variable}={value} 应为等待写锁的秒数（1 到 86400 的整数）",
                $"{Variable}={value} should be the seconds to wait for the write lock (a whole number from 1 to 86400)");
        }
    }

    /// <summary>
    /// Whether <paramref name="e"/> says another writer held the books for longer than <see cref="Seconds"/>:
    /// SQLite's SQLITE_BUSY or SQLITE_LOCKED, PostgreSQL's lock_not_available (55P03, lock_timeout).
    /// What was being written is rolled back.
    /// </summary>
    public static bool IsBusy(Exception e) => e switch
    {
        SqliteException s => s.SqliteErrorCode is 5 or 6,
        PostgresException p => p.SqlState == PostgresErrorCodes.LockNotAvailable,
        _ => false,
    };
}
