using System.Diagnostics;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// The real `cledger` under a machine culture with another calendar or digits: the books and notices
/// it writes are the same as anywhere (ISO dates of the Gregorian calendar, ASCII digits).
/// </summary>
public class CultureTests
{
    [TestCase("th_TH.UTF-8", "2568")]
    [TestCase("fa_IR.UTF-8", "1404")]
    [TestCase("ar_SA.UTF-8", "1446")]
    public void Notices_and_reports_written_under_a_foreign_calendar_carry_gregorian_iso_dates(string locale, string foreignYear)
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json",
            """[{"ref":"A","date":"2025-03-05","summary":"收取草场承包费","lines":[{"account":"10201","debit":"1234.50"},{"account":"50101","credit":"1234.50"}]}]"""));
        var json = Path.Combine(ledger.Dir, "notice.json");

        var notice = Run(ledger, locale, "disclose", "--period", "2025-03", "--date", "2025-04-03", "--out", json);
        var csv = Run(ledger, locale, "report", "trial-balance", "--period", "2025-03", "--format", "csv");
        var list = Run(ledger, locale, "vouchers", "list", "--period", "2025-03", "--format", "table");

        Assert.That(notice.Code, Is.Zero, notice.Err);
        var text = File.ReadAllText(json);
        var root = System.Text.Json.JsonDocument.Parse(text).RootElement;
        Assert.That(root.GetProperty("publication_date").GetString(), Is.EqualTo("2025-04-03"));
        Assert.That(root.GetProperty("income_items")[0].GetProperty("date").GetString(), Is.EqualTo("2025-03-05"));
        Assert.That(text, Does.Not.Contain(foreignYear));
        Assert.That(csv.Out, Does.Contain("1234.50").And.Not.Contain(foreignYear));
        Assert.That(list.Out, Does.Contain("2025-03-05").And.Contain("1,234.50").And.Not.Contain(foreignYear));
    }

    private static (int Code, string Out, string Err) Run(TestLedger ledger, string locale, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cledger.dll"));
        foreach (var a in (string[])[.. ledger.DbArgs, "--lang", "en", .. args]) info.ArgumentList.Add(a);
        info.Environment["LANG"] = locale;
        info.Environment["LC_ALL"] = locale;
        TestClock.Set(info);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
