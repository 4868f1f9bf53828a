using System.Text.Json;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// The resource contract register through the command line on real SQLite ledgers: receipts split
/// between income and prepaid rent by contract year, prepayments recognized year by year, what is
/// due and overdue as of a date, refusals, and verify against an altered register row.
/// </summary>
public class ContractTests
{
    /// <summary>A ledger with a bank account, a rent income account 50101 and a prepaid rent account 21101.</summary>
    private static TestLedger Books()
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("accounts", "add", "21101", "预收承包费", "--parent", "211");
        ledger.Ok("counterparties", "add", "K01", "草原牧业公司");
        return ledger;
    }

    private static string Add(TestLedger ledger, string number, string party, string rent, string from, string to, string schedule) =>
        ledger.Ok("contracts", "add", number, "--party", party, "--resource", "grassland", "--area", "1500", "--rent", rent,
            "--from", from, "--to", to, "--schedule", schedule, "--income-account", "50101", "--prepaid-account", "21101");

    private static Dictionary<string, (string Debit, string Credit)> Closing(TestLedger ledger, string period) =>
        JsonDocument.Parse(ledger.Ok("report", "trial-balance", "--period", period, "--format", "json")).RootElement.GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("code").GetString()!, r => (r.GetProperty("closing_debit").GetString()!, r.GetProperty("closing_credit").GetString()!));

    private static (string Due, string Received, string Overdue) Due(TestLedger ledger, string number, string asOf)
    {
        var row = JsonDocument.Parse(ledger.Ok("contracts", "due", "--as-of", asOf, "--format", "json")).RootElement.GetProperty("contracts")
            .EnumerateArray().Single(c => c.GetProperty("number").GetString() == number);
        return (row.GetProperty("due").GetString()!, row.GetProperty("received").GetString()!, row.GetProperty("overdue").GetString()!);
    }

    private static string[] Codes(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.EndsWith(']'))
            .Select(l => l[(l.LastIndexOf('[') + 1)..^1]).ToArray();

    // Contract years begin 2024-07-01, 2025-07-01 and 2026-07-01 at 1,200.50 each. The 2025-02-01
    // receipt of 1,000.00 pays toward the 2024 year (income). The 2025-08-01 receipt of 2,000.00 pays
    // the rest of 2024 (200.50) and all of 2025 (1,200.50), both income, and 599.00 toward the 2026
    // year, which waits on 21101: income 1,000.00 + 200.50 + 1,200.50 = 2,401.00.
    [Test]
    public void An_annual_contract_takes_receipts_year_by_year_and_rent_for_a_year_not_begun_waits_as_prepaid()
    {
        using var ledger = Books();
        Add(ledger, "C1", "M001", "1200.50", "2024-07-01", "2027-06-30", "annual");

        ledger.Ok("contracts", "receive", "C1", "--date", "2025-02-01", "--amount", "1000", "--account", "10201");
        ledger.Ok("contracts", "receive", "C1", "--date", "2025-08-01", "--amount", "2000", "--account", "10201");

        var closing = Closing(ledger, "2025-08");
        Assert.That(closing["10201"], Is.EqualTo(("3000.00", "0.00")));
        Assert.That(closing["50101"], Is.EqualTo(("0.00", "2401.00")));
        Assert.That(closing["21101"], Is.EqualTo(("0.00", "599.00")));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    // Due: one year's rent from 2024-07-01, two from 2025-07-01, three from 2026-07-01.
    [Test]
    public void Due_counts_the_instalments_fallen_due_by_the_date_and_overdue_is_what_was_not_received_by_then()
    {
        using var ledger = Books();
        Add(ledger, "C1", "M001", "1200.50", "2024-07-01", "2027-06-30", "annual");
        ledger.Ok("contracts", "receive", "C1", "--date", "2025-02-01", "--amount", "1000", "--account", "10201");
        ledger.Ok("contracts", "receive", "C1", "--date", "2025-08-01", "--amount", "2000", "--account", "10201");

        Assert.That(Due(ledger, "C1", "2025-01-31"), Is.EqualTo(("1200.50", "0.00", "1200.50")));
        Assert.That(Due(ledger, "C1", "2025-06-30"), Is.EqualTo(("1200.50", "1000.00", "200.50")));
        Assert.That(Due(ledger, "C1", "2025-07-01"), Is.EqualTo(("2401.00", "1000.00", "1401.00")));
        Assert.That(Due(ledger, "C1", "2025-08-01"), Is.EqualTo(("2401.00", "3000.00", "0.00")));
        Assert.That(Due(ledger, "C1", "2026-07-01"), Is.EqualTo(("3601.50", "3000.00", "601.50")));
    }

    [Test]
    public void A_contract_paid_once_falls_due_in_full_on_its_first_day()
    {
        using var ledger = Books();
        Add(ledger, "C2", "K01", "3000", "2025-01-01", "2027-12-31", "once");

        Assert.That(Due(ledger, "C2", "2024-12-31"), Is.EqualTo(("0.00", "0.00", "0.00")));
        Assert.That(Due(ledger, "C2", "2025-01-01"), Is.EqualTo(("9000.00", "0.00", "9000.00")));
    }

    // 9,000.00 for 2025, 2026 and 2027 received on 2025-03-01: 3,000.00 is income of 2025 and
    // 6,000.00 waits on 21101; recognizing 2026 moves 3,000.00 of it, leaving 3,000.00 for 2027.
    [Test]
    public void A_three_year_prepayment_is_income_of_the_year_received_only_for_that_year_and_the_next_year_is_recognized_once()
    {
        using var ledger = Books();
        Add(ledger, "C2", "K01", "3000", "2025-01-01", "2027-12-31", "once");
        ledger.Ok("contracts", "receive", "C2", "--date", "2025-03-01", "--amount", "9000", "--account", "10201");
        Assert.That(Closing(ledger, "2025-03")["50101"], Is.EqualTo(("0.00", "3000.00")));
        Assert.That(Closing(ledger, "2025-03")["21101"], Is.EqualTo(("0.00", "6000.00")));
        ledger.Ok("year", "open", "2026");

        ledger.Ok("contracts", "recognize", "--year", "2026");
        var (code, _, err) = ledger.Run("contracts", "recognize", "--year", "2026");

        var closing = Closing(ledger, "2026-01");
        Assert.That(closing["21101"], Is.EqualTo(("0.00", "3000.00")));
        Assert.That(closing["50101"], Is.EqualTo(("0.00", "6000.00")), "3,000.00 of 2025 and 3,000.00 of 2026 (income accounts close only at year end)");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(Codes(err), Is.EqualTo(new[] { "ContractYearAlreadyRecognized" }));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void Contracts_add_refuses_an_unknown_party_dates_out_of_order_a_zero_area_and_a_number_already_used()
    {
        using var ledger = Books();
        Add(ledger, "C1", "M001", "100", "2025-01-01", "2025-12-31", "annual");

        var (bad, _, badErr) = ledger.Run("contracts", "add", "C9", "--party", "NOBODY", "--resource", "farmland", "--area", "0", "--rent", "100",
            "--from", "2025-12-31", "--to", "2025-01-01", "--income-account", "50101", "--prepaid-account", "21101");
        var (again, _, againErr) = ledger.Run("contracts", "add", "C1", "--party", "M001", "--resource", "farmland", "--area", "1", "--rent", "100",
            "--from", "2025-01-01", "--to", "2025-12-31", "--income-account", "50101", "--prepaid-account", "21101");

        Assert.That(bad, Is.EqualTo(1));
        Assert.That(Codes(badErr), Is.EquivalentTo(new[] { "AmountNotPositive", "ContractPartyNotFound", "ContractDatesOutOfOrder" }));
        Assert.That(again, Is.EqualTo(1));
        Assert.That(Codes(againErr), Is.EqualTo(new[] { "CodeExists" }));
    }

    [Test]
    public void A_receipt_beyond_the_rent_of_the_whole_term_an_unknown_contract_a_year_with_nothing_prepaid_and_a_receipt_not_into_cash_or_bank_are_refused()
    {
        using var ledger = Books();
        Add(ledger, "C1", "M001", "100", "2025-01-01", "2026-12-31", "annual");

        var over = ledger.Run("contracts", "receive", "C1", "--date", "2025-02-01", "--amount", "200.01", "--account", "10201");
        var unknown = ledger.Run("contracts", "receive", "C7", "--date", "2025-02-01", "--amount", "1", "--account", "10201");
        var nothing = ledger.Run("contracts", "recognize", "--year", "2025");
        var intoIncome = ledger.Run("contracts", "receive", "C1", "--date", "2025-02-01", "--amount", "1", "--account", "50101");

        Assert.That(Codes(over.Err), Is.EqualTo(new[] { "ContractOverpaid" }));
        Assert.That(Codes(unknown.Err), Is.EqualTo(new[] { "ContractNotFound" }));
        Assert.That(Codes(nothing.Err), Is.EqualTo(new[] { "NothingToRecognize" }));
        Assert.That(Codes(intoIncome.Err), Is.EqualTo(new[] { "AssetAccountInvalid" }), "rent is received into cash or bank");
        Assert.That(ledger.Ok("vouchers", "list", "--period", "2025-02"), Does.Not.Contain("记-0001"));
    }

    [Test]
    public void Verify_names_a_contract_row_altered_in_the_database()
    {
        using var ledger = Books();
        Add(ledger, "C1", "M001", "100", "2025-01-01", "2026-12-31", "annual");
        ledger.Ok("contracts", "receive", "C1", "--date", "2025-02-01", "--amount", "150", "--account", "10201");
        ledger.Sql("DROP TRIGGER contracts_no_update; UPDATE contracts SET rent_fen = 1 WHERE number = 'C1';");

        var (code, stdout, _) = ledger.Run("verify", "--format", "json");

        Assert.That(code, Is.EqualTo(1), stdout);
        var problem = JsonDocument.Parse(stdout).RootElement.GetProperty("problems").EnumerateArray().Single();
        Assert.That(problem.GetProperty("kind").GetString(), Is.EqualTo("replay"));
        Assert.That(problem.GetProperty("table").GetString(), Is.EqualTo("contracts"));
        Assert.That(problem.GetProperty("key").GetString(), Is.EqualTo("C1"));
        Assert.That(problem.GetProperty("column").GetString(), Is.EqualTo("rent_fen"));
    }
}
