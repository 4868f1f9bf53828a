using System.Text.Json;

namespace CollectiveLedger.Tests.Xlsx;

/// <summary>
/// <c>vouchers import FILE.xlsx</c>: the village template's workbook (merged voucher cells, date serials,
/// amounts as number or text cells) posts like a CSV would, all or nothing, and every problem names the
/// sheet, the row and the column.
/// </summary>
public class XlsxImportTests
{
    private static string[] Header => ["凭证字号", "日期", "摘要", "附件张数", "科目", "借方", "贷方", "专项资金", "成员", "分录摘要"];

    private static string[] HeaderRow() => [.. Header.Select((h, i) => XlsxFile.Text($"{(char)('A' + i)}1", h))];

    private static string T(string r, string text) => XlsxFile.Text(r, text);

    private static string N(string r, string stored) => XlsxFile.Number(r, stored);

    private static JsonElement TrialBalance(TestLedger ledger, string period) =>
        JsonDocument.Parse(ledger.Ok("report", "trial-balance", "--period", period, "--format", "json")).RootElement;

    private static JsonElement Row(JsonElement tb, string code) => tb.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == code);

    [Test]
    public void A_workbook_with_merged_voucher_cells_date_serials_and_float_noise_posts_what_it_shows()
    {
        using var ledger = TestLedger.WithBasics();
        var file = Path.Combine(ledger.Dir, "book.xlsx");
        // Voucher V1 over rows 2-3 with its cells merged; V2 over rows 4-5 with its cells left empty on row 5.
        // 45721 is 2025-03-05; 1199.9999999999998 is what =1000+199.99+0.01 leaves in a double.
        XlsxFile.Write(file, "凭证",
        [
            HeaderRow(),
            [T("A2", "V1"), N("B2", "45721"), T("C2", "收取草场承包费"), N("D2", "2"), T("E2", "10201 信用社基本户"), N("F2", "1199.9999999999998")],
            [T("E3", "50101"), T("G3", "1,200.00"), T("I3", "M001 巴特尔"), T("J3", "巴特尔 承包费")],
            [T("A4", "V2"), T("B4", "2025年3月6日"), T("C4", "收到衔接资金"), T("E4", "10201"), N("F4", "0.30000000000000004")],
            [T("E5", "50101"), T("G5", "0.3")],
            [T("A6", "V3"), "<c r=\"B6\" t=\"d\"><v>2025-03-07T00:00:00</v></c>", T("C6", "收取租金"), T("E6", "10201"), N("F6", "10")],
            [T("E7", "50101"), N("G7", "10")],
        ], "A2:A3", "B2:B3", "C2:C3", "D2:D3");

        var output = ledger.Ok("vouchers", "import", file);

        Assert.That(output, Does.Contain("posted 3 vouchers"));
        var tb = TrialBalance(ledger, "2025-03");
        Assert.That(Row(tb, "10201").GetProperty("period_debit").GetString(), Is.EqualTo("1210.30"));
        Assert.That(Row(tb, "50101").GetProperty("period_credit").GetString(), Is.EqualTo("1210.30"));
        var v1 = JsonDocument.Parse(ledger.Ok("vouchers", "list", "--period", "2025-03", "--format", "json")).RootElement[0];
        Assert.That(v1.GetProperty("date").GetString(), Is.EqualTo("2025-03-05"));
        Assert.That(v1.GetProperty("attachments").GetInt32(), Is.EqualTo(2));
        Assert.That(v1.GetProperty("lines")[1].GetProperty("member").GetString(), Is.EqualTo("M001"));
        Assert.That(v1.GetProperty("lines")[1].GetProperty("summary").GetString(), Is.EqualTo("巴特尔 承包费"));
        var dates = JsonDocument.Parse(ledger.Ok("vouchers", "list", "--period", "2025-03", "--format", "json")).RootElement.EnumerateArray().Select(v => v.GetProperty("date").GetString());
        Assert.That(dates, Is.EqualTo(new[] { "2025-03-05", "2025-03-06", "2025-03-07" }), "a serial, a date typed as 2025年3月6日, an ISO date cell");
    }

    private static readonly object[] BadCells =
    [
        new object[] { N("F5", "100.001"), "AmountTooManyDecimals", "sheet 凭证 row 5 column F (debit)", "第 5 行 F 列（借方）" },
        new object[] { T("F5", "一百元"), "AmountInvalid", "sheet 凭证 row 5 column F (debit)", "第 5 行 F 列（借方）" },
        new object[] { N("F5", "1E+20"), "AmountTooLarge", "sheet 凭证 row 5 column F (debit)", "第 5 行 F 列（借方）" },
        new object[] { N("F5", "-100"), "AmountNotPositive", "sheet 凭证 row 5 column F (debit)", "第 5 行 F 列（借方）" },
        new object[] { T("E5", "10299"), "AccountNotFound", "sheet 凭证 row 5 column E (account)", "第 5 行 E 列（科目）" },
        new object[] { T("E5", "10201 现金"), "AccountNameMismatch", "sheet 凭证 row 5 column E (account_name)", "第 5 行 E 列（科目）" },
        new object[] { T("I5", "M999"), "MemberNotFound", "sheet 凭证 row 5 column I (member)", "第 5 行 I 列（成员）" },
        new object[] { "<c r=\"F5\" t=\"e\"><v>#VALUE!</v></c>", "FieldInvalid", "sheet 凭证 row 5 column F (debit)", "#VALUE!" },
        new object[] { T("K5", "备注"), "FieldUnknown", "sheet 凭证 row 5", "K5" },
    ];

    [TestCaseSource(nameof(BadCells))]
    public void A_bad_cell_is_refused_naming_its_sheet_row_and_column_and_nothing_is_posted(string cell, string code, string english, string chinese)
    {
        using var ledger = TestLedger.WithBasics();
        var before = ledger.Head();
        var file = Path.Combine(ledger.Dir, "book.xlsx");
        var column = cell[(cell.IndexOf("r=\"", StringComparison.Ordinal) + 3)..][..1];
        string[] row5 = [.. new[] { T("E5", "10201"), N("F5", "100") }.Where(c => !c.Contains($"r=\"{column}5\"", StringComparison.Ordinal)), cell];
        XlsxFile.Write(file, "凭证",
        [
            HeaderRow(),
            [T("A2", "GOOD"), T("B2", "2025-03-01"), T("C2", "好凭证"), T("E2", "10201"), N("F2", "5")],
            [T("E3", "50101"), T("G3", "5")],
            [T("A4", "X1"), T("B4", "2025-03-02"), T("C4", "坏凭证"), T("E4", "50101"), T("G4", "100")],
            row5,
        ]);

        var (exit, _, err) = ledger.Run("vouchers", "import", file);
        var (exitZh, _, errZh) = ledger.Run("--lang", "zh-CN", "vouchers", "import", file);

        Assert.That(exit, Is.EqualTo(1), err);
        Assert.That(err, Does.Contain($"[{code}]"));
        Assert.That(err, Does.Contain(english), err);
        Assert.That(exitZh, Is.EqualTo(1));
        Assert.That(errZh, Does.Contain(chinese), errZh);
        Assert.That(err, Does.Not.Match(TestLedger.StackTraceLine));
        Assert.That(ledger.Head(), Is.EqualTo(before), "the good voucher before it is not posted either");
    }

    [Test]
    public void A_voucher_row_that_disagrees_with_its_first_row_or_a_bad_date_is_named_by_its_cell()
    {
        using var ledger = TestLedger.WithBasics();
        var before = ledger.Head();
        var file = Path.Combine(ledger.Dir, "book.xlsx");
        XlsxFile.Write(file, "凭证",
        [
            HeaderRow(),
            [T("A2", "V1"), T("B2", "2025-13-01"), T("C2", "收费"), T("E2", "10201"), N("F2", "5")],
            [T("A3", "V1"), T("B3", "2025-03-01"), T("E3", "50101"), N("G3", "5")],
        ]);

        var (exit, _, err) = ledger.Run("vouchers", "import", file, "--dry-run");

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(err, Does.Contain("sheet 凭证 row 2 column B (date) ref V1").And.Contain("[DateInvalid]"));
        Assert.That(err, Does.Contain("sheet 凭证 row 3 column B (date)").And.Contain("differs from the voucher's first row"));
        Assert.That(ledger.Head(), Is.EqualTo(before));
    }

    [TestCase("not a zip at all", "not a zip package")]
    [TestCase("ENCRYPTED", "encrypted")]
    [TestCase("TRUNCATED", "damaged")]
    [TestCase("NO-WORKBOOK", "xl/workbook.xml is missing")]
    [TestCase("NO-HEADER", "no header row")]
    public void A_file_named_xlsx_that_is_no_readable_workbook_is_refused_with_exit_1_and_the_books_unchanged(string content, string message)
    {
        using var ledger = TestLedger.WithBasics();
        var before = ledger.Head();
        var file = Path.Combine(ledger.Dir, "book.xlsx");
        var good = Path.Combine(ledger.Dir, "good.xlsx");
        XlsxFile.Write(good, "凭证", [HeaderRow(), [T("A2", "V1"), T("B2", "2025-03-01"), T("C2", "收费"), T("E2", "10201"), N("F2", "5")], [T("E3", "50101"), N("G3", "5")]]);
        switch (content)
        {
            case "ENCRYPTED": File.WriteAllBytes(file, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[512]]); break;
            case "TRUNCATED": File.WriteAllBytes(file, File.ReadAllBytes(good)[..200]); break;
            case "NO-WORKBOOK":
                using (var zip = System.IO.Compression.ZipFile.Open(file, System.IO.Compression.ZipArchiveMode.Create)) zip.CreateEntry("hello.txt");
                break;
            case "NO-HEADER": XlsxFile.Write(file, "Sheet1", [[T("A1", "甲"), T("B1", "乙")]]); break;
            default: File.WriteAllText(file, content); break;
        }

        var (exit, _, err) = ledger.Run("vouchers", "import", file);

        Assert.That(exit, Is.EqualTo(1), err);
        Assert.That(err, Does.Contain("[MalformedXlsx]").And.Contain(message));
        Assert.That(err, Does.Not.Match(TestLedger.StackTraceLine));
        Assert.That(ledger.Head(), Is.EqualTo(before));
        Assert.That(ledger.Run("vouchers", "import", good).Code, Is.Zero, "the good workbook still posts");
    }
}
