using CollectiveLedger.Cli;
using System.Text;
using System.Text.Json;
using CollectiveLedger.Tests.Web;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// Receipts (回执): a household's distribution payment and a villager's question, each checked with
/// nothing but the receipt (`cledger receipt check`, no database) and refused once anything in it changed.
/// </summary>
public class ReceiptTests
{
    [OneTimeSetUp]
    public static void PassphraseForTests() => Environment.SetEnvironmentVariable("CLEDGER_PASSPHRASE", "test-passphrase-1234");

    private static TestLedger Paid()
    {
        var ledger = DistributionTests.ClosedYear();
        DistributionTests.PlanApprovePost(ledger);
        ledger.OkAs(DistributionTests.Planner, "distribution", "pay", "--year", "2025", "--date", "2026-03-25", "--account", "10201");
        ledger.Ok("keys", "generate", "--name", "test.village/accountant", "--out", Path.Combine(ledger.Dir, "acct.key"));
        return ledger;
    }

    /// <summary>`receipt check` as a person runs it, in a folder with nothing but the receipt.</summary>
    private static (int Code, string Out, string Err) Check(string receipt)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(["--lang", "en", "receipt", "check", receipt], stdout, stderr, TestClock.Fixed);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void A_households_payment_receipt_checks_alone_and_names_its_amount()
    {
        using var ledger = Paid();
        var page = Path.Combine(ledger.Dir, "receipt-M002.html");
        var json = Path.Combine(ledger.Dir, "receipt-M002.json");

        ledger.Ok("receipt", "distribution", "--year", "2025", "--member", "M002", "--sign", Path.Combine(ledger.Dir, "acct.key"), "--out", page);
        ledger.Ok("receipt", "distribution", "--year", "2025", "--member", "M002", "--out", json);
        File.Delete(ledger.Db);
        var (code, output, _) = Check(page);
        var (jsonCode, jsonOutput, _) = Check(json);

        Assert.That(code, Is.Zero, output);
        Assert.That(jsonCode, Is.Zero, jsonOutput);
        Assert.That(jsonOutput, Does.Contain("signed by collectiveledger.local/"), "without --sign, the organization's key (made then) signs, as it signs notices");
        Assert.That(output, Does.Contain("M002 其其格").And.Contain("3 股 shares × 12.85 元 = 38.55 元"), "12.85 a share, 3 shares");
        Assert.That(output, Does.Contain("回执属实").And.Contain("signed by test.village/accountant"));
        var python = Python.VerifyLog("--receipt", page);
        Assert.That(python.Code, Is.Zero, python.Output);
        Assert.That(python.Out, Does.Contain("signed by test.village/accountant").And.EndWith("OK\n"), "the reference verifier reads the printable page too");
        var receipt = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        var entry = JsonDocument.Parse(receipt.GetProperty("entry").GetString()!).RootElement;
        Assert.That(entry.GetProperty("kind").GetString(), Is.EqualTo("voucher.posted"), "the payment voucher itself, public as it is");
        Assert.That(receipt.GetProperty("entry").GetString(), Does.Contain("\"member\":\"M002\"").And.Contain("\"debit\":\"38.55\""));
        Assert.That(File.ReadAllText(page), Does.Not.Contain("6228480012345678901").And.Not.Contain("11010519491231002X").And.Not.Contain("13912345678"),
            "the household's private numbers are in the books, not on its receipt");
    }

