using System.Globalization;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Core.Bank;

/// <summary>One line of a posted voucher: its month, its number in the month and the line's number (from 1).</summary>
public readonly record struct PostingKey(Period Period, int Number, int Line) : IComparable<PostingKey>
{
    public int CompareTo(PostingKey other) =>
        Period != other.Period ? Period.CompareTo(other.Period) : Number != other.Number ? Number.CompareTo(other.Number) : Line.CompareTo(other.Line);

    /// <summary>PERIOD/NUMBER/LINE, as <c>bank match --voucher</c> takes it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Period}/{Number}/{Line}");

    /// <summary>PERIOD/NUMBER/LINE back into a key (the workspace's match form sends it so); false for anything else.</summary>
    public static bool TryParse(string? text, out PostingKey key)
    {
        key = default;
        if (text?.Split('/') is not [var period, var number, var line] || !Period.TryParse(period, out var p)) return false;
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1) return false;
        if (!int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var l) || l < 1) return false;
        key = new PostingKey(p, n, l);
        return true;
    }
}
