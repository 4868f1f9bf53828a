using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using System.Text;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Storage;
using CollectiveLedger.Storage.Engines;
using Microsoft.Data.Sqlite;

namespace CollectiveLedger.Cli;

/// <summary>
/// <c>cledger [--db PATH] [--actor NAME] [--lang en|zh-CN] COMMAND ...</c> (DESIGN.md section 3).
/// Exit codes: 0 done, 1 input rejected or verification found integrity problems, 2 usage error or cannot run,
/// 3 verification found reconciliation problems only, 70 bug.
/// A user error never prints a stack trace.
/// </summary>
public static class Program
{
    public static int Main(string[] argv)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        // Books, notices and files read the same on every machine: numbers and dates are formatted the
        // invariant way on every thread (under th-TH, fa-IR or ar-SA 2025 would print as 2568, 1403 or
        // 1446, in a published notice too). The language of messages is --lang, from the UI culture.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        // CLEDGER_NOW fixes "now" for tests and replays (FixedClock); Run itself takes the clock it is given.
        var (clock, clockError) = FixedClock.FromEnvironment();
        if (clock is null) { Console.Error.WriteLine(clockError); return ExitCodes.Usage; }
        return Run(argv, Console.Out, Console.Error, clock);
    }

    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var language = DefaultLanguage();
        try
        {
            var invocation = Invocation(stdout, stderr);
            var tree = new CommandTree(t => parsed => Globals(t, parsed, stdout, stderr, clock), invocation);
            var parsed = tree.Parse(argv);
            // From the words themselves: a parse error may be on --lang itself.
            if (parsed.GetResult(tree.Lang) is { Tokens: [.., var lang] }) language = LanguageOf(lang.Value) ?? language;
            return Invoke(parsed, invocation);
        }
        catch (UsageException e)
        {
            stderr.WriteLine((language == Language.ZhCN ? "用法错误 usage error: " : "usage error: ") + e.Message);
            stderr.WriteLine(language == Language.ZhCN ? "运行 cledger --help 查看用法。 Run cledger --help for usage." : "Run cledger --help for usage.");
            return ExitCodes.Usage;
        }
        catch (LedgerOpenException e)
        {
            stderr.WriteLine(language == Language.ZhCN ? $"{e.MessageZh} {e.Message}" : e.Message);
            return ExitCodes.Usage;
        }
        catch (Reports.Pdf.FontUnavailableException e)
        {
            stderr.WriteLine(e.Message);
            return ExitCodes.Usage;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 or 11 or 14 or 8)
        {
            // Not a database, corrupt, cannot open, read-only: the environment, not a bug.
            stderr.WriteLine($"数据库无法使用 the database cannot be used: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (LockWait.IsBusy(e))
        {
            // Another writer of the same books held the write lock longer than this one waits: it waited, then gave up whole.
            stderr.WriteLine($"账套正忙：另一个写入者占用写锁超过 {LockWait.Seconds} 秒，本次操作未写入，请稍后再试（等待时间见 {LockWait.Variable}） " +
                             $"the books are busy: another writer held the write lock for more than {LockWait.Seconds} s; nothing of this command was written, try again later (the wait is {LockWait.Variable})");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (Server.ConnectionLost(e))
        {
            // The server went away (restarted, shut down, unreachable): what was being written is rolled back.
            stderr.WriteLine($"数据库连接中断，本次操作未写入 the database connection was lost; nothing of this command was written: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Web.WorkspaceCannotStartException e)
        {
            stderr.WriteLine(e.Message);
            return ExitCodes.Usage;
        }
        catch (IOException e)
        {
            stderr.WriteLine($"文件错误 file error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"没有权限 permission denied: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"内部错误 internal error (a bug, please report it): {e.GetType().Name}: {e.Message}");
            stderr.WriteLine(e.ToString());
            return ExitCodes.Bug;
        }
    }

    /// <summary>Runs one command with a context already made (the demo's steps, which write where the demo says).</summary>
    internal static int Dispatch(Context ctx, IReadOnlyList<string> words)
    {
        var invocation = Invocation(ctx.Out, ctx.Error);
        return Invoke(new CommandTree(_ => _ => ctx, invocation).Parse(words), invocation);
    }

    /// <summary>Help and the parser's own output go to the given writers; exceptions reach <see cref="Run"/>'s catch blocks.</summary>
    private static InvocationConfiguration Invocation(TextWriter stdout, TextWriter stderr) =>
        new() { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };

    /// <summary>Runs the parsed command; a parse error is a usage error in the program's own words.</summary>
    private static int Invoke(ParseResult parsed, InvocationConfiguration invocation) =>
        parsed.Action is ParseErrorAction
            ? throw new UsageException(UsageErrors.Describe(parsed) ?? string.Join("; ", parsed.Errors.Select(e => e.Message)))
            : parsed.Invoke(invocation);

    /// <summary>The global options: --lang, --db ($CLEDGER_DB, ./ledger.db), --actor ($CLEDGER_ACTOR, the OS user).</summary>
    private static Context Globals(CommandTree tree, ParseResult parsed, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var lang = parsed.GetValue(tree.Lang);
        var language = lang is null ? DefaultLanguage() : LanguageOf(lang) ?? throw new UsageException("--lang is en or zh-CN");
        var db = parsed.GetValue(tree.Db) ?? (Environment.GetEnvironmentVariable("CLEDGER_DB") is { Length: > 0 } e ? e : "ledger.db");
        var actor = parsed.GetValue(tree.Actor) ?? (Environment.GetEnvironmentVariable("CLEDGER_ACTOR") is { Length: > 0 } a ? a : Environment.UserName);
        // The actor is written into every entry: the same text rules as any name in the books.
        if (string.IsNullOrWhiteSpace(actor) || TextRules.CleanName(actor, TextRules.NameMax, Place.None, new List<Violation>()) is not { } cleanActor)
            throw new UsageException($"--actor must be a name of 1 to {TextRules.NameMax} characters without control or invisible characters");
        // $CLEDGER_VILLAGE is for a server's many villages: a SQLite file is one village, and names none.
        var village = parsed.GetValue(tree.Village)
            ?? (Server.IsAddress(db) && Environment.GetEnvironmentVariable("CLEDGER_VILLAGE") is { Length: > 0 } v ? v : null);
        return new Context(db, cleanActor, language, stdout, stderr, clock)
        {
            Village = village, WorkbookOut = parsed.WorkbookOut(), SheetName = SheetNameOf(parsed.CommandResult.Command),
            Terminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected,
        };
    }

    /// <summary>A workbook's sheet is named after the command that wrote it: "report trial-balance", "vouchers list".</summary>
    private static string SheetNameOf(System.CommandLine.Command command)
    {
        var names = new List<string>();
        for (var c = command; c is not null and not System.CommandLine.RootCommand; c = c.Parents.OfType<System.CommandLine.Command>().FirstOrDefault())
            names.Insert(0, c.Name);
        return names.Count == 0 ? "Sheet1" : string.Join(' ', names);
    }

    private static Language? LanguageOf(string? lang) => lang switch
    {
        "en" => Language.En,
        "zh-CN" or "zh" => Language.ZhCN,
        _ => null,
    };

    private static Language DefaultLanguage() =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Language.ZhCN : Language.En;
}
