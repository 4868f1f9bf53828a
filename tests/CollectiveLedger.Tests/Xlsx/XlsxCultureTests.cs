using System.Diagnostics;
using System.Globalization;

namespace CollectiveLedger.Tests.Xlsx;

/// <summary>The real <c>cledger</c> process under th_TH (Buddhist calendar): workbooks read and written the same as anywhere.</summary>
public class XlsxCultureTests
{
    [Test]
    public void Under_th_TH_a_workbook_imports_and_a_report_workbook_holds_invariant_numbers_and_gregorian_dates()
    {
        using var ledger = TestLedger.WithBasics();
        var book = Path.Combine(ledger.Dir, "book.xlsx");
        XlsxFile.Write(book, "凭证",
        [
            [XlsxFile.Text("A1", "ref"), XlsxFile.Text("B1", "date"), XlsxFile.Text("C1", "summary"), XlsxFile.Text("D1", "account"),
             XlsxFile.Text("E1", "debit"), XlsxFile.Text("F1", "credit"), XlsxFile.Text("G1", "member")],
            [XlsxFile.Text("A2", "T1"), XlsxFile.Number("B2", "45721"), XlsxFile.Text("C2", "收取草场承包费"), XlsxFile.Number("D2", "10201"), XlsxFile.Number("E2", "1234.5")],
            [XlsxFile.Text("A3", "T1"), XlsxFile.Text("B3", "2025-03-05"), XlsxFile.Number("D3", "50101"), XlsxFile.Text("F3", "1,234.50"), XlsxFile.Text("G3", "M001")],
        ]);
        var report = Path.Combine(ledger.Dir, "journal.xlsx");

        var import = Run(ledger, "vouchers", "import", book);
        var journal = Run(ledger, "report", "journal", "--period", "2025-03", "--format", "xlsx", "--out", report);
        var bad = Run(ledger, "vouchers", "import", book.Replace("book", "missing"));

        Assert.That(import.Code, Is.Zero, import.Err);
        Assert.That(journal.Code, Is.Zero, journal.Err);
        var sheet = XlsxFile.Sheet(report, "report journal");
        var values = sheet.Descendants(XlsxFile.Main + "v").Select(v => v.Value).ToList();
        Assert.That(values, Does.Contain("1234.50"));
        Assert.That(values.Select(v => decimal.Parse(v, CultureInfo.InvariantCulture)), Is.Not.Empty, "every number in invariant digits");
        var texts = string.Concat(sheet.Descendants(XlsxFile.Main + "t").Select(t => t.Value));
        Assert.That(texts, Does.Contain("2025-03-05").And.Not.Contain("2568"));
        Assert.That(bad.Code, Is.EqualTo(1));
    }

    private static (int Code, string Out, string Err) Run(TestLedger ledger, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cledger.dll"));
        foreach (var a in (string[])[.. ledger.DbArgs, "--lang", "en", .. args]) info.ArgumentList.Add(a);
        info.Environment["LANG"] = "th_TH.UTF-8";
        info.Environment["LC_ALL"] = "th_TH.UTF-8";
        TestClock.Set(info);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
