using CollectiveLedger.Core.Bank;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Tests.Core;

/// <summary>The matching rule of <c>bank match</c> (<see cref="BankMatcher"/>): amount and direction, the window's edges, ties, one to one.</summary>
public class BankMatchingTests
{
    private static readonly DateOnly March10 = new(2025, 3, 10);

    private static BankStatementLine Line(int id, DateOnly date, long netFen, string serial = "") =>
        new(id, "10201", date, serial.Length == 0 ? "S" + id : serial, "摘要", new Amount(Math.Max(netFen, 0)), new Amount(Math.Max(-netFen, 0)), Amount.Zero, null, id + 1);

    private static BankPosting Posting(int number, DateOnly date, long netFen, string? reference = null) =>
        new(new PostingKey(new Period(2025, 3), number, 1), "10201", date, new Amount(netFen), reference, "摘要");

    private static List<(int Line, int Voucher)> Pairs(IEnumerable<BankStatementLine> lines, IEnumerable<BankPosting> postings, int days = 5) =>
        [.. BankMatcher.Pair(lines, postings, days).Select(p => (p.Line.Id, p.Posting.Key.Number))];

    [Test]
    public void Income_pairs_with_a_debit_and_payment_with_a_credit_of_the_same_amount()
    {
        var lines = new[] { Line(1, March10, 120000), Line(2, March10, -30000) };
        var postings = new[] { Posting(1, March10, -120000), Posting(2, March10, 30000), Posting(3, March10, 120000), Posting(4, March10, -30000) };

        Assert.That(Pairs(lines, postings), Is.EqualTo(new[] { (1, 3), (2, 4) }));
    }

    [TestCase(5, 5, true)]
    [TestCase(5, 6, false)]
    [TestCase(5, -5, true)]
    [TestCase(5, -6, false)]
    [TestCase(0, 0, true)]
    [TestCase(0, 1, false)]
    public void A_posting_pairs_only_within_the_window_edges_included(int days, int offset, bool pairs)
    {
        var lines = new[] { Line(1, March10, 5000) };
        var postings = new[] { Posting(1, March10.AddDays(offset), 5000) };

        Assert.That(Pairs(lines, postings, days), Has.Count.EqualTo(pairs ? 1 : 0));
    }

    [Test]
    public void Equal_references_break_a_tie_before_the_closer_date()
    {
        var lines = new[] { Line(1, March10, -88800, serial: "CHK0042") };
        var postings = new[] { Posting(1, March10, -88800, "R-1"), Posting(2, March10.AddDays(3), -88800, "CHK0042") };

        Assert.That(Pairs(lines, postings), Is.EqualTo(new[] { (1, 2) }));
    }

    [Test]
    public void Without_references_the_closer_date_wins_and_then_the_earlier_voucher()
    {
        var closer = Pairs([Line(1, March10, 1000)], [Posting(1, March10.AddDays(-3), 1000), Posting(2, March10.AddDays(1), 1000)]);
        var equal = Pairs([Line(1, March10, 1000)], [Posting(7, March10.AddDays(2), 1000), Posting(3, March10.AddDays(-2), 1000)]);

        Assert.That(closer, Is.EqualTo(new[] { (1, 2) }));
        Assert.That(equal, Is.EqualTo(new[] { (1, 3) }));
    }

    [Test]
    public void Matching_is_one_to_one_and_the_same_whatever_the_input_order()
    {
        var lines = new[] { Line(1, March10, 2000), Line(2, March10.AddDays(1), 2000), Line(3, March10.AddDays(2), 2000) };
        var postings = new[] { Posting(1, March10.AddDays(1), 2000), Posting(2, March10.AddDays(2), 2000) };

        var pairs = Pairs(lines, postings);
        var reversed = Pairs(lines.Reverse(), postings.Reverse());

        Assert.That(pairs, Is.EqualTo(new[] { (2, 1), (3, 2) }), "each closest first: line 2 with voucher 1 (same day), line 3 with voucher 2");
        Assert.That(pairs.Select(p => p.Line), Is.Unique);
        Assert.That(pairs.Select(p => p.Voucher), Is.Unique);
        Assert.That(reversed, Is.EqualTo(pairs), "deterministic");
    }

    [Test]
    public void A_line_and_a_posting_of_different_amounts_never_pair()
    {
        Assert.That(Pairs([Line(1, March10, 1000)], [Posting(1, March10, 1001), Posting(2, March10, -1000)]), Is.Empty);
    }
}
