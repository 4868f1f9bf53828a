using System.Globalization;
using System.Text;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// A log whose chain holds but whose entry the schema refuses, restored on either engine: the refusal names
/// that entry however the rows reach the books (on PostgreSQL an entry's rows wait for the next ones and go
/// to the server a hundred entries at a time, so the refusal arrives while later entries are being made).
/// </summary>
public class RefusedEntryTests
{
    [Test]
    public void A_voucher_on_a_parent_account_re_chained_among_many_is_refused_by_the_schema_naming_its_line_and_nothing_is_left()
    {
        using var source = TestLedger.WithBasics();
        var vouchers = new StringBuilder();
        for (var i = 0; i < 150; i++)
            vouchers.Append(CultureInfo.InvariantCulture,
                $$"""{"ref":"r-{{i}}","date":"2025-03-{{1 + i % 28:D2}}","summary":"凭证 {{i}}","lines":[{"account":"50101","debit":"{{i + 1}}.00"},{"account":"10201","credit":"{{i + 1}}.00"}]}""").Append('\n');
        source.Ok("vouchers", "import", source.WriteFile("vouchers.jsonl", vouchers.ToString()));
        var log = Path.Combine(source.Dir, "log.jsonl");
        source.Ok("log", "export", "--out", log);
        var lines = File.ReadAllText(log, Encoding.UTF8).TrimEnd('\n').Split('\n');
        // The fifth voucher's bank line moved onto 102, the parent of 10201: a posting no leaf account holds.
        var forged = Array.FindIndex(lines, l => l.Contains("\"ref\":\"r-4\"", StringComparison.Ordinal));
        Assert.That(lines.Length - forged, Is.GreaterThan(140), "many entries follow the forged one");
        lines[forged] = lines[forged].Replace("\"account\":\"10201\"", "\"account\":\"102\"", StringComparison.Ordinal);
        using var target = new TestLedger();
        var file = target.WriteFile("forged.jsonl", TestLedger.Rechained(lines, from: forged));

        var (code, stdout, stderr) = target.Run("--lang", "en", "restore", "--from-log", file);

        Assert.That(code, Is.EqualTo(1), stdout + stderr);
        Assert.That(stderr, Does.Contain($"line {forged + 1}: entry {forged} cannot be stored"));
        Assert.That(stderr, Does.Contain("AccountNotLeaf"), "the schema's rule refused it");
        Assert.That(stderr, Does.Not.Match(TestLedger.StackTraceLine));
        var (reopen, _, reopenErr) = target.Run("verify");
        Assert.That(reopen, Is.EqualTo(2), "no books were left: " + reopenErr);
    }

    /// <summary>
    /// A reversal re-chained to reverse the voucher the next entry posts: row by row the reference finds no such
    /// voucher yet and the schema refuses it, on either engine. (On PostgreSQL a run of vouchers goes as one INSERT
    /// whose references are checked at its end, where the later voucher would be found: reversals stay out of runs.)
    /// </summary>
    [Test]
    public void A_reversal_re_chained_to_reverse_the_voucher_after_it_is_refused_by_the_schema_naming_its_line()
    {
        using var source = TestLedger.WithBasics();
        var vouchers = new StringBuilder();
        for (var i = 0; i < 3; i++)
            vouchers.Append(CultureInfo.InvariantCulture,
                $$"""{"ref":"r-{{i}}","date":"2025-03-{{1 + i:D2}}","summary":"凭证 {{i}}","lines":[{"account":"50101","debit":"{{i + 1}}.00"},{"account":"10201","credit":"{{i + 1}}.00"}]}""").Append('\n');
        source.Ok("vouchers", "import", source.WriteFile("a.jsonl", vouchers.ToString()));
        source.Ok("vouchers", "reverse", "2", "--period", "2025-03", "--date", "2025-03-10", "--reason", "重复记账");
        source.Ok("vouchers", "import", source.WriteFile("b.jsonl",
            """{"ref":"r-9","date":"2025-03-11","summary":"凭证 9","lines":[{"account":"50101","debit":"2.00"},{"account":"10201","credit":"2.00"}]}""" + "\n"));
        var log = Path.Combine(source.Dir, "log.jsonl");
        source.Ok("log", "export", "--out", log);
        var lines = File.ReadAllText(log, Encoding.UTF8).TrimEnd('\n').Split('\n');
        var reversal = Array.FindIndex(lines, l => l.Contains("\"reverses\":{", StringComparison.Ordinal));
        Assert.That(reversal, Is.GreaterThan(0));
        Assert.That(lines[reversal - 1], Does.Contain("\"ref\":\"r-2\""), "a voucher comes just before the reversal");
        Assert.That(lines[reversal + 1], Does.Contain("\"ref\":\"r-9\""), "the next voucher follows the reversal at once");
        // The reversal of March's voucher 2 now reverses voucher 5, which the entry after it posts.
        lines[reversal] = lines[reversal].Replace("\"reverses\":{\"number\":2,", "\"reverses\":{\"number\":5,", StringComparison.Ordinal);
        Assert.That(lines[reversal], Does.Contain("\"reverses\":{\"number\":5,"));
        using var target = new TestLedger();
        var file = target.WriteFile("forged.jsonl", TestLedger.Rechained(lines, from: reversal));

        var (code, stdout, stderr) = target.Run("--lang", "en", "restore", "--from-log", file);

        Assert.That(code, Is.EqualTo(1), "a reversal of a voucher not yet posted is refused: " + stdout + stderr);
        Assert.That(stderr, Does.Contain($"line {reversal + 1}: entry {reversal} cannot be stored"));
        Assert.That(stderr, Does.Not.Match(TestLedger.StackTraceLine));
        var (reopen, _, reopenErr) = target.Run("verify");
        Assert.That(reopen, Is.EqualTo(2), "no books were left: " + reopenErr);
    }
}
