using System.Text;
using CollectiveLedger.Tests.Storage;

namespace CollectiveLedger.Tests.Cli;

/// <summary>Rules and error paths found in review: each ends in a clear message and the books as they were.</summary>
public class HardeningTests
{
    private static string V(string reference, string date, string lines) =>
        $$"""{"ref":"{{reference}}","date":"{{date}}","summary":"测试","lines":[{{lines}}]}""";

    [Test]
    public void Spending_more_than_a_fund_received_is_refused_with_FundOverspent_naming_fund_balance_and_shortfall()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("in.jsonl",
            V("IN", "2025-03-01", """{"account":"10201","debit":"500.00","fund":"F01"},{"account":"241","credit":"500.00","fund":"F01"}""") + "\n"));
        var before = ledger.Head();

        var (code, _, err) = ledger.Run("vouchers", "import", ledger.WriteFile("out.jsonl",
            V("OUT", "2025-03-02", """{"account":"153","debit":"900.00","fund":"F01"},{"account":"10201","credit":"900.00","fund":"F01"}""") + "\n"));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("[FundOverspent]").And.Contain("F01").And.Contain("500.00").And.Contain("400.00"));
        Assert.That(ledger.Head(), Is.EqualTo(before));
    }

    [Test]
    public void Reversing_a_fund_receipt_whose_money_was_spent_is_refused()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.jsonl",
            V("IN", "2025-03-01", """{"account":"10201","debit":"500.00","fund":"F01"},{"account":"241","credit":"500.00","fund":"F01"}""") + "\n" +
            V("OUT", "2025-03-02", """{"account":"153","debit":"300.00","fund":"F01"},{"account":"10201","credit":"300.00","fund":"F01"}""") + "\n"));

        var (code, _, err) = ledger.Run("vouchers", "reverse", "1", "--period", "2025-03", "--date", "2025-03-05", "--reason", "错");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("[FundOverspent]"));
    }

    [Test]
    public void A_file_already_imported_imports_again_as_a_no_op_after_its_month_closed()
    {
        using var ledger = TestLedger.WithBasics();
        var file = ledger.WriteFile("v.jsonl", V("A", "2025-01-05", """{"account":"10201","debit":"1.00"},{"account":"50101","credit":"1.00"}""") + "\n");
        ledger.Ok("vouchers", "import", file);
        ledger.Ok("period", "close", "2025-01");
        var head = ledger.Head();

        Assert.That(ledger.Ok("vouchers", "import", file), Does.Contain("1 were already posted"));
        Assert.That(ledger.Head(), Is.EqualTo(head));
    }

    [Test]
    public void Every_bad_line_of_a_voucher_is_reported_not_just_the_first()
    {
        using var ledger = TestLedger.WithBasics();

        var (_, _, err) = ledger.Run("vouchers", "import", ledger.WriteFile("v.jsonl",
            V("B", "2025-03-01", """{"account":"10201","debit":"1.001"},{"account":"50101","credit":"-1"},{"account":"50101","credit":"0"}""") + "\n"));

        Assert.That(err, Does.Contain("lines[0].debit").And.Contain("lines[1].credit").And.Contain("lines[2].credit"));
    }

    [Test]
    public void A_lone_surrogate_in_a_voucher_file_is_invalid_text_not_a_crash()
    {
        using var ledger = TestLedger.WithBasics();

        var (code, _, err) = ledger.Run("vouchers", "import", ledger.WriteFile("v.json",
            "[" + V("C", "2025-03-01", """{"account":"10201","debit":"1.00","summary":"坏\ud800"},{"account":"50101","credit":"1.00"}""") + "]"));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("[FieldInvalid]").And.Contain("not valid Unicode"));
    }

    [Test]
    public void A_log_entry_holding_invalid_utf8_is_a_verify_problem_not_a_crash()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Sql("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET entry = X'7B22FF22' WHERE seq = 2");

        var (code, stdout, stderr) = ledger.Run("verify", "--format", "table");

        Assert.That(code, Is.EqualTo(1), stderr);
        Assert.That(stdout, Does.Contain("[canonical] seq 2"));
    }

    [Test, Category(TestLedger.SqliteOnly)] // SQLite text can hold a NUL character; PostgreSQL's text cannot, so there is nothing to hide there
    public void A_nul_character_cannot_hide_an_edit_from_verify()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Sql("UPDATE accounts SET name = '信用社基本户' || char(0) || '假账户' WHERE code = '10201'");

        var (code, stdout, _) = ledger.Run("verify", "--format", "table");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Does.Contain("accounts 10201"));
    }

    [TestCase("--quarter", "9999-Q4")]
    [TestCase("--quarter", "-001-Q1")]
    [TestCase("--year", "0")]
    public void An_impossible_notice_period_is_a_usage_error(string option, string value)
    {
        using var ledger = TestLedger.WithBasics();

        var (code, _, err) = ledger.Run("disclose", option, value, "--out", Path.Combine(ledger.Dir, "x.json"));

        Assert.That(code, Is.EqualTo(2));
        Assert.That(err, Does.Not.Match(TestLedger.StackTraceLine));
    }

    [Test, Category(TestLedger.SqliteOnly)] // the demo makes its books as a SQLite file in its folder
    public void The_demo_never_deletes_a_ledger_it_did_not_make()
    {
        using var ledger = TestLedger.WithBasics();
        var before = ledger.Head();

        var (code, _, err) = ledger.Run("demo", "--out", ledger.Dir, "--samples", TestLedger.Samples);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(err, Does.Contain("not a demo ledger"));
        Assert.That(ledger.Head(), Is.EqualTo(before));
    }

    [Test]
    public void An_actor_with_control_characters_never_reaches_the_log()
    {
        using var ledger = TestLedger.WithBasics();

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CollectiveLedger.Cli.Program.Run([.. ledger.DbArgs, "--actor", "bad\nactor", "funds", "add", "F9", "x"], stdout, stderr, TestClock.Fixed);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr.ToString(), Does.Contain("--actor"));
    }

    [Test]
    public void An_empty_csv_file_is_refused_as_malformed()
    {
        using var ledger = TestLedger.WithBasics();

        var (code, _, err) = ledger.Run("vouchers", "import", ledger.WriteFile("empty.csv", ""));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("[MalformedCsv]").And.Contain("empty"));
    }

    private const string CsvHeader = "ref,date,summary,attachments,kind,account,debit,credit,fund,member,counterparty,line_summary\r\n";

    [TestCase("R1,2025-03-01,收入,0,normal,10201,5.00,,,,,\r\nR1,2025-03-02,收入,0,normal,50101,,5.00,,,,\r\n", "differs from the voucher's first row")]
    [TestCase("R1,2025-03-01,收入,0,normal,10201,5.00,,,,,\r\nR1,2025-03-01,收入,0,normal,50101,,5.00,,,,\r\n" +
              "R2,2025-03-01,支出,0,normal,513,1.00,,,,,\r\nR2,2025-03-01,支出,0,normal,10201,,1.00,,,,\r\n" +
              "R1,2025-03-01,收入,0,normal,10201,5.00,,,,,\r\nR1,2025-03-01,收入,0,normal,50101,,5.00,,,,\r\n", "rows must be consecutive")]
    [TestCase(",2025-03-01,收入,0,normal,10201,5.00,,,,,\r\n,2025-03-01,收入,0,normal,50101,,5.00,,,,\r\n", "every row carries its voucher's ref")]
    public void Csv_rows_that_contradict_their_voucher_are_named_not_ignored(string rows, string message)
    {
        using var ledger = TestLedger.WithBasics();
        var before = ledger.Head();

        var (code, _, err) = ledger.Run("vouchers", "import", ledger.WriteFile("v.csv", CsvHeader + rows));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("[FieldInvalid]").Or.Contain("[FieldMissing]"));
        Assert.That(err, Does.Contain(message));
        Assert.That(ledger.Head(), Is.EqualTo(before));
    }
}
