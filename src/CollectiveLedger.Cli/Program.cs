using System.Globalization;
using System.Text;
using CollectiveLedger.Cli.Commands;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Storage;
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
    public const string Usage = """
        用法 usage: cledger [--db PATH] [--actor NAME] [--lang en|zh-CN] COMMAND ...
          init --org NAME --org-code CODE [--currency CNY] [--chart standard-2023] [--start YYYY-MM] [--attachments-required true|false]
          accounts list | accounts add CODE NAME --parent CODE | accounts import FILE
          accounts convert-2004 BALANCES.csv --out OPENING.json [--encoding utf-8|gb18030]
                                                          2004 科目余额表 (2023-12-31) -> 2024-01-01 opening vouchers (新旧科目对照)
          funds|members|counterparties list | add CODE NAME | import FILE
          vouchers import FILE [--dry-run] [--encoding utf-8|gb18030]
          vouchers list [--period YYYY-MM | --from YYYY-MM --to YYYY-MM]
          vouchers show NUMBER --period YYYY-MM
          vouchers reverse NUMBER --period YYYY-MM --date YYYY-MM-DD --reason TEXT
          period close YYYY-MM                (December closes with: year close YYYY)
          year close YYYY | year open YYYY
          assets add CODE NAME --category C --account CODE --acquired DATE --cost X [--paid-from CODE] [--life-months N]
                 [--residual X] [--expense-account CODE (well, road: 514's 折旧 leaf)] [--depreciation-account CODE] [--fund CODE] [--location TEXT]
                 [--species S --head N] [--opening-depreciation X --opening-months N] [--nominal (名义金额: --cost 1, not depreciated)] [--attachments N (with --paid-from)]
          assets transfer CODE NAME --from 153xx ... | assets depreciate --period YYYY-MM | assets list | assets herds
          assets dispose CODE --date DATE --reason TEXT [--proceeds X --to CODE] [--gain-account 504] [--loss-account 515] [--attachments N]
          assets herd CODE --date DATE --change births|purchases|sales|deaths --head N [--note TEXT] [--loss-account 181 (deaths)]
          assets rear CODE --date DATE --amount X --from CODE [--attachments N]    (rearing cost into young stock on 131)
          assets mature FROM --to CODE --date DATE --head N [--amount X] [--attachments N]   (young stock on 131 into a breeding herd on 132)
          contracts add NUMBER --party CODE --resource grassland|farmland|water_surface|building --area MU|M2 --rent X
                    --from DATE --to DATE [--schedule annual|once] [--income-account 501xx] [--prepaid-account 211xx]
          contracts receive NUMBER --date DATE --amount X --account CODE [--attachments N] | contracts recognize --year YYYY
          contracts due [--as-of DATE]
          report trial-balance|journal [--period YYYY-MM | --from YYYY-MM --to YYYY-MM]
          report ledger --account CODE [--period YYYY-MM | --from YYYY-MM --to YYYY-MM]
          report balance-sheet --year YYYY | --period YYYY-MM ; report income --year YYYY ; report notes --year YYYY (附注)
          print vouchers --period YYYY-MM [--number N] [--out FILE.pdf] [--font PATH]
                                                          记账凭证, two to an A4 page, names from the approval log
          print books --year YYYY --book general|detail|cash|bank [--account CODE] [--out FILE.pdf] [--font PATH]
                                                          总账 / 明细账 / 现金日记账 / 银行存款日记账 with 承前页/过次页
          verify [--anchor SEQ:HASH]... [--checkpoint FILE]...
                                                          exit 1: 完整性 integrity problems (books changed outside the program);
                                                          exit 3: 对账 reconciliation problems only (the books need an accountant)
          notices prepare --period YYYY-MM | --quarter YYYY-Qn | --year YYYY [--date YYYY-MM-DD] [--sign KEYFILE]... [--out DRAFT]
                                                          财务公开榜 prepared for review (its content fixed in the log)
          notices show N --out FILE                       the notice as it stands, for the reviewer
          notices review N [--content SHA256] [--opinion TEXT]   by role.supervisor, not the preparer
          notices publish N --out FILE [--out FILE]...    every format at once (.pdf .html .csv .json); [--lang] [--paper] [--font]
          notices list                                    prepared, reviewed, published
          disclose --period YYYY-MM | --quarter YYYY-Qn | --year YYYY --out FILE [--format pdf|html|csv|json]
                   [--lang zh-CN|en] [--paper A4|A3] [--date YYYY-MM-DD] [--sign KEYFILE]... [--font PATH]
                                                          a draft (草稿，未经审核); nothing is recorded
          disclose --fund CODE [--date YYYY-MM-DD] [--out FILE] [--format pdf|html|csv|json] [--lang zh-CN|en] ...
                                                          project notice (项目资金公告公示) of a support fund
          disclose --distribution YYYY [--date YYYY-MM-DD] [--out FILE] [--format pdf|html|csv|json] [--lang zh-CN|en] ...
                                                          distribution plan notice (收益分配方案公示), before approval
          checkpoint [--sign KEYFILE]...
          keys generate --name NAME --out FILE | keys list
          settings list | settings set KEY VALUE [--approve]
          log export --out FILE | log show [--from SEQ] [--limit N]
          export hledger --out FILE
          demo [--out DIR] [--samples DIR]
          serve [--urls http://127.0.0.1:5080] [--sign KEYFILE]... [--font PATH]   the public page (/) and the web workspace (/staff)
          users add|password NAME [--password-stdin] | list | remove NAME   (password from stdin, CLEDGER_PASSWORD or the terminal)
        listings and reports take --format table|csv|json
        """;

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
            var (ctx, rest) = Globals(argv, stdout, stderr, clock);
            language = ctx.Language;
            var args = new Args(rest);
            if (args.Count == 0 || args.Flag("--help"))
            {
                stdout.WriteLine(Usage);
                return args.Count == 0 && !rest.Contains("--help") ? ExitCodes.Usage : ExitCodes.Done;
            }
            return Dispatch(ctx, args);
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

    internal static int Dispatch(Context ctx, Args args) => args.Positional(0, "COMMAND") switch
    {
        "init" => InitCommand.Run(ctx, args),
        "accounts" => RegisterCommands.Accounts(ctx, args),
        "funds" => RegisterCommands.Dimension(ctx, args, DimensionKind.Fund),
        "members" => RegisterCommands.Dimension(ctx, args, DimensionKind.Member),
        "counterparties" => RegisterCommands.Dimension(ctx, args, DimensionKind.Counterparty),
        "vouchers" => VoucherCommands.Run(ctx, args),
        "period" => PeriodCommand.Run(ctx, args),
        "report" => ReportCommands.Run(ctx, args),
        "verify" => VerifyCommand.Run(ctx, args),
        "log" => LogCommands.Run(ctx, args),
        "export" => ExportCommand.Run(ctx, args),
        "demo" => DemoCommand.Run(ctx, args),
        "disclose" => DiscloseCommand.Run(ctx, args),
        "notices" => NoticesCommand.Run(ctx, args),
        "checkpoint" => CheckpointCommand.Run(ctx, args),
        "keys" => KeyCommands.Run(ctx, args),
        "settings" => SettingsCommand.Run(ctx, args),
        "year" => YearCommands.Run(ctx, args),
        "assets" => AssetCommands.Run(ctx, args),
        "contracts" => ContractCommands.Run(ctx, args),
        "distribution" => DistributionCommands.Run(ctx, args),
        "serve" => ServeCommand.Run(ctx, args),
        "users" => UserCommands.Run(ctx, args),
        "print" => PrintCommand.Run(ctx, args),
        var other => throw new UsageException($"unknown command '{other}'"),
    };

    /// <summary>Reads the global options, which come before the command.</summary>
    private static (Context, List<string>) Globals(string[] argv, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        string? db = null, actor = null, lang = null;
        var i = 0;
        for (; i < argv.Length; i++)
        {
            var (name, inline) = argv[i].IndexOf('=') is > 2 and var eq && argv[i].StartsWith("--", StringComparison.Ordinal)
                ? (argv[i][..eq], argv[i][(eq + 1)..])
                : (argv[i], null);
            switch (name)
            {
                case "--db": db = inline ?? Value(); break;
                case "--actor": actor = inline ?? Value(); break;
                case "--lang": lang = inline ?? Value(); break;
                default: goto done;
            }
        }
        done:
        var language = lang switch
        {
            null => DefaultLanguage(),
            "en" => Language.En,
            "zh-CN" or "zh" => Language.ZhCN,
            _ => throw new UsageException("--lang is en or zh-CN"),
        };
        db ??= Environment.GetEnvironmentVariable("CLEDGER_DB") is { Length: > 0 } e ? e : "ledger.db";
        actor ??= Environment.GetEnvironmentVariable("CLEDGER_ACTOR") is { Length: > 0 } a ? a : Environment.UserName;
        // The actor is written into every entry: the same text rules as any name in the books.
        if (string.IsNullOrWhiteSpace(actor) || TextRules.CleanName(actor, TextRules.NameMax, Place.None, new List<Violation>()) is not { } cleanActor)
            throw new UsageException($"--actor must be a name of 1 to {TextRules.NameMax} characters without control or invisible characters");
        actor = cleanActor;
        return (new Context(db, actor, language, stdout, stderr, clock), argv[i..].ToList());

        string Value() => ++i < argv.Length ? argv[i] : throw new UsageException($"{argv[i - 1]} needs a value");
    }

    private static Language DefaultLanguage() =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Language.ZhCN : Language.En;
}
