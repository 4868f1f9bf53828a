using System.Text.Json;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// The asset register through the command line on real SQLite ledgers: depreciation schedules
/// against tables computed by hand, a month refused twice, disposal gains and losses, the register
/// against the ledger in verify, and the order violations are reported in.
/// </summary>
public class AssetTests
{
    /// <summary>A ledger with 50,000.00 in the bank, sub-accounts for machinery and its depreciation expense.</summary>
    private static TestLedger Books()
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("accounts", "add", "15104", "机械", "--parent", "151");
        ledger.Ok("accounts", "add", "51305", "折旧费", "--parent", "513");
        ledger.Ok("vouchers", "import", ledger.WriteFile("o.json", """
            [{"ref":"O","date":"2025-01-01","kind":"opening","summary":"期初余额","lines":[{"account":"10201","debit":"50000.00"},{"account":"301","credit":"50000.00"}]}]
            """));
        return ledger;
    }

    /// <summary>Registers machine <paramref name="code"/> bought from the bank on 2025-01-10.</summary>
    private static string Buy(TestLedger ledger, string code, string cost, string residual, string lifeMonths) =>
        ledger.Ok("assets", "add", code, "割草机" + code, "--category", "machinery", "--account", "15104", "--acquired", "2025-01-10",
            "--cost", cost, "--residual", residual, "--life-months", lifeMonths, "--expense-account", "51305", "--paid-from", "10201");

    private static JsonElement Asset(TestLedger ledger, string code) =>
        JsonDocument.Parse(ledger.Ok("assets", "list", "--format", "json")).RootElement.EnumerateArray().Single(a => a.GetProperty("code").GetString() == code);

    private static Dictionary<string, (string Debit, string Credit)> Closing(TestLedger ledger, string period) =>
        JsonDocument.Parse(ledger.Ok("report", "trial-balance", "--period", period, "--format", "json")).RootElement.GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("code").GetString()!, r => (r.GetProperty("closing_debit").GetString()!, r.GetProperty("closing_credit").GetString()!));

    private static string[] Codes(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.EndsWith(']'))
            .Select(l => l[(l.LastIndexOf('[') + 1)..^1]).ToArray();

    private static JsonElement[] Problems(TestLedger ledger)
    {
        var (code, stdout, _) = ledger.Run("verify", "--format", "json");
        Assert.That(code, Is.EqualTo(1), stdout);
        return [.. JsonDocument.Parse(stdout).RootElement.GetProperty("problems").EnumerateArray()];
    }

    // Cost 1,000.00, residual 100.00, 7 months: 900.00 to depreciate, 900.00 / 7 = 128.571... so
    // 128.57 a month, and the seventh month takes 900.00 - 6 x 128.57 = 128.58.
    private static readonly (string Period, string Depreciated)[] SevenMonths =
    [
        ("2025-02", "128.57"), ("2025-03", "257.14"), ("2025-04", "385.71"), ("2025-05", "514.28"),
        ("2025-06", "642.85"), ("2025-07", "771.42"), ("2025-08", "900.00"),
    ];

    [Test]
    public void Straight_line_depreciation_follows_the_hand_computed_table_and_the_last_month_takes_the_remainder_down_to_the_residual_value()
    {
        using var ledger = Books();
        Buy(ledger, "T1", "1000", "100", "7");

        var refused = ledger.Run("assets", "depreciate", "--period", "2025-01");
        var seen = new List<(string, string)>();
        foreach (var (period, _) in SevenMonths)
        {
            ledger.Ok("assets", "depreciate", "--period", period);
            seen.Add((period, Asset(ledger, "T1").GetProperty("depreciated").GetString()!));
        }
        var afterLife = ledger.Run("assets", "depreciate", "--period", "2025-09");

        Assert.That(Codes(refused.Err), Is.EqualTo(new[] { "NothingToDepreciate" }), "nothing depreciates in the month of acquisition");
        Assert.That(seen, Is.EqualTo(SevenMonths));
        Assert.That(Asset(ledger, "T1").GetProperty("book_value").GetString(), Is.EqualTo("100.00"));
        Assert.That(Asset(ledger, "T1").GetProperty("months").GetInt32(), Is.EqualTo(7));
        Assert.That(Codes(afterLife.Err), Is.EqualTo(new[] { "NothingToDepreciate" }), "never below the residual value");
        Assert.That(Closing(ledger, "2025-08")["152"], Is.EqualTo(("0.00", "900.00")));
        Assert.That(Closing(ledger, "2025-08")["51305"], Is.EqualTo(("900.00", "0.00")));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void An_asset_taken_over_from_the_books_depreciates_only_what_is_left_above_its_residual_value()
    {
        using var ledger = Books();
        ledger.Ok("vouchers", "import", ledger.WriteFile("m.json", """
            [{"ref":"M","date":"2025-01-02","summary":"旧拖拉机入账","lines":[{"account":"15104","debit":"1200.00"},{"account":"152","credit":"1150.00"},{"account":"301","credit":"50.00"}]}]
            """));
        ledger.Ok("assets", "add", "OLD", "旧拖拉机", "--category", "machinery", "--account", "15104", "--acquired", "2020-03-01", "--cost", "1200",
            "--life-months", "12", "--expense-account", "51305", "--opening-depreciation", "1150", "--opening-months", "5");

        ledger.Ok("assets", "depreciate", "--period", "2025-01");
        var then = ledger.Run("assets", "depreciate", "--period", "2025-02");

        Assert.That(Asset(ledger, "OLD").GetProperty("depreciated").GetString(), Is.EqualTo("1200.00"), "100.00 a month, but only 50.00 were left");
        Assert.That(Closing(ledger, "2025-01")["51305"], Is.EqualTo(("50.00", "0.00")));
        Assert.That(Codes(then.Err), Is.EqualTo(new[] { "NothingToDepreciate" }));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void A_month_is_depreciated_once_and_the_second_run_posts_nothing()
    {
        using var ledger = Books();
        Buy(ledger, "T1", "1200", "0", "12");
        ledger.Ok("assets", "depreciate", "--period", "2025-02");
        var head = ledger.Head();

        var (code, _, err) = ledger.Run("assets", "depreciate", "--period", "2025-02");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(Codes(err), Is.EqualTo(new[] { "DepreciationAlreadyRun" }));
        Assert.That(ledger.Head(), Is.EqualTo(head));
        Assert.That(Asset(ledger, "T1").GetProperty("depreciated").GetString(), Is.EqualTo("100.00"));
    }

    [Test]
    public void Disposal_passes_the_book_value_through_154_and_books_the_gain_as_income_and_the_loss_as_expense()
    {
        using var ledger = Books();
        Buy(ledger, "GAIN", "10000", "0", "10");
        Buy(ledger, "LOSS", "10000", "0", "10");
        ledger.Ok("assets", "depreciate", "--period", "2025-02"); // 1,000.00 each: book values 9,000.00

        ledger.Ok("assets", "dispose", "GAIN", "--date", "2025-03-05", "--proceeds", "9500", "--to", "10201", "--reason", "出售");
        ledger.Ok("assets", "dispose", "LOSS", "--date", "2025-03-06", "--proceeds", "2000", "--to", "10201", "--reason", "损坏变卖");
        var closing = Closing(ledger, "2025-03");

        Assert.That(closing["504"], Is.EqualTo(("0.00", "500.00")), "gain: 9,500.00 - 9,000.00");
        Assert.That(closing["515"], Is.EqualTo(("7000.00", "0.00")), "loss: 9,000.00 - 2,000.00");
        Assert.That(closing.ContainsKey("154") ? closing["154"] : ("0.00", "0.00"), Is.EqualTo(("0.00", "0.00")), "154 固定资产清理 ends at zero");
        Assert.That(closing.ContainsKey("151") ? closing["151"] : ("0.00", "0.00"), Is.EqualTo(("0.00", "0.00")));
        Assert.That(closing["10201"], Is.EqualTo(("41500.00", "0.00")), "50,000.00 - 2 x 10,000.00 + 9,500.00 + 2,000.00");
        Assert.That(Asset(ledger, "GAIN").GetProperty("status").GetString(), Is.EqualTo("disposed"));
        Assert.That(Codes(ledger.Run("assets", "dispose", "GAIN", "--date", "2025-03-07", "--reason", "又一次").Err), Is.EqualTo(new[] { "AssetAlreadyDisposed" }));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void Herd_counts_change_with_purchases_and_deaths_and_never_go_below_zero()
    {
        using var ledger = Books();
        ledger.Ok("assets", "add", "SC1", "基础母羊群", "--category", "breeding_herd", "--account", "132", "--acquired", "2025-01-10", "--cost", "6000",
            "--life-months", "60", "--residual", "600", "--expense-account", "51305", "--species", "sheep", "--head", "20", "--paid-from", "10201");
        ledger.Ok("assets", "depreciate", "--period", "2025-02");

        ledger.Ok("assets", "herd", "SC1", "--date", "2025-03-01", "--change", "purchases", "--head", "7");
        ledger.Ok("assets", "herd", "SC1", "--date", "2025-03-09", "--change", "deaths", "--head", "2", "--note", "病死");
        var tooMany = ledger.Run("assets", "herd", "SC1", "--date", "2025-03-10", "--change", "sales", "--head", "26");

        Assert.That(Asset(ledger, "SC1").GetProperty("head").GetInt32(), Is.EqualTo(25));
        Assert.That(Codes(tooMany.Err), Is.EqualTo(new[] { "HerdCountNegative" }));
        Assert.That(ledger.Ok("assets", "herds", "--format", "csv"), Does.Contain("SC1,2025-03-09,deaths,2,25,病死"));
        Assert.That(Closing(ledger, "2025-02")["133"], Is.EqualTo(("0.00", "90.00")), "(6,000.00 - 600.00) / 60 into 133");
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void Once_the_register_keeps_151_and_152_an_ordinary_voucher_may_not_post_there()
    {
        using var ledger = Books();
        Buy(ledger, "T1", "1200", "0", "12");

        var (code, _, err) = ledger.Run("vouchers", "import", ledger.WriteFile("v.json", """
            [{"ref":"X","date":"2025-02-28","summary":"手工计提折旧","lines":[{"account":"51305","debit":"100.00"},{"account":"152","credit":"100.00"}]}]
            """));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(Codes(err), Is.EqualTo(new[] { "RegisterAccountNeedsAssetCommand" }));
    }

    [Test]
    public void Assets_add_reports_every_violation_at_once_in_the_documented_order()
    {
        using var ledger = Books();

        var (code, _, err) = ledger.Run("assets", "add", "B1", "货车", "--category", "ship", "--account", "99999", "--acquired", "2025-13-01", "--cost", "-5");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(Codes(err), Is.EqualTo(new[] { "DateInvalid", "AmountInvalid", "AccountNotFound", "AssetCategoryInvalid" }));
    }

    [Test]
    public void Assets_taken_over_from_the_books_must_be_in_the_books()
    {
        using var ledger = Books();

        var (code, _, err) = ledger.Run("assets", "add", "B1", "办公楼", "--category", "building", "--account", "15104", "--acquired", "2020-01-01",
            "--cost", "1000", "--life-months", "120", "--expense-account", "51305");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(Codes(err), Is.EqualTo(new[] { "AssetCostNotInBooks" }));
    }

    [Test]
    public void Verify_names_a_register_row_altered_in_the_database_first_as_a_replay_difference_then_as_the_tables_register_totals_apart_from_the_logs()
    {
        using var ledger = Books();
        Buy(ledger, "T1", "1200", "0", "12");
        ledger.Ok("assets", "depreciate", "--period", "2025-02");
        ledger.Sql("DROP TRIGGER assets_no_update; UPDATE assets SET cost_fen = 100000 WHERE code = 'T1';");

        var problems = Problems(ledger);

        Assert.That(problems.Select(p => p.GetProperty("kind").GetString()), Is.EqualTo(new[] { "replay", "replay" }), "both integrity: the log's register and ledger agree");
        Assert.That(problems.Select(p => p.GetProperty("category").GetString()), Is.All.EqualTo("integrity"));
        Assert.That(problems[0].GetProperty("table").GetString(), Is.EqualTo("assets"));
        Assert.That(problems[0].GetProperty("key").GetString(), Is.EqualTo("T1"));
        Assert.That(problems[0].GetProperty("column").GetString(), Is.EqualTo("cost_fen"));
        Assert.That(problems[1].GetProperty("table").GetString(), Is.EqualTo("asset_register"));
        Assert.That(problems[1].GetProperty("key").GetString(), Is.EqualTo("151"));
        Assert.That(problems[1].GetProperty("expected").GetString(), Is.EqualTo("1200.00"), "the voucher lines of 151");
        Assert.That(problems[1].GetProperty("actual").GetString(), Is.EqualTo("1000.00"), "the altered register");
    }

    [Test]
    public void Verify_names_a_depreciation_row_altered_in_the_database_against_152()
    {
        using var ledger = Books();
        Buy(ledger, "T1", "1200", "0", "12");
        ledger.Ok("assets", "depreciate", "--period", "2025-02");
        ledger.Sql("DROP TRIGGER asset_depreciation_no_update; UPDATE asset_depreciation SET amount_fen = 1 WHERE asset = 'T1';");

        var problems = Problems(ledger);

        Assert.That(problems.Select(p => (p.GetProperty("kind").GetString(), p.GetProperty("table").GetString())),
            Is.EqualTo(new[] { ("replay", "asset_depreciation"), ("replay", "asset_register") }));
        Assert.That(problems[1].GetProperty("key").GetString(), Is.EqualTo("152"));
    }

    /// <summary>Registers a road bought from the bank on 2025-01-10 for 3,600.00 over 36 months, naming no expense account.</summary>
    private static string BuyRoad(TestLedger ledger, params string[] more) =>
        ledger.Ok(["assets", "add", "DL1", "砂石路", "--category", "road", "--account", "15102", "--acquired", "2025-01-10",
            "--cost", "3600", "--life-months", "36", "--paid-from", "10201", .. more]);

    [Test]
    public void A_public_welfare_asset_registered_without_an_expense_account_depreciates_to_514_公益支出()
    {
        using var ledger = Books();
        ledger.Ok("accounts", "add", "15102", "道路", "--parent", "151");
        BuyRoad(ledger);

        ledger.Ok("assets", "depreciate", "--period", "2025-02");

        Assert.That(Asset(ledger, "DL1").GetProperty("expense_account").GetString(), Is.EqualTo("514"));
        Assert.That(Closing(ledger, "2025-02")["514"], Is.EqualTo(("100.00", "0.00")));
        Assert.That(Closing(ledger, "2025-02").GetValueOrDefault("51305", ("0.00", "0.00")), Is.EqualTo(("0.00", "0.00")), "not 管理费用");
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void With_sub_accounts_under_514_the_default_is_its_one_depreciation_leaf_and_an_explicit_expense_account_still_wins()
    {
        using var ledger = Books();
        ledger.Ok("accounts", "add", "15102", "道路", "--parent", "151");
        ledger.Ok("accounts", "add", "15101", "机井", "--parent", "151");
        ledger.Ok("accounts", "add", "51401", "困难户慰问", "--parent", "514");
        var noLeaf = ledger.Run("assets", "add", "DL0", "砂石路", "--category", "road", "--account", "15102", "--acquired", "2025-01-10",
            "--cost", "3600", "--life-months", "36", "--paid-from", "10201");
        ledger.Ok("accounts", "add", "51406", "公益设施折旧费", "--parent", "514");
        BuyRoad(ledger);
        ledger.Ok("assets", "add", "JJ1", "机井", "--category", "well", "--account", "15101", "--acquired", "2025-01-10",
            "--cost", "1200", "--life-months", "12", "--paid-from", "10201", "--expense-account", "51305");
        var machine = ledger.Run("assets", "add", "T9", "割草机", "--category", "machinery", "--account", "15104", "--acquired", "2025-01-10",
            "--cost", "1200", "--life-months", "12", "--paid-from", "10201");

        Assert.That(Codes(noLeaf.Err), Is.EqualTo(new[] { "AccountNotLeaf" }), "514 has sub-accounts but none for depreciation: the command must name one");
        Assert.That(noLeaf.Err, Does.Contain("514"));
        Assert.That(Asset(ledger, "DL1").GetProperty("expense_account").GetString(), Is.EqualTo("51406"));
        Assert.That(Asset(ledger, "JJ1").GetProperty("expense_account").GetString(), Is.EqualTo("51305"), "--expense-account wins");
        Assert.That(Codes(machine.Err), Is.EqualTo(new[] { "FieldMissing" }), "machinery has no default expense account");
    }
}
