namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// A voucher file that names its accounts beside their codes (account_name) is checked against the
/// chart: a 2004-coded file (502 经营支出, 211 应付工资...) is refused, not posted into the 2023
/// accounts that now carry those codes.
/// </summary>
public class AccountNameTests
{
    private static string Voucher(string lines) =>
        $$"""[{"ref":"N1","date":"2025-03-05","summary":"测试","lines":[{{lines}}]}]""";

    [Test]
    public void A_name_that_is_the_2004_meaning_of_the_code_is_refused_with_the_converter_named()
    {
        using var ledger = TestLedger.WithBasics();
        var before = ledger.Head();
        var file = ledger.WriteFile("old.json", Voucher("""
            {"account":"502","account_name":"经营支出","debit":"100.00"},{"account":"10201","account_name":"信用社基本户","credit":"100.00"}
            """));

        var (exit, _, err) = ledger.Run("--lang", "zh-CN", "vouchers", "import", file);

        Assert.That(exit, Is.EqualTo(1), err);
        Assert.That(err, Does.Contain("[AccountNameIs2004]"));
        Assert.That(err, Does.Contain("lines[0].account_name"));
        Assert.That(err, Does.Contain("“经营支出”").And.Contain("“投资收益”"));
        Assert.That(err, Does.Contain("accounts convert-2004"));
        Assert.That(ledger.Head(), Is.EqualTo(before));
    }

    [Test]
    public void A_name_that_is_neither_the_ledgers_nor_the_2004_one_is_refused_as_a_mismatch()
    {
        using var ledger = TestLedger.WithBasics();
        var file = ledger.WriteFile("bad.json", Voucher("""
            {"account":"10201","account_name":"农行账户","debit":"100.00"},{"account":"50101","credit":"100.00"}
            """));

        var (exit, _, err) = ledger.Run("vouchers", "import", file);

        Assert.That(exit, Is.EqualTo(1), err);
        Assert.That(err, Does.Contain("[AccountNameMismatch]").And.Contain("10201").And.Contain("信用社基本户"));
        Assert.That(err, Does.Not.Contain("AccountNameIs2004"));
    }

    [Test]
    public void Names_that_agree_with_the_chart_and_its_sub_accounts_are_posted()
    {
        using var ledger = TestLedger.WithBasics();
        var file = ledger.WriteFile("good.json", Voucher("""
            {"account":"10201","account_name":"信用社基本户","debit":"100.00"},{"account":"50101","account_name":"草场承包费","credit":"100.00"}
            """));

        ledger.Ok("vouchers", "import", file);
    }

    [Test]
    public void A_csv_with_an_account_name_column_is_checked_and_the_row_is_named()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("accounts", "add", "21101", "工程款", "--parent", "211");
        var file = ledger.WriteFile("old.csv", """
            ref,date,summary,attachments,kind,account,account_name,debit,credit,fund,member,counterparty,line_summary
            C1,2025-03-05,发放工资,0,,21101,应付工资,100,,,,,
            C1,2025-03-05,发放工资,0,,10201,信用社基本户,,100,,,,

            """);

        var (exit, _, err) = ledger.Run("vouchers", "import", file);

        Assert.That(exit, Is.EqualTo(1), err);
        Assert.That(err, Does.Contain("[AccountNameMismatch]").And.Contain("old.csv:2"));
    }

    [Test]
    public void A_csv_level_one_code_with_its_2004_name_is_refused()
    {
        using var ledger = TestLedger.WithBasics();
        var file = ledger.WriteFile("old.csv", """
            ref,date,summary,attachments,kind,account,account_name,debit,credit,fund,member,counterparty,line_summary
            C1,2025-03-05,发放工资,0,,211,应付工资,100,,,,,
            C1,2025-03-05,发放工资,0,,10201,信用社基本户,,100,,,,

            """);

        var (exit, _, err) = ledger.Run("vouchers", "import", file);

        Assert.That(exit, Is.EqualTo(1), err);
        Assert.That(err, Does.Contain("[AccountNameIs2004]").And.Contain("old.csv:2").And.Contain("convert-2004"));
    }
}
