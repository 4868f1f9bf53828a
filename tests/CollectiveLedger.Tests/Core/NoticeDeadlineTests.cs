using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Tests.Core;

/// <summary>When a month's notice is on time: by disclosure.due_days (10 unless set) after its quarter ends.</summary>
public class NoticeDeadlineTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);

    private static NoticeDate Notice(DisclosurePeriod period, int year, int month, int day) => new(period, new DateOnly(year, month, day));

    [Test]
    public void A_month_is_due_the_given_days_after_its_quarter_ends()
    {
        Assert.That(NoticeDeadlines.Deadline(new Period(2026, 1), 10), Is.EqualTo(new DateOnly(2026, 4, 10)));
        Assert.That(NoticeDeadlines.Deadline(new Period(2026, 3), 10), Is.EqualTo(new DateOnly(2026, 4, 10)));
        Assert.That(NoticeDeadlines.Deadline(new Period(2026, 12), 15), Is.EqualTo(new DateOnly(2027, 1, 15)));
    }

    [Test]
    public void A_month_covered_by_a_notice_by_its_deadline_is_on_time_by_a_later_one_late_by_none_overdue_or_not_yet_due()
    {
        var q1 = DisclosurePeriod.Quarter(2026, 1);
        var onTime = new[] { Notice(q1, 2026, 4, 10) };
        var late = new[] { Notice(q1, 2026, 4, 11) };

        Assert.That(NoticeDeadlines.Month(new Period(2026, 2), onTime, 10, Today), Is.EqualTo(MonthDisclosure.OnTime));
        Assert.That(NoticeDeadlines.Month(new Period(2026, 2), late, 10, Today), Is.EqualTo(MonthDisclosure.Late));
        Assert.That(NoticeDeadlines.Month(new Period(2026, 2), [], 10, Today), Is.EqualTo(MonthDisclosure.Overdue));
        Assert.That(NoticeDeadlines.Month(new Period(2026, 5), [], 10, Today), Is.EqualTo(MonthDisclosure.NotDue));
        Assert.That(NoticeDeadlines.Month(new Period(2026, 2), late, 30, Today), Is.EqualTo(MonthDisclosure.OnTime));
    }

    [Test]
    public void A_year_notice_dated_in_January_is_late_for_the_first_quarter_it_covers()
    {
        var year = DisclosurePeriod.Year(2025);

        Assert.That(NoticeDeadlines.OnTime(year, new DateOnly(2026, 1, 5), 10), Is.False);
        Assert.That(NoticeDeadlines.Month(new Period(2025, 12), [Notice(year, 2026, 1, 5)], 10, Today), Is.EqualTo(MonthDisclosure.OnTime));
        Assert.That(NoticeDeadlines.Month(new Period(2025, 1), [Notice(year, 2026, 1, 5)], 10, Today), Is.EqualTo(MonthDisclosure.Late));
    }

    [Test]
    public void The_days_come_from_the_setting_and_are_10_while_it_was_never_set()
    {
        Assert.That(NoticeDeadlines.DueDays(new Dictionary<string, string>()), Is.EqualTo(10));
        Assert.That(NoticeDeadlines.DueDays(new Dictionary<string, string> { [NoticeDeadlines.DueDaysKey] = "+020" }), Is.EqualTo(20));
        Assert.That(CollectiveLedger.Core.Ledger.SettingRules.Change(NoticeDeadlines.DueDaysKey, "0").Accepted, Is.False);
        Assert.That(CollectiveLedger.Core.Ledger.SettingRules.Change(NoticeDeadlines.DueDaysKey, "30").Accepted, Is.True);
    }
}
