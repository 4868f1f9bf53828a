using Microsoft.Extensions.Time.Testing;

namespace CollectiveLedger.Tests;

/// <summary>
/// The one "now" of the test suite, so that no test depends on the day it runs (issue 14). The
/// fixtures hold vouchers and notices dated from 2024 up to 2026-03-25 and contract years running to
/// 2027; the instant is after every fixture date, in the same year as the latest, so that "not in the
/// future" and "the year is still open" hold for all of them as they did when they were written.
/// </summary>
/// <remarks>
/// A test that needs time to move (sessions, lockouts, rate limits, the day changing at midnight in
/// China) makes its own <see cref="FakeTimeProvider"/>, usually starting at <see cref="Now"/>, and
/// advances it; the fixed clock never moves.
/// Processes started from the tests (<see cref="TestLedger.Start"/>) get the same instant through
/// <c>CLEDGER_NOW</c> (see src/CollectiveLedger.Cli/README.md).
/// </remarks>
public static class TestClock
{
    /// <summary>2026-06-30 10:00 in China (02:00 UTC).</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 30, 10, 0, 0, CollectiveLedger.Core.Periods.ChinaTime.Offset);

    /// <summary>
    /// A clock standing at <see cref="Now"/>. Each read gives a fresh one rather than a shared
    /// instance, so that a test advancing what it was given cannot move the clock of another.
    /// </summary>
    public static FakeTimeProvider Fixed => new(Now);

    /// <summary>
    /// Gives a <c>cledger</c> process started by a test the same instant: <c>CLEDGER_NOW</c>, which
    /// only Program.Main reads (src/CollectiveLedger.Cli/README.md).
    /// </summary>
    public static void Set(System.Diagnostics.ProcessStartInfo cledger) =>
        cledger.Environment["CLEDGER_NOW"] = Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
