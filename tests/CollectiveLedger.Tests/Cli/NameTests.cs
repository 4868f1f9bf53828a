using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// Names cannot hide invisible characters, and a new name cannot pass for an existing one
/// (issue 12, item 5): a "巴特尔" with a zero-width space would approve and look identical in the log.
/// </summary>
public class NameTests
{
    public static readonly string[] Invisible = ["\u200B", "\u200C", "\u200D", "\u202E", "\u2066", "\u00AD", "\uE000", "\uFE0F", "\u3164", "\u180B"];

    [TestCaseSource(nameof(Invisible))]
    public void A_member_name_holding_an_invisible_character_is_refused(string invisible)
    {
        using var ledger = TestLedger.WithBasics();

        var (code, _, err) = ledger.Run("members", "add", "M002", "巴特" + invisible + "尔");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("[InvisibleCharacter]").And.Contain($"U+{(int)invisible[0]:X4}"));
    }

    [TestCase("accounts", "add", "10202", "农行\u200B", "--parent", "102")]
    [TestCase("funds", "add", "F02", "道路\u200D资金")]
    [TestCase("counterparties", "add", "C01", "\u202E供应商")]
    [TestCase("settings", "set", "role.supervisor", "乌云、巴特\u200B尔")]
    [TestCase("users", "add", "巴特\u200B尔")]
    public void Every_kind_of_name_refuses_invisible_characters(params string[] args)
    {
        using var ledger = TestLedger.WithBasics();
        Environment.SetEnvironmentVariable("CLEDGER_PASSWORD", "a-password-123");
        try
        {
            var (code, _, err) = ledger.Run(args);

            Assert.That(code, Is.Not.EqualTo(0));
            Assert.That(err, Does.Contain("U+200B").Or.Contain("U+200D").Or.Contain("U+202E"));
        }
        finally { Environment.SetEnvironmentVariable("CLEDGER_PASSWORD", null); }
    }

    [Test]
    public void An_actor_holding_an_invisible_character_is_a_usage_error()
    {
        using var ledger = TestLedger.WithBasics();

        var (code, _, err) = ledger.RunAs("巴特\u200B尔", "funds", "add", "F09", "x");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(err, Does.Contain("--actor"));
    }

    [TestCase("ᠪᠠᠲᠦ\u180Bᠷ")]
    [TestCase("ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ")]
    [TestCase("巴特尔")]
    [TestCase("阿依古丽·买买提")]
    public void Mongolian_variation_selectors_and_the_narrow_space_inside_a_mongolian_name_are_allowed(string name)
    {
        using var ledger = TestLedger.WithBasics();

        ledger.Ok("members", "add", "M002", name);
    }

    [TestCase("members", "巴 特尔", "巴特尔")]
    [TestCase("counterparties", "巴\u3000特尔", "巴特尔")]
    [TestCase("counterparties", "ＢａＴｅｒ", "BaTer")]
    [TestCase("members", "bater", "BaTer")]
    [TestCase("funds", "Ba·Ter", "BaTer")]
    public void A_new_name_confusable_with_an_existing_one_is_refused(string register, string name, string existing)
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("counterparties", "add", "C01", "BaTer");

        var (code, _, err) = ledger.Run(register, "add", "X02", name);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("[NameConfusable]").And.Contain(existing));
    }

    [Test]
    public void The_same_name_twice_is_not_confusable_two_households_may_share_a_name()
    {
        using var ledger = TestLedger.WithBasics();

        ledger.Ok("members", "add", "M002", "巴特尔");
        ledger.Ok("counterparties", "add", "C01", "巴特尔");
    }

    [Test]
    public void A_role_holder_or_user_confusable_with_an_existing_holder_is_refused()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("settings", "set", "role.supervisor", "BaTer");
        Environment.SetEnvironmentVariable("CLEDGER_PASSWORD", "a-password-123");
        try
        {
            var role = ledger.Run("settings", "set", "role.committee_chair", "ＢａＴｅｒ");
            var user = ledger.Run("users", "add", "Ba Ter");

            Assert.That(role.Err, Does.Contain("[NameConfusable]"));
            Assert.That(user.Code, Is.Not.EqualTo(0));
            Assert.That(user.Err, Does.Contain("BaTer"));
            ledger.Ok("settings", "set", "role.committee_chair", "BaTer");
            ledger.Ok("users", "add", "BaTer");
        }
        finally { Environment.SetEnvironmentVariable("CLEDGER_PASSWORD", null); }
    }

    [Test]
    public void Summaries_keep_mongolian_joiners_and_variation_selectors()
    {
        Assert.That(TextRules.Clean("ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ \u200D ᠪ\u180B", TextRules.SummaryMax, Place.None, new List<Violation>()), Is.Not.Null);
    }

    [Test]
    public void A_log_written_before_the_rule_with_an_invisible_character_in_a_name_still_verifies()
    {
        using var ledger = TestLedger.WithBasics();
        // As an older cledger wrote it: the entry holds the name as it was typed.
        ledger.Sql("DROP TRIGGER IF EXISTS members_no_update");
        using (var store = ledger.Open(TestClock.Fixed))
            store.Apply("tester", _ => CollectiveLedger.Core.Ledger.Decision.Accept(
                new CollectiveLedger.Core.Ledger.DimensionAdded(CollectiveLedger.Core.Ledger.DimensionKind.Member, "M009", "巴特\u200B尔", null, null)));

        Assert.That(ledger.Ok("verify", "--format", "table"), Does.Contain("OK"));
    }
}
