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

    /// <summary>
    /// <c>--format table|csv|json|xlsx</c>, which every listing and report takes; xlsx is written to the
    /// file <c>--out</c> names (<see cref="CommandTree"/> gives every command with this option an
    /// <c>--out</c>). <paramref name="workbook"/> false: a report that is no table (verify) has no xlsx.
    /// </summary>
    public static Option<string> Format(bool workbook = true)
    {
        var option = new FormatOption(workbook)
        {
            HelpName = workbook ? "table|csv|json|xlsx" : "table|csv|json",
            Description = workbook ? "输出格式（终端上默认 table，输出被重定向时默认 json；xlsx 须加 --out FILE） output format (table on a terminal, json when output is redirected; xlsx needs --out FILE)" : "输出格式（终端上默认 table，输出被重定向时默认 json） output format (table on a terminal, json when output is redirected)",
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result => result.Tokens.Count == 0 ? null : result.Tokens[^1].Value,
        };
        return EachTakesAValue(option);
    }

    /// <summary>The <c>--format</c> of a listing or report, and whether it may be a workbook.</summary>
    public sealed class FormatOption(bool workbook) : Option<string>("--format")
    {
        public bool Workbook { get; } = workbook;
    }

    /// <summary>The <c>--out FILE</c> a command with a workbook <c>--format</c> is given, for its xlsx.</summary>
    public sealed class WorkbookOutOption() : Option<string>("--out");

    /// <summary>Gives every command that takes a workbook <c>--format</c> (and has no <c>--out</c> of its own) an <c>--out FILE</c>.</summary>
    public static void AddWorkbookOut(Command command)
    {
        if (command.Options.Any(o => o is FormatOption { Workbook: true }) && !command.Options.Any(o => o.Name == "--out"))
        {
            var output = new WorkbookOutOption
            {
                HelpName = "FILE", Description = "--format xlsx 写入的工作簿文件 the workbook file --format xlsx writes",
                Arity = ArgumentArity.OneOrMore, CustomParser = result => result.Tokens.Count == 0 ? null : result.Tokens[^1].Value,
            };
            command.Add(EachTakesAValue(output));
        }
        foreach (var sub in command.Subcommands) AddWorkbookOut(sub);
    }

    /// <summary>The workbook file of <c>--format xlsx --out FILE</c> on the command parsed, or null.</summary>
    public static string? WorkbookOut(this ParseResult parsed) =>
        parsed.CommandResult.Command.Options.OfType<WorkbookOutOption>().FirstOrDefault() is { } option ? parsed.GetValue(option) : null;

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

    /// <summary>
    /// The output format of a listing or report as <c>--format</c> names it (table, csv, json or xlsx); null when it was
    /// not given (<see cref="Context.Format"/> then chooses by the terminal).
    /// xlsx needs <c>--out FILE</c> (a workbook is bytes, not something to print on a terminal), and
    /// <c>--out</c> is only for xlsx.
    /// </summary>
    /// <exception cref="UsageException">Any other format, xlsx without --out, or --out without xlsx.</exception>
    public static OutputFormat? Format(this ParseResult parsed, Option<string> format)
    {
        var workbook = format is FormatOption { Workbook: true };
        OutputFormat? chosen = parsed.GetValue(format) switch
        {
            null => null,
            "table" => OutputFormat.Table,
            "csv" => OutputFormat.Csv,
            "json" => OutputFormat.Json,
            "xlsx" when workbook => OutputFormat.Xlsx,
            _ => throw new UsageException(workbook ? "--format is table, csv, json or xlsx" : "--format is table, csv or json"),
        };
        var output = parsed.WorkbookOut();
        if (chosen == OutputFormat.Xlsx && output is null)
            throw new UsageException("--format xlsx 需要 --out FILE.xlsx（工作簿不能输出到终端） --format xlsx needs --out FILE.xlsx (a workbook is not written to a terminal)");
        if (chosen != OutputFormat.Xlsx && output is not null)
            throw new UsageException("--out 只用于 --format xlsx --out goes with --format xlsx");
        return chosen;
    }
}
