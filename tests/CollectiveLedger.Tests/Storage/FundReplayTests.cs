using System.Text.Json;

namespace CollectiveLedger.Tests.Storage;

/// <summary>verify replays the 专款专用 rules by date: a log whose spending comes before its grant fails, even with every hash recomputed.</summary>
public class FundReplayTests
{
    [Test]
    public void A_forged_log_spending_a_fund_before_its_grant_arrived_is_named_by_replay()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.jsonl", """
            {"ref":"G","date":"2025-04-20","summary":"收到衔接资金","lines":[{"account":"10201","debit":"1000.00","fund":"F01"},{"account":"241","credit":"1000.00","fund":"F01"}]}
            {"ref":"S","date":"2025-04-25","summary":"工程款","lines":[{"account":"153","debit":"1000.00","fund":"F01"},{"account":"10201","credit":"1000.00","fund":"F01"}]}
            """));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
        var seq = ledger.Head().Count - 1;
        ledger.Sql("DROP TRIGGER audit_log_no_update;");

        TamperHelpers.RewriteEntry(ledger, seq, json => json.Replace("\"date\":\"2025-04-25\"", "\"date\":\"2025-04-10\""));
        var (code, stdout, _) = ledger.Run("verify", "--format", "json");

        Assert.That(code, Is.EqualTo(1));
        var messages = JsonDocument.Parse(stdout).RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()).ToList();
        Assert.That(messages, Has.Some.Contains("[FundOverspent]"));
    }
}
