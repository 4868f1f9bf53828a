using System.Globalization;
using System.Text;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Publishing;
using CollectiveLedger.Reports.Disclosure;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Tests.Storage;

/// <summary>
/// Seeded random books through the real stack: every month, quarter and year notice's 收支总表 adds
/// up as printed (opening + income − expenditure + 加 − 减 = closing), its totals agree with a naive
/// sum of the vouchers, the year is the sum of its months, and year close changes nothing of it.
/// Run under a German culture, whose number format differs from the notice's.
/// </summary>
[SetCulture("de-DE")]
public class NoticeSummaryModelTests
{
    private static readonly string[] Cash = ["101", "10201"];
    private static readonly string[] Income = ["50101", "503"];
    private static readonly string[] Expenditure = ["51101", "513"];
    private static readonly string[] Other = ["112", "113", "121", "151", "152", "153", "201", "211", "212", "241", "301"];

    private sealed record Line(string Account, long Debit, long Credit);
    private sealed record Voucher(DateOnly Date, IReadOnlyList<Line> Lines);

    [TestCase(7)]
    [TestCase(2025)]
    [TestCase(90210)]
    public void Every_printed_summary_adds_up_and_agrees_with_a_naive_sum_before_and_after_year_close(int seed)
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("accounts", "add", "51101", "放牧支出", "--parent", "511");
        var random = new Random(seed);
        var vouchers = RandomVouchers(random, 240);
        var opening = new Voucher(new DateOnly(2025, 1, 1), [new("101", 500_000, 0), new("10201", 80_000_000, 0), new("301", 0, 80_500_000)]);
        ledger.Ok("vouchers", "import", ledger.WriteFile("opening.json", $"[{Json(opening, "opening", "OPEN")}]"));
        ledger.Ok("vouchers", "import", ledger.WriteFile("year.jsonl", string.Join('\n', vouchers.Select((v, i) => Json(v, "normal", $"R{i}")))));

        var before = Notices(ledger);
        for (var month = 1; month <= 11; month++) ledger.Ok("period", "close", $"2025-{month:D2}");
        ledger.Ok("year", "close", "2025");
        var after = Notices(ledger);

        foreach (var (label, notice) in before)
        {
            var printed = Printed(notice);
            Assert.That(printed.Opening + printed.Income - printed.Expenditure + printed.Movements, Is.EqualTo(printed.Closing),
                $"seed {seed}, {label}: the printed summary adds up");
            Assert.That(printed.IncomeLines, Is.EqualTo(printed.Income), $"seed {seed}, {label}: income categories add up to 收入合计");
            Assert.That(printed.ExpenditureLines, Is.EqualTo(printed.Expenditure), $"seed {seed}, {label}: expenditure categories add up to 支出合计");

            var (from, to) = (notice.Period.From.FirstDay, notice.Period.To.LastDay);
            var inMonths = vouchers.Where(v => v.Date >= from && v.Date <= to).SelectMany(v => v.Lines).ToList();
            Assert.That(notice.IncomeTotal.Fen, Is.EqualTo(inMonths.Where(l => Income.Contains(l.Account)).Sum(l => l.Credit - l.Debit)), $"seed {seed}, {label}: income");
            Assert.That(notice.ExpenditureTotal.Fen, Is.EqualTo(inMonths.Where(l => Expenditure.Contains(l.Account)).Sum(l => l.Debit - l.Credit)), $"seed {seed}, {label}: expenditure");
            Assert.That(notice.CashAndBankClosing.Fen, Is.EqualTo(vouchers.Prepend(opening).Where(v => v.Date <= to).SelectMany(v => v.Lines)
                .Where(l => Cash.Contains(l.Account)).Sum(l => l.Debit - l.Credit)), $"seed {seed}, {label}: closing cash and bank");
            Assert.That(notice.IncomeItems.Sum(i => i.Amount.Fen), Is.EqualTo(notice.IncomeTotal.Fen), $"seed {seed}, {label}: the item list sums to the total");

            Assert.That(Figures(after[label]), Is.EqualTo(Figures(notice)), $"seed {seed}, {label}: year close changes nothing a notice shows");
        }

