using System.Text;
using System.Text.Json;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// accounts convert-2004: a 2023-12-31 科目余额表 in the 2004 chart becomes the 2024-01-01 opening
/// balances in the 2023 chart (新旧科目对照, 财会〔2023〕20号), which vouchers import posts.
/// </summary>
public class Convert2004Tests
{
    private static readonly string Sample = Path.Combine(TestLedger.Samples, "balances-2004.csv");

    private static TestLedger Fresh2024()
    {
        var ledger = new TestLedger();
        ledger.Ok("init", "--org", "测试嘎查股份经济合作社", "--org-code", "N2TEST", "--start", "2024-01", "--attachments-required", "false");
        return ledger;
    }

    [Test]
    public void The_sample_2004_balances_convert_and_import_into_a_ledger_starting_2024_with_the_files_totals()
    {
        using var ledger = Fresh2024();
        var opening = Path.Combine(ledger.Dir, "opening.json");

        ledger.Ok("accounts", "convert-2004", Sample, "--encoding", "gb18030", "--out", opening);
        ledger.Ok("vouchers", "import", opening);

        using var tb = JsonDocument.Parse(ledger.Ok("report", "trial-balance", "--period", "2024-01", "--format", "json"));
        var totals = tb.RootElement.GetProperty("totals");
        Assert.That(totals.GetProperty("opening_debit").GetString(), Is.EqualTo(FileTotal()));
        Assert.That(totals.GetProperty("opening_credit").GetString(), Is.EqualTo(FileTotal()));
        var rows = tb.RootElement.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        string Dr(string code) => rows[code].GetProperty("opening_debit").GetString()!;
        string Cr(string code) => rows[code].GetProperty("opening_credit").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(Dr("101"), Is.EqualTo("1250.00"), "现金 -> 库存现金");
            Assert.That(Dr("131"), Is.EqualTo("36000.00"), "牲畜(禽)资产—幼畜及育肥畜 -> 消耗性生物资产");
            Assert.That(Dr("132"), Is.EqualTo("60000.00"), "牲畜(禽)资产—产役畜 -> 生产性生物资产");
            Assert.That(Dr("153"), Is.EqualTo("35000.00"), "2004 154 在建工程 -> 153");
            Assert.That(Cr("211"), Is.EqualTo("18500.00"), "2004 202 应付款 -> 211");
            Assert.That(Cr("212"), Is.EqualTo("6000.00"), "2004 211 应付工资 -> 212");
            Assert.That(Cr("322"), Is.EqualTo("46000.00"));
        });
    }

    /// <summary>The debit total of the file's level-1 rows, as the file states it.</summary>
    private static string FileTotal()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Encoding.GetEncoding("GB18030").GetString(File.ReadAllBytes(Sample));
        var fen = text.Split('\n').Skip(1).Select(l => l.Trim().Split(','))
            .Where(f => f.Length == 4 && f[0].Length == 3 && f[2].Length > 0)
            .Sum(f => (long)(decimal.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture) * 100));
        Assert.That(fen, Is.GreaterThan(0));
        return (fen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Test]
    public void Rows_that_are_not_2004_accounts_or_need_the_accountants_decision_are_refused_by_line_and_nothing_is_written()
    {
        using var ledger = Fresh2024();
        var opening = Path.Combine(ledger.Dir, "opening.json");
        var file = ledger.WriteFile("old.csv", """
            code,name,debit,credit
            101,现金,1000.00,
            131,牲畜(禽)资产,500.00,
            212,应付福利费,,300.00
            502,投资收益,,
            541,管理费用,200.00,
            999,杂项,,
            301,资本,,1400.00

            """);

        var (exit, _, err) = ledger.Run("accounts", "convert-2004", file, "--out", opening);

        Assert.That(exit, Is.EqualTo(1), err);
        Assert.Multiple(() =>
        {
            Assert.That(err, Does.Contain("old.csv:3").And.Contain("[Balance2004NeedsDecision]").And.Contain("产役畜"), "牲畜(禽)资产 without its sub-accounts");
            Assert.That(err, Does.Contain("old.csv:4").And.Contain("应付福利费"));
            Assert.That(err, Does.Contain("old.csv:5").And.Contain("[Balance2004NameMismatch]"), "502 is 经营支出 in 2004: a 2023-chart list");
            Assert.That(err, Does.Contain("old.csv:6").And.Contain("[Balance2004NotClosed]"));
            Assert.That(err, Does.Contain("old.csv:7").And.Contain("[Balance2004AccountUnknown]"));
            Assert.That(err, Does.Not.Match(TestLedger.StackTraceLine));
        });
        Assert.That(File.Exists(opening), Is.False);
    }

    [Test]
    public void A_split_whose_sub_accounts_do_not_say_where_each_part_goes_is_refused()
    {
        using var ledger = Fresh2024();
        var file = ledger.WriteFile("old.csv", """
            科目编码,科目名称,期初余额,借方余额,贷方余额
            102,银行存款,0,1000,
            132,林木资产,0,600,
            13201,经济林木,0,400,
            13202,非经济林木,0,200,
            301,资本,0,,1600

            """);

        var (exit, _, err) = ledger.Run("accounts", "convert-2004", file, "--out", Path.Combine(ledger.Dir, "o.json"));

        Assert.That(exit, Is.EqualTo(1), err);
        Assert.That(err, Does.Contain("old.csv:3").And.Contain("[Balance2004NeedsDecision]").And.Contain("非经济林木"));
    }

    [Test]
    public void A_list_that_does_not_balance_is_refused()
    {
        using var ledger = Fresh2024();
        var file = ledger.WriteFile("old.csv", """
            code,name,debit,credit
            102,银行存款,"1,000.00",
            301,资本,,999.00

            """);

        var (exit, _, err) = ledger.Run("accounts", "convert-2004", file, "--out", Path.Combine(ledger.Dir, "o.json"));

        Assert.That(exit, Is.EqualTo(1), err);
        Assert.That(err, Does.Contain("[Balance2004Unbalanced]").And.Contain("1000.00").And.Contain("999.00"));
    }
}
