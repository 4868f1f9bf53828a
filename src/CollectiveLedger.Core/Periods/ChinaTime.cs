namespace CollectiveLedger.Core.Periods;

/// <summary>The books keep China Standard Time (UTC+8, no daylight saving): "today" for date rules is the date there.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Offset).DateTime);
}
