using System.Text;
using System.Text.Json;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// 银行对账 through the command line (issue 17): the sample village's May statement imported, matched and
/// reconciled with one unmatched item on each side; re-imports, overlaps, manual matches and refusals.
/// </summary>
public class BankStatementTests
{
    private static string SampleStatement => Path.Combine(TestLedger.Samples, "bank-statement-2025-05-rcc-gb18030.csv");

    private const string Header = "交易日期,摘要,收入金额,支出金额,余额,对方户名,流水号\n";

    /// <summary>Books with a receipt and a payment on 10201 in March 2025.</summary>
    private static TestLedger March()
    {
        var ledger = TestLedger.WithBasics();
        var file = ledger.WriteFile("v.json", """
            [{"ref":"SN001","date":"2025-03-03","summary":"收取草场承包费","lines":[{"account":"10201","debit":"1200.00"},{"account":"50101","credit":"1200.00"}]},
             {"ref":"R2","date":"2025-03-10","summary":"付办公费","lines":[{"account":"513","debit":"300.00"},{"account":"10201","credit":"300.00"}]}]
            """);
        ledger.Ok("vouchers", "import", file);
        return ledger;
    }

    [Test]
    public void The_sample_statement_reconciles_with_one_unmatched_item_on_each_side()
    {
        using var ledger = TestLedger.Demo();
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestLedger.Samples, "expected", "bank-reconciliation-2025-05.json"))).RootElement;

        var imported = ledger.Ok("bank", "import", SampleStatement, "--account", "10201", "--encoding", "gb18030");
        var matched = ledger.Ok("bank", "match", "--account", "10201", "--period", "2025-05");
        var unmatched = JsonDocument.Parse(ledger.Ok("bank", "unmatched", "--account", "10201", "--period", "2025-05", "--format", "json")).RootElement;
        var pdf = Path.Combine(ledger.Dir, "调节表.pdf");
        var (code, json, err) = ledger.Run("bank", "reconcile", "--account", "10201", "--period", "2025-05", "--format", "json", "--pdf", pdf);
        var reconciliation = JsonDocument.Parse(json).RootElement;
        var printed = CollectiveLedger.Tests.Reports.PdfText.Squeeze(string.Concat(CollectiveLedger.Tests.Reports.PdfText.Pages(File.ReadAllBytes(pdf))));

        Assert.That(imported, Does.Contain("21 lines"));
        Assert.That(matched, Does.Contain("matched 20 pairs"));
        Assert.That(unmatched.GetProperty("bank").GetArrayLength(), Is.EqualTo(1));
        Assert.That(unmatched.GetProperty("books").GetArrayLength(), Is.EqualTo(1));
        Assert.That(unmatched.GetProperty("bank")[0].GetProperty("summary").GetString(), Is.EqualTo("短信服务费"));
        Assert.That(unmatched.GetProperty("books")[0].GetProperty("amount").GetString(), Is.EqualTo("-27000.00"));
        Assert.That(code, Is.EqualTo(0), err);
        Assert.That(reconciliation.GetProperty("balanced").GetBoolean(), Is.True);
        foreach (var key in new[] { "book_balance", "statement_balance" })
            Assert.That(reconciliation.GetProperty(key).GetString(), Is.EqualTo(expected.GetProperty(key).GetString()), key);
        Assert.That(reconciliation.GetProperty("bank_paid_not_booked").GetProperty("total").GetString(), Is.EqualTo(expected.GetProperty("bank_paid_not_booked").GetString()));
        Assert.That(reconciliation.GetProperty("booked_paid_not_on_statement").GetProperty("total").GetString(),
            Is.EqualTo(expected.GetProperty("booked_paid_not_on_statement").GetString()));
        Assert.That(reconciliation.GetProperty("adjusted_books").GetString(), Is.EqualTo(expected.GetProperty("adjusted_balance").GetString()));
        Assert.That(reconciliation.GetProperty("adjusted_bank").GetString(), Is.EqualTo(expected.GetProperty("adjusted_balance").GetString()));
        Assert.That(printed, Does.Contain("银行存款余额调节表").And.Contain("短信服务费").And.Contain("644,648.61").And.Contain("27,000.00"),
            "the printable PDF, read back, has the heading, the items and the adjusted balance as people write it");
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0), "verify replays the import and the matches");
    }

    [Test]
    public void An_xlsx_statement_with_excel_dates_and_numbers_is_read_like_a_csv_one()
    {
        using var ledger = March();
        var file = Path.Combine(ledger.Dir, "邮储.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(file, new[]
        {
            new Dictionary<string, object?> { ["交易日期"] = new DateTime(2025, 3, 4), ["摘要"] = "承包费", ["收入"] = 1200.00m, ["支出"] = null, ["余额"] = 1200.00m, ["交易流水号"] = "P1" },
            new Dictionary<string, object?> { ["交易日期"] = new DateTime(2025, 3, 10), ["摘要"] = "办公费", ["收入"] = null, ["支出"] = 300m, ["余额"] = 900m, ["交易流水号"] = "P2" },
        });

        var imported = ledger.Ok("bank", "import", file, "--account", "10201", "--bank", "psbc");
        var matched = ledger.Ok("bank", "match", "--account", "10201", "--period", "2025-03");
        var unmatched = JsonDocument.Parse(ledger.Ok("bank", "unmatched", "--account", "10201", "--period", "2025-03", "--format", "json")).RootElement;

        Assert.That(imported, Does.Contain("2 lines"));
        Assert.That(matched, Does.Contain("matched 2 pairs"));
        Assert.That(unmatched.GetProperty("bank").GetArrayLength() + unmatched.GetProperty("books").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void An_xlsx_statement_with_dates_typed_as_text_under_a_title_row_is_read_like_a_csv_one()
    {
        using var ledger = March();
        var file = Path.Combine(ledger.Dir, "农商行.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(file, new[]
        {
            new object?[] { "某某农村商业银行 账户明细", null, null, null, null, null },
            new object?[] { "交易日期", "摘要", "收入金额", "支出金额", "余额", "流水号" },
            new object?[] { "2025/3/4 09:12:00", "承包费", "1,200.00", null, "1,200.00", "R1" },
            new object?[] { "2025年3月10日", "办公费", null, 300m, 900m, "R2" },
            new object?[] { "合计", null, 1200m, 300m, null, null },
        }.Select(r => r.Select((v, i) => (v, i)).ToDictionary(x => ((char)('A' + x.i)).ToString(), x => x.v)), printHeader: false);

        var imported = ledger.Ok("bank", "import", file, "--account", "10201", "--bank", "rcc");
        var matched = ledger.Ok("bank", "match", "--account", "10201", "--period", "2025-03");
        var lines = JsonDocument.Parse(ledger.Ok("bank", "unmatched", "--account", "10201", "--period", "2025-03", "--format", "json")).RootElement;

        Assert.That(imported, Does.Contain("2 lines"));
        Assert.That(matched, Does.Contain("matched 2 pairs"), "the text dates 2025/3/4 and 2025年3月10日 fall within the window of the postings");
        Assert.That(lines.GetProperty("bank").GetArrayLength() + lines.GetProperty("books").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void An_xlsx_statement_with_a_cell_that_is_no_date_names_its_row_and_column()
    {
        using var ledger = March();
        var file = Path.Combine(ledger.Dir, "坏.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(file, new[]
        {
            new Dictionary<string, object?> { ["交易日期"] = 45720, ["摘要"] = "承包费", ["收入金额"] = 1200m, ["支出金额"] = null, ["余额"] = 1200m, ["流水号"] = "R1" },
            new Dictionary<string, object?> { ["交易日期"] = 2025, ["摘要"] = "办公费", ["收入金额"] = null, ["支出金额"] = 300m, ["余额"] = 900m, ["流水号"] = "R2" },
        });
        var before = ledger.Head();

        var (code, _, err) = ledger.Run("bank", "import", file, "--account", "10201");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("坏.xlsx:3 交易日期").And.Contain("[DateInvalid]").And.Contain("2025"));
        Assert.That(err, Does.Not.Contain("坏.xlsx:2"), "45720, a date serial in a number cell, is 2025-03-04");
        Assert.That(ledger.Head(), Is.EqualTo(before), "nothing written");
    }

    [Test]
    public void Verify_names_a_match_with_a_posting_the_log_does_not_have()
    {
        using var ledger = March();
        ledger.Ok("bank", "import", ledger.WriteFile("st.csv", Header + "2025-03-04,承包费,1200.00,,1200.00,巴特尔,SN001\n"), "--account", "10201");
        using var store = ledger.Open();
        var forged = new CollectiveLedger.Core.Bank.PostingKey(new CollectiveLedger.Core.Periods.Period(2025, 3), 9, 1);

        store.Apply("伪造者", _ => CollectiveLedger.Core.Ledger.Decision.Accept(new CollectiveLedger.Core.Bank.BankMatched("10201", "manual", "伪造者",
            [new CollectiveLedger.Core.Bank.BankMatch(1, forged, new CollectiveLedger.Core.Money.Amount(120000))])));
        var report = CollectiveLedger.Storage.Verification.LedgerVerifier.Verify(store, []);

        Assert.That(report.Problems.Select(p => p.Message), Has.Some.Contains("voucher line 2025-03/9/1 is no posting on a bank account"));
    }

    [Test]
    public void The_same_file_again_is_already_imported_and_an_overlapping_one_is_refused()
    {
        using var ledger = March();
        var first = ledger.WriteFile("st.csv", Header + "2025-03-04,承包费,1200.00,,1200.00,巴特尔,SN001\n2025-03-11,办公费,,300.00,900.00,,SN002\n");
        var overlapping = ledger.WriteFile("st2.csv", Header + "2025-03-11,办公费,,300.00,900.00,,SN002\n2025-03-12,利息,0.50,,900.50,,SN003\n");
        ledger.Ok("bank", "import", first, "--account", "10201");
        var before = ledger.Head();

        var again = ledger.Ok("bank", "import", first, "--account", "10201");
        var (code, _, err) = ledger.Run("bank", "import", overlapping, "--account", "10201");

        Assert.That(again, Does.Contain("already imported"));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("st2.csv:2 流水号").And.Contain("SN002").And.Contain("[BankStatementOverlaps]"));
        Assert.That(ledger.Head(), Is.EqualTo(before), "nothing written");
    }

    [Test]
    public void A_manual_match_and_unmatch_are_logged_with_their_actor_and_verify()
    {
        using var ledger = March();
        ledger.Ok("bank", "import", ledger.WriteFile("st.csv", Header + "2025-03-09,承包费,1200.00,,1200.00,巴特尔,X9\n"), "--account", "10201");

        var wrong = ledger.RunAs("出纳", "bank", "match", "--line", "1", "--voucher", "2025-03/2");
        var matched = ledger.OkAs("出纳", "bank", "match", "--line", "1", "--voucher", "2025-03/1");
        var twice = ledger.Run("bank", "match", "--line", "1", "--voucher", "2025-03/1/1");
        ledger.OkAs("会计", "bank", "unmatch", "--line", "1");
        var unmatchedAgain = ledger.Run("bank", "unmatch", "--line", "1");
        var log = ledger.Ok("log", "show", "--format", "json");
        var exported = Path.Combine(ledger.Dir, "log.jsonl");
        ledger.Ok("log", "export", "--out", exported);
        var (schemaCode, schemaOutput) = EntrySchema.Check(exported);

        Assert.That(wrong.Code, Is.EqualTo(1));
        Assert.That(wrong.Err, Does.Contain("[BankAmountsDiffer]"));
        Assert.That(matched, Does.Contain("matched statement line 1"));
        Assert.That(twice.Err, Does.Contain("[BankLineAlreadyMatched]"));
        Assert.That(unmatchedAgain.Err, Does.Contain("[BankLineNotMatched]"));
        Assert.That(log, Does.Contain("\"kind\":\"bank.matched\"").Or.Contain("bank.matched"));
        Assert.That(log, Does.Contain("出纳"));
        Assert.That(log, Does.Contain("bank.unmatched"));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
        Assert.That(schemaCode, Is.EqualTo(0), "the entries hold to audit-entry.schema.json: " + schemaOutput);
        var python = Python.VerifyLog(exported);
        Assert.That(python.Code, Is.EqualTo(0), "schemas/verify_log.py checks the bank kinds too: " + python.Out + python.Err);
    }

    private static readonly object[] Refusals =
    [
        new object[] { Header + "2025-03-04,承包费,1200.00,,1200.00,巴特尔,SN001\n2025-03-0x,办公费,,300.00,900.00,,SN002\n", new[] { "--account", "10201" }, "[DateInvalid]", "st.csv:3 交易日期" },
        new object[] { Header + "2025-03-04,承包费,12.345,,1200.00,巴特尔,SN001\n", new[] { "--account", "10201" }, "[AmountTooManyDecimals]", "st.csv:2 收入金额" },
        new object[] { Header + "2025-03-04,承包费,100.00,50.00,1200.00,巴特尔,SN001\n", new[] { "--account", "10201" }, "[BankLineOneSide]", "st.csv:2" },
        new object[] { Header + "2025-03-04,承包费,100.00,,1200.00,,SN001\n2025-03-05,承包费,100.00,,1300.00,,SN001\n", new[] { "--account", "10201" }, "[BankSerialRepeated]", "st.csv:3 流水号" },
        new object[] { "日期,金额\n2025-03-04,1.00\n", new[] { "--account", "10201" }, "[MalformedCsv]", "no header row" },
        new object[] { Header + "2025-03-04,承包费,100.00,,1200.00,,SN001\n", new[] { "--account", "10299" }, "[AccountNotFound]", "10299" },
        new object[] { Header + "2025-03-04,承包费,100.00,,1200.00,,SN001\n", new[] { "--account", "50101" }, "[BankAccountRequired]", "50101" },
        new object[] { Header + "2099-03-04,承包费,100.00,,1200.00,,SN001\n", new[] { "--account", "10201" }, "[DateInFuture]", "st.csv:2 交易日期" },
    ];

    [TestCaseSource(nameof(Refusals))]
    public void A_bad_statement_is_refused_whole_naming_its_place_and_the_books_are_unchanged(string content, string[] options, string code, string place)
    {
        using var ledger = March();
        var file = ledger.WriteFile("st.csv", content);
        var before = ledger.Head();

        var (exit, _, err) = ledger.RunProcess(["bank", "import", file, .. options]);

        Assert.That(exit, Is.EqualTo(1), err);
        Assert.That(err, Does.Contain(code));
        Assert.That(err, Does.Contain(place));
        Assert.That(err, Does.Not.Match(TestLedger.StackTraceLine));
        Assert.That(ledger.Head(), Is.EqualTo(before), "the books are exactly as they were");
    }

    [Test]
    public void A_gb18030_statement_read_as_utf8_is_refused_with_the_encoding_named()
    {
        using var ledger = March();
        var file = ledger.WriteFile("st.csv", Header + "2025-03-04,承包费,1200.00,,1200.00,巴特尔,SN001\n", CodePagesGb18030());
        var before = ledger.Head();

        var (exit, _, err) = ledger.RunProcess("bank", "import", file, "--account", "10201");
        var (ok, _, okErr) = ledger.RunProcess("bank", "import", file, "--account", "10201", "--encoding", "gb18030");

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(err, Does.Contain("[EncodingInvalid]").And.Contain("gb18030"));
        Assert.That(ok, Is.EqualTo(0), okErr);
        Assert.That(ledger.Head().Count, Is.EqualTo(before.Count + 1));
    }

    [Test]
    public void Another_banks_layout_is_read_with_a_map_file()
    {
        using var ledger = March();
        var map = ledger.WriteFile("map.json", """{"bank": "ccb", "columns": {"date": "记账日", "amount": "发生额", "balance": "账户余额", "summary": ["用途", "摘要"], "serial": "交易号"}}""");
        var file = ledger.WriteFile("ccb.csv", "记账日,交易号,用途,发生额,账户余额\n20250304,T1,承包费,\"1,200.00\",\"1,200.00\"\n2025/3/10,T2,办公费,-300,900.00\n");

        ledger.Ok("bank", "import", file, "--account", "10201", "--map", map);
        var matched = ledger.Ok("bank", "match", "--account", "10201", "--period", "2025-03");
        var (code, table, err) = ledger.Run("bank", "reconcile", "--account", "10201", "--period", "2025-03", "--format", "table");

        Assert.That(matched, Does.Contain("matched 2 pairs"));
        Assert.That(code, Is.EqualTo(0), err);
        Assert.That(table, Does.Contain("900.00").And.Contain("the adjusted balances agree"));
    }

    [Test]
    public void The_window_is_the_setting_bank_match_days_unless_days_is_given()
    {
        using var ledger = March();
        // The receipt was booked on 3 March; the bank has it on the 4th, one day later.
        ledger.Ok("bank", "import", ledger.WriteFile("st.csv", Header + "2025-03-04,承包费,1200.00,,1200.00,巴特尔,B1\n"), "--account", "10201");
        ledger.Ok("settings", "set", "bank.match_days", "0");

        var sameDayOnly = ledger.Ok("bank", "match", "--account", "10201", "--period", "2025-03");
        var oneDay = ledger.Ok("bank", "match", "--account", "10201", "--period", "2025-03", "--days", "1");
        var refused = ledger.Run("settings", "set", "bank.match_days", "40");

        Assert.That(sameDayOnly, Does.Contain("matched 0 pairs"));
        Assert.That(oneDay, Does.Contain("matched 1 pairs"));
        Assert.That(refused.Code, Is.EqualTo(1));
        Assert.That(refused.Err, Does.Contain("0..31"));
    }

    [Test]
    public void A_reconciliation_that_does_not_balance_says_so_and_exits_1()
    {
        using var ledger = March();
        // The bank's balance says 1,000.00 more than its lines explain: a statement before this one is missing.
        ledger.Ok("bank", "import", ledger.WriteFile("st.csv", Header + "2025-03-04,承包费,1200.00,,2200.00,巴特尔,SN001\n"), "--account", "10201");
        ledger.Ok("bank", "match", "--account", "10201", "--period", "2025-03");

        var (code, table, err) = ledger.Run("bank", "reconcile", "--account", "10201", "--period", "2025-03", "--format", "table");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(table, Does.Contain("DOES NOT BALANCE").And.Contain("2,200.00"));
        Assert.That(err, Does.Contain("does not balance").And.Contain("-1,000.00"));
    }

    private static Encoding CodePagesGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
