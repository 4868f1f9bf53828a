using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CollectiveLedger.Tests.Cli;

/// <summary>The sample gacha built by `cledger demo`, against trial balances computed independently by samples/gacha/generate.py.</summary>
public class SampleVillageTests
{
    private static TestLedger _demo = null!;

    [OneTimeSetUp]
    public static void BuildDemo()
    {
        _demo = TestLedger.Demo();
    }

    [OneTimeTearDown]
    public static void Remove() => _demo.Dispose();

    private static IEnumerable<string> ExpectedFiles() =>
        Directory.GetFiles(Path.Combine(TestLedger.Samples, "expected"), "trial-balance-*.json").Select(Path.GetFileName).Order()!;

    [TestCaseSource(nameof(ExpectedFiles))]
    public void Trial_balance_equals_the_independent_model(string file)
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(TestLedger.Samples, "expected", file)))!;
        var actual = JsonNode.Parse(File.ReadAllText(Path.Combine(_demo.Dir, file)))!;

        foreach (var key in new[] { "from", "to", "rows", "totals" })
            Assert.That(actual[key]!.ToJsonString(), Is.EqualTo(expected[key]!.ToJsonString()), $"{file}: {key}");
        Assert.That(actual["org"]!.GetValue<string>(), Does.Contain("嘎查"));
    }

    [TestCase("balance-sheet-2025.json", new[] { "year_start", "date", "lines" })]
    [TestCase("income-2025.json", new[] { "year", "from", "to", "year_closed", "lines" })]
    public void Annual_statement_equals_the_independent_model(string file, string[] keys)
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(TestLedger.Samples, "expected", file)))!;
        var actual = JsonNode.Parse(File.ReadAllText(Path.Combine(_demo.Dir, file)))!;

        foreach (var key in keys)
            Assert.That(actual[key]!.ToJsonString(), Is.EqualTo(expected[key]!.ToJsonString()), $"{file}: {key}");
        Assert.That(actual["lines"]!.AsArray(), Has.Count.GreaterThan(10));
    }

    [Test]
    public void The_balance_sheet_adds_up_at_2025_year_end_and_in_2026_with_the_2025_year_end_as_its_year_start()
    {
        var year = JsonDocument.Parse(File.ReadAllText(Path.Combine(_demo.Dir, "balance-sheet-2025.json"))).RootElement;
        var next = JsonDocument.Parse(_demo.Ok("report", "balance-sheet", "--period", "2026-03", "--format", "json")).RootElement;

        StatementArithmetic.AssertBalanceSheetAddsUp(year);
        StatementArithmetic.AssertBalanceSheetAddsUp(next);
        Assert.That(StatementArithmetic.Column(next, "year_start"), Is.EqualTo(StatementArithmetic.Column(year, "end")));
        Assert.That(StatementArithmetic.Column(year, "end")["fixed_assets_subtotal"], Is.GreaterThan(0m));
    }

    [Test]
    public void The_2026_income_statement_shows_the_2025_plan_as_a_distribution_of_last_years_surplus_and_2025_as_its_prior_year_column()
    {
        var statement = JsonDocument.Parse(_demo.Ok("report", "income", "--year", "2026", "--format", "json")).RootElement;
        var year2025 = JsonDocument.Parse(File.ReadAllText(Path.Combine(_demo.Dir, "income-2025.json"))).RootElement;
        var plan = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestLedger.Samples, "expected", "distribution-2025.json"))).RootElement;

        var amount = StatementArithmetic.Column(statement, "amount");
        Assert.That(amount["prior_year_distributions"],
            Is.EqualTo(StatementArithmetic.Money(plan.GetProperty("reserve").GetString()!) + StatementArithmetic.Money(plan.GetProperty("distributed").GetString()!)));
        Assert.That((amount["reserve_appropriation"], amount["member_distributions"], amount["other_distributions"]), Is.EqualTo((0m, 0m, 0m)),
            "nothing of 2026's own surplus is distributed yet");
        Assert.That(StatementArithmetic.Column(statement, "prior_year_amount"), Is.EqualTo(StatementArithmetic.Column(year2025, "amount")));
        Assert.That(year2025.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("prior_year_amount").ValueKind), Is.All.EqualTo(JsonValueKind.Null),
            "2024 is not in these books: 上年金额 is blank");
        StatementArithmetic.AssertIncomeStatementAddsUp(statement);
        StatementArithmetic.AssertIncomeStatementAddsUp(year2025);
    }

    [Test]
    public void The_2025_error_found_in_2026_is_corrected_through_以前年度损益调整_not_2026_expense_and_closes_nothing_of_2025()
    {
        var correction = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestLedger.Samples, "prior-year-corrections.json"))).RootElement[0];
        var amount = StatementArithmetic.Money(correction.GetProperty("lines")[1].GetProperty("credit").GetString()!);
        var statement = JsonDocument.Parse(_demo.Ok("report", "income", "--year", "2026", "--format", "json")).RootElement;
        var year2025 = JsonDocument.Parse(File.ReadAllText(Path.Combine(_demo.Dir, "income-2025.json"))).RootElement;
        var expected2025 = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestLedger.Samples, "expected", "income-2025.json"))).RootElement;

        Assert.That(correction.GetProperty("lines")[1].GetProperty("account").GetString(), Is.EqualTo("32203"));
        Assert.That(amount, Is.GreaterThan(0m));
        Assert.That(StatementArithmetic.Column(statement, "amount")["other_transfers_in"], Is.EqualTo(amount), "其他转入, not 管理费用");
        Assert.That(StatementArithmetic.Column(statement, "amount")["administrative_expenses"], Is.EqualTo(0m));
        Assert.That(StatementArithmetic.Column(year2025, "amount"), Is.EqualTo(StatementArithmetic.Column(expected2025, "amount")), "2025 stays as it closed");
        StatementArithmetic.AssertIncomeStatementAddsUp(statement);
        var (code, _, err) = _demo.Run("vouchers", "reverse", "2", "--period", "2025-01", "--date", "2026-02-11", "--reason", "多报销");
        Assert.That(code, Is.Not.EqualTo(0));
        Assert.That(err, Does.Contain("[ReversalAcrossYears]"), "the red-ink way is refused across years");
    }

    [Test]
    public void The_2004_chart_village_converts_into_its_own_ledger_that_verifies_with_the_files_totals()
    {
        var tb = JsonDocument.Parse(File.ReadAllText(Path.Combine(_demo.Dir, "trial-balance-2024-01-from-2004.json"))).RootElement;
        using var stdout = new StringWriter();
        var verified = CollectiveLedger.Cli.Program.Run(["--db", Path.Combine(_demo.Dir, "ledger-2004.db"), "--lang", "en", "verify"], stdout, TextWriter.Null, TestClock.Fixed);

        Assert.That(tb.GetProperty("org").GetString(), Does.Contain("阿拉坦敖包"));
        Assert.That(tb.GetProperty("totals").GetProperty("opening_debit").GetString(), Is.EqualTo("812250.00"), "the file's total, samples/gacha/README.md");
        Assert.That(verified, Is.EqualTo(0), stdout.ToString());
    }

    [Test]
    public void The_sample_books_its_shepherd_and_machine_operators_to_213_labour_payable_not_to_212_wages()
    {
        var rows = JsonDocument.Parse(File.ReadAllText(Path.Combine(_demo.Dir, "trial-balance-2025.json"))).RootElement.GetProperty("rows")
            .EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        var journal = _demo.Ok("report", "journal", "--from", "2025-01", "--to", "2025-12", "--format", "json");

        Assert.That(rows.Keys.Where(c => c.StartsWith("212", StringComparison.Ordinal)), Is.EquivalentTo(new[] { "212", "21201" }), "212 应付工资 holds the cadres' pay only");
        Assert.That(StatementArithmetic.Money(rows["213"].GetProperty("period_credit").GetString()!), Is.GreaterThan(0m));
        var workers = 0;
        foreach (var voucher in JsonDocument.Parse(journal).RootElement.EnumerateArray())
        {
            var summary = voucher.GetProperty("summary").GetString()!;
            if (!summary.Contains("放牧员") && !summary.Contains("操作手")) continue;
            workers++;
            Assert.That(voucher.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("account").GetString()!),
                Has.Some.StartsWith("213").And.None.StartsWith("212"), summary);
        }
        Assert.That(workers, Is.GreaterThan(10), "the shepherd's and the operators' vouchers");
    }

    [Test]
    public void The_2025_notes_follow_their_schema_and_agree_with_the_statements()
    {
        var file = Path.Combine(_demo.Dir, "notes-2025.json");
        var notes = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        var income = StatementArithmetic.Column(JsonDocument.Parse(File.ReadAllText(Path.Combine(_demo.Dir, "income-2025.json"))).RootElement, "amount");
        var sheet = StatementArithmetic.Column(JsonDocument.Parse(File.ReadAllText(Path.Combine(_demo.Dir, "balance-sheet-2025.json"))).RootElement, "end");

        var python = Python.Run("-c", "import json, sys, jsonschema; jsonschema.validate(json.load(open(sys.argv[2], encoding='utf-8')), json.load(open(sys.argv[1], encoding='utf-8')))",
            Path.Combine(TestLedger.RepoRoot, "schemas", "report-notes.schema.json"), file);
        Assert.That(python.Code, Is.EqualTo(0), python.Err);
        var sections = notes.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!);
        Dictionary<string, decimal> Items(string key) => sections[key].GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("name").GetString()!, i => StatementArithmetic.Money(i.GetProperty("amount").GetString()!));
        Assert.That((Items("distribution")["本年收益"], Items("distribution")["年末未分配收益"]), Is.EqualTo((income["net_surplus"], income["undistributed_at_year_end"])));
        Assert.That((Items("fixed_assets")["固定资产原值 年末"], Items("fixed_assets")["固定资产净值 年末"]), Is.EqualTo((sheet["fixed_assets_cost"], sheet["fixed_assets_net"])));
        Assert.That(sections["distribution"].GetProperty("text")[0].GetString(), Does.Contain("2025年收益分配方案").And.Contain("2026-03-20"));
    }

    [TestCase("notice-2025-06")]
    [TestCase("notice-2025-Q2")]
    [TestCase("notice-2025-12")]
    [TestCase("notice-2025-Q4")]
    [TestCase("notice-2025")]
    public void Notice_summary_after_year_close_equals_the_independent_model(string notice)
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(TestLedger.Samples, "expected", notice.Replace("notice", "notice-summary") + ".json")))!.AsObject();
        var actual = JsonNode.Parse(File.ReadAllText(Path.Combine(_demo.Dir, notice + ".json")))!["summary"]!.AsObject();

        foreach (var (key, value) in expected)
            Assert.That(actual[key]!.ToJsonString(), Is.EqualTo(value!.ToJsonString()), $"{notice}: {key}");
        Assert.That(actual["income_total_in_words"]!.GetValue<string>(), Does.Not.Contain("负"), "no negative total in words");
        Assert.That(actual["expenditure_total_in_words"]!.GetValue<string>(), Does.Not.Contain("负"));
        var items = JsonNode.Parse(File.ReadAllText(Path.Combine(_demo.Dir, notice + ".json")))!["income_items"]!.AsArray();
        Assert.That(items.Sum(i => decimal.Parse(i!["amount"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)),
            Is.EqualTo(decimal.Parse(actual["income_total"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)), "收入合计 is the item list's sum");
    }

    [Test]
    public void The_year_notices_asset_overview_and_claims_add_up_to_the_balance_sheets_total_assets()
    {
        var notice = JsonNode.Parse(File.ReadAllText(Path.Combine(_demo.Dir, "notice-2025.json")))!;
        var sheet = JsonNode.Parse(File.ReadAllText(Path.Combine(_demo.Dir, "balance-sheet-2025.json")))!;
        static decimal Money(JsonNode? n) => decimal.Parse(n!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

        var total = sheet["lines"]!.AsArray().Single(l => l!["key"]!.GetValue<string>() == "assets_total")!["end"];

        Assert.That(Money(notice["asset_overview"]!["total"]) + Money(notice["receivables_total"]), Is.EqualTo(Money(total)),
            "every asset counted once: the books' lines, the register's net value and the claims");
    }

    [Test]
    public void The_2025_distribution_per_household_equals_the_independent_model()
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(TestLedger.Samples, "expected", "distribution-2025.json")))!;
        var actual = JsonNode.Parse(File.ReadAllText(Path.Combine(_demo.Dir, "distribution-2025.json")))!;

        Assert.That(actual.ToJsonString(), Is.EqualTo(expected.ToJsonString()));
        Assert.That(actual["households"]!.AsArray(), Has.Count.EqualTo(40));
        Assert.That(File.ReadAllText(Path.Combine(_demo.Dir, "audit-log.jsonl")), Does.Contain("\"kind\":\"distribution.paid\""));
    }

    [Test]
    public void Fund_usage_equals_the_independent_model()
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(TestLedger.Samples, "expected", "funds-2025.json")))!;
        var actual = JsonNode.Parse(File.ReadAllText(Path.Combine(_demo.Dir, "funds-2025.json")))!;

        var funds = actual["funds"]!.AsArray().Select(f => new JsonObject
        {
            ["code"] = f!["code"]!.GetValue<string>(), ["granted"] = f["granted"]!.GetValue<string>(),
            ["received_to_date"] = f["received_to_date"]!.GetValue<string>(), ["spent_to_date"] = f["spent_to_date"]!.GetValue<string>(),
            ["balance"] = f["balance"]!.GetValue<string>(), ["outstanding"] = f["outstanding"]!.GetValue<string>(),
            ["payments"] = new JsonArray([.. f["items"]!.AsArray().Select(i => (JsonNode)new JsonObject
            {
                ["date"] = i!["date"]!.GetValue<string>(), ["summary"] = i["summary"]!.GetValue<string>(), ["amount"] = i["amount"]!.GetValue<string>(),
            })]),
        });
        Assert.That(new JsonArray([.. funds]).ToJsonString(), Is.EqualTo(expected["funds"]!.ToJsonString()));
    }

    [Test]
    public void Asset_register_equals_the_independent_model_and_the_books()
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(TestLedger.Samples, "expected", "assets-2025.json")))!;
        var actual = JsonNode.Parse(File.ReadAllText(Path.Combine(_demo.Dir, "assets-2025.json")))!;
        var verify = JsonNode.Parse(File.ReadAllText(Path.Combine(_demo.Dir, "verify.json")))!;

        Assert.That(actual.ToJsonString(), Is.EqualTo(expected.ToJsonString()));
        Assert.That(verify["ok"]!.GetValue<bool>(), Is.True, "the register equals 132, 133, 151 and 152");
    }

    [Test]
    public void Contract_register_equals_the_independent_model_and_recognizes_the_prepaid_rent_in_its_year()
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(TestLedger.Samples, "expected", "contracts-2025.json")))!;
        var actual = JsonNode.Parse(File.ReadAllText(Path.Combine(_demo.Dir, "contracts-2025.json")))!;
        Assert.That(actual.ToJsonString(), Is.EqualTo(expected.ToJsonString()));

        // The lump sum for three years: one year's rent is 2025 income, two wait on 21105 until their
        // year; on 1 January 2026 the demo moves 2026's into income, so one year is left waiting.
        string Closing(string period, string account) => JsonNode.Parse(_demo.Ok("report", "trial-balance", "--period", period, "--format", "json"))!
            ["rows"]!.AsArray().Single(r => r!["code"]!.GetValue<string>() == account)!["closing_credit"]!.GetValue<string>();
        Assert.That(Closing("2025-12", "21105"), Is.EqualTo("21600.00"));
        Assert.That(Closing("2026-01", "21105"), Is.EqualTo("10800.00"));
    }

    [Test]
    public void Demo_records_the_approval_history_of_december_with_each_person_and_posts_what_was_approved()
    {
        var log = JsonDocument.Parse(_demo.Ok("log", "show", "--format", "json", "--limit", "100000")).RootElement.EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString()!.StartsWith("voucher.") && e.GetProperty("kind").GetString() != "voucher.posted"
                        || e.GetProperty("data").TryGetProperty("source", out var s) && s.GetString() == "approval")
            .Select(e => $"{e.GetProperty("kind").GetString()} {e.GetProperty("actor").GetString()}").ToList();

        Assert.That(log, Has.Count.EqualTo(20), "4 drafts (one sent back and drafted again), 4 submissions, 3 reviews, 1 rejection, 5 approvals, 3 postings");
        Assert.That(log, Does.Contain("voucher.rejected 苏和"));
        Assert.That(log.Count(e => e.StartsWith("voucher.posted")), Is.EqualTo(3));
        Assert.That(log.Where(e => e.StartsWith("voucher.approved")).Distinct(), Is.EquivalentTo(new[] { "voucher.approved 巴特尔", "voucher.approved 额尔敦" }));
    }

    [Test]
    public void Demo_closes_the_year_so_income_and_expense_stand_at_zero_and_2026_may_post()
    {
        var december = JsonDocument.Parse(_demo.Ok("vouchers", "list", "--period", "2025-12", "--format", "json")).RootElement.EnumerateArray()
            .Where(v => v.GetProperty("kind").GetString() == "closing").Select(v => v.GetProperty("number").GetInt32()).ToList();
        var rows = JsonDocument.Parse(File.ReadAllText(Path.Combine(_demo.Dir, "trial-balance-2025.json"))).RootElement.GetProperty("rows")
            .EnumerateArray().Where(r => r.GetProperty("code").GetString()!.StartsWith('5') || r.GetProperty("code").GetString() == "321");

        Assert.That(december, Is.EqualTo(new[] { 33, 34 }), "generate.py prints: December 记-0033, 记-0034");
        Assert.That(rows.Select(r => r.GetProperty("closing_debit").GetString() + "/" + r.GetProperty("closing_credit").GetString()), Has.All.EqualTo("0.00/0.00"));
    }

    [Test]
    public void The_project_notice_of_the_well_fund_agrees_with_the_fund_report_and_prints_its_terms()
    {
        var notice = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_demo.Dir, "project-notice-F01.json"))).RootElement;
        var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_demo.Dir, "funds-2025.json"))).RootElement
            .GetProperty("funds").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "F01");

        Assert.That(notice.GetProperty("project").GetString(), Is.EqualTo("巴音宝力格嘎查牧区机井建设项目"));
        Assert.That(notice.GetProperty("received").GetString(), Is.EqualTo(report.GetProperty("received_to_date").GetString()));
        Assert.That(notice.GetProperty("spent").GetString(), Is.EqualTo(report.GetProperty("spent_to_date").GetString()));
        Assert.That(notice.GetProperty("payments").GetArrayLength(), Is.EqualTo(report.GetProperty("items").GetArrayLength()));
        Assert.That(notice.GetProperty("verification").GetProperty("keys").GetArrayLength(), Is.EqualTo(1), "signed like the year's notice");
    }

    [Test]
    public void The_distribution_notice_agrees_with_the_distribution_list_and_shows_no_private_number()
    {
        var notice = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_demo.Dir, "distribution-notice-2025.json"))).RootElement;
        var list = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_demo.Dir, "distribution-2025.json"))).RootElement;

        foreach (var key in new[] { "distributable", "reserve", "per_share", "distributed", "undistributed" })
            Assert.That(notice.GetProperty(key).GetString(), Is.EqualTo(list.GetProperty(key).GetString()), key);
        Assert.That(notice.GetProperty("status").GetString(), Is.EqualTo("planned"), "posted before the members' meeting approved it");
        Assert.That(notice.GetProperty("posted_until").GetString(), Is.LessThan(JsonDocument.Parse(File.ReadAllText(Path.Combine(TestLedger.Samples, "distribution.json"))).RootElement.GetProperty("post_date").GetString()!),
            "the posting period ended before the plan was booked");
        Assert.That(notice.GetProperty("households").EnumerateArray().Select(h => (h.GetProperty("member").GetString(), h.GetProperty("shares").GetInt32(), h.GetProperty("amount").GetString())),
            Is.EqualTo(list.GetProperty("households").EnumerateArray().Select(h => (h.GetProperty("member").GetString(), h.GetProperty("shares").GetInt32(), h.GetProperty("amount").GetString()))));
        Assert.That(notice.GetProperty("households").EnumerateArray().SelectMany(h => h.EnumerateObject().Select(p => p.Name)).Intersect(["id_card", "bank_account", "phone"]), Is.Empty,
            "the public list shows household, shares and amount only");
        Assert.That(File.Exists(Path.Combine(_demo.Dir, "distribution-notice-2025.pdf")), Is.True);
        Assert.That(notice.GetProperty("verification").GetProperty("keys").GetArrayLength(), Is.EqualTo(1), "signed like the year's notice");
    }

    [Test]
    public void Demo_prints_december_vouchers_with_the_names_of_their_approval_and_a_cash_journal_that_ends_at_the_books_balance()
    {
        var vouchers = Reports.PdfText.Pages(File.ReadAllBytes(Path.Combine(_demo.Dir, "vouchers-2025-12.pdf")));
        var cash = Reports.PdfText.Pages(File.ReadAllBytes(Path.Combine(_demo.Dir, "cash-journal-2025.pdf")));
        var trialBalance = JsonDocument.Parse(File.ReadAllText(Path.Combine(_demo.Dir, "trial-balance-2025.json"))).RootElement;
        var closing = trialBalance.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "101").GetProperty("closing_debit").GetString()!;

        var page = vouchers.Single(p => p.Contains("记字第30号", StringComparison.Ordinal));
        // Voucher 30 went through approval: prepared by the accountant, reviewed by 苏和, paid by the cashier 萨仁.
        Assert.That(page, Does.Contain("会计主管记账审核出纳制单").And.Contain("苏和萨仁乌云其其格"));
        Assert.That(vouchers[0], Does.Contain("demo-accountant"), "an imported voucher names who imported it");
        Assert.That(cash.Count, Is.GreaterThan(1));
        Assert.That(cash[^1], Does.Contain("12-31本年累计yeartodate"));
        const string money = @"\d{1,3}(,\d{3})*\.\d\d";
        var closingText = decimal.Parse(closing, System.Globalization.CultureInfo.InvariantCulture).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(System.Text.RegularExpressions.Regex.IsMatch(cash[^1], $"12-31本年累计yeartodate{money}{money}借{System.Text.RegularExpressions.Regex.Escape(closingText)}"),
            Is.True, $"the year ends at the trial balance's {closingText}: {cash[^1]}");
    }

    [Test]
    public void Demo_books_verify_and_the_reversal_is_linked()
    {
        Assert.That(_demo.Ok("verify", "--format", "table"), Does.Contain("OK"));
        var june = JsonDocument.Parse(_demo.Ok("vouchers", "list", "--period", "2025-06", "--format", "json")).RootElement;
        var reversal = june.EnumerateArray().Single(v => v.GetProperty("reverses").ValueKind != JsonValueKind.Null);
        var original = june.EnumerateArray().Single(v => v.GetProperty("ref").GetString() == "2025-06-0099");

        Assert.That(reversal.GetProperty("summary").GetString(), Does.StartWith("冲销 2025年6月 记-"));
        Assert.That(original.GetProperty("reversed_by").GetProperty("number").GetInt32(), Is.EqualTo(reversal.GetProperty("number").GetInt32()));
        Assert.That(reversal.GetProperty("lines")[0].GetProperty("debit").GetString(), Does.StartWith("-"), "red ink: same side, negated");
    }

    [Test]
    public void The_python_reference_verifier_accepts_the_exported_log_and_agrees_on_balances()
    {
        var (code, output) = Python.VerifyLog(Path.Combine(_demo.Dir, "audit-log.jsonl"), "--trial-balance", Path.Combine(_demo.Dir, "trial-balance-all.json"));

        Assert.That(code, Is.EqualTo(0), output);
        var head = JsonDocument.Parse(File.ReadAllText(Path.Combine(_demo.Dir, "verify.json"))).RootElement.GetProperty("head").GetProperty("hash").GetString();
        Assert.That(output, Does.Contain(head!));
    }

    [Test]
    public void Every_entry_of_the_exported_log_is_valid_against_the_entry_schema()
    {
        var (code, output) = EntrySchema.Check(Path.Combine(_demo.Dir, "audit-log.jsonl"));

        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("entries checked"));
    }

    [Test]
    public void Hledger_accepts_the_exported_journal_and_its_balances_equal_ours()
    {
        Assert.That(File.Exists("/usr/bin/hledger"), Is.True, "hledger is not installed here: apt-get install hledger (.ci/run installs it)");
        var journal = Path.Combine(_demo.Dir, "books.journal");

        var (checkCode, checkOut) = Hledger("-f", journal, "check", "-s");
        Assert.That(checkCode, Is.EqualTo(0), checkOut);

        var (code, balances) = Hledger("-f", journal, "balance", "--flat", "--no-total", "-O", "csv", "--depth", "1");
        Assert.That(code, Is.EqualTo(0), balances);
        var ours = JsonDocument.Parse(File.ReadAllText(Path.Combine(_demo.Dir, "trial-balance-all.json"))).RootElement.GetProperty("rows")
            .EnumerateArray().Where(r => r.GetProperty("level").GetInt32() == 1)
            .ToDictionary(r => r.GetProperty("code").GetString()!,
                r => decimal.Parse(r.GetProperty("closing_debit").GetString()!, System.Globalization.CultureInfo.InvariantCulture) - decimal.Parse(r.GetProperty("closing_credit").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var theirs = balances.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(',').Select(c => c.Trim('"')).ToArray())
            .ToDictionary(c => c[0], c => decimal.Parse(c[1].Replace("CNY", "").Trim(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(theirs.Where(kv => kv.Value != 0), Is.EquivalentTo(ours.Where(kv => kv.Value != 0)));
    }

    [Test]
    public void Hledger_over_our_journal_gives_the_income_statement_lines_without_closing_vouchers_and_the_balance_sheet_with_them()
    {
        Assert.That(File.Exists("/usr/bin/hledger"), Is.True, "hledger is not installed here: apt-get install hledger (.ci/run installs it)");
        var journal = Path.Combine(_demo.Dir, "books.journal");
        var income = Lines("income-2025.json", "amount");
        var sheet = Lines("balance-sheet-2025.json", "end");

        var year = HledgerBalances(journal, "-b", "2025-01-01", "-e", "2026-01-01", "not:tag:kind=closing", "not:tag:kind=opening");
        var end = HledgerBalances(journal, "-e", "2026-01-01");

        decimal H(Dictionary<string, decimal> b, string code) => b.GetValueOrDefault(code);
        Assert.That(income["operating_income"], Is.EqualTo(-H(year, "501")));
        Assert.That(income["operating_expenses"], Is.EqualTo(H(year, "511")));
        Assert.That(income["administrative_expenses"], Is.EqualTo(H(year, "513")));
        Assert.That(income["subsidy_income"], Is.EqualTo(-H(year, "503")));
        Assert.That(income["other_income"], Is.EqualTo(-H(year, "504")));
        Assert.That(income["public_welfare_expenses"], Is.EqualTo(H(year, "514")));
        Assert.That(income["other_expenses"], Is.EqualTo(H(year, "515")));
        Assert.That(income["net_surplus"], Is.EqualTo(-year.Where(kv => kv.Key.StartsWith('5')).Sum(kv => kv.Value)));
        Assert.That(sheet["cash"], Is.EqualTo(H(end, "101") + H(end, "102")));
        Assert.That(sheet["undistributed_surplus"], Is.EqualTo(-H(end, "322")), "after year close 321 and every 5xx are zero");
        Assert.That(end.Where(kv => kv.Key.StartsWith('5') || kv.Key == "321").Select(kv => kv.Value), Has.All.EqualTo(0m));
        Assert.That(sheet["assets_total"], Is.EqualTo(end.Where(kv => kv.Key[0] == '1').Sum(kv => kv.Value)));
        Assert.That(sheet["liabilities_and_ownership_total"], Is.EqualTo(-end.Where(kv => kv.Key[0] is '2' or '3').Sum(kv => kv.Value)));
    }

    private static Dictionary<string, decimal> Lines(string file, string column) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(_demo.Dir, file))).RootElement.GetProperty("lines").EnumerateArray()
            .ToDictionary(l => l.GetProperty("key").GetString()!, l => decimal.Parse(l.GetProperty(column).GetString()!, System.Globalization.CultureInfo.InvariantCulture));

    private static Dictionary<string, decimal> HledgerBalances(string journal, params string[] query)
    {
        var (code, csv) = Hledger(["-f", journal, "balance", "--flat", "--no-total", "-O", "csv", "--depth", "1", .. query]);
        Assert.That(code, Is.EqualTo(0), csv);
        return csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(',').Select(c => c.Trim('"')).ToArray())
            .ToDictionary(c => c[0], c => decimal.Parse(c[1].Replace("CNY", "").Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static (int, string) Hledger(params string[] args)
    {
        var info = new ProcessStartInfo("hledger") { RedirectStandardOutput = true, RedirectStandardError = true };
        // hledger reads the journal in the locale's encoding: UTF-8 whatever locale the suite runs under (CI: th_TH).
        info.Environment["LC_ALL"] = "C.UTF-8";
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output);
    }
}
