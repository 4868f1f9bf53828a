using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Storage;
using Microsoft.Extensions.Time.Testing;

namespace CollectiveLedger.Tests.Storage;

/// <summary>A write reads the clock once: the day its rules decide with is the day of its entries' time, as replay decides again.</summary>
public class ClockTests
{
    [Test]
    public void Feedback_written_on_the_last_millisecond_before_midnight_in_China_verifies()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json",
            """[{"ref":"A","date":"2025-02-01","summary":"收到草场承包费","lines":[{"account":"10201","debit":"100"},{"account":"50101","credit":"100"}]}]"""));
        ledger.PublishNotice(["--period", "2025-02"], "2025-03-05", [Path.Combine(ledger.Dir, "notice.json")]);
        // 15:59:59.999 UTC is 23:59:59.999 in China: the next read of the clock is the next day.
        // The clock moves on by a millisecond every time it is read.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 15, 59, 59, 999, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

        using (var store = ledger.Open(clock))
        {
            var decision = store.Apply("public", session =>
                FeedbackRules.Receive(DisclosurePeriod.Month(new Period(2025, 2)), "收到草场承包费 100.00", "这笔钱是谁交的？", null, session.State, session.Today));
            Assert.That(decision.Accepted, Is.True, string.Join("; ", decision.Violations));
        }

        var (code, stdout, _) = ledger.Run("verify");
        Assert.That(code, Is.Zero, stdout);
    }
}
