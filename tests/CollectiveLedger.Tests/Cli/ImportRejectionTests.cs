using System.Text;

namespace CollectiveLedger.Tests.Cli;

/// <summary>Bad input ends with exit 1, a message naming the place and the rule, and the log exactly as it was.</summary>
public class ImportRejectionTests
{
    private const string Good = """{"ref":"R1","date":"2025-03-05","summary":"收取草场承包费","lines":[{"account":"10201","debit":"100.00"},{"account":"50101","credit":"100.00","member":"M001"}]}""";

    private static string Voucher(string lines, string date = "2025-03-05", string extra = "") =>
        $$"""{"ref":"X1","date":"{{date}}","summary":"测试"{{extra}},"lines":[{{lines}}]}""";

    private static readonly object[] Cases =
    [
        new object[] { "[" + Voucher("""{"account":"10201","debit":"100.00"},{"account":"50101","credit":"90.00"}""") + "]", "EntryMustBalance", "X1" },
        new object[] { "[" + Voucher("""{"account":"10201","debit":"100.00"}""") + "]", "TooFewLines", "X1" },
        new object[] { "[" + Voucher("""{"account":"10201","debit":"1.00","credit":"1.00"},{"account":"50101","credit":"1.00"}""") + "]", "LineMustHaveOneSide", "lines[0]" },
        new object[] { "[" + Voucher("""{"account":"10201"},{"account":"50101","credit":"1.00"}""") + "]", "LineMustHaveOneSide", "lines[0]" },
        new object[] { "[" + Voucher("""{"account":"10201","debit":"-1.00"},{"account":"50101","credit":"-1.00"}""") + "]", "AmountNotPositive", "lines[0].debit" },
        new object[] { "[" + Voucher("""{"account":"10201","debit":"0.00"},{"account":"50101","credit":"0"}""") + "]", "AmountNotPositive", "lines[0].debit" },
        new object[] { "[" + Voucher("""{"account":"10201","debit":"1.005"},{"account":"50101","credit":"1.005"}""") + "]", "AmountTooManyDecimals", "lines[0].debit" },
        new object[] { "[" + Voucher("""{"account":"10201","debit":"999999999999999.00"},{"account":"50101","credit":"999999999999999.00"}""") + "]", "AmountTooLarge", "lines[0].debit" },
        new object[] { "[" + Voucher("""{"account":"10201","debit":12.5},{"account":"50101","credit":"12.50"}""") + "]", "FieldInvalid", "lines[0].debit" },
        new object[] { "[" + Voucher("""{"account":"10299","debit":"1.00"},{"account":"50101","credit":"1.00"}""") + "]", "AccountNotFound", "10299" },
        new object[] { "[" + Voucher("""{"account":"102","debit":"1.00"},{"account":"50101","credit":"1.00"}""") + "]", "AccountNotLeaf", "102" },
        new object[] { "[" + Voucher("""{"account":"10201","debit":"1.00","fund":"F99"},{"account":"50101","credit":"1.00"}""") + "]", "FundNotFound", "F99" },
        new object[] { "[" + Voucher("""{"account":"10201","debit":"1.00"},{"account":"50101","credit":"1.00","member":"M999"}""") + "]", "MemberNotFound", "M999" },
        new object[] { "[" + Voucher("""{"account":"10201","debit":"1.00"},{"account":"50101","credit":"1.00"}""", date: "2024-12-31") + "]", "DateBeforeLedgerStart", "2024-12-31" },
        new object[] { "[" + Voucher("""{"account":"10201","debit":"1.00"},{"account":"50101","credit":"1.00"}""", date: "2099-01-01") + "]", "DateInFuture", "2099-01-01" },
        new object[] { "[" + Voucher("""{"account":"10201","debit":"1.00"},{"account":"50101","credit":"1.00"}""", date: "2025-02-30") + "]", "DateInvalid", "2025-02-30" },
        new object[] { "[" + Voucher("""{"account":"10201","debit":"1.00"},{"account":"50101","credit":"1.00"}""", extra: ",\"summary2\":1") + "]", "FieldUnknown", "summary2" },
        new object[] { "[" + Voucher("""{"account":"10201","debit":"1.00","summary":"a\u0007b"},{"account":"50101","credit":"1.00"}""") + "]", "ControlCharacter", "lines[0].summary" },
        new object[] { "[" + Voucher("""{"account":"10201","debit":"1.00","summary":"{{LONG}}"},{"account":"50101","credit":"1.00"}""") + "]", "TextTooLong", "lines[0].summary" },
        new object[] { "[" + Voucher("""{"account":"10201","debit":"1.00"},{"account":"50101","credit":"1.00"}""", extra: ",\"kind\":\"weird\"") + "]", "KindInvalid", "weird" },
        new object[] { "[" + Voucher("""{"account":"10201","debit":"1.00"},{"account":"50101","credit":"1.00"}""", extra: ",\"kind\":\"opening\"") + "]", "OpeningDateMustBeLedgerStart", "2025-03-05" },
        new object[] { "[" + Good + "," + Good.Replace("100.00", "200.00") + "]", "RefExistsWithDifferentContent", "R1" },
        new object[] { "[" + Good + ",", "MalformedJson", "vouchers.json" },
        new object[] { "not json at all {", "MalformedJson", "vouchers.json:1" },
    ];

