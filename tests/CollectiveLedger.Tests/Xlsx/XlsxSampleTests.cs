using System.Globalization;
using System.Text.Json;

namespace CollectiveLedger.Tests.Xlsx;

/// <summary>
/// The sample village's voucher book as a spreadsheet (samples/gacha/voucher-book-2025-q1.xlsx, written by
/// generate.py: title row, merged voucher cells, Excel date serials, codes and amounts as number cells)
/// imports into fresh books, and its trial balance is the sum of the same vouchers read from the JSON files.
/// </summary>
public class XlsxSampleTests
{
    [Test]
    public void The_sample_workbook_imports_into_fresh_books_and_balances_to_an_independent_sum()
    {
        using var ledger = new TestLedger();
        var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestLedger.Samples, "ledger.json"))).RootElement;
        ledger.Ok("init", "--org", settings.GetProperty("org").GetString()!, "--org-code", settings.GetProperty("org_code").GetString()!,
            "--start", settings.GetProperty("start").GetString()!, "--no-key");
        foreach (var register in new[] { "accounts", "funds", "members", "counterparties" })
            ledger.Ok(register, "import", Path.Combine(TestLedger.Samples, register + ".json"));

        var output = ledger.Ok("vouchers", "import", Path.Combine(TestLedger.Samples, "voucher-book-2025-q1.xlsx"));

        // The independent sum: every line of the same vouchers as the JSON files hold them, added up by account.
        var expected = new Dictionary<string, (decimal Debit, decimal Credit)>(StringComparer.Ordinal);
        var count = 0;
        foreach (var name in new[] { "opening.json", "vouchers-2025-q1.json" })
            foreach (var voucher in JsonDocument.Parse(File.ReadAllText(Path.Combine(TestLedger.Samples, name))).RootElement.EnumerateArray())
            {
                count++;
                var column = voucher.GetProperty("kind").GetString() == "opening" ? "opening" : "period";
                foreach (var line in voucher.GetProperty("lines").EnumerateArray())
                {
                    var key = column + " " + line.GetProperty("account").GetString();
                    var (d, c) = expected.GetValueOrDefault(key);
                    expected[key] = (d + Amount(line, "debit"), c + Amount(line, "credit"));
                }
            }
        Assert.That(output, Does.Contain($"posted {count} vouchers"));
        var tb = JsonDocument.Parse(ledger.Ok("report", "trial-balance", "--from", "2025-01", "--to", "2025-03", "--format", "json")).RootElement;
        var leaves = tb.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("leaf").GetBoolean()).ToList();
        foreach (var (key, (debit, credit)) in expected.Where(e => e.Key.StartsWith("period ", StringComparison.Ordinal)))
        {
            var row = leaves.Single(r => r.GetProperty("code").GetString() == key[7..]);
            Assert.That((Money(row, "period_debit"), Money(row, "period_credit")), Is.EqualTo((debit, credit)), key);
        }
        Assert.That(leaves.Sum(r => Money(r, "period_debit")), Is.EqualTo(expected.Where(e => e.Key.StartsWith("period ", StringComparison.Ordinal)).Sum(e => e.Value.Debit)));
        foreach (var (key, (debit, credit)) in expected.Where(e => e.Key.StartsWith("opening ", StringComparison.Ordinal)))
        {
            var row = leaves.Single(r => r.GetProperty("code").GetString() == key[8..]);
            Assert.That(Money(row, "opening_debit") - Money(row, "opening_credit"), Is.EqualTo(debit - credit), key + " (the opening balance, shown on one side)");
        }
        // The same vouchers from the JSON files are the same content: already posted, every one.
        Assert.That(ledger.Ok("vouchers", "import", Path.Combine(TestLedger.Samples, "vouchers-2025-q1.json")), Does.Contain($"posted 0 vouchers; {count - 1} were already posted"));
        Assert.That(ledger.Run("verify").Code, Is.Zero);
    }

    private static decimal Amount(JsonElement line, string side) =>
        line.TryGetProperty(side, out var a) ? decimal.Parse(a.GetString()!, CultureInfo.InvariantCulture) : 0m;

    private static decimal Money(JsonElement row, string column) => decimal.Parse(row.GetProperty(column).GetString()!, CultureInfo.InvariantCulture);
}
