using System.Diagnostics;
using System.Text.Json;
using CollectiveLedger.Core.Assets;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// verify tells integrity (someone changed the books: exit 1) from reconciliation (the books need an
/// accountant: exit 3), in two sections of its text and in its JSON (schemas/verify.schema.json);
/// and an acquisition is refused while the asset register does not cover the balances already on its
/// accounts (issue 13), the exact case that used to leave verify failing with [register] problems.
/// The exit codes are those of the real cledger process.
/// </summary>
public class VerifyCategoryTests
{
    /// <summary>Opening balances of 8,000.00 on 15104 machinery, 2,000.00 accumulated depreciation on 152, 3,000.00 on 153, none of it registered.</summary>
    private static TestLedger BooksWithOpeningAssets()
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("accounts", "add", "15104", "机械", "--parent", "151");
        ledger.Ok("accounts", "add", "51305", "折旧费", "--parent", "513");
        ledger.Ok("vouchers", "import", ledger.WriteFile("o.json", """
            [{"ref":"O","date":"2025-01-01","kind":"opening","summary":"期初余额","lines":[{"account":"10201","debit":"50000.00"},
              {"account":"15104","debit":"8000.00"},{"account":"152","credit":"2000.00"},{"account":"153","debit":"3000.00"},{"account":"301","credit":"59000.00"}]}]
            """));
        return ledger;
    }

    private static readonly string[] Purchase =
    [
        "assets", "add", "T1", "割草机", "--category", "machinery", "--account", "15104", "--acquired", "2025-01-10", "--cost", "1000",
        "--life-months", "12", "--expense-account", "51305", "--paid-from", "10201",
    ];

    /// <summary>Takes over <paramref name="cost"/> of the machinery in the books, with its accumulated depreciation.</summary>
    private static void TakeOver(TestLedger ledger, string code, string cost, string openingDepreciation) =>
        ledger.Ok("assets", "add", code, "旧拖拉机" + code, "--category", "machinery", "--account", "15104", "--acquired", "2020-01-10", "--cost", cost,
            "--life-months", "120", "--expense-account", "51305", "--opening-depreciation", openingDepreciation, "--opening-months", "60");

    private static string[] Codes(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.EndsWith(']'))
            .Select(l => l[(l.LastIndexOf('[') + 1)..^1]).ToArray();

    /// <summary>verify --format json as a process: its exit code and its JSON, checked against schemas/verify.schema.json.</summary>
    private static (int Code, JsonElement Report) VerifyJson(TestLedger ledger)
    {
        var (code, stdout, stderr) = ledger.RunProcess("verify", "--format", "json");
        Assert.That(SchemaErrors(stdout), Is.Empty, stdout);
        Assert.That(stderr, Is.Empty);
        return (code, JsonDocument.Parse(stdout).RootElement);
    }

    private static (string Kind, string Category, string? Key)[] Problems(JsonElement report) =>
        [.. report.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("kind").GetString()!, p.GetProperty("category").GetString()!, p.GetProperty("key").GetString()))];

    /// <summary>The verify output's errors against the schema, as python3-jsonschema (draft 2020-12) finds them.</summary>
    internal static string SchemaErrors(string json)
    {
        const string script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            validator = jsonschema.Draft202012Validator(schema)
            for error in validator.iter_errors(json.load(sys.stdin)):
                print("/".join(str(p) for p in error.absolute_path), error.message)
            """;
        var result = Python.RunWithInput(json, "-c", script, Path.Combine(TestLedger.RepoRoot, "schemas", "verify.schema.json"));
        Assert.That(result.Err, Does.Not.Contain("No module named 'jsonschema'"), "python3-jsonschema is not installed here: apt-get install python3-jsonschema (.ci/run installs it)");
        Assert.That(result.Code, Is.Zero, result.Err);
        return result.Out;
    }

    [Test]
    public void A_purchase_on_books_whose_asset_accounts_hold_unregistered_balances_is_refused_naming_the_fix_and_the_books_are_unchanged()
    {
        using var ledger = BooksWithOpeningAssets();
        var before = ledger.Head();

        var (code, _, err) = ledger.RunProcess(Purchase);
        var transfer = ledger.RunProcess("assets", "transfer", "W1", "机井", "--category", "machinery", "--account", "15104", "--acquired", "2025-01-20",
            "--cost", "3000", "--life-months", "120", "--expense-account", "51305", "--from", "153");

        Assert.That(code, Is.EqualTo(1), err);
        Assert.That(Codes(err), Is.EqualTo(new[] { "AssetRegisterIncomplete", "AssetRegisterIncomplete" }));
        Assert.That(err, Does.Contain("account 151 holds 8000.00 in the books but the asset register covers only 0.00"));
        Assert.That(err, Does.Contain("account 152 holds 2000.00 in the books but the asset register covers only 0.00"));
        Assert.That(err, Does.Contain("register the existing assets first (cledger assets add without --paid-from"));
        Assert.That(transfer.Code, Is.EqualTo(1), transfer.Err);
        Assert.That(Codes(transfer.Err), Does.Contain("AssetRegisterIncomplete"), "a transfer from construction registers one asset too");
        Assert.That(ledger.Head(), Is.EqualTo(before), "nothing was written");
        Assert.That(ledger.RunProcess("verify").Code, Is.Zero);
    }

    [Test]
    public void The_refusal_is_in_Chinese_first_with_English()
    {
        using var ledger = BooksWithOpeningAssets();

        var (code, _, err) = ledger.Run(["--lang", "zh-CN", .. Purchase]);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("科目 151 账面余额 8000.00，资产登记簿只登记了 0.00：请先登记已有资产（cledger assets add 不带 --paid-from"));
    }

    [Test]
    public void Once_the_existing_assets_are_registered_the_purchase_is_accepted_and_verify_passes()
    {
        using var ledger = BooksWithOpeningAssets();
        TakeOver(ledger, "OLD1", "5000", "1200");
        TakeOver(ledger, "OLD2", "3000", "800");

        var (code, _, err) = ledger.RunProcess(Purchase);
        var (verified, report) = VerifyJson(ledger);

        Assert.That(code, Is.Zero, err);
        Assert.That(verified, Is.Zero);
        Assert.That(report.GetProperty("status").GetString(), Is.EqualTo("ok"));
        Assert.That(report.GetProperty("integrity").GetProperty("ok").GetBoolean(), Is.True);
        Assert.That(report.GetProperty("reconciliation").GetProperty("ok").GetBoolean(), Is.True);
    }

    [Test]
    public void A_register_left_short_of_its_accounts_is_a_reconciliation_problem_with_exit_code_3_and_a_purchase_is_still_refused()
    {
        using var ledger = BooksWithOpeningAssets();
        TakeOver(ledger, "OLD1", "5000", "2000");

        var (code, report) = VerifyJson(ledger);
        var text = ledger.RunProcess("--lang", "zh-CN", "verify", "--format", "table");
        var purchase = ledger.RunProcess(Purchase);

        Assert.That(code, Is.EqualTo(3));
        Assert.That(report.GetProperty("ok").GetBoolean(), Is.False);
        Assert.That(report.GetProperty("status").GetString(), Is.EqualTo("reconciliation"));
        Assert.That(Problems(report), Is.EqualTo(new[] { ("register", "reconciliation", "151") }));
        Assert.That(report.GetProperty("problems")[0].GetProperty("expected").GetString(), Is.EqualTo("8000.00"), "the books");
        Assert.That(report.GetProperty("problems")[0].GetProperty("actual").GetString(), Is.EqualTo("5000.00"), "the register");
        Assert.That(report.GetProperty("integrity").GetProperty("problems").GetInt32(), Is.Zero);
        Assert.That(report.GetProperty("reconciliation").GetProperty("problems").GetInt32(), Is.EqualTo(1));
        Assert.That(text.Code, Is.EqualTo(3));
        Assert.That(text.Out, Does.Match(@"完整性 integrity[^\n]*: 通过 OK\n对账 reconciliation[^\n]*: 发现 1 个问题 1 problem — 账簿需要会计核对处理[^\n]*\n  \[register\] seq \d+ asset_register 151"));
        Assert.That(Codes(purchase.Err), Is.EqualTo(new[] { "AssetRegisterIncomplete" }), "151 is still not covered; 152 is");
    }

    [Test]
    public void An_acquisition_an_older_program_accepted_on_uncovered_books_verifies_as_two_reconciliation_problems_not_as_tampering()
    {
        using var ledger = BooksWithOpeningAssets();
        // What cledger accepted before the AssetRegisterIncomplete rule: the rule of that time (replay: true).
        using (var store = ledger.Open(TestClock.Fixed))
        {
            var input = new AssetInput("T1", "割草机", "machinery", null, "2025-01-10", "1000", null, "12", null, "15104", null, "51305", null, null, null, null, "10201");
            var decision = store.Apply("tester", session => AssetRules.Add(input, session.State, session.Today, Place.None, replay: true));
            Assert.That(decision.Accepted, Is.True, string.Join("; ", decision.Violations));
        }

        var (code, report) = VerifyJson(ledger);
        ledger.Ok("log", "export", "--out", Path.Combine(ledger.Dir, "log.jsonl"));
        var (pythonCode, pythonOut) = Python.VerifyLog(Path.Combine(ledger.Dir, "log.jsonl"));

        Assert.That(code, Is.EqualTo(3), "reconciliation only: the log and the tables are whole");
        Assert.That(Problems(report), Is.EqualTo(new[] { ("register", "reconciliation", "151"), ("register", "reconciliation", "152") }),
            "once as the log has them, not again as the tables have the same totals");
        Assert.That(pythonCode, Is.EqualTo(3), pythonOut);
        Assert.That(pythonOut, Does.Contain("RECONCILIATION: asset register: 151 holds 1000.00 in the register, the books 9000.00").And.Not.Contain("PROBLEM"));
    }

    [Test]
    public void An_edited_table_row_is_an_integrity_problem_with_exit_code_1()
    {
        using var ledger = BooksWithOpeningAssets();
        ledger.Sql("DROP TRIGGER voucher_lines_no_update; UPDATE voucher_lines SET debit_fen = debit_fen + 100 WHERE account = '10201'");

        var (code, report) = VerifyJson(ledger);
        var text = ledger.RunProcess("verify", "--format", "table");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(report.GetProperty("status").GetString(), Is.EqualTo("integrity"));
        Assert.That(Problems(report).Select(p => p.Category), Is.All.EqualTo("integrity"));
        Assert.That(report.GetProperty("problems").EnumerateArray().Any(p => p.GetProperty("kind").GetString() == "replay"
            && p.GetProperty("table").GetString() == "voucher_lines" && p.GetProperty("column").GetString() == "debit_fen"), Is.True, report.ToString());
        Assert.That(report.GetProperty("reconciliation").GetProperty("ok").GetBoolean(), Is.True);
        Assert.That(text.Code, Is.EqualTo(1));
        Assert.That(text.Out, Does.Match(@"integrity [^\n]*: \d+ problems? — the books were changed outside the program\n  \[replay\]"));
        Assert.That(text.Out, Does.Match(@"\nreconciliation [^\n]*: OK\n"));
    }

    [Test]
    public void An_edited_log_entry_is_an_integrity_problem_with_exit_code_1()
    {
        using var ledger = BooksWithOpeningAssets();
        ledger.Sql("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET entry = CAST(replace(CAST(entry AS TEXT), '期初余额', '期初余额改') AS BLOB)");

        var (code, report) = VerifyJson(ledger);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(report.GetProperty("status").GetString(), Is.EqualTo("integrity"));
        Assert.That(Problems(report).Select(p => (p.Kind, p.Category)), Does.Contain(("chain", "integrity")), "the stored hash is not the entry's");
        Assert.That(Problems(report).Select(p => p.Category), Is.All.EqualTo("integrity"));
    }

    [Test]
    public void Tampering_on_books_that_also_need_an_accountant_gives_exit_code_1_and_both_sections()
    {
        using var ledger = BooksWithOpeningAssets();
        TakeOver(ledger, "OLD1", "5000", "2000");
        ledger.Sql("DROP TRIGGER assets_no_update; UPDATE assets SET cost_fen = 400000 WHERE code = 'OLD1'");

        var (code, report) = VerifyJson(ledger);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(report.GetProperty("status").GetString(), Is.EqualTo("integrity"));
        Assert.That(Problems(report), Is.EqualTo(new[]
        {
            ("replay", "integrity", "OLD1"),
            ("replay", "integrity", "151"), // the tables' register total (4000.00) is not the log's (5000.00)
            ("register", "reconciliation", "151"),
        }));
    }

    [Test]
    public void Register_is_the_one_reconciliation_kind_and_every_other_kind_is_integrity()
    {
        string[] kinds = [VerifyProblem.Chain, VerifyProblem.Canonical, VerifyProblem.Replay, VerifyProblem.Anchor, VerifyProblem.Checkpoint, VerifyProblem.Register, "unknown"];

        var categories = kinds.Select(VerifyCategory.Of);

        Assert.That(categories, Is.EqualTo(new[] { "integrity", "integrity", "integrity", "integrity", "integrity", "reconciliation", "integrity" }));
    }
}
