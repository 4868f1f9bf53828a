using System.Text;
using System.Text.Json;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// The public log of the sample village (audit-log.md 14): none of the register's private values in
/// any spelling, and the same head, root and balances as the books, by cledger and by verify_log.py.
/// </summary>
public class PublicLogSampleTests
{
    private static TestLedger _demo = null!;
    private static string _public = "", _full = "";

    [OneTimeSetUp]
    public static void BuildDemo()
    {
        _demo = TestLedger.Demo();
        (_public, _full) = (Path.Combine(_demo.Dir, "public.jsonl"), Path.Combine(_demo.Dir, "full.jsonl"));
        _demo.Ok("log", "export", "--public", "--out", _public);
        _demo.Ok("log", "export", "--out", _full);
    }

    [OneTimeTearDown]
    public static void Remove() => _demo.Dispose();

    /// <summary>The register's full private values, read from the books' tables: members' ID card, bank and phone numbers, feedback contacts.</summary>
    private static List<string> RegisterValues()
    {
        var values = new List<string>();
        using var c = _demo.Connect();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT details FROM members WHERE details IS NOT NULL";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var details = JsonDocument.Parse(r.GetString(0)).RootElement;
                foreach (var key in new[] { "id_card", "bank_account", "phone" })
                    if (details.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String) values.Add(v.GetString()!);
            }
        }
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT contact FROM feedback WHERE contact IS NOT NULL";
            using var r = cmd.ExecuteReader();
            while (r.Read()) values.Add(r.GetString(0));
        }
        return values;
    }

    /// <summary>A value as it might be written: ASCII, full-width digits (U+FF10..), its digits split by spaces, by dashes, in groups of four.</summary>
    private static IEnumerable<string> Spellings(string value)
    {
        var digits = new string([.. value.Where(char.IsAsciiLetterOrDigit)]);
        var fullWidth = new string([.. digits.Select(ch => char.IsAsciiDigit(ch) ? (char)(0xFF10 + ch - '0') : ch == 'X' ? 'Ｘ' : ch)]);
        var groups = digits.Chunk(4).Select(g => new string(g)).ToList();
        return [value, digits, fullWidth, string.Join(' ', digits.ToCharArray()), string.Join('-', digits.ToCharArray()),
            string.Join(" ", groups), string.Join("-", groups)];
    }

    [Test]
    public void The_public_log_holds_no_private_value_of_the_register_in_any_spelling_while_the_full_log_holds_them_all()
    {
        var values = RegisterValues();
        var (published, full) = (File.ReadAllText(_public, Encoding.UTF8), File.ReadAllText(_full, Encoding.UTF8));

        Assert.That(values, Has.Count.GreaterThan(100), "the sample register holds ID card, bank and phone numbers");
        Assert.That(values.Where(v => !full.Contains(v, StringComparison.Ordinal)), Is.Empty, "the full log is the auditors' copy, with every value");
        var found = values.SelectMany(Spellings).Where(s => published.Contains(s, StringComparison.Ordinal)).ToList();
        Assert.That(found, Is.Empty);
    }

    [Test]
    public void Verify_log_on_the_public_and_the_full_export_gives_the_books_head_root_and_balances()
    {
        var database = JsonDocument.Parse(_demo.Ok("verify", "--format", "json")).RootElement;
        var trialBalance = JsonDocument.Parse(File.ReadAllText(Path.Combine(_demo.Dir, "trial-balance-all.json"))).RootElement;
        var checkpoint = Path.Combine(_demo.Dir, "checkpoint-from-notice-2025-06.txt");

        foreach (var file in new[] { _public, _full })
        {
            var (code, stdout, stderr) = _demo.Run("verify", "--log", file, "--checkpoint", checkpoint, "--format", "json");
            var report = JsonDocument.Parse(stdout).RootElement;

            Assert.That(code, Is.Zero, stderr + stdout);
            Assert.That(VerifyCategoryTests.SchemaErrors(stdout), Is.Empty, "verify --log's JSON is verify's, with its additions in verify.schema.json");
            Assert.That(report.GetProperty("head").GetRawText(), Is.EqualTo(database.GetProperty("head").GetRawText()), file);
            Assert.That(report.GetProperty("root").GetString(), Is.EqualTo(database.GetProperty("root").GetString()), file);
            Assert.That(report.GetProperty("checkpoints")[0].GetProperty("status").GetString(), Is.EqualTo("consistent"));
            Assert.That(report.GetProperty("withheld_vouchers").GetInt32(), Is.Zero, "no summary of the sample holds a private number");
            foreach (var row in trialBalance.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("level").GetInt32() == 1 || r.GetProperty("leaf").GetBoolean()))
            {
                var code2 = row.GetProperty("code").GetString()!;
                var net = Fen(row.GetProperty("closing_debit").GetString()!) - Fen(row.GetProperty("closing_credit").GetString()!);
                var replayed = report.GetProperty("balances").TryGetProperty(code2, out var b) ? Fen(b.GetString()!) : 0;
                Assert.That(replayed, Is.EqualTo(net), $"{file}: account {code2}");
            }
        }
    }

    [Test]
    public void The_python_reference_verifier_checks_the_public_log_and_its_trial_balance()
    {
        var head = JsonDocument.Parse(_demo.Ok("verify", "--format", "json")).RootElement.GetProperty("head").GetProperty("hash").GetString();

        var (code, output) = PublicLogTests.Python(_public, "--public", "--trial-balance", Path.Combine(_demo.Dir, "trial-balance-all.json"));

        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain(head!).And.Contain("0 vouchers withheld").And.Match(@"withheld: \d+ entries holding personal data"));
    }

    private static long Fen(string amount) => CollectiveLedger.Core.Money.Amount.ParseCanonical(amount).Fen;
}
