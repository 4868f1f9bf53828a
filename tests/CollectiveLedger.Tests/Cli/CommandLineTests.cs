using System.Text;
using System.Text.Json;

namespace CollectiveLedger.Tests.Cli;

/// <summary>The command line's contracts: exit codes, JSON alone on stdout, CSV files, Chinese messages.</summary>
public class CommandLineTests
{
    [Test]
    public void Json_output_is_valid_json_and_nothing_else_on_stdout()
    {
        using var ledger = TestLedger.WithBasics();

        foreach (var command in new[] { new[] { "accounts", "list" }, ["funds", "list"], ["members", "list"], ["vouchers", "list"],
                     ["report", "trial-balance", "--period", "2025-01"], ["verify"] })
        {
            var (code, stdout, stderr) = ledger.Run([.. command, "--format", "json"]);
            Assert.That(code, Is.EqualTo(0), stderr);
            Assert.DoesNotThrow(() => JsonDocument.Parse(stdout).Dispose(), string.Join(' ', command));
        }
    }

    /// <summary>
    /// DESIGN.md section 3 and issue 17: without --format a listing is a table for a person at a terminal and JSON for a
    /// program reading a pipe or file. The terminal is a real one: script(1)'s pseudo-terminal.
    /// </summary>
    [Test]
    public void Without_format_a_listing_is_a_table_on_a_terminal_and_json_through_a_pipe()
    {
        using var ledger = TestLedger.WithBasics();

        var piped = ledger.RunProcess("accounts", "list");
        var table = ledger.RunProcess("accounts", "list", "--format", "table");
        var terminal = OnTerminal(ledger, "accounts", "list");

        Assert.That(piped.Code, Is.Zero, piped.Err);
        using (var json = JsonDocument.Parse(piped.Out))
            Assert.That(json.RootElement.EnumerateArray().Select(a => a.GetProperty("code").GetString()), Does.Contain("10201"));
        Assert.That(table.Out, Does.Contain("10201").And.Not.StartWith("["));
        Assert.That(terminal, Is.EqualTo(table.Out), "on a terminal the default is the table");
    }

    [Test]
    public void Verify_shows_its_progress_on_a_terminal_and_nothing_when_stderr_is_redirected()
    {
        using var ledger = TestLedger.WithBasics();

        var redirected = ledger.RunProcess("verify", "--format", "json");
        var terminal = OnTerminal(ledger, "verify", "--format", "table");

        Assert.That(redirected.Code, Is.Zero);
        Assert.That(redirected.Err, Is.Empty, "quiet when redirected");
        Assert.That(terminal, Does.Match(@"\rverifying… \d+ / \d+ \(\d+%\)"), "the count out of the log's entries");
        Assert.That(terminal, Does.Contain("\r\x1b[K"), "the progress line is cleared before the report");
        Assert.That(terminal, Does.Contain("OK"));
    }

    [Test]
    public void A_progress_line_counts_with_separators_and_gives_the_share_and_the_rate()
    {
        Assert.That(CollectiveLedger.Cli.Progress.Line("verifying", 12_345, 100_000, TimeSpan.FromSeconds(2)),
            Is.EqualTo("verifying… 12,345 / 100,000 (12%), 6,172/s"));
        Assert.That(CollectiveLedger.Cli.Progress.Line("importing", 7, null, TimeSpan.FromMilliseconds(300)), Is.EqualTo("importing… 7"));
    }

    /// <summary>The real cledger on a pseudo-terminal (script -q -e -c), stdout and stderr both the terminal; what it drew, newlines as \n.</summary>
    private static string OnTerminal(TestLedger ledger, params string[] args)
    {
        static string Quote(string a) => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        var words = (string[])["dotnet", Path.Combine(AppContext.BaseDirectory, "cledger.dll"), .. ledger.DbArgs, "--lang", "en", .. args];
        var info = new System.Diagnostics.ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-q", "-e", "-c", string.Join(' ', words.Select(Quote)), "/dev/null"]) info.ArgumentList.Add(a);
        TestClock.Set(info);
        info.Environment["SHELL"] = "/bin/sh"; // script(1) runs the command with $SHELL; bash warns on the pty when the locale is not installed
        using var p = System.Diagnostics.Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        Assert.That(p.ExitCode, Is.Zero, stderr.Result + stdout.Result);
        // .NET's console switches the terminal's keypad mode on and off (ESC[?1h ESC=, ESC[?1l ESC>): the terminal's, not ours.
        return System.Text.RegularExpressions.Regex.Replace(stdout.Result, "\x1b\\[\\?1[hl]\x1b[=>]", "").Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [TestCase("frobnicate")]
    [TestCase("vouchers", "import")]
    [TestCase("report", "trial-balance", "--period", "2025-1")]
    [TestCase("verify", "--anchor", "12:nothex")]
    [TestCase("accounts", "list", "--colour", "red")]
    public void Usage_errors_exit_2_with_the_usage_and_no_stack_trace(params string[] args)
    {
        using var ledger = TestLedger.WithBasics();

        var (code, _, stderr) = ledger.Run(args);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("usage"));
        Assert.That(stderr, Does.Not.Match(TestLedger.StackTraceLine));
    }

