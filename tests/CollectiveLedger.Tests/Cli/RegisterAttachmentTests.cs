using System.Text.Json;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// 附件张数 on the vouchers the registers post (issue 13): a rent receipt, an asset bought from the
/// bank and its disposal record the count given with --attachments in their register entry and on
/// their voucher; the log still verifies (replay, the Python verifier, the entry schema).
/// </summary>
public class RegisterAttachmentTests
{
    private static TestLedger Books()
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("accounts", "add", "21101", "预收承包费", "--parent", "211");
        ledger.Ok("accounts", "add", "15104", "机械", "--parent", "151");
        ledger.Ok("accounts", "add", "51305", "折旧费", "--parent", "513");
        ledger.Ok("vouchers", "import", ledger.WriteFile("o.json", """
            [{"ref":"O","date":"2025-01-01","kind":"opening","summary":"期初余额","lines":[{"account":"10201","debit":"90000.00"},{"account":"301","credit":"90000.00"}]}]
            """));
        ledger.Ok("contracts", "add", "HT-1", "--party", "M001", "--resource", "grassland", "--area", "1500", "--rent", "3000",
            "--from", "2025-01-01", "--to", "2025-12-31", "--income-account", "50101", "--prepaid-account", "21101");
        return ledger;
    }

    private static JsonElement Voucher(TestLedger ledger, string period, int number) =>
        JsonDocument.Parse(ledger.Ok("vouchers", "show", number.ToString(System.Globalization.CultureInfo.InvariantCulture), "--period", period, "--format", "json")).RootElement;

    private static List<JsonElement> Log(TestLedger ledger) => [.. JsonDocument.Parse(ledger.Ok("log", "show", "--format", "json")).RootElement.EnumerateArray()];

    [Test]
    public void A_rent_receipt_an_asset_purchase_and_a_disposal_record_their_attachments_on_the_entry_and_the_voucher_and_verify()
    {
        using var ledger = Books();

        ledger.Ok("contracts", "receive", "HT-1", "--date", "2025-03-10", "--amount", "3000", "--account", "10201", "--attachments", "2");
        ledger.Ok("assets", "add", "SC1", "基础母羊群", "--category", "machinery", "--account", "15104", "--acquired", "2025-04-16",
            "--cost", "76800", "--life-months", "60", "--residual", "7680", "--expense-account", "51305", "--paid-from", "10201", "--attachments", "3");
        ledger.Ok("assets", "dispose", "SC1", "--date", "2025-04-20", "--reason", "转让", "--proceeds", "76800", "--to", "10201", "--attachments", "1");

        Assert.That(Voucher(ledger, "2025-03", 1).GetProperty("attachments").GetInt32(), Is.EqualTo(2));
        Assert.That(Voucher(ledger, "2025-04", 1).GetProperty("attachments").GetInt32(), Is.EqualTo(3));
        Assert.That(Voucher(ledger, "2025-04", 2).GetProperty("attachments").GetInt32(), Is.EqualTo(1));
        var log = Log(ledger);
        Assert.That(log.Where(e => e.GetProperty("kind").GetString() is "contract.received" or "asset.added" or "asset.disposed")
            .Select(e => e.GetProperty("data").GetProperty("attachments").GetInt32()), Is.EqualTo(new[] { 2, 3, 1 }));
        Assert.That(ledger.Run("verify").Code, Is.Zero, "replay rebuilds each voucher with its attachments");
        var exported = Path.Combine(ledger.Dir, "log.jsonl");
        ledger.Ok("log", "export", "--out", exported);
        Assert.That(EntrySchema.Check(exported).Code, Is.Zero, "the entry schema takes the optional key");
        var (code, output) = Python.VerifyLog(exported);
        Assert.That(code, Is.Zero, output);
    }

    [Test]
    public void Without_attachments_the_entries_are_written_as_before_and_a_bad_count_is_refused_with_the_field_named()
    {
        using var ledger = Books();
        var head = ledger.Head();

        var bad = ledger.Run("contracts", "receive", "HT-1", "--date", "2025-03-10", "--amount", "3000", "--account", "10201", "--attachments", "两张");
        var takenOver = ledger.Run("assets", "add", "OLD", "旧机械", "--category", "machinery", "--account", "15104", "--acquired", "2025-01-01",
            "--cost", "100", "--life-months", "60", "--expense-account", "51305", "--attachments", "1");
        var headAfterRefusals = ledger.Head();
        ledger.Ok("contracts", "receive", "HT-1", "--date", "2025-03-10", "--amount", "3000", "--account", "10201");

        Assert.That(bad.Code, Is.EqualTo(1));
        Assert.That(bad.Err, Does.Contain("[AttachmentsInvalid]").And.Contain("两张"));
        Assert.That(takenOver.Code, Is.EqualTo(1), "an asset taken over from the books posts no voucher to attach anything to");
        Assert.That(takenOver.Err, Does.Contain("[FieldInvalid]").And.Contain("attachments"));
        Assert.That(headAfterRefusals, Is.EqualTo(head));
        var received = Log(ledger).Single(e => e.GetProperty("kind").GetString() == "contract.received").GetProperty("data");
        Assert.That(received.TryGetProperty("attachments", out _), Is.False, "an entry without the count reads as those written before it");
        Assert.That(Voucher(ledger, "2025-03", 1).GetProperty("attachments").GetInt32(), Is.Zero);
    }
}
