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
}