    [TestCaseSource(nameof(Cases))]
    public void Bad_voucher_file_is_rejected_whole_with_its_rule_and_place(string content, string code, string placeHint)
    {
        using var ledger = TestLedger.WithBasics();
        var before = ledger.Head();
        var file = ledger.WriteFile("vouchers.json", content.Replace("{{LONG}}", new string('长', 201)) + "\n");

        var (exit, _, err) = ledger.Run("vouchers", "import", file);

        Assert.That(exit, Is.EqualTo(1), err);
        Assert.That(err, Does.Contain($"[{code}]"));
        Assert.That(err, Does.Contain(placeHint));
        Assert.That(err, Does.Not.Match(TestLedger.StackTraceLine), "no stack trace for a user error");
        Assert.That(ledger.Head(), Is.EqualTo(before), "the log is exactly as it was");
    }

    [Test]
    public void A_good_voucher_before_a_bad_one_is_not_posted_either()
    {
        using var ledger = TestLedger.WithBasics();
        var before = ledger.Head();
        var bad = Voucher("""{"account":"10201","debit":"1.00"},{"account":"50101","credit":"2.00"}""");
        var file = ledger.WriteFile("v.jsonl", Good + "\n" + bad + "\n");

        var (exit, _, err) = ledger.Run("vouchers", "import", file);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(err, Does.Contain("v.jsonl:2"));
        Assert.That(ledger.Head(), Is.EqualTo(before));
    }

    [Test]
    public void Every_violation_in_a_file_is_reported_at_once()
    {
        using var ledger = TestLedger.WithBasics();
        var file = ledger.WriteFile("v.jsonl",
            Voucher("""{"account":"10299","debit":"1.00"},{"account":"50101","credit":"2.00"}""") + "\n" +
            Voucher("""{"account":"10201","debit":"1.001"},{"account":"50101","credit":"1.00","fund":"NOPE"}""").Replace("X1", "X2") + "\n");

        var (_, _, err) = ledger.Run("vouchers", "import", file);

        Assert.That(err, Does.Contain("[AccountNotFound]").And.Contain("[EntryMustBalance]").And.Contain("[AmountTooManyDecimals]").And.Contain("[FundNotFound]"));
        Assert.That(err.IndexOf("[AccountNotFound]", StringComparison.Ordinal), Is.LessThan(err.IndexOf("[EntryMustBalance]", StringComparison.Ordinal)),
            "state rules come before the balance in the order of precedence");
    }

    [Test]
    public void A_gb18030_file_read_as_utf8_is_refused_with_the_fix_named()
    {
        using var ledger = TestLedger.WithBasics();
        var before = ledger.Head();
        var csv = "ref,date,summary,attachments,kind,account,debit,credit,fund,member,counterparty,line_summary\r\n" +
                  "G1,2025-03-05,收取草场承包费,1,normal,10201,100.00,,,,,\r\nG1,2025-03-05,收取草场承包费,1,normal,50101,,100.00,,M001,,\r\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var file = ledger.WriteFile("gb.csv", csv, Encoding.GetEncoding("GB18030"));

        var (exit, _, err) = ledger.Run("vouchers", "import", file);
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(err, Does.Contain("[EncodingInvalid]").And.Contain("--encoding gb18030"));
        Assert.That(ledger.Head(), Is.EqualTo(before));

        ledger.Ok("vouchers", "import", file, "--encoding", "gb18030");
        Assert.That(ledger.Ok("vouchers", "show", "1", "--period", "2025-03"), Does.Contain("收取草场承包费"));
    }

    [Test]
    public void Posting_into_a_closed_month_is_refused()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("period", "close", "2025-01");
        var before = ledger.Head();
        var file = ledger.WriteFile("v.json", "[" + Voucher("""{"account":"10201","debit":"1.00"},{"account":"50101","credit":"1.00"}""", date: "2025-01-20") + "]");

        var (exit, _, err) = ledger.Run("vouchers", "import", file);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(err, Does.Contain("[PeriodClosed]").And.Contain("2025-01"));
        Assert.That(ledger.Head(), Is.EqualTo(before));
    }

    [Test]
    public void Importing_the_same_file_again_changes_nothing()
    {
        using var ledger = TestLedger.WithBasics();
        var file = ledger.WriteFile("v.json", "[" + Good + "]");
        ledger.Ok("vouchers", "import", file);
        var after = ledger.Head();

        var output = ledger.Ok("vouchers", "import", file);

        Assert.That(output, Does.Contain("posted 0 vouchers; 1 were already posted"));
        Assert.That(ledger.Head(), Is.EqualTo(after));
    }

    [Test]
    public void Dry_run_validates_and_posts_nothing()
    {
        using var ledger = TestLedger.WithBasics();
        var before = ledger.Head();
        var file = ledger.WriteFile("v.json", "[" + Good + "]");

        var output = ledger.Ok("vouchers", "import", file, "--dry-run");

        Assert.That(output, Does.Contain("1 to post"));
        Assert.That(ledger.Head(), Is.EqualTo(before));
    }

    [Test, Category(TestLedger.SqliteOnly)] // a file that is not a SQLite ledger, and PRAGMA user_version
    public void A_file_that_is_not_a_ledger_and_a_newer_schema_are_refused_with_exit_2()
    {
        using var ledger = new TestLedger();
        File.WriteAllText(ledger.Db, "this is not a database, just text that is long enough to look like a header .................");
        var (exit, _, err) = ledger.Run("accounts", "list");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(err, Does.Contain("not a CollectiveLedger ledger database"));

        File.Delete(ledger.Db);
        ledger.Ok("init", "--org", "嘎查", "--org-code", "N2X", "--start", "2025-01");
        ledger.Sql("PRAGMA user_version = 99");
        (exit, _, err) = ledger.Run("accounts", "list");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(err, Does.Contain("newer than this program"));

        (exit, _, err) = ledger.Run("init", "--org", "嘎查", "--org-code", "N2X");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(err, Does.Contain("will not be overwritten"));
    }
}
