using System.Net;
using System.Text;
using System.Text.Json;
using CollectiveLedger.Tests.Reports;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// What the project notice (<see cref="ProjectNoticeTests"/>) and the distribution notice
/// (<see cref="DistributionNoticeTests"/>) share, end to end through the real command line:
/// <c>disclose</c> writes either from the books as they are, in four formats, the same bytes for the
/// same books and date, appending nothing; it refuses a future date and takes no month notice's period
/// option. Each derived fixture gives its books and its scope; the tests here run in both.
/// </summary>
public abstract class NoticeCommandTests
{
    /// <summary>The options that name the notice, e.g. <c>--fund F02</c>.</summary>
    protected abstract string[] Scope { get; }

    /// <summary>The notice's date (--date) in these tests.</summary>
    protected abstract string Date { get; }

    /// <summary>Books with the notice to make.</summary>
    protected abstract TestLedger NoticeBooks();

    /// <summary>The notice's own content, as <see cref="Every_format_is_written_by_the_command_line_and_the_log_is_left_as_it_was"/> finds it in each format.</summary>
    protected abstract void AssertContent(string html, string csv, JsonElement json);

    /// <summary>Writes the notice dated <see cref="Date"/> to <paramref name="file"/> (its extension the format) and reads it back; --unsigned unless <paramref name="extra"/> signs.</summary>
    protected byte[] Notice(TestLedger ledger, string file, params string[] extra)
    {
        var path = Path.Combine(ledger.Dir, file);
        ledger.Ok(["disclose", .. Scope, "--date", Date, "--out", path, .. extra.Contains("--sign") ? extra : [.. extra, "--unsigned"]]);
        return File.ReadAllBytes(path);
    }

    /// <summary>The notice as text, as a reader sees it in each format: PDF, HTML, CSV and JSON.</summary>
    protected string[] EveryFormatAsText(TestLedger ledger) =>
    [
        string.Concat(PdfText.Pages(Notice(ledger, "n.pdf"))), WebUtility.HtmlDecode(Encoding.UTF8.GetString(Notice(ledger, "n.html"))),
        Encoding.UTF8.GetString(Notice(ledger, "n.csv")), Encoding.UTF8.GetString(Notice(ledger, "n.json")),
    ];

    [Test]
    public void Every_format_is_written_by_the_command_line_and_the_log_is_left_as_it_was()
    {
        using var ledger = NoticeBooks();
        var head = ledger.Head();

        var pdf = Notice(ledger, "notice.pdf");
        var html = WebUtility.HtmlDecode(Encoding.UTF8.GetString(Notice(ledger, "notice.html")));
        var csv = Notice(ledger, "notice.csv");
        var json = JsonDocument.Parse(Notice(ledger, "notice.json")).RootElement;

        Assert.That(pdf.AsSpan(0, 5).ToArray(), Is.EqualTo("%PDF-"u8.ToArray()));
        Assert.That(html, Does.Contain("<svg"));
        Assert.That(csv.Take(3), Is.EqualTo(Encoding.UTF8.GetPreamble()));
        AssertContent(html, Encoding.UTF8.GetString(csv), json);
        Assert.That(json.GetProperty("verification").GetProperty("head_hash").GetString(), Is.EqualTo(head.Hash), "the checkpoint of the books as they are");
        Assert.That(ledger.Head(), Is.EqualTo(head), "the notice appends nothing to the log");
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void The_same_books_with_the_same_date_give_identical_files_in_every_format()
    {
        using var ledger = NoticeBooks();

        foreach (var format in new[] { "pdf", "html", "csv", "json" })
            Assert.That(Notice(ledger, $"b.{format}"), Is.EqualTo(Notice(ledger, $"a.{format}")), format);
    }

    [Test]
    public void Without_a_passphrase_it_is_refused_naming_both_ways_out_and_with_one_it_is_signed_with_the_organizations_key()
    {
        using var ledger = NoticeBooks();
        var head = ledger.Head();
        var path = Path.Combine(ledger.Dir, "signed.json");
        Environment.SetEnvironmentVariable("CLEDGER_PASSPHRASE", null);

        var refused = ledger.Run(["disclose", .. Scope, "--date", Date, "--out", path]);
        var headAfterRefusal = ledger.Head();
        Environment.SetEnvironmentVariable("CLEDGER_PASSPHRASE", "org-passphrase-1234");
        try { ledger.Ok(["disclose", .. Scope, "--date", Date, "--out", path]); }
        finally { Environment.SetEnvironmentVariable("CLEDGER_PASSPHRASE", null); }

        Assert.That(refused.Code, Is.EqualTo(2));
        Assert.That(refused.Err, Does.Contain("CLEDGER_PASSPHRASE").And.Contain("--unsigned"));
        Assert.That(headAfterRefusal, Is.EqualTo(head), "nothing recorded");
        var verification = JsonDocument.Parse(File.ReadAllBytes(path)).RootElement.GetProperty("verification");
        Assert.That(verification.GetProperty("signed").GetBoolean(), Is.True);
        Assert.That(verification.GetProperty("keys")[0].GetProperty("name").GetString(), Does.StartWith("collectiveledger.local/"));
        var (code, stdout, stderr) = ledger.Run("verify", "--checkpoint", ledger.WriteFile("note.txt", verification.GetProperty("signed_note").GetString()!), "--format", "json");
        Assert.That(code, Is.Zero, stderr);
        Assert.That(JsonDocument.Parse(stdout).RootElement.GetProperty("checkpoints")[0].GetProperty("status").GetString(), Is.EqualTo("consistent"));
    }

    [Test]
    public void A_future_date_and_a_period_option_are_refused()
    {
        using var ledger = NoticeBooks();

        var future = ledger.Run(["disclose", .. Scope, "--date", "2999-01-01", "--format", "json"]);
        var withPeriod = ledger.Run(["disclose", .. Scope, "--period", "2025-03", "--format", "json"]);
        var withYear = ledger.Run(["disclose", .. Scope, "--year", "2025", "--format", "json"]);

        Assert.That((future.Code, withPeriod.Code, withYear.Code), Is.EqualTo((1, 2, 2)));
        Assert.That(future.Err, Does.Contain("[DateInFuture]"));
    }
}
