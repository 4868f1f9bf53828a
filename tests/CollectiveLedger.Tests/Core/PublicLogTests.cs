using System.Security.Cryptography;
using System.Text;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;

namespace CollectiveLedger.Tests.Core;

/// <summary>The public form of an entry (audit-log.md 14): which entries are withheld, and the stub's exact bytes.</summary>
public class PublicLogTests
{
    private static readonly DateTimeOffset Time = new(2026, 6, 30, 2, 0, 0, TimeSpan.Zero);

    private static byte[] Member(string salt) => AuditEntry.Encode(7, Sha256Hex.Zero, Time, "tester",
        new DimensionAdded(DimensionKind.Member, "M001", "巴特尔", null, new MemberDetails("巴特尔", 6, 6, "152525197704044652", "6229479829347150259", "18731157454")) { Salt = salt });

    private static byte[] Counterparty(string name) => AuditEntry.Encode(8, Sha256Hex.Zero, Time, "tester", new DimensionAdded(DimensionKind.Counterparty, "C01", name));

    private static readonly PublicLog Log = new(["152525197704044652", "6229479829347150259", "18731157454", "12345"]);

    [Test]
    public void A_stub_is_the_canonical_object_of_the_entrys_hash_kind_leaf_and_seq()
    {
        var entry = Member("00112233445566778899aabbccddeeff");

        var stub = Log.PublicForm(7, "member.added", entry);

        var hash = Convert.ToHexStringLower(SHA256.HashData(entry));
        var leaf = Convert.ToHexStringLower(SHA256.HashData([0, .. entry]));
        Assert.That(Encoding.UTF8.GetString(stub), Is.EqualTo($$"""{"hash":"{{hash}}","kind":"member.added","leaf":"{{leaf}}","seq":7}"""));
    }

    [Test]
    public void The_stubs_hash_and_leaf_are_those_the_chain_and_the_merkle_tree_take_of_the_real_entry()
    {
        var entry = Member("ffeeddccbbaa99887766554433221100");
        var stub = PublicLog.Stub(7, "member.added", entry);
        using var document = System.Text.Json.JsonDocument.Parse(stub);

        var read = PublicLog.ReadStub(document.RootElement, stub, out var problem);

        Assert.That(problem, Is.Null);
        Assert.That(read!.Hash, Is.EqualTo(AuditEntry.Create(7, Sha256Hex.Zero, Time, "tester", ParsedEntry.Parse(entry).Event).Hash));
        Assert.That(read.LeafHash, Is.EqualTo(MerkleTree.LeafHash(entry)));
        var (whole, fromStub) = (new MerkleTree(), new MerkleTree());
        whole.Append(entry);
        fromStub.AppendLeaf(read.LeafHash);
        Assert.That(fromStub.Root(), Is.EqualTo(whole.Root()));
    }

    [Test]
    public void Entries_of_the_four_kinds_that_hold_personal_data_are_withheld_and_others_appear_byte_for_byte()
    {
        var kinds = EventKinds.All.Where(k => k.HoldsPersonalData).Select(k => k.Name);
        var entry = Counterparty("旗农牧局");

        Assert.That(kinds, Is.EquivalentTo(new[] { "feedback.received", "member.added", "user.credential_set", "user.enrolment_issued" }));
        Assert.That(Log.PublicForm(8, "counterparty.added", entry), Is.SameAs(entry));
    }

    [TestCase("联系电话18731157454")]
    [TestCase("联系电话１８７３１１５７４５４")]
    [TestCase("电话 187 3115 7454")]
    [TestCase("电话 187-3115-7454")]
    [TestCase("电话 １８７－３１１５－７４５４")]
    [TestCase("身份证 152525 19770404 4652")]
    [TestCase("账号 6229.4798.2934.7150.259")]
    public void A_public_entry_whose_text_holds_a_private_value_in_any_spelling_is_withheld(string name)
    {
        var entry = Counterparty(name);

        var form = Log.PublicForm(8, "counterparty.added", entry);

        Assert.That(Log.HoldsPrivateValue(entry), Is.True);
        Assert.That(Encoding.UTF8.GetString(form), Does.StartWith("{\"hash\":").And.Not.Contain("7454"));
    }

    [Test]
    public void A_value_shorter_than_seven_characters_is_not_searched_for_as_it_would_withhold_every_voucher_of_that_amount()
    {
        Assert.That(Log.HoldsPrivateValue(Counterparty("编号12345")), Is.False);
    }

    [Test]
    public void A_salt_is_written_in_the_data_and_read_back_and_one_of_another_form_is_refused()
    {
        var entry = Member("00112233445566778899aabbccddeeff");
        var text = Encoding.UTF8.GetString(entry);

        Assert.That(text, Does.Contain("\"name\":\"巴特尔\",\"salt\":\"00112233445566778899aabbccddeeff\"}"));
        Assert.That(ParsedEntry.Parse(entry).Event.Salt, Is.EqualTo("00112233445566778899aabbccddeeff"));
        Assert.Throws<FormatException>(() => ParsedEntry.Parse(Encoding.UTF8.GetBytes(text.Replace("00112233445566778899aabbccddeeff", "00112233445566778899AABBCCDDEEFF"))));
    }
}
