using System.Text;

namespace CollectiveLedger.Cli;

/// <summary>Secrets typed by a person at the terminal, without echo. Knows no environment variables: each caller decides its own.</summary>
public static class Terminal
{
    /// <summary>Whether a person can be asked: standard input is a terminal and the command writes to the real console.</summary>
    public static bool IsInteractive(Context ctx) => !Console.IsInputRedirected && ReferenceEquals(ctx.Error, Console.Error);

    /// <summary>Asks for a secret; with <paramref name="repeat"/>, asks again and refuses two different answers.</summary>
    /// <exception cref="UsageException">The two answers differ.</exception>
    public static string ReadSecret(Context ctx, string prompt, string? repeat = null)
    {
        var first = Read(ctx, prompt);
        if (repeat is not null && Read(ctx, repeat) != first) throw new UsageException(ctx.Say("两次输入不一致", "the two entries differ"));
        return first;
    }

    private static string Read(Context ctx, string label)
    {
        ctx.Error.Write(label);
        var sb = new StringBuilder();
        for (var k = Console.ReadKey(intercept: true); k.Key != ConsoleKey.Enter; k = Console.ReadKey(intercept: true))
            if (k.Key == ConsoleKey.Backspace) { if (sb.Length > 0) sb.Length--; } else sb.Append(k.KeyChar);
        ctx.Error.WriteLine();
        return sb.ToString();
    }
}
