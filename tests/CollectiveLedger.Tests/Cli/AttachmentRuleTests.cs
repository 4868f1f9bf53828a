using System.Text.Json;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// 原始凭证 (issue 13): while vouchers.attachments_required is on (init turns it on), a cash or bank
/// voucher with no attachments is refused unless it says why; closing vouchers and red-ink reversals
/// need none; books written before the rule still verify, and replay holds vouchers to the setting
/// in force when they were posted.
/// </summary>
public class AttachmentRuleTests
{
    private const string Key = "vouchers.attachments_required";

    private static string Receipt(string reference, string extra = "") =>
        $$"""{"ref":"{{reference}}","date":"2025-03-05","summary":"收取草场承包费"{{extra}},"lines":[{"account":"10201","debit":"100.00"},{"account":"50101","credit":"100.00","member":"M001"}]}""";

    private static List<JsonElement> Log(TestLedger ledger) => [.. JsonDocument.Parse(ledger.Ok("log", "show", "--format", "json")).RootElement.EnumerateArray()];

    private static Python.Result PythonVerify(TestLedger ledger)
    {
        var exported = Path.Combine(ledger.Dir, "log.jsonl");
        ledger.Ok("log", "export", "--out", exported);
        return Python.VerifyLog(exported);
    }

    [Test]
    public void Init_turns_the_rule_on_in_its_own_transaction_as_entry_one_unless_told_the_book_takes_in_history()
    {
        using var ledger = new TestLedger();
        using var historic = new TestLedger();
        using var refused = new TestLedger();

        ledger.Ok("init", "--org", "测试嘎查", "--org-code", "N2TEST", "--start", "2025-01");
        historic.Ok("init", "--org", "测试嘎查", "--org-code", "N2TEST", "--start", "2025-01", "--attachments-required", "false");
        var bad = refused.Run("init", "--org", "测试嘎查", "--org-code", "N2TEST", "--attachments-required", "maybe");

        var entry = Log(ledger)[1];
        Assert.That(ledger.Head().Count, Is.EqualTo(2));
        Assert.That(entry.GetProperty("kind").GetString(), Is.EqualTo("setting.changed"));
        Assert.That(entry.GetProperty("data").GetProperty("key").GetString(), Is.EqualTo(Key));
        Assert.That(ledger.Setting(Key), Is.EqualTo("true"));
        Assert.That(historic.Setting(Key), Is.EqualTo("false"));
        Assert.That(bad.Code, Is.EqualTo(1));
        Assert.That(bad.Err, Does.Contain("[SettingInvalid]").And.Contain("attachments-required"));
    }

    [Test]
    public void A_cash_voucher_without_attachments_or_reason_is_refused_naming_file_ref_and_field()
    {
        using var ledger = TestLedger.WithBasics(attachmentsRequired: true);
        var before = ledger.Head();

        var (code, _, err) = ledger.Run("vouchers", "import", ledger.WriteFile("v.json", "[" + Receipt("R1") + "]"));

        Assert.That(code, Is.EqualTo(1), err);
        Assert.That(err, Does.Contain("[AttachmentsRequired]").And.Contain("v.json").And.Contain("R1").And.Contain("attachments"));
        Assert.That(ledger.Head(), Is.EqualTo(before));
    }

