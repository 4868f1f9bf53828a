using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace CollectiveLedger.Tests.Storage;

/// <summary>
/// Seeded random vouchers go through the real stack and through a naive model that just sums lines;
/// the two must agree, debits must equal credits, and verify must pass. A failure names its seed.
/// </summary>
public class ModelTests
{
    private static readonly string[] Leaves = ["101", "10201", "50101", "513", "211", "112", "151"];

    private static string RandomVouchers(Random random, int count, int batch, Dictionary<string, long> model)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var lines = new List<(string Account, long Debit, long Credit)>();
            var total = 0L;
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                var fen = random.NextInt64(1, 10_000_000_00);
                lines.Add((Leaves[random.Next(Leaves.Length)], fen, 0));
                total += fen;
            }
            var remaining = total;
            for (var n = random.Next(1, 3); n > 0; n--)
            {
                var fen = n == 1 ? remaining : random.NextInt64(1, remaining);
                if (fen <= 0) continue;
                lines.Add((Leaves[random.Next(Leaves.Length)], 0, fen));
                remaining -= fen;
            }
            foreach (var l in lines) model[l.Account] = model.GetValueOrDefault(l.Account) + l.Debit - l.Credit;
            var json = string.Join(",", lines.Select(l => l.Debit > 0
                ? $$"""{"account":"{{l.Account}}","debit":"{{Money(l.Debit)}}"}"""
                : $$"""{"account":"{{l.Account}}","credit":"{{Money(l.Credit)}}"}"""));
            var date = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 365));
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $$"""{"ref":"B{{batch}}-{{i}}","date":"{{date:yyyy-MM-dd}}","summary":"随机凭证 {{i}}","lines":[{{json}}]}""").Append('\n');
        }
        return sb.ToString();
    }

    private static string Money(long fen) => $"{fen / 100}.{fen % 100:D2}";

    [TestCase(1)]
    [TestCase(20251)]
    [TestCase(424242)]
    public void Random_vouchers_agree_with_a_naive_sum(int seed)
    {
        using var ledger = TestLedger.WithBasics();
        var random = new Random(seed);
        var model = new Dictionary<string, long>();

        for (var batch = 0; batch < 3; batch++)
        {
            var file = ledger.WriteFile($"batch{batch}.jsonl", RandomVouchers(random, 150, batch, model));
            ledger.Ok("vouchers", "import", file);

            var tb = JsonDocument.Parse(ledger.Ok("report", "trial-balance", "--from", "2025-01", "--to", "2025-12", "--format", "json")).RootElement;
            var leafRows = tb.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("leaf").GetBoolean())
                .ToDictionary(r => r.GetProperty("code").GetString()!, r => Fen(r, "closing_debit") - Fen(r, "closing_credit"));
            Assert.That(leafRows, Is.EquivalentTo(model.Where(kv => kv.Value != 0)), $"seed {seed}, batch {batch}");
            var totals = tb.GetProperty("totals");
            Assert.That(Fen(totals, "period_debit"), Is.EqualTo(Fen(totals, "period_credit")), $"seed {seed}");
            Assert.That(Fen(totals, "closing_debit"), Is.EqualTo(Fen(totals, "closing_credit")), $"seed {seed}");
            Assert.That(ledger.Run("verify").Code, Is.EqualTo(0), $"seed {seed}");
        }
    }

    private static long Fen(JsonElement row, string column) =>
        (long)(decimal.Parse(row.GetProperty(column).GetString()!, System.Globalization.CultureInfo.InvariantCulture) * 100);

    [Test]
    public void A_process_killed_during_a_large_import_leaves_books_that_verify_and_rerunning_completes_them()
    {
        using var ledger = TestLedger.WithBasics();
        var model = new Dictionary<string, long>();
        var file = ledger.WriteFile("big.jsonl", RandomVouchers(new Random(7), 4000, 0, model));
        var before = ledger.Head().Count;
        var random = new Random(99);

        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var process = ledger.Start("vouchers", "import", file);
            Thread.Sleep(random.Next(150, 1500));
            process.Kill(entireProcessTree: true);
            process.WaitForExit();

            Assert.That(ledger.Run("verify").Code, Is.EqualTo(0), $"after kill {attempt}");
            var count = ledger.Head().Count;
            Assert.That(count == before || count == before + 4000, Is.True, $"all or nothing, got {count} entries");
        }

        var (code, _, err) = ledger.RunProcess("vouchers", "import", file);
        Assert.That(code, Is.EqualTo(0), err);
        Assert.That(ledger.Head().Count, Is.EqualTo(before + 4000));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
    }

    [Test]
    public void Several_processes_importing_at_once_make_one_linear_chain_with_nothing_lost()
    {
        using var ledger = TestLedger.WithBasics();
        var model = new Dictionary<string, long>();
        var files = Enumerable.Range(0, 4).Select(b => ledger.WriteFile($"p{b}.jsonl", RandomVouchers(new Random(b), 300, b, model))).ToList();

        var before = ledger.Head().Count;

        var processes = files.Select(f => ledger.Start("vouchers", "import", f)).ToList();
        foreach (var p in processes)
        {
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.That(p.ExitCode, Is.EqualTo(0), err);
        }

        Assert.That(ledger.Head().Count, Is.EqualTo(before + 4 * 300));
        Assert.That(ledger.Run("verify").Code, Is.EqualTo(0));
        var tb = JsonDocument.Parse(ledger.Ok("report", "trial-balance", "--from", "2025-01", "--to", "2025-12", "--format", "json")).RootElement;
        var leafRows = tb.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("leaf").GetBoolean())
            .ToDictionary(r => r.GetProperty("code").GetString()!, r => Fen(r, "closing_debit") - Fen(r, "closing_credit"));
        Assert.That(leafRows, Is.EquivalentTo(model.Where(kv => kv.Value != 0)));
    }
}
