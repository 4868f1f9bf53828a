using System.Text.Json;

namespace CollectiveLedger.Tests.Cli;

/// <summary>Funds with terms, the approval path, month close and reopening, through the command line on a real ledger file.</summary>
public class ApprovalCommandTests
{
    private static TestLedger Ledger()
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("accounts", "add", "15301", "机井工程", "--parent", "153");
        ledger.Ok("funds", "add", "F02", "机井资金", "--kind", "衔接资金", "--agency", "旗财政局", "--document", "东财农〔2025〕18号",
            "--granted", "50000", "--purpose", "打井", "--accounts", "153", "--to", "2025-11-30", "--project", "机井项目");
        ledger.Set(("role.reviewer", "审核员"), ("role.finance_lead", "财务"), ("role.committee_chair", "主任"), ("role.supervisor", "监委"),
            ("role.cashier", "出纳"), ("approval.finance_lead_limit", "1000"), ("approval.committee_limit", "10000"));
        ledger.Ok("vouchers", "import", ledger.WriteFile("in.json",
            """[{"ref":"IN","date":"2025-02-01","summary":"收到机井资金","lines":[{"account":"10201","debit":"20000","fund":"F02"},{"account":"241","credit":"20000","fund":"F02"}]}]"""));
        return ledger;
    }

    private static string Spend(TestLedger ledger, string reference, string amount, int attachments = 1) => ledger.WriteFile($"{reference}.json",
        $$"""[{"ref":"{{reference}}","date":"2025-02-10","summary":"支付机井工程款","attachments":{{attachments}},"cashier":"出纳","lines":[{"account":"15301","debit":"{{amount}}","fund":"F02"},{"account":"10201","credit":"{{amount}}","fund":"F02"}]}]""");

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Test]
    public void A_draft_goes_through_review_and_two_approvals_and_is_posted_with_its_cashier_and_history()
    {
        using var ledger = Ledger();
        ledger.OkAs("会计", "vouchers", "draft", Spend(ledger, "S1", "5000"));
        ledger.OkAs("会计", "vouchers", "submit", "1");
        ledger.OkAs("审核员", "vouchers", "review", "1");
        var waiting = Json(ledger.Ok("vouchers", "pending", "--format", "json"))[0].GetProperty("waiting_for");
        ledger.OkAs("主任", "vouchers", "approve", "1");

        var posted = ledger.OkAs("监委", "vouchers", "approve", "#1");

        Assert.That(waiting.EnumerateArray().Select(w => w.GetProperty("step").GetString()), Is.EqualTo(new[] { "approve as committee_chair", "approve as supervisor" }));
        Assert.That(posted, Does.Contain("posted as 2025-02 记-0002"));
        Assert.That(Json(ledger.Ok("vouchers", "pending", "--format", "json")).GetArrayLength(), Is.Zero);
        var log = Json(ledger.Ok("log", "show", "--format", "json")).EnumerateArray().ToList();
        Assert.That(log.TakeLast(6).Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("actor").GetString())), Is.EqualTo(new[]
        {
            ("voucher.drafted", "会计"), ("voucher.submitted", "会计"), ("voucher.reviewed", "审核员"), ("voucher.approved", "主任"),
            ("voucher.approved", "监委"), ("voucher.posted", "监委"),
        }));
        var data = log[^1].GetProperty("data");
        Assert.That((data.GetProperty("source").GetString(), data.GetProperty("draft").GetInt32(), data.GetProperty("cashier").GetString()),
            Is.EqualTo(("approval", 1, "出纳")));
        Assert.That(log.Single(e => e.GetProperty("data").TryGetProperty("ref", out var r) && r.GetString() == "IN").GetProperty("data").GetProperty("source").GetString(),
            Is.EqualTo("import"), "direct imports are marked as such");
        var shown = Json(ledger.Ok("vouchers", "show", "2", "--period", "2025-02", "--format", "json"));
        Assert.That((shown.GetProperty("source").GetString(), shown.GetProperty("draft").GetInt32(), shown.GetProperty("cashier").GetString()),
            Is.EqualTo(("approval", 1, "出纳")));
        Assert.That(ledger.Run("verify").Code, Is.Zero);
    }

    [Test]
    public void A_step_by_the_wrong_person_is_refused_with_a_clear_message_and_changes_nothing()
    {
        using var ledger = Ledger();
        ledger.OkAs("会计", "vouchers", "draft", Spend(ledger, "S1", "500"));
        ledger.OkAs("会计", "vouchers", "submit", "1");
        var head = ledger.Head();

        var (code, _, err) = ledger.RunAs("会计", "vouchers", "review", "1");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("[SelfApproval]").And.Contain("会计"));
        Assert.That(ledger.Head(), Is.EqualTo(head));
    }

    [Test]
    public void A_rejected_draft_is_changed_and_resubmitted_and_a_withdrawn_one_is_gone()
    {
        using var ledger = Ledger();
        ledger.OkAs("会计", "vouchers", "draft", Spend(ledger, "S1", "500", attachments: 0));
        ledger.OkAs("会计", "vouchers", "submit", "1");
        ledger.OkAs("审核员", "vouchers", "reject", "1", "--reason", "缺发票");
        ledger.OkAs("会计", "vouchers", "draft", Spend(ledger, "S1", "500", attachments: 2));
        ledger.OkAs("会计", "vouchers", "submit", "1");
        ledger.OkAs("审核员", "vouchers", "review", "1");
        ledger.OkAs("财务", "vouchers", "approve", "1");
        ledger.OkAs("会计", "vouchers", "draft", Spend(ledger, "S2", "10"));
        ledger.OkAs("会计", "vouchers", "withdraw", "2", "--reason", "重复");

        var shown = Json(ledger.Ok("vouchers", "show", "2", "--period", "2025-02", "--format", "json"));

        Assert.That(shown.GetProperty("attachments").GetInt32(), Is.EqualTo(2));
        Assert.That(Json(ledger.Ok("vouchers", "pending", "--format", "json")).GetArrayLength(), Is.Zero);
        Assert.That(ledger.Run("verify").Code, Is.Zero);
    }

    [Test]
    public void Fund_rules_reject_a_draft_file_whole_naming_each_voucher()
    {
        using var ledger = Ledger();
        var file = ledger.WriteFile("bad.json", """
            [{"ref":"P","date":"2025-02-10","summary":"挪用","cashier":"出纳","lines":[{"account":"513","debit":"100","fund":"F02"},{"account":"10201","credit":"100","fund":"F02"}]},
             {"ref":"L","date":"2025-12-01","summary":"过期","cashier":"出纳","lines":[{"account":"15301","debit":"100","fund":"F02"},{"account":"10201","credit":"100","fund":"F02"}]},
             {"ref":"O","date":"2025-02-10","summary":"超支","cashier":"出纳","lines":[{"account":"15301","debit":"20000.01","fund":"F02"},{"account":"10201","credit":"20000.01","fund":"F02"}]}]
            """);
        var head = ledger.Head();

        var (code, _, err) = ledger.RunAs("会计", "vouchers", "draft", file);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("ref P").And.Contain("[FundPurposeViolation]"));
        Assert.That(err, Does.Contain("ref L").And.Contain("[FundExpired]"));
        Assert.That(err, Does.Contain("ref O").And.Contain("[FundOverspent]").And.Contain("shortfall 0.01"));
        Assert.That(ledger.Head(), Is.EqualTo(head));
    }

    [Test]
    public void A_month_closes_after_carrying_its_draft_forward_and_reopens_only_with_someone_elses_approval()
    {
        using var ledger = Ledger();
        ledger.OkAs("会计", "vouchers", "draft", Spend(ledger, "S1", "300"));
        ledger.Ok("period", "close", "2025-01");

        var refused = ledger.Run("period", "close", "2025-02");
        ledger.Ok("period", "close", "2025-02", "--carry-forward");
        ledger.OkAs("会计", "period", "reopen", "2025-02", "--reason", "补记电费");
        var self = ledger.RunAs("会计", "period", "reopen", "2025-02", "--approve");
        ledger.OkAs("主任", "period", "reopen", "2025-02", "--approve");
        ledger.Ok("period", "close", "2025-02");

        Assert.That(refused.Err, Does.Contain("[DraftsOpen]").And.Contain("#1"));
        Assert.That(self.Err, Does.Contain("[SelfApproval]"));
        Assert.That(Json(ledger.Ok("vouchers", "pending", "--format", "json"))[0].GetProperty("date").GetString(), Is.EqualTo("2025-03-01"));
        Assert.That(ledger.Run("verify").Code, Is.Zero);
    }

    [Test]
    public void A_year_closes_after_carrying_a_december_draft_into_january()
    {
        using var ledger = Ledger();
        for (var month = 1; month <= 11; month++) ledger.Ok("period", "close", $"2025-{month:D2}", "--carry-forward");
        ledger.OkAs("会计", "vouchers", "draft", ledger.WriteFile("dec.json",
            """[{"ref":"D","date":"2025-12-20","summary":"办公费","cashier":"出纳","lines":[{"account":"513","debit":"300"},{"account":"10201","credit":"300"}]}]"""));

        var refused = ledger.Run("year", "close", "2025");
        ledger.Ok("year", "close", "2025", "--carry-forward");

        Assert.That(refused.Err, Does.Contain("[DraftsOpen]"));
        Assert.That(Json(ledger.Ok("vouchers", "pending", "--format", "json"))[0].GetProperty("date").GetString(), Is.EqualTo("2026-01-01"));
        Assert.That(ledger.Run("verify").Code, Is.Zero);
    }

    [Test]
    public void The_fund_report_shows_the_grant_the_money_and_each_payment()
    {
        using var ledger = Ledger();
        ledger.OkAs("会计", "vouchers", "draft", Spend(ledger, "S1", "800.50"));
        ledger.OkAs("会计", "vouchers", "submit", "1");
        ledger.OkAs("审核员", "vouchers", "review", "1");
        ledger.OkAs("财务", "vouchers", "approve", "1");

        var fund = Json(ledger.Ok("report", "funds", "--period", "2025-02", "--format", "json")).GetProperty("funds").EnumerateArray()
            .Single(f => f.GetProperty("code").GetString() == "F02");
        var csv = ledger.Ok("report", "funds", "--items", "--period", "2025-02", "--format", "csv");

        Assert.That(new[] { "granted", "received_to_date", "spent_in_period", "balance", "outstanding" }.Select(k => fund.GetProperty(k).GetString()),
            Is.EqualTo(new[] { "50000.00", "20000.00", "800.50", "19199.50", "30000.00" }));
        Assert.That(fund.GetProperty("items")[0].GetProperty("charged_to").GetString(), Is.EqualTo("15301 机井工程"));
        Assert.That(csv, Does.Contain("F02,2025-02-10,2025-02 记-0002,支付机井工程款,15301 机井工程,800.50"));
    }

    [Test]
    public void A_funds_file_imports_again_as_a_no_op_but_changed_terms_are_refused()
    {
        using var ledger = new TestLedger();
        ledger.Ok("init", "--org", "测试嘎查", "--org-code", "N2TEST", "--start", "2025-01", "--attachments-required", "false");
        ledger.Ok("accounts", "import", Path.Combine(TestLedger.Samples, "accounts.json"));
        var funds = Path.Combine(TestLedger.Samples, "funds.json");
        ledger.Ok("funds", "import", funds);

        var again = ledger.Ok("funds", "import", funds);
        var changed = ledger.Run("funds", "import", ledger.WriteFile("changed.json", File.ReadAllText(funds).Replace("600000.00", "700000.00")));

        Assert.That(again, Does.Contain("added 0, already registered 4"));
        Assert.That(changed.Code, Is.EqualTo(1));
        Assert.That(changed.Err, Does.Contain("F01").And.Contain("[CodeExists]"));
    }

    // Every approval table is a projection that verify compares with the log.
    [TestCase("UPDATE drafts SET summary = '改'", "drafts")]
    [TestCase("UPDATE draft_steps SET by = '主任' WHERE action = 'reviewed'", "draft_steps")]
    [TestCase("DELETE FROM draft_steps WHERE action = 'submitted'", "draft_steps")]
    [TestCase("UPDATE period_reopens SET reason = '无'", "period_reopens")]
    [TestCase("UPDATE funds SET terms = replace(terms, '50000.00', '90000.00')", "funds")]
    [TestCase("UPDATE vouchers SET cashier = '别人' WHERE draft = 1", "vouchers")]
    public void Edits_of_the_approval_tables_behind_the_programs_back_are_found_by_verify(string sql, string table)
    {
        using var ledger = Ledger();
        ledger.OkAs("会计", "vouchers", "draft", Spend(ledger, "S1", "300"));
        ledger.OkAs("会计", "vouchers", "submit", "1");
        ledger.OkAs("审核员", "vouchers", "review", "1");
        ledger.OkAs("财务", "vouchers", "approve", "1");
        ledger.Ok("period", "close", "2025-01");
        ledger.OkAs("会计", "period", "reopen", "2025-01", "--reason", "补记");
        foreach (var trigger in new[] { "drafts_no_update", "draft_steps_no_update", "draft_steps_no_delete", "period_reopens_no_update", "vouchers_no_update" })
            ledger.Sql($"DROP TRIGGER {trigger}");

        ledger.Sql(sql);
        var (code, stdout, _) = ledger.Run("verify", "--format", "json");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(Json(stdout).GetProperty("problems").EnumerateArray().Any(p => p.GetProperty("table").GetString() == table), Is.True, stdout);
    }
}
