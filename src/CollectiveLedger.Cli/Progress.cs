namespace CollectiveLedger.Cli;

/// <summary>Progress of long work on stderr, only when stderr is a terminal (never in pipes, files or tests).</summary>
public static class Progress
{
    public static IProgress<T>? OnTerminal<T>(Context ctx, string what) where T : notnull =>
        ReferenceEquals(ctx.Error, Console.Error) && !Console.IsErrorRedirected
            ? new Reporter<T>(n => ctx.Error.Write($"\r{what}… {n}"))
            : null;

    public static void Clear(Context ctx)
    {
        if (ReferenceEquals(ctx.Error, Console.Error) && !Console.IsErrorRedirected) ctx.Error.Write("\r\x1b[K");
    }

    /// <summary>Reports synchronously on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Reporter<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
