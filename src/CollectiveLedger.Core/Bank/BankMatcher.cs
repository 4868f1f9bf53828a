namespace CollectiveLedger.Core.Bank;

/// <summary>
/// The matching rule of <c>bank match</c>, deterministic and one to one. A statement line and a posting
/// are candidates when their signed amounts are equal (bank income with a debit on the bank account,
/// bank payment with a credit) and their dates are at most <c>days</c> apart. Candidates are taken best
/// first, each line and each posting at most once: a pair whose references are equal (the line's serial is the
/// voucher's <c>ref</c>) before one whose are not, then the closer dates, then the earlier line (date, number),
/// then the earlier posting (month, number, line).
/// </summary>
public static class BankMatcher
{
    public static IReadOnlyList<(BankStatementLine Line, BankPosting Posting)> Pair(IEnumerable<BankStatementLine> lines, IEnumerable<BankPosting> postings, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var byAmount = postings.GroupBy(p => p.Net).ToDictionary(g => g.Key, g => g.ToList());
        var candidates = new List<(bool SameRef, int Distance, BankStatementLine Line, BankPosting Posting)>();
        foreach (var line in lines)
            if (byAmount.TryGetValue(line.Net, out var same))
                foreach (var posting in same)
                {
                    var distance = Math.Abs(line.Date.DayNumber - posting.Date.DayNumber);
                    if (distance <= days) candidates.Add((posting.Ref is { } r && r == line.Serial, distance, line, posting));
                }
        candidates.Sort((a, b) =>
        {
            var c = b.SameRef.CompareTo(a.SameRef);
            if (c == 0) c = a.Distance.CompareTo(b.Distance);
            if (c == 0) c = a.Line.Date.CompareTo(b.Line.Date);
            if (c == 0) c = a.Line.Id.CompareTo(b.Line.Id);
            if (c == 0) c = a.Posting.Key.CompareTo(b.Posting.Key);
            return c;
        });
        var usedLines = new HashSet<int>();
        var usedPostings = new HashSet<PostingKey>();
        var pairs = new List<(BankStatementLine, BankPosting)>();
        foreach (var (_, _, line, posting) in candidates)
            if (!usedLines.Contains(line.Id) && !usedPostings.Contains(posting.Key))
            {
                usedLines.Add(line.Id);
                usedPostings.Add(posting.Key);
                pairs.Add((line, posting));
            }
        pairs.Sort((a, b) => a.Item1.Date != b.Item1.Date ? a.Item1.Date.CompareTo(b.Item1.Date) : a.Item1.Id.CompareTo(b.Item1.Id));
        return pairs;
    }
}
