using System.Globalization;

namespace CollectiveLedger.Cli;

/// <summary>
/// A clock standing still at one instant, for testing and for replaying a day: <c>CLEDGER_NOW</c>
/// (an ISO 8601 instant, e.g. <c>2026-06-30T10:00:00+08:00</c>; without an offset it is UTC) makes
/// <c>cledger</c> take that instant as "now" for everything it writes and decides. Only
/// <see cref="Program.Main"/> reads it, once; <see cref="Program.Run"/> takes its clock as an
/// argument, so in-process callers never see the variable.
/// </summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public const string Variable = "CLEDGER_NOW";

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    /// <summary>The clock <c>CLEDGER_NOW</c> names, the system clock when it is unset or empty, or an error message when it is not an instant.</summary>
    public static (TimeProvider? Clock, string? Error) FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(text)) return (System, null);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? (new FixedClock(instant), null)
            : (null, $"{Variable}={text}: not an instant (YYYY-MM-DDTHH:MM:SS+08:00)");
    }
}
