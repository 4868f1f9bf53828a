using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>How a month stands as to its notice (财务公开): posted on time, posted late, not posted past its deadline, or not yet due.</summary>
public enum MonthDisclosure
{
    OnTime,
    Late,
    Overdue,
    NotDue,
}

/// <summary>A published notice's months and the date it carries (disclosure.published).</summary>
public sealed record NoticeDate(DisclosurePeriod Period, DateOnly Date);

/// <summary>
/// When a notice is on time. DOMAIN.md: notices are published at least quarterly (monthly where busy);
/// how soon after the quarter is a local rule, the setting <c>disclosure.due_days</c> (10 unless set):
/// every month is due by that many days after the end of its calendar quarter. A notice is on time when
/// it is dated no later than the deadline of its first month; a year notice dated in January is thus
/// on time for none of its first three quarters, and says so.
/// </summary>
public static class NoticeDeadlines
{
    public const string DueDaysKey = "disclosure.due_days";
    public const int DefaultDueDays = 10;

    /// <summary>The days after a quarter's end its months' notice is due, from the settings (<see cref="DefaultDueDays"/> unless set).</summary>
    public static int DueDays(IReadOnlyDictionary<string, string> settings) =>
        int.TryParse(settings.GetValueOrDefault(DueDaysKey), System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out var days) ? days : DefaultDueDays;

    /// <summary>The last day <paramref name="month"/>'s notice is on time: the end of its quarter plus <paramref name="dueDays"/>.</summary>
    public static DateOnly Deadline(Period month, int dueDays) =>
        new Period(month.Year, (month.Month - 1) / 3 * 3 + 3).LastDay.AddDays(dueDays);

    /// <summary>Whether a notice of <paramref name="period"/> dated <paramref name="date"/> is on time for every month it covers.</summary>
    public static bool OnTime(DisclosurePeriod period, DateOnly date, int dueDays) => date <= Deadline(period.From, dueDays);

    /// <summary>
    /// How <paramref name="month"/> stands: on time when a notice covering it is dated by its deadline, late
    /// when only later ones cover it, overdue when none does and the deadline has passed <paramref name="today"/>.
    /// </summary>
    public static MonthDisclosure Month(Period month, IEnumerable<NoticeDate> published, int dueDays, DateOnly today)
    {
        var deadline = Deadline(month, dueDays);
        DateOnly? first = null;
        foreach (var n in published)
            if (n.Period.From <= month && month <= n.Period.To && (first is null || n.Date < first)) first = n.Date;
        return first is { } date ? date <= deadline ? MonthDisclosure.OnTime : MonthDisclosure.Late
            : today > deadline ? MonthDisclosure.Overdue : MonthDisclosure.NotDue;
    }
}