    [Test]
    public void A_receipt_whose_entry_proof_or_key_was_changed_is_refused()
    {
        using var ledger = Paid();
        var path = Path.Combine(ledger.Dir, "r.json");
        ledger.Ok("receipt", "distribution", "--year", "2025", "--member", "M002", "--sign", Path.Combine(ledger.Dir, "acct.key"), "--out", path);
        ledger.Ok("keys", "generate", "--name", "test.village/other", "--out", Path.Combine(ledger.Dir, "other.key"));
        var otherKey = JsonDocument.Parse(ledger.Ok("keys", "list", "--format", "json")).RootElement.EnumerateArray()
            .Single(k => k.GetProperty("name").GetString() == "test.village/other").GetProperty("public_key").GetString()!;
        var original = File.ReadAllText(path);
        var receipt = JsonDocument.Parse(original).RootElement;
        string Changed(string what, Func<string, string> edit)
        {
            var changed = Path.Combine(ledger.Dir, what + ".json");
            File.WriteAllText(changed, edit(original));
            return changed;
        }
        var firstHash = receipt.GetProperty("inclusion").GetProperty("hashes")[0].GetString()!;
        var ownKey = receipt.GetProperty("keys")[0].GetProperty("public_key").GetString()!;

        var amount = Check(Changed("amount", t => t.Replace("38.55", "83.55", StringComparison.Ordinal)));
        var proof = Check(Changed("proof", t => t.Replace(firstHash, Convert.ToBase64String(new byte[32]), StringComparison.Ordinal)));
        var key = Check(Changed("key", t => t.Replace(ownKey, otherKey, StringComparison.Ordinal)));
        var notJson = Check(Changed("garbage", _ => "这不是回执"));

        Assert.That(Check(path).Code, Is.Zero);
        Assert.That(amount.Code, Is.EqualTo(1), amount.Out + amount.Err);
        Assert.That(Python.VerifyLog("--receipt", Path.Combine(ledger.Dir, "amount.json")).Code, Is.EqualTo(1), "nor does the reference verifier take it");
        Assert.That(Python.VerifyLog("--receipt", Path.Combine(ledger.Dir, "key.json")).Code, Is.EqualTo(1));
        Assert.That(amount.Err, Does.Contain("回执不符"));
        Assert.That(proof.Code, Is.EqualTo(1));
        Assert.That(key.Code, Is.EqualTo(1));
        Assert.That(key.Err, Does.Contain("签名不符"));
        Assert.That(notJson.Code, Is.EqualTo(2));
        Assert.That(notJson.Err, Does.Contain("not a receipt").And.Not.Match(TestLedger.StackTraceLine));
    }

    [Test]
    public void An_unsigned_receipt_says_so_and_one_for_a_household_paid_nothing_is_a_usage_error()
    {
        using var ledger = Paid();
        var path = Path.Combine(ledger.Dir, "r.json");
        ledger.Ok("receipt", "distribution", "--year", "2025", "--member", "M003", "--unsigned", "--out", path);

        var (code, output, _) = Check(path);
        var nothing = ledger.Run("receipt", "distribution", "--year", "2025", "--member", "M004", "--unsigned", "--out", Path.Combine(ledger.Dir, "m4.json"));
        var unpaid = ledger.Run("receipt", "distribution", "--year", "2024", "--member", "M003", "--unsigned", "--out", Path.Combine(ledger.Dir, "y.json"));

        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Contain("未签名").And.Contain("unsigned"));
        Assert.That(nothing.Code, Is.EqualTo(2));
        Assert.That(nothing.Err, Does.Contain("M004"));
        Assert.That(unpaid.Code, Is.EqualTo(2));
        Assert.That(unpaid.Err, Does.Contain("2024"));
        Assert.That(File.Exists(Path.Combine(ledger.Dir, "m4.json")), Is.False);
    }

    [Test]
    public async Task A_villager_follows_the_receipt_link_of_a_question_and_the_receipt_checks_without_showing_the_question_or_contact()
    {
        using var workspace = new Workspace();
        var seq = await PublicPagesTests.Published(workspace);
        var villager = workspace.Client();
        await villager.PostForm("/feedback", new() { ["notice"] = seq.ToString(System.Globalization.CultureInfo.InvariantCulture), ["otherItem"] = "三月的电费",
            ["question"] = "电费为什么这么多？", ["contact"] = "13912345678" }, $"/public/notices/{seq}");

        var (_, notice) = await villager.Page($"/public/notices/{seq}");
        var link = System.Text.RegularExpressions.Regex.Match(notice, "<a class=\"receipt\" href=\"([^\"]+)\"").Groups[1].Value;
        var (status, receipt) = await villager.Page(link);
        var path = Path.Combine(workspace.Ledger.Dir, "feedback-receipt.html");
        await File.WriteAllTextAsync(path, receipt, Encoding.UTF8);
        var (code, output, _) = Check(path);

        Assert.That(link, Is.EqualTo("/feedback/1/receipt"));
        Assert.That(status, Is.EqualTo(System.Net.HttpStatusCode.OK));
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("第 1 号意见").And.Contain(CollectiveLedger.Core.Audit.Sha256Hex.Of(Encoding.UTF8.GetBytes("电费为什么这么多？"))));
        Assert.That(System.Net.WebUtility.HtmlDecode(receipt), Does.Not.Contain("13912345678").And.Not.Contain("电费为什么"),
            "neither the contact nor a question staff have not yet answered is public");
        var entry = JsonDocument.Parse(JsonDocument.Parse(CollectiveLedger.Reports.ReceiptHtml.Extract(Encoding.UTF8.GetBytes(receipt))).RootElement.GetProperty("entry").GetString()!).RootElement;
        Assert.That(entry.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "hash", "kind", "leaf", "seq" }), "the entry in its public form: a stub");
        Assert.That(entry.GetProperty("kind").GetString(), Is.EqualTo("feedback.received"));
    }
}
