using System.Text.Json;

namespace CollectiveLedger.Tests.Xlsx;

/// <summary><c>template FILE.xlsx</c>: the village's voucher workbook, its drop-down lists, and a round trip through import.</summary>
public class XlsxTemplateTests
{
    private const string VoucherPart = "xl/worksheets/sheet1.xml";

    [Test]
    public void The_template_has_a_frozen_header_drop_down_lists_from_a_hidden_sheet_and_instructions()
    {
        using var ledger = TestLedger.WithBasics();
        var file = Path.Combine(ledger.Dir, "vouchers.xlsx");

        var output = ledger.Ok("template", file);

        var leaves = JsonDocument.Parse(ledger.Ok("accounts", "list", "--format", "json")).RootElement.EnumerateArray()
            .Where(a => a.GetProperty("leaf").GetBoolean()).Select(a => $"{a.GetProperty("code").GetString()} {a.GetProperty("name").GetString()}").ToList();
        Assert.That(leaves, Does.Contain("10201 信用社基本户").And.Contain("50101 草场承包费"));
        Assert.That(output, Does.Contain($"{leaves.Count} postable accounts"));
        var workbook = XlsxFile.Part(file, "xl/workbook.xml");
        var sheets = workbook.Descendants(XlsxFile.Main + "sheet").Select(s => ((string)s.Attribute("name")!, (string?)s.Attribute("state"))).ToList();
        Assert.That(sheets, Is.EqualTo(new (string, string?)[] { ("凭证", null), ("说明", null), ("列表", "hidden") }));
        var vouchers = XlsxFile.Sheet(file, "凭证");
        var header = vouchers.Descendants(XlsxFile.Main + "row").Single().Descendants(XlsxFile.Main + "t").Select(t => t.Value).ToList();
        Assert.That(header, Is.EqualTo(new[] { "凭证字号", "日期", "摘要", "附件张数", "科目", "借方", "贷方", "专项资金", "成员", "往来单位", "分录摘要", "类型" }));
        var pane = vouchers.Descendants(XlsxFile.Main + "pane").Single();
        Assert.That(((string?)pane.Attribute("ySplit"), (string?)pane.Attribute("state")), Is.EqualTo(("1", "frozen")));
        Assert.That(vouchers.Descendants(XlsxFile.Main + "col").Count(), Is.EqualTo(12));
        var lists = vouchers.Descendants(XlsxFile.Main + "dataValidation")
            .ToDictionary(v => (string)v.Attribute("sqref")!, v => ((string)v.Attribute("type")!, v.Element(XlsxFile.Main + "formula1")!.Value));
        Assert.That(lists, Is.EqualTo(new Dictionary<string, (string, string)>
        {
            ["E2:E5000"] = ("list", "Accounts"), ["H2:H5000"] = ("list", "Funds"), ["I2:I5000"] = ("list", "Members"), ["L2:L5000"] = ("list", "Kinds"),
        }), "no counterparty list: the books have none");
        var names = workbook.Descendants(XlsxFile.Main + "definedName").ToDictionary(n => (string)n.Attribute("name")!, n => n.Value);
        Assert.That(names["Accounts"], Is.EqualTo($"'列表'!$A$2:$A${leaves.Count + 1}"));
        var listSheet = XlsxFile.Sheet(file, "列表");
        var accounts = listSheet.Descendants(XlsxFile.Main + "c").Where(c => ((string)c.Attribute("r")!).StartsWith('A') && (string)c.Attribute("r")! != "A1")
            .Select(c => c.Value).ToList();
        Assert.That(accounts, Is.EqualTo(leaves), "postable accounts only");
        Assert.That(accounts, Has.None.StartsWith("102 "), "never a parent such as 102 银行存款");
        Assert.That(listSheet.Descendants(XlsxFile.Main + "sheetProtection").Count(), Is.EqualTo(1));
        var help = string.Concat(XlsxFile.Sheet(file, "说明").Descendants(XlsxFile.Main + "t").Select(t => t.Value));
        Assert.That(help, Does.Contain("合并").And.Contain("merge").And.Contain("cledger vouchers import"));
        Assert.That(names.Keys, Does.Contain("_xlnm.Print_Area"));
    }

    [Test]
    public void A_template_filled_with_a_few_rows_imports_and_the_trial_balance_shows_them()
    {
        using var ledger = TestLedger.WithBasics();
        var file = Path.Combine(ledger.Dir, "vouchers.xlsx");
        ledger.Ok("template", file);
        // As a spreadsheet saves what was typed and chosen: the account and member from their lists, the
        // voucher's cells merged over its rows, the date a serial number (45748 is 2025-04-01).
        XlsxFile.Fill(file, VoucherPart, 2,
        [
            [XlsxFile.Text("A2", "2025-04-01"), XlsxFile.Number("B2", "45748"), XlsxFile.Text("C2", "收取草场承包费"), XlsxFile.Number("D2", "1"),
             XlsxFile.Text("E2", "10201 信用社基本户"), XlsxFile.Number("F2", "12000")],
            [XlsxFile.Text("E3", "50101 草场承包费"), XlsxFile.Number("G3", "8000"), XlsxFile.Text("I3", "M001 巴特尔")],
            [XlsxFile.Text("E4", "50101 草场承包费"), XlsxFile.Number("G4", "4000")],
        ], "A2:A4", "B2:B4", "C2:C4", "D2:D4");

        var output = ledger.Ok("vouchers", "import", file);

        Assert.That(output, Does.Contain("posted 1 vouchers"));
        var tb = JsonDocument.Parse(ledger.Ok("report", "trial-balance", "--period", "2025-04", "--format", "json")).RootElement;
        var rows = tb.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => r);
        Assert.That(rows["10201"].GetProperty("period_debit").GetString(), Is.EqualTo("12000.00"));
        Assert.That(rows["50101"].GetProperty("period_credit").GetString(), Is.EqualTo("12000.00"));
        Assert.That(tb.GetProperty("totals").GetProperty("period_debit").GetString(), Is.EqualTo(tb.GetProperty("totals").GetProperty("period_credit").GetString()));
        Assert.That(ledger.Ok("vouchers", "import", file), Does.Contain("1 were already posted"), "the ref keeps a second import from posting twice");
    }

    [Test]
    public void The_template_is_not_written_over_an_existing_file()
    {
        using var ledger = TestLedger.WithBasics();
        var file = ledger.WriteFile("vouchers.xlsx", "filled by the accountant");

        var (exit, _, err) = ledger.Run("template", file);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(err, Does.Contain("already exists"));
        Assert.That(File.ReadAllText(file), Is.EqualTo("filled by the accountant"));
    }
}
