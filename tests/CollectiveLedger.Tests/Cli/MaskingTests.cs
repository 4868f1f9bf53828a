namespace CollectiveLedger.Tests.Cli;

/// <summary>Private numbers in whatever form they were typed, masked where the command line shows them (issue 12, item 6).</summary>
public class MaskingTests
{
    [Test]
    public void Members_list_shows_a_landline_by_its_last_two_digits_only()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("members", "add", "M002", "其木格", "--head", "其木格", "--household-size", "3", "--shares", "3",
            "--phone", "0477-8123456", "--bank-account", "6228 4800 1234 5678 901");

        foreach (var format in new[] { "table", "json", "csv" })
        {
            var list = ledger.Ok("members", "list", "--format", format);

            Assert.That(list, Does.Contain("*********56").And.Contain("6228***********8901"), format);
            Assert.That(list, Does.Not.Contain("0477").And.Not.Contain("3456").And.Not.Contain("8123"), format);
        }
    }

    [Test]
    public void A_notice_masks_full_width_and_separated_numbers_in_voucher_summaries()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.jsonl",
            """{"ref":"P1","date":"2025-03-01","summary":"巴特尔草场补贴 电话１３９１２３４５６７８ 账号 6228-4800-1234-5678-901","lines":[{"account":"10201","debit":"10.00"},{"account":"50101","credit":"10.00"}]}""" + "\n" +
            """{"ref":"P2","date":"2025-03-02","summary":"收入","lines":[{"account":"10201","debit":"10.00"},{"account":"50101","credit":"10.00","summary":"联系 139.1234.5678 身份证 150102 19800101 1234"}]}""" + "\n"));
        var path = Path.Combine(ledger.Dir, "draft.json");

        ledger.Ok("disclose", "--period", "2025-03", "--date", "2025-04-03", "--format", "json", "--out", path);

        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path)).RootElement.GetRawText();
        var text = System.Text.RegularExpressions.Regex.Unescape(json);
        Assert.That(text, Does.Contain("电话139****5678 账号 6228***********8901").And.Contain("联系 139****5678 身份证 1501**********1234"));
        Assert.That(text, Does.Not.Contain("１２３４").And.Not.Contain("1234.5678").And.Not.Contain("1234-5678").And.Not.Contain("19800101"));
    }
}
