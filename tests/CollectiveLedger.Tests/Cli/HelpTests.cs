using System.Text.RegularExpressions;
using CollectiveLedger.Cli;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// The commands declared with System.CommandLine (issue 14): each command's help names its own
/// options, <c>-h</c>, <c>help COMMAND</c> and <c>--version</c> work, every command the README
/// shows is in the help, and a mistyped command line is a usage error without a stack trace.
/// System.CommandLine words its headings ("Commands:") in the UI culture's language: these tests read them in English.
/// </summary>
[SetUICulture("en-US")]
public class HelpTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr, TestClock.Fixed);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void Version_prints_the_programs_informational_version_and_exits_0()
    {
        var (code, stdout, stderr) = Run("--version");

        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(stdout.Trim(), Is.EqualTo(CommandTree.Version));
        Assert.That(stdout, Does.Match(@"^\d+\.\d+"));
    }

    [TestCase(new[] { "init" }, new[] { "--org", "--org-code", "--currency", "--chart", "--start", "--attachments-required", "--no-key" })]
    [TestCase(new[] { "vouchers", "import" }, new[] { "<FILE>", "--dry-run", "--encoding" })]
    [TestCase(new[] { "vouchers", "approve" }, new[] { "<DRAFT>", "--as", "--resolution" })]
    [TestCase(new[] { "report", "trial-balance" }, new[] { "--period", "--from", "--to", "--format" })]
    [TestCase(new[] { "report", "funds" }, new[] { "--items", "--period" })]
    [TestCase(new[] { "period", "reopen" }, new[] { "<YYYY-MM>", "--reason", "--approve" })]
    [TestCase(new[] { "distribution", "plan" }, new[] { "--year", "--reserve-percent", "--distribute" })]
    [TestCase(new[] { "funds", "add" }, new[] { "<CODE>", "<NAME>", "--kind", "--agency", "--granted", "--from", "--to" })]
    [TestCase(new[] { "members", "add" }, new[] { "--head", "--household-size", "--shares", "--id-card" })]
    [TestCase(new[] { "disclose" }, new[] { "--period", "--quarter", "--year", "--fund", "--distribution", "--out", "--paper", "--sign", "--unsigned", "--font" })]
    [TestCase(new[] { "notices", "prepare" }, new[] { "--period", "--sign", "--unsigned", "--out" })]
    [TestCase(new[] { "serve" }, new[] { "--urls", "--sign", "--unsigned", "--font" })]
    [TestCase(new[] { "notices", "publish" }, new[] { "<N>", "--out", "--paper" })]
    [TestCase(new[] { "verify" }, new[] { "--anchor", "--checkpoint", "--format" })]
    public void A_commands_help_lists_its_own_options_and_the_global_ones(string[] command, string[] options)
    {
        var (code, stdout, stderr) = Run([.. command, "--help"]);

        Assert.That(code, Is.EqualTo(0), stderr);
        foreach (var option in options) Assert.That(stdout, Does.Contain(option), $"{string.Join(' ', command)} --help names {option}");
        Assert.That(stdout, Does.Contain("--db").And.Contain("--actor").And.Contain("--lang"));
        Assert.That(stdout, Does.Contain($"cledger {string.Join(' ', command)}"));
    }

    [Test]
    public void Help_command_and_dash_h_show_what_dash_dash_help_shows()
    {
        var help = Run("vouchers", "reverse", "--help");

        Assert.That(Run("help", "vouchers", "reverse"), Is.EqualTo(help));
        Assert.That(Run("vouchers", "reverse", "-h"), Is.EqualTo(help));
        Assert.That(help.Out, Does.Contain("--reason").And.Contain("--date").And.Contain("红字冲销"));
    }

    [Test]
    public void Help_of_an_unknown_command_is_a_usage_error()
    {
        var (code, _, stderr) = Run("help", "frobnicate");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("unknown command 'frobnicate'"));
    }

    [Test]
    public void No_command_prints_the_help_and_exits_2_while_asking_for_it_exits_0()
    {
        var none = Run();
        var asked = Run("--help");

        Assert.That((none.Code, asked.Code), Is.EqualTo((2, 0)));
        Assert.That(none.Out, Is.EqualTo(asked.Out));
        Assert.That(asked.Out, Does.Contain("Commands:").And.Contain("vouchers").And.Contain("distribution").And.Contain("notices"));
    }

    /// <summary>
    /// Every <c>cledger ...</c> line of the README's code blocks names commands the help lists: its
    /// first word in <c>cledger --help</c>, and each following word, while the command so far has
    /// subcommands, in that command's help.
    /// </summary>
    [Test]
    public void Every_command_in_the_readme_appears_in_the_help()
    {
        var readme = File.ReadAllLines(Path.Combine(TestLedger.RepoRoot, "README.md"));
        var lines = readme.Where(l => l.StartsWith("cledger ", StringComparison.Ordinal)).ToList();
        var checkedPaths = new HashSet<string>();

        foreach (var line in lines)
        {
            var words = WithoutGlobals(line.Split('#')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList());
            var path = new List<string>();
            foreach (var word in words.TakeWhile(w => !w.StartsWith('-')))
            {
                var help = Run([.. path, "--help"]);
                var subcommands = Subcommands(help.Out);
                if (subcommands.Count == 0) break;
                Assert.That(subcommands, Does.Contain(word), $"'{line}': cledger {string.Join(' ', path)} --help lists {word}");
                path.Add(word);
                checkedPaths.Add(string.Join(' ', path));
            }
        }

        Assert.That(lines, Has.Count.GreaterThan(50), "the README's tour was read");
        Assert.That(checkedPaths, Is.SupersetOf(new[]
        {
            "vouchers submit", "vouchers review", "vouchers approve", "vouchers pending", "vouchers draft", "distribution plan", "distribution approve",
            "distribution post", "distribution pay", "distribution show", "report funds", "period reopen", "users add", "notices publish",
        }));
    }

    [TestCase("accounts", "list", "--colour", "red", ExpectedResult = "unknown option --colour")]
    [TestCase("report", "trial-balance", "--period", ExpectedResult = "--period needs a value")]
    [TestCase("vouchers", "import", ExpectedResult = "missing FILE")]
    [TestCase("vouchers", "frobnicate", ExpectedResult = "unknown command 'vouchers frobnicate'; use vouchers import|list|show|reverse|attach|draft|submit|review|approve|reject|withdraw|pending")]
    [TestCase("accounts", ExpectedResult = "missing accounts list|add|import|convert-2004")]
    [TestCase("period", "close", "2025-01", "2025-02", ExpectedResult = "unexpected argument '2025-02'")]
    [TestCase("accounts", "list", "--format", ExpectedResult = "--format needs a value")]
    [TestCase("vouchers", "list", "--period", "2025-01", "--period", ExpectedResult = "--period needs a value")]
    [TestCase("verify", "--anchor", ExpectedResult = "--anchor needs a value")]
    public string Parse_errors_are_usage_errors_in_the_programs_words_without_a_stack_trace(params string[] args)
    {
        using var ledger = TestLedger.WithBasics();

        var (code, stdout, stderr) = ledger.Run(args);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Does.StartWith("usage error: ").And.Contain("Run cledger --help for usage."));
        Assert.That(stderr, Does.Not.Match(TestLedger.StackTraceLine));
        return stderr.Split('\n')[0]["usage error: ".Length..].TrimEnd();
    }

    [Test]
    public void Global_options_may_follow_the_command_and_the_last_of_a_repeated_option_holds()
    {
        using var ledger = TestLedger.WithBasics();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = Program.Run(["accounts", "list", "--format", "csv", "--format", "json", .. ledger.DbArgs, "--actor", "tester"], stdout, stderr, TestClock.Fixed);

        Assert.That(code, Is.EqualTo(0), stderr.ToString());
        Assert.That(stdout.ToString(), Does.StartWith("["));
    }

    private static List<string> WithoutGlobals(List<string> words)
    {
        var rest = new List<string>();
        for (var i = 0; i < words.Count; i++)
            if (words[i] is "--db" or "--village" or "--actor" or "--lang") i++;
            else rest.Add(words[i]);
        return rest;
    }

    /// <summary>The names in a help text's "Commands:" section.</summary>
    private static List<string> Subcommands(string help)
    {
        var section = help.Split("Commands:");
        if (section.Length < 2) return [];
        return section[1].Split('\n').Skip(1).TakeWhile(l => l.Trim().Length > 0)
            .Select(l => Regex.Match(l, @"^\s+(\S+)").Groups[1].Value).ToList();
    }
}
