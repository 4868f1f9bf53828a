using System.Globalization;
using System.Text.Json;
using CollectiveLedger.Cli;

namespace CollectiveLedger.Tests.Xlsx;

/// <summary><c>--format xlsx --out FILE</c>: reports as workbooks with numbers as numbers, formatted, frozen, printable on A4.</summary>
public class XlsxReportTests
{
    private static TestLedger Posted()
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json",
            """[{"ref":"A","date":"2025-03-05","summary":"收取草场承包费","lines":[{"account":"10201","debit":"1234567.50"},{"account":"50101","credit":"1234567.50","member":"M001"}]}]"""));
        return ledger;
    }

    [Test]
    public void The_trial_balance_workbook_has_amounts_as_formatted_numbers_a_bold_total_row_a_frozen_header_and_an_A4_print_area()
    {
        using var ledger = Posted();
        var file = Path.Combine(ledger.Dir, "tb.xlsx");

        var output = ledger.Ok("report", "trial-balance", "--period", "2025-03", "--format", "xlsx", "--out", file);

        Assert.That(output, Does.Contain(file));
        var sheet = XlsxFile.Sheet(file, "report trial-balance");
        var rows = sheet.Descendants(XlsxFile.Main + "row").ToList();
        var amount = rows.Single(r => r.Descendants(XlsxFile.Main + "t").Any(t => t.Value == "10201")).Elements(XlsxFile.Main + "c").ElementAt(4);
        Assert.That(amount.Attribute("t"), Is.Null, "a number cell");
        Assert.That(decimal.Parse(amount.Element(XlsxFile.Main + "v")!.Value, CultureInfo.InvariantCulture), Is.EqualTo(1234567.50m));
        Assert.That(XlsxFile.NumberFormatOf(file, amount), Is.EqualTo("#,##0.00"));
        var total = rows[^1];
        Assert.That(total.Descendants(XlsxFile.Main + "t").Select(t => t.Value), Does.Contain("合计"));
        var totalAmount = total.Elements(XlsxFile.Main + "c").Single(c => (string)c.Attribute("r")! == $"E{rows.Count}");
        Assert.That(totalAmount.Element(XlsxFile.Main + "v")!.Value, Is.EqualTo("1234567.50"));
        var styles = XlsxFile.Part(file, "xl/styles.xml");
        var xf = styles.Descendants(XlsxFile.Main + "cellXfs").Single().Elements().ElementAt((int)totalAmount.Attribute("s")!);
        Assert.That(styles.Descendants(XlsxFile.Main + "font").ElementAt((int)xf.Attribute("fontId")!).Element(XlsxFile.Main + "b"), Is.Not.Null, "the total row is bold");
        Assert.That(XlsxFile.NumberFormatOf(file, totalAmount), Is.EqualTo("#,##0.00"));
        var pane = sheet.Descendants(XlsxFile.Main + "pane").Single();
        Assert.That(((string?)pane.Attribute("ySplit"), (string?)pane.Attribute("state"), (string?)pane.Attribute("topLeftCell")), Is.EqualTo(("1", "frozen", "A2")));
        var setup = sheet.Descendants(XlsxFile.Main + "pageSetup").Single();
        Assert.That(((string?)setup.Attribute("paperSize"), (string?)setup.Attribute("fitToWidth"), (string?)setup.Attribute("fitToHeight")), Is.EqualTo(("9", "1", "0")));
        Assert.That((string?)sheet.Descendants(XlsxFile.Main + "pageSetUpPr").Single().Attribute("fitToPage"), Is.EqualTo("1"));
        var names = XlsxFile.Part(file, "xl/workbook.xml").Descendants(XlsxFile.Main + "definedName").ToList();
        Assert.That(names.Single(n => (string)n.Attribute("name")! == "_xlnm.Print_Area").Value, Is.EqualTo($"'report trial-balance'!$A$1:$H${rows.Count}"));
        Assert.That(names.Single(n => (string)n.Attribute("name")! == "_xlnm.Print_Titles").Value, Is.EqualTo("'report trial-balance'!$1:$1"));
        // An independent reader (MiniExcel) sees the same numbers as the JSON report.
        var json = JsonDocument.Parse(ledger.Ok("report", "trial-balance", "--period", "2025-03", "--format", "json")).RootElement;
        var read = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.That(read.Count, Is.EqualTo(json.GetProperty("rows").GetArrayLength() + 1));
        Assert.That(Convert.ToDecimal(read[^1]["本期借方 period Dr"], CultureInfo.InvariantCulture),
            Is.EqualTo(decimal.Parse(json.GetProperty("totals").GetProperty("period_debit").GetString()!, CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Every_command_with_a_format_takes_xlsx_with_an_out_file()
    {
        var tree = new CommandTree(_ => _ => throw new InvalidOperationException(), new System.CommandLine.InvocationConfiguration());
        var withFormat = new List<string>();
        void Walk(System.CommandLine.Command command, string path)
        {
            if (command.Options.OfType<Options.FormatOption>().SingleOrDefault() is { Workbook: true })
            {
                withFormat.Add(path);
                Assert.That(command.Options.Any(o => o.Name == "--out"), path + " has --out");
            }
            foreach (var sub in command.Subcommands) Walk(sub, (path + " " + sub.Name).Trim());
        }

        Walk(tree.Root, "");

        Assert.That(withFormat, Does.Contain("report trial-balance").And.Contain("report journal").And.Contain("report ledger").And.Contain("report funds")
            .And.Contain("report balance-sheet").And.Contain("report income").And.Contain("vouchers list").And.Contain("assets list").And.Contain("notices list")
            .And.Contain("accounts list").And.Contain("members list").And.Contain("distribution show"));
        Assert.That(withFormat, Does.Not.Contain("verify"));
    }

    [TestCase("report", "journal", "--period", "2025-03")]
    [TestCase("report", "ledger", "--account", "10201", "--period", "2025-03")]
    [TestCase("report", "funds", "--period", "2025-03")]
    [TestCase("vouchers", "list", "--period", "2025-03")]
    [TestCase("accounts", "list")]
    [TestCase("members", "list")]
    [TestCase("report", "balance-sheet", "--period", "2025-03")]
    public void A_listing_or_report_writes_a_workbook_that_reads_back(params string[] words)
    {
        using var ledger = Posted();
        var file = Path.Combine(ledger.Dir, "out.xlsx");

        ledger.Ok([.. words, "--format", "xlsx", "--out", file]);

        var rows = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.That(rows, Is.Not.Empty);
        var sheet = XlsxFile.Sheet(file, string.Join(' ', words.TakeWhile(w => !w.StartsWith("--", StringComparison.Ordinal))));
        Assert.That(sheet.Descendants(XlsxFile.Main + "pageSetup").Single().Attribute("paperSize")!.Value, Is.EqualTo("9"));
        Assert.That(sheet.Descendants(XlsxFile.Main + "f"), Is.Empty, "never a formula");
    }

    [Test]
    public void Xlsx_without_out_and_out_without_xlsx_are_usage_errors()
    {
        using var ledger = Posted();

        var noOut = ledger.Run("report", "trial-balance", "--period", "2025-03", "--format", "xlsx");
        var noXlsx = ledger.Run("report", "trial-balance", "--period", "2025-03", "--out", Path.Combine(ledger.Dir, "x.xlsx"));
        var verify = ledger.Run("verify", "--format", "xlsx");

        Assert.That(noOut.Code, Is.EqualTo(2));
        Assert.That(noOut.Err, Does.Contain("--format xlsx needs --out"));
        Assert.That(noOut.Out, Is.Empty, "nothing binary on the terminal");
        Assert.That(noXlsx.Code, Is.EqualTo(2));
        Assert.That(File.Exists(Path.Combine(ledger.Dir, "x.xlsx")), Is.False);
        Assert.That(verify.Code, Is.EqualTo(2));
    }

    [Test]
    public void The_same_report_gives_the_same_bytes()
    {
        using var ledger = Posted();
        var first = Path.Combine(ledger.Dir, "a.xlsx");
        var second = Path.Combine(ledger.Dir, "b.xlsx");

        ledger.Ok("report", "trial-balance", "--period", "2025-03", "--format", "xlsx", "--out", first);
        ledger.Ok("report", "trial-balance", "--period", "2025-03", "--format", "xlsx", "--out", second);

        Assert.That(File.ReadAllBytes(second), Is.EqualTo(File.ReadAllBytes(first)));
    }

    [Test]
    public void A_notice_draft_as_xlsx_has_each_table_on_a_sheet_with_amounts_as_numbers_and_the_checkpoint_last()
    {
        using var ledger = Posted();
        var file = Path.Combine(ledger.Dir, "notice.xlsx");

        ledger.Ok("disclose", "--period", "2025-03", "--date", "2025-04-03", "--out", file);

        var sheets = XlsxFile.Part(file, "xl/workbook.xml").Descendants(XlsxFile.Main + "sheet").Select(s => (string)s.Attribute("name")!).ToList();
        Assert.That(sheets[0], Is.EqualTo("2025年3月财务公开榜"));
        Assert.That(sheets[^1], Does.Contain("核验"));
        var items = XlsxFile.Sheet(file, sheets[0]);
        var amount = items.Descendants(XlsxFile.Main + "c").Single(c => c.Attribute("t") is null && c.Element(XlsxFile.Main + "v")?.Value == "1234567.50");
        Assert.That(XlsxFile.NumberFormatOf(file, amount), Is.EqualTo("#,##0.00"));
        Assert.That(items.Descendants(XlsxFile.Main + "pageSetup").Single().Attribute("paperSize")!.Value, Is.EqualTo("9"));
    }
}
