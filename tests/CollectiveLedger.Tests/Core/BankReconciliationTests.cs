using System.Collections.Immutable;
using CollectiveLedger.Core.Bank;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Tests.Core;

/// <summary>
/// The 银行存款余额调节表 (<see cref="BankReconciliation"/>) against an independent model: seeded random months of
/// transactions, each cleared on both sides, on the bank's side only or on the books' only; the balances and the
/// outstanding totals are summed naively from that story, and the reconciliation must agree and balance.
/// </summary>
public class BankReconciliationTests
{
    private static readonly Period March = new(2025, 3);

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(17)]
    [TestCase(2025)]
    public void Random_months_reconcile_and_the_outstanding_totals_are_the_naive_sums(int seed)
    {
        var random = new Random(seed);
        var state = TestStates.Ledger(("10201", "基本户", "102"));
        var opening = random.NextInt64(0, 10_000_000);
        var lines = new List<BankStatementLine>();
        var postings = new List<BankPosting>();
        var matches = new List<(int Line, PostingKey Posting)>();
        long bankOnlyIn = 0, bankOnlyOut = 0, booksOnlyIn = 0, booksOnlyOut = 0, cleared = 0;
        var statementBalance = opening;
        for (var i = 0; i < 40; i++)
        {
            var date = March.FirstDay.AddDays(random.Next(0, 31));
            var net = random.NextInt64(1, 500_000) * (random.Next(2) == 0 ? 1 : -1);
            var side = random.Next(4); // 0, 1: both; 2: bank only; 3: books only
            PostingKey? key = null;
            if (side != 2)
            {
                key = new PostingKey(March, postings.Count + 1, 1);
                postings.Add(new BankPosting(key.Value, "10201", date, new Amount(net), null, "凭证"));
            }
            if (side != 3)
            {
                statementBalance += net;
                lines.Add(new BankStatementLine(lines.Count + 1, "10201", date, "S" + i, "对账单", new Amount(Math.Max(net, 0)), new Amount(Math.Max(-net, 0)),
                    Amount.Zero, null, i + 2));
            }
            if (side < 2) { cleared += net; matches.Add((lines.Count, key!.Value)); }
            else if (side == 2) { if (net > 0) bankOnlyIn += net; else bankOnlyOut -= net; }
            else if (net > 0) booksOnlyIn += net; else booksOnlyOut -= net;
        }
        // The statement prints a running balance; the last line's is what the reconciliation takes.
        var ordered = lines.OrderBy(l => l.Date).ThenBy(l => l.Id).ToList();
        var running = opening;
        var withBalances = ordered.Select(l => l with { Balance = new Amount(running += l.Net.Fen) }).OrderBy(l => l.Id).ToImmutableArray();
        state.Apply(new BankStatementImported("10201", "rcc", "s.csv", new string('0', 64), withBalances));
        foreach (var (line, posting) in matches)
            state.Apply(new BankMatched("10201", BankMatched.Manual, "会计", [new BankMatch(line, posting, state.BankLine(line)!.Net)]));
        var books = opening + postings.Sum(p => p.Net.Fen);

        var r = BankReconciliation.Of("10201", "基本户", March, new Amount(books), postings, state)!;

        Assert.That(r.StatementBalance.Fen, Is.EqualTo(statementBalance), $"seed {seed}");
        Assert.That(r.BankReceivedTotal.Fen, Is.EqualTo(bankOnlyIn), $"seed {seed}");
        Assert.That(r.BankPaidTotal.Fen, Is.EqualTo(bankOnlyOut), $"seed {seed}");
        Assert.That(r.BooksReceivedTotal.Fen, Is.EqualTo(booksOnlyIn), $"seed {seed}");
        Assert.That(r.BooksPaidTotal.Fen, Is.EqualTo(booksOnlyOut), $"seed {seed}");
        Assert.That(r.AdjustedBooks.Fen, Is.EqualTo(opening + cleared + booksOnlyIn - booksOnlyOut + bankOnlyIn - bankOnlyOut), $"seed {seed}");
        Assert.That(r.Balances, Is.True, $"seed {seed}");
    }

    [Test]
    public void Unmatched_items_on_both_sides_still_balance_but_a_balance_the_books_never_saw_does_not()
    {
        var state = TestStates.Ledger(("10201", "基本户", "102"));
        var day = new DateOnly(2025, 3, 5);
        // The bank received 100.00; the books hold 500.00 before and a receipt misstated as 100.10: nothing matches.
        state.Apply(new BankStatementImported("10201", "rcc", "s.csv", new string('0', 64),
            [new BankStatementLine(1, "10201", day, "S1", "收款", new Amount(10000), Amount.Zero, new Amount(60000), null, 2)]));
        var postings = new[] { new BankPosting(new PostingKey(March, 1, 1), "10201", day, new Amount(10010), null, "收款") };

        var misstated = BankReconciliation.Of("10201", "基本户", March, new Amount(60010), postings, state)!;
        var missing = BankReconciliation.Of("10201", "基本户", March, new Amount(59010), postings, state)!;

        Assert.That(misstated.Balances, Is.True, "each side carries the other's item: the statement shows what to look at, not a difference");
        Assert.That(misstated.BankReceived.Select(l => l.Id), Is.EqualTo(new[] { 1 }));
        Assert.That(misstated.BooksReceived.Select(p => p.Key.Number), Is.EqualTo(new[] { 1 }));
        Assert.That(missing.Balances, Is.False, "the books lack 10.00 that no item explains");
        Assert.That(missing.Difference, Is.EqualTo(new Amount(-1000)));
    }

    [Test]
    public void An_item_matched_with_one_dated_after_the_month_is_still_outstanding_at_its_end()
    {
        var state = TestStates.Ledger(("10201", "基本户", "102"));
        var cheque = new BankPosting(new PostingKey(March, 1, 1), "10201", new DateOnly(2025, 3, 30), new Amount(-5000), null, "支票");
        state.Apply(new BankStatementImported("10201", "rcc", "s.csv", new string('0', 64),
        [
            new BankStatementLine(1, "10201", new DateOnly(2025, 3, 1), "S1", "存入", new Amount(20000), Amount.Zero, new Amount(20000), null, 2),
            new BankStatementLine(2, "10201", new DateOnly(2025, 4, 2), "S2", "支票兑付", Amount.Zero, new Amount(5000), new Amount(15000), null, 3),
        ]));
        var deposit = new BankPosting(new PostingKey(March, 2, 1), "10201", new DateOnly(2025, 3, 1), new Amount(20000), null, "存入");
        TestStates.Apply(state, BankRules.Match([(1, deposit.Key, deposit), (2, cheque.Key, cheque)], BankMatched.Manual, "会计", state));

        var march = BankReconciliation.Of("10201", "基本户", March, new Amount(15000), [cheque, deposit], state)!;
        var april = BankReconciliation.Of("10201", "基本户", March.Next, new Amount(15000), [cheque, deposit], state)!;

        Assert.That(march.BooksPaid.Select(p => p.Key), Is.EqualTo(new[] { cheque.Key }), "at the end of March the cheque has not cleared");
        Assert.That(march.Balances, Is.True);
        Assert.That(april.BooksPaid, Is.Empty);
        Assert.That(april.StatementBalance, Is.EqualTo(new Amount(15000)));
        Assert.That(april.Balances, Is.True);
    }
}
