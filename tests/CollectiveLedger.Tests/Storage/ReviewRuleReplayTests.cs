using System.Text.Json;

namespace CollectiveLedger.Tests.Storage;

/// <summary>
/// verify replays issue 13's rules (专款专用 by date, red ink within the year, 待处理财产损溢 cleared
/// at close): a log that breaks them fails, even with every hash recomputed.
/// </summary>
public class ReviewRuleReplayTests
{
    private static List<string> ForgedProblems(TestLedger ledger, long seq, Func<string, string> edit)
    {
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0), "the honest log verifies");
        ledger.Sql("DROP TRIGGER audit_log_no_update;");
        TamperHelpers.RewriteEntry(ledger, seq, edit);
        var (code, stdout, _) = ledger.Run("verify", "--format", "json");
        Assert.That(code, Is.EqualTo(1));
        return JsonDocument.Parse(stdout).RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()!).ToList();
    }

    private static long SeqOfLast(TestLedger ledger, string kind)
    {
        using var log = JsonDocument.Parse(ledger.Ok("log", "show", "--format", "json"));
        return log.RootElement.EnumerateArray().Last(e => e.GetProperty("kind").GetString() == kind).GetProperty("seq").GetInt64();
    }

    [Test]
    public void A_forged_log_spending_a_fund_before_its_grant_arrived_is_named_by_replay()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.jsonl", """
            {"ref":"G","date":"2025-04-20","summary":"收到衔接资金","lines":[{"account":"10201","debit":"1000.00","fund":"F01"},{"account":"241","credit":"1000.00","fund":"F01"}]}
            {"ref":"S","date":"2025-04-25","summary":"工程款","lines":[{"account":"153","debit":"1000.00","fund":"F01"},{"account":"10201","credit":"1000.00","fund":"F01"}]}
            """));

        var problems = ForgedProblems(ledger, SeqOfLast(ledger, "voucher.posted"), json => json.Replace("\"date\":\"2025-04-25\"", "\"date\":\"2025-04-10\""));

        Assert.That(problems, Has.Some.Contains("[FundOverspent]"));
    }

    [Test]
    public void A_forged_red_ink_reversal_of_an_earlier_years_voucher_is_named_by_replay()
    {
        using var ledger = TestLedger.WithBasics();
        const string Lines = """[{"account":"513","debit":"300.00"},{"account":"10201","credit":"300.00"}]""";
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.jsonl", $$"""{"ref":"A","date":"2025-03-05","summary":"办公费","lines":{{Lines}}}""" + "\n"));
        ledger.Ok("year", "open", "2026");
        ledger.Ok("vouchers", "import", ledger.WriteFile("w.jsonl", $$"""{"ref":"B","date":"2026-01-05","summary":"办公费","lines":{{Lines}}}""" + "\n"));
        ledger.Ok("vouchers", "reverse", "1", "--period", "2026-01", "--date", "2026-01-20", "--reason", "重复");

        // The reversal now names 2025's identical voucher: as if 2025's error had been reversed in red ink in 2026.
        var problems = ForgedProblems(ledger, SeqOfLast(ledger, "voucher.posted"),
            json => json.Replace("\"reverses\":{\"number\":1,\"period\":\"2026-01\"}", "\"reverses\":{\"number\":1,\"period\":\"2025-03\"}"));

        Assert.That(problems, Has.Some.Contains("[ReversalAcrossYears]"));
    }

    [Test]
    public void A_forged_log_closing_a_month_with_pending_property_losses_is_named_by_replay()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("accounts", "add", "18101", "待处理流动资产损溢", "--parent", "181");
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.jsonl", """
            {"ref":"L","date":"2025-01-10","summary":"现金盘亏","lines":[{"account":"18101","debit":"50.00"},{"account":"10201","credit":"50.00"}]}
            {"ref":"D","date":"2025-01-20","summary":"盘亏转其他支出","lines":[{"account":"515","debit":"50.00"},{"account":"18101","credit":"50.00"}]}
            """));
        ledger.Ok("period", "close", "2025-01");

        // The clearing voucher now takes the money from the bank instead: 181 keeps its 50.00 at the close.
        var clearing = SeqOfLast(ledger, "voucher.posted");
        var problems = ForgedProblems(ledger, clearing, json => json.Replace("\"account\":\"18101\"", "\"account\":\"10201\""));

        Assert.That(problems, Has.Some.Contains("[PendingLossesNotCleared]"));
    }
}
