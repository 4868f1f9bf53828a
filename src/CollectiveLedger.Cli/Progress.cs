using System.Diagnostics;
using System.Globalization;

namespace CollectiveLedger.Cli;

/// <summary>
/// Progress of long work (imports, verify, exports, restores, backups) on stderr, only when stderr is a terminal: never in
/// pipes, files or tests, so that redirected output stays quiet. One line, redrawn at most ten times a second:
/// "校验 verifying… 12,345 / 100,000 (12%), 41,000/s".
/// </summary>
public static class Progress
{
    /// <param name="total">How many there will be, when known beforehand (the log's entries, say).</param>
    public static IProgress<T>? OnTerminal<T>(Context ctx, string what, long? total = null) where T : notnull =>
        ReferenceEquals(ctx.Error, Console.Error) && !Console.IsErrorRedirected ? new Reporter<T>(ctx.Error, what, total) : null;

    public static void Clear(Context ctx)
    {
        if (ReferenceEquals(ctx.Error, Console.Error) && !Console.IsErrorRedirected) ctx.Error.Write("\r\x1b[K");
    }

    /// <summary>The line for <paramref name="done"/> of <paramref name="total"/> after <paramref name="elapsed"/>.</summary>
    internal static string Line(string what, long done, long? total, TimeSpan elapsed)
    {
        var line = $"{what}… {done.ToString("N0", CultureInfo.InvariantCulture)}";
        if (total is > 0)
            line += $" / {total.Value.ToString("N0", CultureInfo.InvariantCulture)} ({Math.Min(100, done * 100 / total.Value).ToString(CultureInfo.InvariantCulture)}%)";
        if (elapsed.TotalSeconds >= 1)
            line += $", {((long)(done / elapsed.TotalSeconds)).ToString("N0", CultureInfo.InvariantCulture)}/s";
        return line;
    }

    /// <summary>Reports synchronously on the calling thread (Progress&lt;T&gt; would post to the thread pool), redrawing at most every 100 ms.</summary>
    private sealed class Reporter<T>(TextWriter error, string what, long? total) : IProgress<T>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _drawn = TimeSpan.FromSeconds(-1);

        public void Report(T value)
        {
            var now = _clock.Elapsed;
            if (now - _drawn < TimeSpan.FromMilliseconds(100)) return;
            _drawn = now;
            error.Write("\r" + Line(what, Convert.ToInt64(value, CultureInfo.InvariantCulture), total, now) + "\x1b[K");
        }
    }
}