        var year = after["2025"];
        Assert.That(year.IncomeTotal.Fen, Is.EqualTo(Enumerable.Range(1, 12).Sum(m => after[$"2025-{m:D2}"].IncomeTotal.Fen)), "the year's income is its months'");
        Assert.That(year.ExpenditureTotal.Fen, Is.EqualTo(Enumerable.Range(1, 12).Sum(m => after[$"2025-{m:D2}"].ExpenditureTotal.Fen)), "the year's expenditure is its months'");
        Assert.That(Movements(year), Is.EqualTo(Sum(Enumerable.Range(1, 4).Select(q => Movements(after[$"2025-Q{q}"])))), "the year's movements are its quarters'");
    }

    private static Dictionary<string, DisclosureNotice> Notices(TestLedger ledger)
    {
        var scopes = Enumerable.Range(1, 12).Select(m => ("month", $"2025-{m:D2}"))
            .Concat(Enumerable.Range(1, 4).Select(q => ("quarter", $"2025-Q{q}"))).Append(("year", "2025"));
        using var store = ledger.Open(TestClock.Fixed);
        var state = store.LoadState();
        var checkpoint = BooksCheckpoint.Take(store, state, []);
        return scopes.ToDictionary(s => s.Item2, s =>
        {
            Assert.That(DisclosurePeriod.TryParse(s.Item1, s.Item2, out var period), Is.True);
            return NoticeBuilder.Build(store, state, period, new DateOnly(2026, 1, 15), checkpoint);
        });
    }

    private sealed record PrintedSummary(long Opening, long IncomeLines, long Income, long ExpenditureLines, long Expenditure, long Movements, long Closing);

    /// <summary>The summary as every format prints it (<see cref="NoticeTables.Summary"/>), read back as a person reads the page.</summary>
    private static PrintedSummary Printed(DisclosureNotice notice)
    {
        var t = new NoticeText(chinese: true);
        var rows = NoticeTables.Summary(notice, t);
        long Value(IReadOnlyList<string> row) => (long)(decimal.Parse(row[1].Replace(",", ""), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * 100);
        long Only(string label) => Value(rows.Single(r => r[0] == label));
        List<IReadOnlyList<string>> Between(string first, string last) =>
            [.. rows.SkipWhile(r => r[0] != first).Skip(1).TakeWhile(r => r[0] != last)];
        var movements = rows.Where(r => r[0].TrimStart().StartsWith(t.Plus) || r[0].TrimStart().StartsWith(t.Minus))
            .Sum(r => r[0].TrimStart().StartsWith(t.Plus) ? Value(r) : -Value(r));
        Assert.That(rows.Where(r => r[0].TrimStart().StartsWith(t.Plus) || r[0].TrimStart().StartsWith(t.Minus)).All(r => !r[1].StartsWith('-')), Is.True,
            "a 加 or 减 line carries its sign in words");
        return new PrintedSummary(Only(t.OpeningCash), Between(t.IncomeHeader, t.IncomeTotal).Sum(Value), Only(t.IncomeTotal),
            Between(t.ExpenditureHeader, t.ExpenditureTotal).Sum(Value), Only(t.ExpenditureTotal), movements, Only(t.ClosingCash));
    }

    private static string Figures(DisclosureNotice n) =>
        $"{n.CashAndBankOpening} {string.Join(",", n.Income)} {n.IncomeTotal} {string.Join(",", n.Expenditure)} {n.ExpenditureTotal} {string.Join(",", n.Movements)} {n.CashAndBankClosing}";

    private static Dictionary<string, long> Movements(DisclosureNotice n) => n.Movements.ToDictionary(m => m.Group, m => m.Amount.Fen);

    private static Dictionary<string, long> Sum(IEnumerable<Dictionary<string, long>> parts)
    {
        var sum = new Dictionary<string, long>();
        foreach (var (group, fen) in parts.SelectMany(p => p)) sum[group] = sum.GetValueOrDefault(group) + fen;
        return sum.Where(kv => kv.Value != 0).ToDictionary();
    }

    /// <summary>Balanced vouchers with lines on either side of cash, income, expenditure and other accounts, on any day of 2025.</summary>
    private static List<Voucher> RandomVouchers(Random random, int count)
    {
        string[][] pools = [Cash, Income, Expenditure, Other];
        string Pick() { var pool = pools[random.Next(pools.Length)]; return pool[random.Next(pool.Length)]; }
        var vouchers = new List<Voucher>();
        for (var i = 0; i < count; i++)
        {
            var debits = Enumerable.Range(0, random.Next(1, 4)).Select(_ => new Line(Pick(), random.NextInt64(1, 5_000_000), 0)).ToList();
            var total = debits.Sum(l => l.Debit);
            var credits = new List<Line>();
            for (var n = random.Next(1, 3); n > 0 && total > 0; n--)
            {
                var fen = n == 1 ? total : random.NextInt64(1, total + 1);
                credits.Add(new Line(Pick(), 0, fen));
                total -= fen;
            }
            vouchers.Add(new Voucher(new DateOnly(2025, 1, 1).AddDays(random.Next(0, 365)), [.. debits, .. credits]));
        }
        return vouchers;
    }

    private static string Json(Voucher v, string kind, string reference)
    {
        static string Money(long fen) => new Amount(fen).ToString();
        var lines = string.Join(",", v.Lines.Select(l => l.Debit > 0
            ? $$"""{"account":"{{l.Account}}","debit":"{{Money(l.Debit)}}"}"""
            : $$"""{"account":"{{l.Account}}","credit":"{{Money(l.Credit)}}"}"""));
        return $$"""{"ref":"{{reference}}","date":"{{v.Date:yyyy-MM-dd}}","kind":"{{kind}}","summary":"随机凭证","lines":[{{lines}}]}""";
    }
}