    [Test]
    public void Attachments_or_a_reason_let_it_through_in_json_lines_and_csv_and_the_reason_is_logged_and_verified()
    {
        using var ledger = TestLedger.WithBasics(attachmentsRequired: true);

        ledger.Ok("vouchers", "import", ledger.WriteFile("v.jsonl", Receipt("R1", ",\"attachments\":1") + "\n" +
            Receipt("R2", ",\"attachments_reason\":\"银行自动扣收，无纸质单据\"") + "\n"));
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.csv",
            "ref,date,summary,attachments,kind,account,debit,credit,fund,member,counterparty,line_summary,attachments_reason\n" +
            "R3,2025-03-06,银行利息,,,10201,5.00,,,,,,银行结息单随后补\n" +
            "R3,2025-03-06,银行利息,,,50101,,5.00,,M001,,,\n"));

        var posted = Log(ledger).Where(e => e.GetProperty("kind").GetString() == "voucher.posted").Select(e => e.GetProperty("data")).ToList();
        Assert.That(posted.Select(d => d.TryGetProperty("attachments_reason", out var r) ? r.GetString() : null),
            Is.EqualTo(new[] { null, "银行自动扣收，无纸质单据", "银行结息单随后补" }));
        var shown = JsonDocument.Parse(ledger.Ok("vouchers", "show", "2", "--period", "2025-03", "--format", "json")).RootElement;
        Assert.That(shown.GetProperty("attachments_reason").GetString(), Is.EqualTo("银行自动扣收，无纸质单据"));
        Assert.That(ledger.Run("verify").Code, Is.Zero);
        Assert.That(PythonVerify(ledger).Code, Is.Zero);
    }

    [Test]
    public void A_csv_row_stating_another_reason_than_the_first_row_is_refused_with_its_line()
    {
        using var ledger = TestLedger.WithBasics(attachmentsRequired: true);

        var (code, _, err) = ledger.Run("vouchers", "import", ledger.WriteFile("v.csv",
            "ref,date,summary,attachments,kind,account,debit,credit,fund,member,counterparty,line_summary,attachments_reason\n" +
            "R3,2025-03-06,银行利息,,,10201,5.00,,,,,,甲\n" +
            "R3,2025-03-06,银行利息,,,50101,,5.00,,M001,,,乙\n"));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("v.csv:3").And.Contain("attachments_reason"));
    }

    [Test]
    public void A_reversal_needs_no_attachments_and_a_voucher_without_cash_needs_none()
    {
        using var ledger = TestLedger.WithBasics(attachmentsRequired: true);
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json", "[" + Receipt("R1", ",\"attachments\":1") + "," +
            """{"ref":"T1","date":"2025-03-05","summary":"转账","lines":[{"account":"50101","debit":"1.00","member":"M001"},{"account":"301","credit":"1.00"}]}""" + "]"));

        ledger.Ok("vouchers", "reverse", "1", "--period", "2025-03", "--date", "2025-03-07", "--reason", "重复记账");

        Assert.That(ledger.Run("verify").Code, Is.Zero);
    }

    [Test]
    public void Books_made_before_the_rule_take_and_verify_cash_vouchers_without_attachments_until_the_accountant_turns_it_on()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("old.json", "[" + Receipt("R1") + "]"));

        ledger.Ok("settings", "set", Key, "true");
        var refused = ledger.Run("vouchers", "import", ledger.WriteFile("new.json", "[" + Receipt("R2") + "]"));
        var badValue = ledger.Run("settings", "set", Key, "yes");

        Assert.That(refused.Code, Is.EqualTo(1));
        Assert.That(refused.Err, Does.Contain("[AttachmentsRequired]"));
        Assert.That(badValue.Err, Does.Contain("[SettingInvalid]"));
        Assert.That(ledger.Run("verify").Code, Is.Zero, "the voucher posted while the rule was off still verifies");
        Assert.That(PythonVerify(ledger).Code, Is.Zero);
    }

    [Test]
    public void A_forged_cash_voucher_without_attachments_posted_while_the_rule_is_on_is_named_by_both_verifiers()
    {
        using var ledger = TestLedger.WithBasics(attachmentsRequired: true);
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json", "[" + Receipt("R1", ",\"attachments\":1") + "]"));
        var seq = Log(ledger).Last().GetProperty("seq").GetInt64();
        ledger.Sql("DROP TRIGGER audit_log_no_update;");
        Storage.TamperHelpers.RewriteEntry(ledger, seq, json => json.Replace("\"attachments\":1", "\"attachments\":0"));

        var (code, stdout, _) = ledger.Run("verify", "--format", "json");
        var python = PythonVerify(ledger);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Does.Contain("[AttachmentsRequired]"));
        Assert.That(python.Code, Is.Not.Zero);
        Assert.That(python.Output, Does.Contain("attachments_reason"));
    }

    [Test]
    public void A_rent_receipt_into_the_bank_needs_its_attachments()
    {
        using var ledger = TestLedger.WithBasics(attachmentsRequired: true);
        ledger.Ok("accounts", "add", "21101", "预收承包费", "--parent", "211");
        ledger.Ok("contracts", "add", "HT-1", "--party", "M001", "--resource", "grassland", "--area", "1500", "--rent", "3000",
            "--from", "2025-01-01", "--to", "2025-12-31", "--income-account", "50101", "--prepaid-account", "21101");

        var bare = ledger.Run("contracts", "receive", "HT-1", "--date", "2025-03-10", "--amount", "3000", "--account", "10201");
        ledger.Ok("contracts", "receive", "HT-1", "--date", "2025-03-10", "--amount", "3000", "--account", "10201", "--attachments", "1");

        Assert.That(bare.Code, Is.EqualTo(1));
        Assert.That(bare.Err, Does.Contain("[AttachmentsRequired]").And.Contain("attachments"));
    }

    [Test]
    public void A_draft_without_attachments_needs_a_reason_which_goes_with_it_to_the_posted_voucher()
    {
        using var ledger = TestLedger.WithBasics(attachmentsRequired: true);
        ledger.Set(("role.reviewer", "审核员"), ("role.finance_lead", "财务"), ("role.committee_chair", "主任"), ("role.supervisor", "监委"),
            ("role.cashier", "出纳"), ("approval.finance_lead_limit", "1000"), ("approval.committee_limit", "10000"));
        string Draft(string extra) => ledger.WriteFile("d.json",
            $$"""[{"ref":"D1","date":"2025-03-05","summary":"收取草场承包费","cashier":"出纳"{{extra}},"lines":[{"account":"10201","debit":"100.00"},{"account":"50101","credit":"100.00","member":"M001"}]}]""");

        var refused = ledger.RunAs("会计", "vouchers", "draft", Draft(""));
        ledger.OkAs("会计", "vouchers", "draft", Draft(",\"attachments_reason\":\"收据存根随后补\""));
        ledger.OkAs("会计", "vouchers", "submit", "1");
        ledger.OkAs("审核员", "vouchers", "review", "1");
        ledger.OkAs("财务", "vouchers", "approve", "1");

        Assert.That(refused.Code, Is.EqualTo(1));
        Assert.That(refused.Err, Does.Contain("[AttachmentsRequired]").And.Contain("d.json"));
        var log = Log(ledger);
        Assert.That(log.Single(e => e.GetProperty("kind").GetString() == "voucher.drafted").GetProperty("data").GetProperty("voucher")
            .GetProperty("attachments_reason").GetString(), Is.EqualTo("收据存根随后补"));
        Assert.That(log.Last().GetProperty("data").GetProperty("attachments_reason").GetString(), Is.EqualTo("收据存根随后补"));
        Assert.That(ledger.Run("verify").Code, Is.Zero);
        Assert.That(PythonVerify(ledger).Code, Is.Zero);
    }
}
