using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using CollectiveLedger.Cli.Commands;

namespace CollectiveLedger.Cli;

/// <summary>
/// Every command of <c>cledger</c>, declared with its options and arguments (System.CommandLine), so
/// that <c>cledger --help</c>, <c>cledger COMMAND --help</c> and <c>cledger help COMMAND</c> show what
/// each takes, and shells can complete them. The global options (<c>--db</c>, <c>--actor</c>,
/// <c>--lang</c>) are recursive: they may come before or after the command. The commands' own
/// handlers are in <c>Commands/</c>; each declares its part of the tree.
/// </summary>
public sealed class CommandTree
{
    /// <summary>The parser's settings: no response files (an argument may start with @).</summary>
    private static ParserConfiguration Parsing => new() { ResponseFileTokenReplacer = null };

    public Option<string> Db { get; } = Global("--db", "PATH",
        "账套文件，或 PostgreSQL 地址 postgres://…（默认 $CLEDGER_DB，否则 ./ledger.db） the ledger file, or a PostgreSQL address postgres://... ($CLEDGER_DB, else ./ledger.db)");
    public Option<string> Village { get; } = Global("--village", "CODE",
        "PostgreSQL 数据库中的村代码（默认 $CLEDGER_VILLAGE） the village, in a PostgreSQL database of many ($CLEDGER_VILLAGE)");
    public Option<string> Actor { get; } = Global("--actor", "NAME", "操作人（默认 $CLEDGER_ACTOR，否则系统用户名） who does this ($CLEDGER_ACTOR, else the OS user)");
    public Option<string> Lang { get; } = Global("--lang", "en|zh-CN", "提示语言（默认按系统） language of messages (by default the OS culture's)");

    public RootCommand Root { get; }

    /// <param name="context">Builds a command's context from the parsed global options (or hands over one already made: the demo's steps).</param>
    /// <param name="invocation">Where help and errors go: the caller's writers, never the console directly.</param>
    public CommandTree(Func<CommandTree, ContextOf> context, InvocationConfiguration invocation)
    {
        Root = new RootCommand("村集体经济组织复式记账账本 the double-entry ledger of a village collective (DESIGN.md section 3)") { HelpName = "cledger" };
        Root.Add(Db);
        Root.Add(Village);
        Root.Add(Actor);
        Root.Add(Lang);
        var version = Root.Options.OfType<VersionOption>().Single();
        version.Action = new PrintVersion();
        version.Description = "显示版本 shows the version";
        Root.Options.OfType<HelpOption>().Single().Description = "显示用法 shows the usage and options";
        // Nothing to do: the help, and exit 2 (a usage error), as before there was a parser.
        Root.SetAction(_ =>
        {
            Parse(["--help"]).Invoke(invocation);
            return ExitCodes.Usage;
        });
        var of = context(this);
        foreach (var command in new[]
                 {
                     InitCommand.Declare(of), RegisterCommands.DeclareAccounts(of),
                     RegisterCommands.DeclareDimension(of, Core.Ledger.DimensionKind.Fund), RegisterCommands.DeclareDimension(of, Core.Ledger.DimensionKind.Member),
                     RegisterCommands.DeclareDimension(of, Core.Ledger.DimensionKind.Counterparty), VoucherCommands.Declare(of), PeriodCommand.Declare(of),
                     YearCommands.Declare(of), AssetCommands.Declare(of), ContractCommands.Declare(of), DistributionCommands.Declare(of), ReportCommands.Declare(of),
                     PrintCommand.Declare(of), VerifyCommand.Declare(of), NoticesCommand.Declare(of), DiscloseCommand.Declare(of), CheckpointCommand.Declare(of),
                     KeyCommands.Declare(of), SettingsCommand.Declare(of), LogCommands.Declare(of), ExportCommand.Declare(of), DemoCommand.Declare(of),
                     ServeCommand.Declare(of), UserCommands.Declare(of), ReceiptCommands.Declare(of), ProveCommand.Declare(of), WitnessCommands.Declare(of),
                     RestoreCommand.Declare(of), BackupCommand.Declare(of), VillagesCommand.Declare(of), TemplateCommand.Declare(of), BankCommands.Declare(of),
                 })
            Root.Add(command);
        Options.AddWorkbookOut(Root);
        Root.Add(HelpCommand(invocation));
    }

    /// <summary>Parses <paramref name="words"/> against the tree.</summary>
    public ParseResult Parse(IReadOnlyList<string> words) => Root.Parse(words, Parsing);

    /// <summary>The command a path of names leads to (<c>["vouchers", "import"]</c>), or null.</summary>
    public Command? Find(IEnumerable<string> path)
    {
        Command command = Root;
        foreach (var name in path)
            if (command.Subcommands.FirstOrDefault(c => c.Name == name) is { } sub) command = sub;
            else return null;
        return command;
    }

    /// <summary>The version the program was built as (its informational version).</summary>
    public static string Version =>
        typeof(CommandTree).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CommandTree).Assembly.GetName().Version?.ToString() ?? "unknown";

    private static Option<string> Global(string name, string value, string description)
    {
        var option = Options.Text(name, value, description);
        option.Recursive = true;
        return option;
    }

    /// <summary><c>cledger help [COMMAND...]</c>: the same as <c>cledger COMMAND... --help</c>.</summary>
    private Command HelpCommand(InvocationConfiguration invocation)
    {
        var words = new Argument<string[]>("COMMAND") { Description = "命令，可含子命令 a command, and its subcommand", Arity = ArgumentArity.ZeroOrMore };
        var help = new Command("help", "显示命令的用法 shows a command's usage and options") { words };
        help.SetAction(parsed =>
        {
            var path = parsed.GetValue(words) ?? [];
            if (Find(path) is null) throw new UsageException($"unknown command '{string.Join(' ', path)}'");
            return Parse([.. path, "--help"]).Invoke(invocation);
        });
        return help;
    }

    /// <summary><c>--version</c>: this assembly's version, not the host's (tests run the program in-process).</summary>
    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ExitCodes.Done;
        }
    }
}