    [Test]
    public void A_missing_ledger_is_named_with_the_fix()
    {
        using var ledger = new TestLedger();

        var (code, _, stderr) = ledger.RunProcess("vouchers", "list");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("cledger init"));
    }

    [Test]
    public void Messages_are_chinese_first_with_lang_zh_CN()
    {
        using var ledger = TestLedger.WithBasics();
        var file = ledger.WriteFile("v.json", """[{"date":"2025-03-01","summary":"x","lines":[{"account":"10201","debit":"1.00"},{"account":"50101","credit":"2.00"}]}]""");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = CollectiveLedger.Cli.Program.Run([.. ledger.DbArgs, "--lang", "zh-CN", "vouchers", "import", file], stdout, stderr, TestClock.Fixed);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr.ToString(), Does.Contain("借贷不平衡：借方合计 1.00，贷方合计 2.00"));
    }

    [Test]
    public void Csv_reports_open_in_chinese_spreadsheets_and_neutralize_formulas()
    {
        using var ledger = TestLedger.WithBasics();
        var file = ledger.WriteFile("v.json", """[{"date":"2025-03-01","summary":"=HYPERLINK(\"x\")","lines":[{"account":"10201","debit":"1.50"},{"account":"50101","credit":"1.50"}]}]""");
        ledger.Ok("vouchers", "import", file);

        var (code, text, _) = ledger.Run("report", "journal", "--period", "2025-03", "--format", "csv");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(text, Does.Contain("'=HYPERLINK"));
        Assert.That(text, Does.Contain(",1.50,"));
        Assert.That(text, Does.Contain("\r\n"));
        var grid = new CollectiveLedger.Reports.Grid(["a"], [[new CollectiveLedger.Reports.GridCell("b")]]);
        Assert.That(CollectiveLedger.Reports.CsvRenderer.Render(grid).Take(3), Is.EqualTo(Encoding.UTF8.GetPreamble()), "UTF-8 with BOM");
    }

    [TestCase("ref,date\r\nX,2025-03-01\r\n", "the header must be")]
    [TestCase("ref,date,summary,attachments,kind,account,debit,credit,fund,member,counterparty,line_summary\r\nX,2025-03-01,\"open,0,normal,10201,1.00,,,,,\r\n", "never closed")]
    [TestCase("ref,date,summary,attachments,kind,account,debit,credit,fund,member,counterparty,line_summary\r\nX,2025-03-01,s,0\r\n", "expected 12 fields")]
    public void Malformed_csv_is_named_by_line(string csv, string message)
    {
        using var ledger = TestLedger.WithBasics();
        var before = ledger.Head();
        var file = ledger.WriteFile("v.csv", csv);

        var (code, _, stderr) = ledger.Run("vouchers", "import", file);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("[MalformedCsv]").And.Contain(message));
        Assert.That(ledger.Head(), Is.EqualTo(before));
    }

    [Test]
    public void Account_ledger_runs_the_balance_and_journal_lists_every_line()
    {
        using var ledger = TestLedger.WithBasics();
        var file = ledger.WriteFile("v.jsonl",
            """{"date":"2025-01-01","kind":"opening","summary":"期初","lines":[{"account":"10201","debit":"1000.00"},{"account":"301","credit":"1000.00"}]}""" + "\n" +
            """{"date":"2025-02-03","summary":"收入","lines":[{"account":"10201","debit":"250.00"},{"account":"50101","credit":"250.00"}]}""" + "\n" +
            """{"date":"2025-02-09","summary":"支出","lines":[{"account":"513","debit":"100.00"},{"account":"10201","credit":"100.00"}]}""" + "\n");
        ledger.Ok("vouchers", "import", file);

        var report = JsonDocument.Parse(ledger.Ok("report", "ledger", "--account", "102", "--period", "2025-02", "--format", "json")).RootElement;

        Assert.That(report.GetProperty("opening").GetString(), Is.EqualTo("1000.00"));
        Assert.That(report.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("balance").GetString()), Is.EqualTo(new[] { "1250.00", "1150.00" }));
        Assert.That(report.GetProperty("closing").GetString(), Is.EqualTo("1150.00"));
        var tb = JsonDocument.Parse(ledger.Ok("report", "trial-balance", "--period", "2025-01", "--format", "json")).RootElement;
        var bank = tb.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "10201");
        Assert.That((bank.GetProperty("opening_debit").GetString(), bank.GetProperty("period_debit").GetString()), Is.EqualTo(("1000.00", "0.00")),
            "opening vouchers count in the opening columns, never as turnover");
    }
}
