using System.CommandLine;
using System.CommandLine.Parsing;

namespace CollectiveLedger.Cli;

/// <summary>
/// The parser's refusals in the words the command line used before it had a parser ("unknown option
/// --colour", "--period needs a value", "missing FILE"), so that they go through the same
/// "usage error: ..." path, exit 2 and no stack trace.
/// </summary>
public static class UsageErrors
{
    /// <summary>The first thing wrong with <paramref name="parsed"/>, or null when the parser found nothing.</summary>
    public static string? Describe(ParseResult parsed)
    {
        if (parsed.Errors.Count == 0) return null;
        var command = parsed.CommandResult.Command;
        if (parsed.UnmatchedTokens.FirstOrDefault() is { } word)
        {
            if (word.StartsWith('-') && word.Length > 1) return $"unknown option {word.Split('=')[0]}";
            if (command is RootCommand) return $"unknown command '{word}'";
            if (command.Subcommands.Count > 0) return $"unknown command '{Path(command)} {word}'; use {Verbs(command)}";
            return $"unexpected argument '{word}'";
        }
        var error = parsed.Errors[0];
        return error.SymbolResult switch
        {
            OptionResult { Tokens.Count: 0 } option => $"{option.Option.Name} needs a value",
            ArgumentResult argument => $"missing {argument.Argument.Name}",
            CommandResult { Command.Subcommands.Count: > 0 } missing => $"missing {Verbs(missing.Command)}",
            _ => error.Message,
        };
    }

    /// <summary>A command's name after cledger's: <c>vouchers import</c>.</summary>
    public static string Path(Command command) =>
        string.Join(' ', Ancestry(command).Reverse().Where(c => c is not RootCommand).Select(c => c.Name));

    /// <summary><c>accounts list|add|import|convert-2004</c>.</summary>
    private static string Verbs(Command command) =>
        $"{Path(command)} {string.Join('|', command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}".TrimStart();

    private static IEnumerable<Command> Ancestry(Command command)
    {
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
            yield return c;
    }
}
