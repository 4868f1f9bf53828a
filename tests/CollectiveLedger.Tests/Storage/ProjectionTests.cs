using System.Collections.Immutable;
using System.Text;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Tests.Storage;

/// <summary>
/// Verify spells a posted voucher's rows straight from the event (<see cref="Projection.VoucherSignature"/>)
/// instead of building them; that spelling must be exactly the one of the rows the write path
/// inserts (<see cref="Projection.RowsFor"/>), or every good ledger would fail to verify and a bad one
/// could pass. Seeded random vouchers with every optional field, quotes, Chinese text and red ink.
/// </summary>
public class ProjectionTests
{
    private static readonly string?[] Texts = [null, "", "差旅费", "O'Brien's \"quote\"", "''", "a,b;c|d", "第 1 笔：维修\t机井"];

    [Test]
    public void The_voucher_signature_verify_writes_is_the_signature_of_the_rows_the_books_hold([Values(1, 2, 3)] int seed)
    {
        var random = new Random(seed);
        string? Text() => Texts[random.Next(Texts.Length)];
        for (var n = 0; n < 300; n++)
        {
            var red = random.Next(4) == 0;
            var lineCount = random.Next(2, 7);
            var amounts = Enumerable.Range(0, lineCount - 1).Select(_ => (long)random.Next(1, 1_000_000) * (red ? -1 : 1)).ToList();
            var lines = amounts.Select(a => new VoucherLine(random.Next(2) == 0 ? "101" : "5110204", new Amount(a), Amount.Zero, Text(), Text(), Text(), Text()))
                .Append(new VoucherLine("10201", Amount.Zero, new Amount(amounts.Sum()))).ToImmutableArray();
            var date = new DateOnly(random.Next(1990, 2100), random.Next(1, 13), random.Next(1, 29));
            var voucher = new Voucher(random.Next(1, 100_000), date, random.Next(3) switch { 0 => VoucherKind.Opening, 1 => VoucherKind.Closing, _ => VoucherKind.Normal },
                Text(), Text() ?? "摘要", random.Next(0, 50), red ? new VoucherKey(new Period(random.Next(1990, 2100), random.Next(1, 13)), random.Next(1, 9999)) : null, lines);
            var origin = random.Next(3) == 0 ? null : new VoucherOrigin(random.Next(2) == 0 ? VoucherOrigin.Import : VoucherOrigin.Approval,
                random.Next(2) == 0 ? null : random.Next(1, 1000), Text());
            var seq = random.NextInt64(0, long.MaxValue);
            var posted = new VoucherPosted(voucher, origin);

            var rows = Projection.RowsFor(seq, posted).ToList();
            var expected = rows[0].Signature + "|" + string.Join(";", rows.Skip(1).Select(r => r.Signature));

            Assert.That(Encoding.UTF8.GetString(Projection.VoucherSignature(seq, posted)), Is.EqualTo(expected), $"seed {seed}, voucher {n}");
        }
    }
}
