using System.CommandLine;

namespace CollectiveLedger.Cli;

/// <summary>Builds a command's context from what was parsed: the global options, the output streams and the clock.</summary>
public delegate Context ContextOf(ParseResult parsed);

/// <summary>
/// How commands declare their options, and read them. Every value is taken as text and checked by
/// the command itself, so that a wrong value reads the same "usage error: ..." as before the
/// options were declared; an option the command needs is checked the same way (<see cref="Required"/>).
/// </summary>
public static class Options
{
    /// <summary>An option taking one value, shown as <c>--name VALUE</c>; given twice, the last value holds (as it always has).</summary>
    public static Option<string> Text(string name, string value, string description)
    {
        var option = new Option<string>(name)
        {
            HelpName = value, Description = description, Arity = ArgumentArity.OneOrMore,
            CustomParser = result => result.Tokens.Count == 0 ? null : result.Tokens[^1].Value,
        };
        return EachTakesAValue(option);
    }

    /// <summary>An option that may be given more than once, each time with one value.</summary>
    public static Option<string[]> Many(string name, string value, string description) =>
        EachTakesAValue(new Option<string[]>(name) { HelpName = value, Description = description, Arity = ArgumentArity.OneOrMore });

    /// <summary>Each time the option is given it takes a value: "--period 2025-01 --period" is still missing one.</summary>
    private static Option<T> EachTakesAValue<T>(Option<T> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count < result.IdentifierTokenCount) result.AddError($"{option.Name} needs a value");
        });
        return option;
    }

    /// <summary>An option without a value.</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    public static Argument<string> Argument(string name, string description) => new(name) { Description = description };

    /// <summary><c>--format table|csv|json</c>, which every listing and report takes.</summary>
    public static Option<string> Format() =>
        Text("--format", "table|csv|json", "输出格式（终端上默认 table，输出被重定向时默认 json） output format (table on a terminal, json when output is redirected)");

    /// <summary>Runs <paramref name="run"/> with the command's context when the command is given.</summary>
    public static void Handle(this Command command, ContextOf context, Func<Context, ParseResult, int> run) =>
        command.SetAction(parsed => run(context(parsed), parsed));

    /// <summary>The option's value; a usage error when it was not given.</summary>
    /// <exception cref="UsageException">The option is missing.</exception>
    public static string Required(this ParseResult parsed, Option<string> option) =>
        parsed.GetValue(option) ?? throw new UsageException($"{option.Name} is required");

    /// <summary>Every value of a repeatable option, in the order given.</summary>
    public static IReadOnlyList<string> All(this ParseResult parsed, Option<string[]> option) => parsed.GetValue(option) ?? [];

    public static bool Flag(this ParseResult parsed, Option<bool> option) => parsed.GetValue(option);

    /// <summary>A positional argument's value (the parser has already refused a missing one).</summary>
    public static string Value(this ParseResult parsed, Argument<string> argument) =>
        parsed.GetValue(argument) ?? throw new UsageException($"missing {argument.Name}");

    /// <summary>The output format of a listing or report as <c>--format</c> names it; null when it was not given.</summary>
    /// <exception cref="UsageException">Any other format.</exception>
    public static OutputFormat? Format(this ParseResult parsed, Option<string> format) => parsed.GetValue(format) switch
    {
        null => null,
        "table" => OutputFormat.Table,
        "csv" => OutputFormat.Csv,
        "json" => OutputFormat.Json,
        _ => throw new UsageException("--format is table, csv or json"),
    };
}
