using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CollectiveLedger.Tests.Storage;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// The public log (audit-log.md 14): <c>log export --public</c>, <c>verify --log FILE</c> without the
/// database, and <c>schemas/verify_log.py --public</c>, on small books written for each test.
/// </summary>
public class PublicLogTests
{
    private const string Phone = "13912345678";

    [OneTimeSetUp]
    public static void PassphraseForTests() => Environment.SetEnvironmentVariable("CLEDGER_PASSPHRASE", "test-passphrase-1234");

    /// <summary>Books with a member whose details hold a phone number, and a few vouchers.</summary>
    private static TestLedger Books()
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("members", "add", "M002", "其木格", "--head", "其木格", "--household-size", "3", "--shares", "3",
            "--id-card", "11010519491231002X", "--phone", Phone);
        var lines = Enumerable.Range(1, 12).Select(i =>
            $$"""{"ref":"V{{i}}","date":"2025-03-{{i:D2}}","summary":"草场承包费第{{i}}笔","lines":[{"account":"10201","debit":"{{100 * i}}.00"},{"account":"50101","credit":"{{100 * i}}.00","member":"M001"}]}""");
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.jsonl", string.Join("\n", lines) + "\n"));
        return ledger;
    }

    private static List<JsonElement> Entries(string path) =>
        File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    [Test]
    public void New_entries_of_the_kinds_that_hold_personal_data_carry_each_its_own_random_salt_and_verify_accepts_them()
    {
        using var ledger = Books();
        var log = Path.Combine(ledger.Dir, "full.jsonl");
        ledger.Ok("log", "export", "--out", log);

        var salts = Entries(log).Where(e => e.GetProperty("kind").GetString() == "member.added")
            .Select(e => e.GetProperty("data").GetProperty("salt").GetString()).ToList();

        Assert.That(salts, Has.Count.EqualTo(2).And.All.Match("^[0-9a-f]{32}$"));
        Assert.That(salts.Distinct().Count(), Is.EqualTo(2));
        Assert.That(ledger.Run("verify").Code, Is.Zero);
        var (code, output) = Python(log);
        Assert.That(code, Is.Zero, output);
        var (schemaCode, schemaOutput) = EntrySchema.Check(log);
        Assert.That(schemaCode, Is.Zero, schemaOutput);
    }

    [Test]
    public void A_voucher_whose_summary_holds_a_members_phone_in_full_width_digits_is_withheld_and_every_verifier_says_so()
    {
        using var ledger = Books();
        const string fullWidth = "１３９１２３４５６７８";
        ledger.Ok("vouchers", "import", ledger.WriteFile("phone.jsonl",
            $$"""{"ref":"P","date":"2025-03-20","summary":"报销其木格电话费 {{fullWidth}}","lines":[{"account":"513","debit":"50.00"},{"account":"10201","credit":"50.00"}]}""" + "\n"));
        var (full, published) = (Path.Combine(ledger.Dir, "full.jsonl"), Path.Combine(ledger.Dir, "public.jsonl"));
        ledger.Ok("log", "export", "--out", full);
        var seq = Entries(full).Single(e => e.GetProperty("data").TryGetProperty("ref", out var r) && r.GetString() == "P").GetProperty("seq").GetInt64();

        var (code, stdout, stderr) = ledger.Run("log", "export", "--public", "--out", published);

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stderr, Does.Contain($"entry {seq} (voucher.posted)"));
        var text = File.ReadAllText(published);
        Assert.That(text, Does.Not.Contain(fullWidth).And.Not.Contain(Phone).And.Not.Contain("11010519491231002X"));
        Assert.That(Entries(published)[(int)seq].GetProperty("kind").GetString(), Is.EqualTo("voucher.posted"));
        Assert.That(Entries(published)[(int)seq].TryGetProperty("leaf", out _), Is.True);

        var report = JsonDocument.Parse(ledger.Ok("verify", "--log", published, "--format", "json")).RootElement;
        var whole = JsonDocument.Parse(ledger.Ok("verify", "--log", full, "--format", "json")).RootElement;
        Assert.That(report.GetProperty("withheld_vouchers").GetInt32(), Is.EqualTo(1));
        Assert.That(report.GetProperty("withheld").GetInt32(), Is.EqualTo(3), "two members and the voucher");
        Assert.That(report.GetProperty("balances").TryGetProperty("513", out _), Is.False, "the balances leave the withheld voucher out");
        Assert.That(report.GetProperty("balances").GetProperty("10201").GetString(), Is.EqualTo("7800.00"));
        Assert.That(whole.GetProperty("balances").GetProperty("10201").GetString(), Is.EqualTo("7750.00"));
        Assert.That(whole.GetProperty("balances").GetProperty("513").GetString(), Is.EqualTo("50.00"));
        Assert.That(report.GetProperty("root").GetString(), Is.EqualTo(whole.GetProperty("root").GetString()));
        Assert.That(ledger.Ok("verify", "--format", "table", "--log", published), Does.Contain("1 vouchers, which the balances below leave out"));
        var (pythonCode, pythonOutput) = Python(published, "--public");
        Assert.That(pythonCode, Is.Zero, pythonOutput);
        Assert.That(pythonOutput, Does.Contain("1 vouchers withheld, which the balances below leave out"));
    }

    [Test]
    public void The_full_log_verified_as_a_file_gives_the_head_and_root_verify_gives_on_the_database_and_the_trial_balances_closing_nets()
    {
        using var ledger = Books();
        var (full, published) = (Path.Combine(ledger.Dir, "full.jsonl"), Path.Combine(ledger.Dir, "public.jsonl"));
        var fullSays = ledger.Ok("--lang", "en", "log", "export", "--out", full);
        var publicSays = ledger.Ok("--lang", "en", "log", "export", "--public", "--out", published);

        var database = JsonDocument.Parse(ledger.Ok("verify", "--format", "json")).RootElement;
        // Not on a terminal (no progress shown), the count said is still the count written.
        var entries = database.GetProperty("entries").GetInt64();
        Assert.That(File.ReadAllLines(full), Has.Length.EqualTo(entries));
        Assert.That(fullSays, Does.Contain($"exported {entries} entries to {full}."));
        Assert.That(publicSays, Does.Contain($"exported the public log, {entries} entries"));
        var fromFull = JsonDocument.Parse(Verify("--log", full, "--format", "json").Out).RootElement;
        var fromPublic = JsonDocument.Parse(Verify("--log", published, "--format", "json").Out).RootElement;
        var trialBalance = JsonDocument.Parse(ledger.Ok("report", "trial-balance", "--from", "2025-01", "--to", "2025-12", "--format", "json")).RootElement;

        foreach (var file in new[] { fromFull, fromPublic })
        {
            Assert.That(file.GetProperty("status").GetString(), Is.EqualTo("ok"));
            Assert.That(file.GetProperty("head").GetRawText(), Is.EqualTo(database.GetProperty("head").GetRawText()));
            Assert.That(file.GetProperty("root").GetString(), Is.EqualTo(database.GetProperty("root").GetString()));
            Assert.That(file.GetProperty("entries").GetInt64(), Is.EqualTo(database.GetProperty("entries").GetInt64()));
            foreach (var row in trialBalance.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("level").GetInt32() == 1 || r.GetProperty("leaf").GetBoolean()))
            {
                var net = decimal.Parse(row.GetProperty("closing_debit").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                        - decimal.Parse(row.GetProperty("closing_credit").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                var replayed = file.GetProperty("balances").TryGetProperty(row.GetProperty("code").GetString()!, out var b)
                    ? decimal.Parse(b.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : 0m;
                Assert.That(replayed, Is.EqualTo(net), $"account {row.GetProperty("code").GetString()}");
            }
        }
        Assert.That(fromPublic.GetProperty("withheld").GetInt32(), Is.EqualTo(2));
        Assert.That(fromFull.GetProperty("withheld").GetInt32(), Is.Zero);
    }

    [TestCase(20261203)]
    [TestCase(15)]
    public void A_rewrite_after_a_published_checkpoint_is_caught_by_verify_log_without_the_database(int seed)
    {
        using var ledger = Books();
        ledger.Ok("keys", "generate", "--name", "test.village/accountant", "--out", Path.Combine(ledger.Dir, "acct.key"));
        var checkpoint = ledger.WriteFile("checkpoint.txt", ledger.Ok("checkpoint", "--sign", Path.Combine(ledger.Dir, "acct.key")));
        var size = long.Parse(File.ReadAllLines(checkpoint)[1], System.Globalization.CultureInfo.InvariantCulture);
        ledger.Ok("vouchers", "import", ledger.WriteFile("later.jsonl",
            """{"ref":"L","date":"2025-04-02","summary":"四月电费","lines":[{"account":"513","debit":"80.00"},{"account":"10201","credit":"80.00"}]}""" + "\n"));
        var published = Path.Combine(ledger.Dir, "public.jsonl");
        ledger.Ok("log", "export", "--public", "--out", published);
        Assert.That(Verify("--log", published, "--checkpoint", checkpoint).Code, Is.Zero, "before the rewrite the public log is consistent with the paper");

        // The forger rewrites one voucher the checkpoint covers, chosen by the seed, and re-chains everything after it.
        var vouchers = Entries(published).Where(e => e.GetProperty("kind").GetString() == "voucher.posted" && e.GetProperty("seq").GetInt64() < size)
            .Select(e => e.GetProperty("seq").GetInt64()).ToList();
        var victim = vouchers[new Random(seed).Next(vouchers.Count)];
        ledger.Sql("DROP TRIGGER audit_log_no_update");
        TamperHelpers.RewriteEntry(ledger, victim, text => text.Replace("草场承包费第", "草场承包费（改）第", StringComparison.Ordinal));
        ledger.Ok("log", "export", "--public", "--out", published);
        var full = Path.Combine(ledger.Dir, "full.jsonl");
        ledger.Ok("log", "export", "--out", full);

        foreach (var file in new[] { published, full })
        {
            var (code, stdout, stderr) = Verify("--log", file, "--checkpoint", checkpoint, "--format", "json");

            Assert.That(code, Is.EqualTo(1), $"seed {seed}, entry {victim}: {stderr}");
            var report = JsonDocument.Parse(stdout).RootElement;
            Assert.That(report.GetProperty("checkpoints")[0].GetProperty("status").GetString(), Is.EqualTo("rewritten"), $"seed {seed}, entry {victim}");
            Assert.That(report.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("kind").GetString()), Is.EqualTo(new[] { "checkpoint" }),
                "the file itself is a well-formed chain: only the paper tells");
        }
    }

    [Test]
    public void Verify_log_without_a_file_or_with_an_anchor_is_a_usage_error()
    {
        var (missing, _, missingErr) = Verify("--log", Path.Combine(Path.GetTempPath(), "no-such-log.jsonl"));
        var (anchored, _, anchoredErr) = Verify("--log", "x.jsonl", "--anchor", "1:" + new string('0', 64));

        Assert.That(missing, Is.EqualTo(2));
        Assert.That(missingErr, Does.Contain("not found").And.Not.Match(TestLedger.StackTraceLine));
        Assert.That(anchored, Is.EqualTo(2));
        Assert.That(anchoredErr, Does.Contain("--anchor"));
    }

    /// <summary>The real cledger as a process, with no --db: what someone holding only the file runs.</summary>
    private static (int Code, string Out, string Err) Verify(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "cledger.dll"), "--lang", "en", "verify", .. args]) info.ArgumentList.Add(a);
        TestClock.Set(info);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>schemas/verify_log.py, the independent verifier (.ci/run installs python3).</summary>
    internal static CollectiveLedger.Tests.Python.Result Python(string log, params string[] options) => CollectiveLedger.Tests.Python.VerifyLog([.. options, log]);
}
