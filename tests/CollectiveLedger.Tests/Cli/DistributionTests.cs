using System.Text.Json;

namespace CollectiveLedger.Tests.Cli;

/// <summary>Income distribution through the real command line: plan, approve, post, pay, show, and verify.</summary>
public class DistributionTests
{
    internal const string Planner = "乌云其其格";
    private const string Chair = "巴特尔";

    /// <summary>A ledger whose 2025 earned 100.00 and is closed, with three households holding 3, 4 and 0 shares.</summary>
    /// <param name="undistributedBefore">Undistributed surplus of earlier years, brought into 322 by the opening voucher.</param>
    internal static TestLedger ClosedYear(bool close = true, bool split322 = false, string? undistributedBefore = null)
    {
        var ledger = TestLedger.WithBasics();
        if (split322)
        {
            ledger.Ok("accounts", "add", "32201", "各项分配", "--parent", "322");
            ledger.Ok("accounts", "add", "32202", "未分配收益", "--parent", "322");
        }
        ledger.Ok("members", "add", "M002", "其其格", "--head", "其其格", "--household-size", "4", "--shares", "3",
            "--id-card", "11010519491231002X", "--bank-account", "6228480012345678901", "--phone", "13912345678");
        ledger.Ok("members", "add", "M003", "乌力吉", "--head", "乌力吉", "--household-size", "2", "--shares", "4");
        ledger.Ok("members", "add", "M004", "斯琴", "--head", "斯琴", "--household-size", "1", "--shares", "0");
        if (undistributedBefore is not null)
            ledger.Ok("vouchers", "import", ledger.WriteFile("o.json",
                $$"""[{"ref":"O","date":"2025-01-01","kind":"opening","summary":"期初","lines":[{"account":"10201","debit":"{{undistributedBefore}}"},{"account":"322","credit":"{{undistributedBefore}}"}]}]"""));
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json",
            """[{"ref":"I1","date":"2025-05-10","summary":"草场承包费","lines":[{"account":"10201","debit":"100.00"},{"account":"50101","credit":"100.00"}]}]"""));
        ledger.Ok("settings", "set", "role.committee_chair", Chair);
        if (!close) return ledger;
        for (var m = 1; m <= 11; m++) ledger.Ok("period", "close", $"2025-{m:D2}");
        ledger.Ok("year", "close", "2025");
        return ledger;
    }

    internal static void PlanApprovePost(TestLedger ledger)
    {
        ledger.OkAs(Planner, "distribution", "plan", "--year", "2025", "--reserve-percent", "10");
        ledger.OkAs(Chair, "distribution", "approve", "--year", "2025", "--resolution", "成员大会决议〔2026〕1号");
        ledger.OkAs(Planner, "distribution", "post", "--year", "2025", "--date", "2026-03-20");
    }

    [Test]
    public void A_plan_is_refused_before_the_year_is_closed()
    {
        using var ledger = ClosedYear(close: false);

        var (code, _, err) = ledger.RunAs(Planner, "distribution", "plan", "--year", "2025", "--reserve-percent", "10");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("DistributionYearNotClosed"));
    }

    [Test]
    public void The_whole_distribution_posts_the_reserve_the_payables_and_the_payment_and_verifies()
    {
        using var ledger = ClosedYear();

        PlanApprovePost(ledger);
        ledger.OkAs(Planner, "distribution", "pay", "--year", "2025", "--date", "2026-03-25", "--account", "10201");

        var list = JsonDocument.Parse(ledger.Ok("distribution", "show", "--year", "2025", "--format", "json")).RootElement;
        Assert.That(list.GetProperty("reserve").GetString(), Is.EqualTo("10.00"));
        Assert.That(list.GetProperty("per_share").GetString(), Is.EqualTo("12.85"));
        Assert.That(list.GetProperty("distributed").GetString(), Is.EqualTo("89.95"));
        Assert.That(list.GetProperty("undistributed").GetString(), Is.EqualTo("0.05"));
        Assert.That(list.GetProperty("status").GetString(), Is.EqualTo("paid"));
        var tb = JsonDocument.Parse(ledger.Ok("report", "trial-balance", "--period", "2026-03", "--format", "json")).RootElement.GetProperty("rows")
            .EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => (r.GetProperty("closing_debit").GetString(), r.GetProperty("closing_credit").GetString()));
        Assert.That(tb["311"], Is.EqualTo(("0.00", "10.00")));
        Assert.That(tb["322"], Is.EqualTo(("0.00", "0.05")));
        Assert.That(tb.ContainsKey("211") ? tb["211"] : ("0.00", "0.00"), Is.EqualTo(("0.00", "0.00")));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    private static Dictionary<string, (string?, string?)> TrialBalance(TestLedger ledger, string period) =>
        JsonDocument.Parse(ledger.Ok("report", "trial-balance", "--period", period, "--format", "json")).RootElement.GetProperty("rows")
            .EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => (r.GetProperty("closing_debit").GetString(), r.GetProperty("closing_credit").GetString()));

    [Test]
    public void With_322_split_into_各项分配_and_未分配收益_the_year_closes_and_distributes_through_them()
    {
        using var ledger = ClosedYear(split322: true);
        Assert.That(TrialBalance(ledger, "2025-12")["32202"], Is.EqualTo(("0.00", "100.00")));

        PlanApprovePost(ledger);
        ledger.OkAs(Planner, "distribution", "pay", "--year", "2025", "--date", "2026-03-25", "--account", "10201");

        var tb = TrialBalance(ledger, "2026-03");
        Assert.That(tb["311"], Is.EqualTo(("0.00", "10.00")));
        Assert.That(tb["32201"], Is.EqualTo(("99.95", "0.00")));    // 10.00 reserve + 89.95 to the households
        Assert.That(tb["32202"], Is.EqualTo(("0.00", "100.00")));
        Assert.That(tb["322"], Is.EqualTo(("0.00", "0.05")));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
        AssertReferenceVerifierAccepts(ledger);
    }

    /// <summary>schemas/verify_log.py and the entry schema accept the ledger's exported log.</summary>
    private static void AssertReferenceVerifierAccepts(TestLedger ledger)
    {
        var log = Path.Combine(ledger.Dir, "log.jsonl");
        ledger.Ok("log", "export", "--out", log);
        var (code, output) = Python.Run(Path.Combine(TestLedger.RepoRoot, "schemas", "verify_log.py"), log);
        Assert.That(code, Is.Zero, output);
        var (schemaCode, schemaOutput) = Python.Run("-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            for line in open(sys.argv[2], encoding="utf-8"):
                jsonschema.validate(json.loads(line), schema)
            print("ok")
            """.Replace("            ", ""), Path.Combine(TestLedger.RepoRoot, "schemas", "audit-entry.schema.json"), log);
        Assert.That(schemaCode, Is.Zero, schemaOutput);
    }

    [Test]
    public void With_322_split_but_no_各项分配_the_posting_names_what_to_add_and_changes_nothing()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("accounts", "add", "32202", "未分配收益", "--parent", "322");
        ledger.Ok("members", "add", "M003", "乌力吉", "--head", "乌力吉", "--household-size", "2", "--shares", "4");
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json",
            """[{"ref":"I1","date":"2025-05-10","summary":"草场承包费","lines":[{"account":"10201","debit":"100.00"},{"account":"50101","credit":"100.00"}]}]"""));
        ledger.Ok("settings", "set", "role.committee_chair", Chair);
        for (var m = 1; m <= 11; m++) ledger.Ok("period", "close", $"2025-{m:D2}");
        ledger.Ok("year", "close", "2025");
        ledger.OkAs(Planner, "distribution", "plan", "--year", "2025", "--reserve-percent", "10");
        ledger.OkAs(Chair, "distribution", "approve", "--year", "2025", "--resolution", "决议");

        var (code, _, err) = ledger.RunAs(Planner, "distribution", "post", "--year", "2025", "--date", "2026-03-20");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("SurplusSubAccountMissing").And.Contain("各项分配"));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void The_reserve_is_on_the_years_surplus_not_on_what_earlier_years_left_undistributed()
    {
        using var ledger = ClosedYear(undistributedBefore: "50.00");

        PlanApprovePost(ledger);

        var list = JsonDocument.Parse(ledger.Ok("distribution", "show", "--year", "2025", "--format", "json")).RootElement;
        Assert.That(list.GetProperty("distributable").GetString(), Is.EqualTo("150.00"));
        Assert.That(list.GetProperty("reserve_base").GetString(), Is.EqualTo("100.00"));
        Assert.That(list.GetProperty("reserve").GetString(), Is.EqualTo("10.00"));     // 10% of 100.00, not of 150.00
        Assert.That(list.GetProperty("to_share").GetString(), Is.EqualTo("140.00"));
        Assert.That(list.GetProperty("per_share").GetString(), Is.EqualTo("20.00"));
        Assert.That(TrialBalance(ledger, "2026-03")["311"], Is.EqualTo(("0.00", "10.00")));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
        AssertReferenceVerifierAccepts(ledger);
    }

    [Test]
    public void A_loss_year_sets_nothing_aside_even_with_earlier_surplus_to_distribute()
    {
        using var ledger = ClosedYear(close: false, undistributedBefore: "500.00");
        ledger.Ok("vouchers", "import", ledger.WriteFile("loss.json",
            """[{"ref":"L1","date":"2025-06-10","summary":"管理费用","lines":[{"account":"513","debit":"300.00"},{"account":"10201","credit":"300.00"}]}]"""));
        for (var m = 1; m <= 11; m++) ledger.Ok("period", "close", $"2025-{m:D2}");
        ledger.Ok("year", "close", "2025");

        ledger.OkAs(Planner, "distribution", "plan", "--year", "2025", "--reserve-percent", "10");

        var list = JsonDocument.Parse(ledger.Ok("distribution", "show", "--year", "2025", "--format", "json")).RootElement;
        Assert.That(list.GetProperty("distributable").GetString(), Is.EqualTo("300.00"));
        Assert.That(list.GetProperty("reserve_base").GetString(), Is.EqualTo("0.00"));
        Assert.That(list.GetProperty("reserve").GetString(), Is.EqualTo("0.00"));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void The_members_meeting_may_distribute_less_and_the_rest_stays_undistributed()
    {
        using var ledger = ClosedYear();

        ledger.OkAs(Planner, "distribution", "plan", "--year", "2025", "--reserve-percent", "10", "--distribute", "70.00");
        ledger.OkAs(Chair, "distribution", "approve", "--year", "2025", "--resolution", "成员大会决议〔2026〕1号");
        ledger.OkAs(Planner, "distribution", "post", "--year", "2025", "--date", "2026-03-20");
        ledger.OkAs(Planner, "distribution", "pay", "--year", "2025", "--date", "2026-03-25", "--account", "10201");

        var list = JsonDocument.Parse(ledger.Ok("distribution", "show", "--year", "2025", "--format", "json")).RootElement;
        Assert.That(list.GetProperty("to_share").GetString(), Is.EqualTo("70.00"));
        Assert.That(list.GetProperty("per_share").GetString(), Is.EqualTo("10.00"));
        Assert.That(list.GetProperty("distributed").GetString(), Is.EqualTo("70.00"));
        Assert.That(list.GetProperty("undistributed").GetString(), Is.EqualTo("20.00"));
        Assert.That(TrialBalance(ledger, "2026-03")["322"], Is.EqualTo(("0.00", "20.00")));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
        AssertReferenceVerifierAccepts(ledger);
    }

    [TestCase("90.01")]
    [TestCase("-1.00")]
    [TestCase("七十")]
    public void An_amount_to_distribute_beyond_what_is_left_after_the_reserve_is_refused(string amount)
    {
        using var ledger = ClosedYear();

        var (code, _, err) = ledger.RunAs(Planner, "distribution", "plan", "--year", "2025", "--reserve-percent", "10", "--distribute", amount);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("distribute").And.Contain("90.00"));
        Assert.That(ledger.RunAs(Planner, "distribution", "show", "--year", "2025").Code, Is.EqualTo(1));
    }

    [Test]
    public void With_311_split_the_posting_names_the_reserve_account_or_is_refused()
    {
        using var ledger = ClosedYear();
        ledger.Ok("accounts", "add", "31101", "公积金", "--parent", "311");
        ledger.Ok("accounts", "add", "31102", "公益金", "--parent", "311");
        ledger.OkAs(Planner, "distribution", "plan", "--year", "2025", "--reserve-percent", "10");
        ledger.OkAs(Chair, "distribution", "approve", "--year", "2025", "--resolution", "决议");

        var (code, _, err) = ledger.RunAs(Planner, "distribution", "post", "--year", "2025", "--date", "2026-03-20");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("AccountNotLeaf").And.Contain("311"));
        Assert.That(ledger.RunAs(Planner, "distribution", "post", "--year", "2025", "--date", "2026-03-20", "--reserve-account", "21101").Err,
            Does.Contain("reserve-account"));

        ledger.OkAs(Planner, "distribution", "post", "--year", "2025", "--date", "2026-03-20", "--reserve-account", "31101");

        var tb = TrialBalance(ledger, "2026-03");
        Assert.That(tb["31101"], Is.EqualTo(("0.00", "10.00")));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
        AssertReferenceVerifierAccepts(ledger);
    }

    [Test]
    public void Every_step_refuses_to_run_twice()
    {
        using var ledger = ClosedYear();
        PlanApprovePost(ledger);
        ledger.OkAs(Planner, "distribution", "pay", "--year", "2025", "--date", "2026-03-25", "--account", "10201");

        foreach (var (actor, args) in new[]
                 {
                     (Planner, new[] { "plan", "--year", "2025", "--reserve-percent", "10" }),
                     (Chair, new[] { "approve", "--year", "2025", "--resolution", "再次" }),
                     (Planner, new[] { "post", "--year", "2025", "--date", "2026-03-21" }),
                     (Planner, new[] { "pay", "--year", "2025", "--date", "2026-03-26", "--account", "10201" }),
                 })
        {
            var (code, _, err) = ledger.RunAs(actor, ["distribution", .. args]);
            Assert.That(code, Is.EqualTo(1), args[0]);
            Assert.That(err, Does.Contain("DistributionAlreadyDone"), args[0]);
        }
    }

    [Test]
    public void The_planner_does_not_approve_and_nobody_posts_an_unapproved_plan()
    {
        using var ledger = ClosedYear();
        ledger.OkAs(Chair, "distribution", "plan", "--year", "2025", "--reserve-percent", "10");

        Assert.That(ledger.RunAs(Chair, "distribution", "approve", "--year", "2025", "--resolution", "决议").Err, Does.Contain("SelfApproval"));
        Assert.That(ledger.RunAs(Planner, "distribution", "approve", "--year", "2025", "--resolution", "决议").Err, Does.Contain("NotInRole"));
        Assert.That(ledger.RunAs(Planner, "distribution", "post", "--year", "2025", "--date", "2026-03-20").Err, Does.Contain("DistributionNotApproved"));
    }

    [Test]
    public void The_posting_is_dated_after_the_year_and_the_payment_not_before_the_posting()
    {
        using var ledger = ClosedYear();
        ledger.OkAs(Planner, "distribution", "plan", "--year", "2025", "--reserve-percent", "10");
        ledger.OkAs(Chair, "distribution", "approve", "--year", "2025", "--resolution", "决议");

        Assert.That(ledger.RunAs(Planner, "distribution", "post", "--year", "2025", "--date", "2025-12-31").Err, Does.Contain("DistributionDateInYear").And.Contain("2026-01-01"));
        Assert.That(ledger.RunAs(Planner, "distribution", "pay", "--year", "2025", "--date", "2026-03-25", "--account", "10201").Err, Does.Contain("DistributionNotPosted"));
        ledger.OkAs(Planner, "distribution", "post", "--year", "2025", "--date", "2026-03-20");
        Assert.That(ledger.RunAs(Planner, "distribution", "pay", "--year", "2025", "--date", "2026-03-19", "--account", "10201").Err, Does.Contain("DistributionDateInYear"));
        Assert.That(ledger.RunAs(Planner, "distribution", "pay", "--year", "2025", "--date", "2026-03-20", "--account", "50101").Err, Does.Contain("FieldInvalid"));
    }

    [TestCase("table")]
    [TestCase("csv")]
    [TestCase("json")]
    public void The_household_list_never_shows_private_numbers_in_full(string format)
    {
        using var ledger = ClosedYear();
        PlanApprovePost(ledger);

        var output = ledger.Ok("distribution", "show", "--year", "2025", "--format", format) + ledger.Ok("members", "list", "--format", format);

        Assert.That(output, Does.Not.Contain("11010519491231002X").And.Not.Contain("6228480012345678901").And.Not.Contain("13912345678"));
        Assert.That(output, Does.Contain("1101**********002X").And.Contain("139****5678"));
    }

    [TestCase("UPDATE distribution_households SET amount_fen = amount_fen + 100 WHERE member = 'M002'", "distribution_households")]
    [TestCase("UPDATE distributions SET per_share_fen = per_share_fen", "")]
    [TestCase("UPDATE distribution_steps SET resolution = '改' WHERE action = 'approved'", "distribution_steps")]
    [TestCase("UPDATE members SET details = json_set(details, '$.shares', 40) WHERE code = 'M003'", "members")]
    public void Verify_names_an_altered_distribution_or_household_row(string sql, string table)
    {
        using var ledger = ClosedYear();
        PlanApprovePost(ledger);
        ledger.Sql("DROP TRIGGER distributions_no_update; DROP TRIGGER distribution_households_no_update; DROP TRIGGER distribution_steps_no_update;");

        ledger.Sql(sql);

        var (code, stdout, _) = ledger.Run("verify", "--format", "json");
        if (table == "")
        {
            Assert.That(code, Is.EqualTo(0), "an update that changes nothing is no tampering");
            return;
        }
        Assert.That(code, Is.EqualTo(1), stdout);
        Assert.That(JsonDocument.Parse(stdout).RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("table").GetString()), Does.Contain(table));
    }

    private static long SeqOf(TestLedger ledger, string like)
    {
        using var c = ledger.Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = ledger.Spoken(c, "SELECT seq FROM audit_log WHERE CAST(entry AS TEXT) LIKE @like ORDER BY seq LIMIT 1");
        cmd.Parameters.AddWithValue("@like", like);
        return (long)cmd.ExecuteScalar()!;
    }

    private static List<string> ForgedProblems(TestLedger ledger, string like, Func<string, string> edit)
    {
        ledger.Sql("DROP TRIGGER audit_log_no_update;");
        Storage.TamperHelpers.RewriteEntry(ledger, SeqOf(ledger, like), edit);
        var (code, stdout, _) = ledger.Run("verify", "--format", "json");
        Assert.That(code, Is.EqualTo(1), stdout);
        return JsonDocument.Parse(stdout).RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()!).ToList();
    }

    [Test]
    public void A_plan_entry_forged_with_every_hash_recomputed_is_named_by_replay()
    {
        using var ledger = ClosedYear();
        PlanApprovePost(ledger);

        var messages = ForgedProblems(ledger, "%\"kind\":\"distribution.planned\"%",
            json => json.Replace("\"amount\":\"38.55\"", "\"amount\":\"51.40\"").Replace("\"distributed\":\"89.95\"", "\"distributed\":\"102.80\""));

        Assert.That(messages, Has.Some.Contains("distribution.planned holds values its rule would not have written"));
    }

    [Test]
    public void A_distribution_voucher_forged_with_every_hash_recomputed_is_named_by_replay()
    {
        using var ledger = ClosedYear();
        PlanApprovePost(ledger);

        // Two households' amounts swapped: the voucher still balances, but it is not what the plan says.
        var messages = ForgedProblems(ledger, "%应付成员股份分红%",
            json => json.Replace("\"credit\":\"38.55\"", "\"credit\":\"X\"").Replace("\"credit\":\"51.40\"", "\"credit\":\"38.55\"")
                .Replace("\"credit\":\"X\"", "\"credit\":\"51.40\""));

        Assert.That(messages, Has.Some.Contains("is not what distribution.posted 2025 computes from the plan"));
    }

    [Test]
    public void The_sample_members_file_with_details_imports_again_as_a_no_op_and_changed_details_are_refused()
    {
        using var ledger = new TestLedger();
        ledger.Ok("init", "--org", "测试嘎查", "--org-code", "N2TEST", "--start", "2025-01", "--attachments-required", "false");
        var file = Path.Combine(TestLedger.Samples, "members.json");

        Assert.That(ledger.Ok("members", "import", file), Does.Contain("added 40"));
        Assert.That(ledger.Ok("members", "import", file), Does.Contain("added 0, already registered 40"));
        var changed = ledger.WriteFile("m.json", File.ReadAllText(file).Replace("\"shares\": 6,", "\"shares\": 7,"));
        var (code, _, err) = ledger.Run("members", "import", changed);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("CodeExists"));
    }

    [Test]
    public void A_members_file_with_a_wrong_check_character_is_refused_naming_the_record_and_field()
    {
        using var ledger = TestLedger.WithBasics();
        var file = ledger.WriteFile("m.json", """[{"code":"M009","name":"孟和","head":"孟和","household_size":3,"shares":3,"id_card":"110105194912310021"}]""");

        var (code, _, err) = ledger.Run("members", "import", file);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("id_card").And.Contain("M009").And.Contain("check character should be X"));
    }

    [Test]
    public void The_database_itself_refuses_edits_of_a_plan_and_rows_that_break_its_arithmetic()
    {
        using var ledger = ClosedYear();
        PlanApprovePost(ledger);

        foreach (var sql in new[] { "UPDATE distributions SET reserve_fen = 0", "DELETE FROM distribution_households", "UPDATE distribution_steps SET by = 'x'" })
            Assert.That(() => ledger.Sql(sql), Throws.Exception.With.Message.Contains("never changed"), sql);
        Assert.That(() => ledger.Sql("INSERT INTO distribution_households VALUES (2025, 1, 'M001', 2, 1)"), Throws.Exception.With.Message.Contains("shares x per-share"));
        Assert.That(() => ledger.Sql("INSERT INTO distributions (year, plan, planned_seq, by, reserve_percent, distributable_fen, reserve_fen, total_shares, per_share_fen, distributed_fen, undistributed_fen) " +
            "VALUES (2025, 2, 99, 'x', 0, 10000, 0, 7, 0, 0, 10000)"), Throws.Exception.With.Message.Contains("DistributionAlreadyDone"), "no plan after approval");
        Assert.That(() => ledger.Sql("UPDATE members SET details = json_set(details, '$.shares', -1) WHERE code = 'M003'"), Throws.Exception.With.Message.Contains("CHECK").IgnoreCase);
    }

    [Test]
    public void The_python_reference_verifier_accepts_a_distribution_and_names_a_forged_plan()
    {
        using var ledger = ClosedYear();
        PlanApprovePost(ledger);
        ledger.OkAs(Planner, "distribution", "pay", "--year", "2025", "--date", "2026-03-25", "--account", "10201");
        var log = Path.Combine(ledger.Dir, "log.jsonl");
        ledger.Ok("log", "export", "--out", log);
        Assert.That(Python.VerifyLog(log).Code, Is.EqualTo(0));
        var (schemaCode, schemaOutput) = EntrySchema.Check(log);
        Assert.That(schemaCode, Is.EqualTo(0), schemaOutput);

        // The forger edits the plan and re-chains every later line, as an auditor's copy could be edited.
        var lines = File.ReadAllLines(log);
        var prev = (string?)null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (prev is not null) line = line.Replace(JsonDocument.Parse(line).RootElement.GetProperty("prev").GetString()!, prev);
            if (line.Contains("\"kind\":\"distribution.planned\"")) line = line.Replace("\"amount\":\"38.55\"", "\"amount\":\"48.55\"");
            if (prev is not null || line != lines[i]) prev = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(line)));
            lines[i] = line;
        }
        File.WriteAllText(log, string.Join("\n", lines) + "\n");
        var (code, output) = Python.VerifyLog(log);

        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("each household gets shares x per_share"));
        Assert.That(output, Does.Not.Contain("prev must be"));
    }

    /// <summary>Plans 10% and then, before approval, 20%: the second plan supersedes the first.</summary>
    private static TestLedger Replanned()
    {
        var ledger = ClosedYear();
        ledger.OkAs(Planner, "distribution", "plan", "--year", "2025", "--reserve-percent", "10");
        ledger.OkAs(Planner, "distribution", "plan", "--year", "2025", "--reserve-percent", "20");
        return ledger;
    }

    [Test]
    public void A_plan_made_again_before_approval_supersedes_the_first_and_is_the_one_approved_posted_and_noticed()
    {
        using var ledger = Replanned();

        var notice = JsonDocument.Parse(ledger.Ok("disclose", "--distribution", "2025", "--date", "2026-03-01", "--format", "json", "--unsigned")).RootElement;
        var superseded = ledger.RunAs(Chair, "distribution", "approve", "--year", "2025", "--resolution", "决议", "--plan", "1");
        var approved = ledger.OkAs(Chair, "distribution", "approve", "--year", "2025", "--resolution", "成员大会决议〔2026〕1号", "--plan", "2");
        ledger.OkAs(Planner, "distribution", "post", "--year", "2025", "--date", "2026-03-20");
        var again = ledger.RunAs(Planner, "distribution", "plan", "--year", "2025", "--reserve-percent", "30");

        Assert.That(notice.GetProperty("reserve").GetString(), Is.EqualTo("20.00"), "the notice shows the current plan");
        Assert.That(notice.GetProperty("plan").GetInt32(), Is.EqualTo(2), "and names it");
        Assert.That(superseded.Code, Is.EqualTo(1));
        Assert.That(superseded.Err, Does.Contain("[DistributionPlanSuperseded]"));
        Assert.That(approved, Does.Contain("plan 2"));
        Assert.That(again.Code, Is.EqualTo(1));
        Assert.That(again.Err, Does.Contain("[DistributionAlreadyDone]"));
        Assert.That(TrialBalance(ledger, "2026-03")["311"], Is.EqualTo(("0.00", "20.00")), "the reserve of plan 2 is posted");
        var list = JsonDocument.Parse(ledger.Ok("distribution", "show", "--year", "2025", "--format", "json")).RootElement;
        Assert.That(list.GetProperty("plan").GetInt32(), Is.EqualTo(2));
        Assert.That(list.GetProperty("reserve").GetString(), Is.EqualTo("20.00"));
        Assert.That(list.GetProperty("superseded").EnumerateArray().Select(p => (p.GetProperty("plan").GetInt32(), p.GetProperty("status").GetString(), p.GetProperty("reserve").GetString())),
            Is.EqualTo(new[] { (1, "superseded", "10.00") }));
        var log = JsonDocument.Parse(ledger.Ok("log", "show", "--format", "json")).RootElement.EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString()!.StartsWith("distribution.", StringComparison.Ordinal)).Select(e => e.GetProperty("data")).ToList();
        Assert.That(log.Select(d => d.TryGetProperty("plan", out var p) ? p.GetInt32() : 1), Is.EqualTo(new[] { 1, 2, 2, 1 }),
            "plan 1 carries no plan key, as older entries; the approval names plan 2");
        Assert.That(ledger.Run("verify").Code, Is.Zero);
        AssertReferenceVerifierAccepts(ledger);
    }

    [Test]
    public void Without_naming_a_plan_the_approval_takes_the_current_one()
    {
        using var ledger = Replanned();

        ledger.OkAs(Chair, "distribution", "approve", "--year", "2025", "--resolution", "决议");

        var list = JsonDocument.Parse(ledger.Ok("distribution", "show", "--year", "2025", "--format", "json")).RootElement;
        Assert.That((list.GetProperty("status").GetString(), list.GetProperty("plan").GetInt32()), Is.EqualTo(("approved", 2)));
    }

    [Test]
    public void An_approval_forged_to_approve_the_superseded_plan_is_named_by_both_verifiers()
    {
        using var ledger = Replanned();
        ledger.OkAs(Chair, "distribution", "approve", "--year", "2025", "--resolution", "决议");

        var messages = ForgedProblems(ledger, "%\"kind\":\"distribution.approved\"%", json => json.Replace("\"plan\":2,", ""));
        var log = Path.Combine(ledger.Dir, "forged.jsonl");
        ledger.Ok("log", "export", "--out", log);
        var python = Python.VerifyLog(log);

        Assert.That(messages, Has.Some.Contains("[DistributionPlanSuperseded]"));
        Assert.That(python.Code, Is.Not.Zero);
        Assert.That(python.Output, Does.Contain("superseded"));
    }

    [Test]
    public void A_superseded_plan_is_kept_and_compared_by_verify_and_a_forged_plan_number_is_named_by_replay()
    {
        using var ledger = Replanned();
        ledger.Sql("DROP TRIGGER distribution_households_no_update;");
        ledger.Sql("UPDATE distribution_households SET amount_fen = amount_fen + 100 WHERE plan = 1 AND member = 'M002'");

        var (code, stdout, _) = ledger.Run("verify", "--format", "json");
        using var forged = Replanned();
        var messages = ForgedProblems(forged, "%\"plan\":2%", json => json.Replace("\"plan\":2", "\"plan\":3"));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(JsonDocument.Parse(stdout).RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("table").GetString()),
            Does.Contain("distribution_households"));
        Assert.That(messages, Has.Some.Contains("distribution.planned holds values its rule would not have written"));
    }

    [Test, Category(TestLedger.SqliteOnly)] // an old SQLite file, migrated forward: PostgreSQL books start at the latest schema
    public void Books_whose_distribution_tables_were_keyed_by_year_migrate_to_plans_and_verify()
    {
        using var ledger = ClosedYear();
        PlanApprovePost(ledger);
        var before = ledger.Ok("distribution", "show", "--year", "2025", "--format", "json");
        // The three tables as versions 6 and 16 left them (keyed by year), holding the same rows, and the file at version 20 (without 22's witness cosignatures and 23's attachment tables nor 24's bank statements).
        ledger.Sql("""
            PRAGMA foreign_keys = OFF;
            CREATE TABLE d_old (year INTEGER PRIMARY KEY, planned_seq INTEGER NOT NULL, by TEXT NOT NULL, reserve_percent INTEGER NOT NULL,
                distributable_fen INTEGER NOT NULL, reserve_fen INTEGER NOT NULL, total_shares INTEGER NOT NULL, per_share_fen INTEGER NOT NULL,
                distributed_fen INTEGER NOT NULL, undistributed_fen INTEGER NOT NULL, reserve_base_fen INTEGER, to_share_fen INTEGER) STRICT;
            INSERT INTO d_old SELECT year, planned_seq, by, reserve_percent, distributable_fen, reserve_fen, total_shares, per_share_fen,
                distributed_fen, undistributed_fen, reserve_base_fen, to_share_fen FROM distributions;
            CREATE TABLE h_old (year INTEGER NOT NULL REFERENCES distributions (year), member TEXT NOT NULL, shares INTEGER NOT NULL,
                amount_fen INTEGER NOT NULL, PRIMARY KEY (year, member)) STRICT;
            INSERT INTO h_old SELECT year, member, shares, amount_fen FROM distribution_households;
            CREATE TABLE s_old (seq INTEGER PRIMARY KEY, year INTEGER NOT NULL REFERENCES distributions (year), action TEXT NOT NULL, by TEXT NOT NULL,
                role TEXT, resolution TEXT, date TEXT, account TEXT, reserve_account TEXT, UNIQUE (year, action)) STRICT;
            INSERT INTO s_old SELECT seq, year, action, by, role, resolution, date, account, reserve_account FROM distribution_steps;
            DROP TABLE distribution_steps; DROP TABLE distribution_households; DROP TABLE distributions;
            ALTER TABLE d_old RENAME TO distributions; ALTER TABLE h_old RENAME TO distribution_households; ALTER TABLE s_old RENAME TO distribution_steps;
            DROP TABLE witness_cosignatures; DROP TABLE voucher_attachments; DROP TABLE attachment_files;
            DROP TABLE bank_unmatches; DROP TABLE bank_matches; DROP TABLE bank_lines; DROP TABLE bank_statements;
            PRAGMA user_version = 20;
            """);

        var after = ledger.Ok("distribution", "show", "--year", "2025", "--format", "json");

        Assert.That(after, Is.EqualTo(before));
        Assert.That(ledger.Run("verify").Code, Is.Zero, "the migrated rows are plan 1, as the log says");
        ledger.OkAs(Planner, "distribution", "pay", "--year", "2025", "--date", "2026-03-25", "--account", "10201");
        Assert.That(ledger.Run("verify").Code, Is.Zero);
    }

}
