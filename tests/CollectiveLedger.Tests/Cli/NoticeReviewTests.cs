using System.Text.Json;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// A notice reaches the board prepared, reviewed by a supervision committee member who did not prepare
/// it, then published: the command line's steps, each refused out of order, and the review printed
/// only when it happened.
/// </summary>
public class NoticeReviewTests
{
    private const string Supervisor = "额尔敦";

    private static TestLedger Books()
    {
        var ledger = TestLedger.WithBasics();
        ledger.Ok("settings", "set", "role.supervisor", Supervisor);
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json",
            """[{"ref":"A","date":"2025-03-02","summary":"收取草场承包费","lines":[{"account":"10201","debit":"12000.00"},{"account":"50101","credit":"12000.00"}]}]"""));
        return ledger;
    }

    private static string Prepare(TestLedger ledger) => ledger.Ok("notices", "prepare", "--period", "2025-03", "--date", "2025-04-03", "--unsigned");

    [Test]
    public void A_draft_says_it_is_not_reviewed_and_claims_no_review()
    {
        using var ledger = Books();
        var path = Path.Combine(ledger.Dir, "draft.json");

        ledger.Ok("disclose", "--period", "2025-03", "--date", "2025-04-03", "--out", path);
        var html = Path.Combine(ledger.Dir, "draft.html");
        ledger.Ok("disclose", "--period", "2025-03", "--date", "2025-04-03", "--out", html);

        var review = JsonDocument.Parse(File.ReadAllBytes(path)).RootElement.GetProperty("review");
        Assert.That(review.TryGetProperty("reviewed_by", out _), Is.False);
        Assert.That(System.Net.WebUtility.HtmlDecode(File.ReadAllText(html)), Does.Contain("草稿，未经审核").And.Not.Contain("已经村务监督委员会审核"));
        Assert.That(ledger.Ok("log", "show", "--format", "json"), Does.Not.Contain("disclosure.published").And.Not.Contain("notice.prepared"),
            "a draft records nothing");
    }

    [Test]
    public void Only_a_supervisor_who_did_not_prepare_it_reviews_and_only_a_reviewed_notice_is_published_once()
    {
        using var ledger = Books();
        ledger.Ok("settings", "set", "role.supervisor", $"{Supervisor}、tester");
        Prepare(ledger);
        var out1 = Path.Combine(ledger.Dir, "n.pdf");

        var unreviewed = ledger.Run("notices", "publish", "1", "--out", out1);
        var writtenWhenRefused = File.Exists(out1);
        var byOutsider = ledger.RunAs("村民", "notices", "review", "1");
        var byPreparer = ledger.Run("notices", "review", "1");
        var reviewed = ledger.RunAs(Supervisor, "notices", "review", "1", "--opinion", "账实相符，同意公开");
        var again = ledger.RunAs(Supervisor, "notices", "review", "1");
        var published = ledger.Run("notices", "publish", "1", "--out", out1, "--out", Path.Combine(ledger.Dir, "n.json"));
        var twice = ledger.Run("notices", "publish", "1", "--out", Path.Combine(ledger.Dir, "m.pdf"));

        Assert.That(unreviewed.Code, Is.EqualTo(1));
        Assert.That(unreviewed.Err, Does.Contain("NoticeNotReviewed"));
        Assert.That(writtenWhenRefused, Is.False, "nothing is written for a refused publication");
        Assert.That(byOutsider.Err, Does.Contain("NotInRole"));
        Assert.That(byPreparer.Err, Does.Contain("SelfApproval"));
        Assert.That(reviewed.Code, Is.Zero, reviewed.Err);
        Assert.That(again.Err, Does.Contain("NoticeAlreadyReviewed"));
        Assert.That(published.Code, Is.Zero, published.Err);
        Assert.That(twice.Err, Does.Contain("NoticeAlreadyPublished"));
        var review = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(ledger.Dir, "n.json"))).RootElement.GetProperty("review");
        Assert.That(review.GetProperty("reviewed_by").GetString(), Is.EqualTo(Supervisor));
        Assert.That(review.GetProperty("opinion").GetString(), Is.EqualTo("账实相符，同意公开"));
        Assert.That(Reports.PopplerTools.Text(out1), Does.Contain($"审核人：{Supervisor}"));
        var list = JsonDocument.Parse(ledger.Ok("notices", "list", "--format", "json")).RootElement[0];
        Assert.That(list.GetProperty("reviewed_by").GetString(), Is.EqualTo(Supervisor));
        Assert.That(list.TryGetProperty("published_seq", out _), Is.True);
        Assert.That(ledger.Run("verify").Code, Is.Zero);
    }

    [Test]
    public void Books_changed_after_preparing_refuse_the_review_and_the_publication_of_what_was_prepared()
    {
        using var ledger = Books();
        var prepared = Prepare(ledger);
        var content = System.Text.RegularExpressions.Regex.Match(prepared, "--content ([0-9a-f]{64})").Groups[1].Value;
        ledger.OkAs(Supervisor, "notices", "review", "1", "--content", content);
        // A voucher of March is added after the review (March is still open): the notice the books now give is another.
        ledger.Ok("vouchers", "import", ledger.WriteFile("late.json",
            """[{"ref":"B","date":"2025-03-20","summary":"补记办公费","lines":[{"account":"513","debit":"50.00"},{"account":"10201","credit":"50.00"}]}]"""));

        var (code, _, err) = ledger.Run("notices", "publish", "1", "--out", Path.Combine(ledger.Dir, "n.pdf"));
        Prepare(ledger);
        var stale = ledger.RunAs(Supervisor, "notices", "review", "2", "--content", content);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("NoticeContentChanged"));
        Assert.That(File.Exists(Path.Combine(ledger.Dir, "n.pdf")), Is.False);
        Assert.That(stale.Err, Does.Contain("NoticeContentChanged"), "a review names the content it read");
    }

    [Test]
    public void A_review_edited_in_the_database_is_named_by_verify()
    {
        using var ledger = Books();
        ledger.PublishNotice(["--period", "2025-03"], "2025-04-03", [Path.Combine(ledger.Dir, "n.json")], reviewer: Supervisor);

        ledger.Sql("DROP TRIGGER notice_reviews_no_update; UPDATE notice_reviews SET by = '巴特尔'");
        var (code, stdout, _) = ledger.Run("verify", "--format", "json");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Does.Contain("notice_reviews"));
    }

    [Test]
    public void A_publication_that_names_no_prepared_notice_written_past_the_rules_is_named_by_both_verifiers()
    {
        using var ledger = Books();
        ledger.PublishNotice(["--period", "2025-03"], "2025-04-03", [Path.Combine(ledger.Dir, "n.json")], reviewer: Supervisor);
        // A program that skips NoticeRules appends a publication in the old form: no prepare, no review.
        using (var store = ledger.Open(TestClock.Fixed))
        {
            var checkpoint = CollectiveLedger.Publishing.BooksCheckpoint.Take(store, store.LoadState(), []).Text;
            store.Apply("伪造者", _ => CollectiveLedger.Core.Ledger.Decision.Accept(new CollectiveLedger.Core.Ledger.DisclosurePublished("month",
                new CollectiveLedger.Core.Periods.Period(2025, 3), new CollectiveLedger.Core.Periods.Period(2025, 3), new DateOnly(2025, 4, 3), checkpoint,
                [new CollectiveLedger.Core.Ledger.PublishedFile("x.pdf", "pdf", new string('a', 64))])));
        }
        var log = Path.Combine(ledger.Dir, "log.jsonl");
        ledger.Ok("log", "export", "--out", log);

        var (code, stdout, _) = ledger.Run("verify");
        var (pythonCode, pythonOut) = Python.VerifyLog(log);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Does.Contain("published only as a prepared and reviewed notice"));
        Assert.That(pythonCode, Is.EqualTo(1), pythonOut);
        Assert.That(pythonOut, Does.Contain("names the notice it publishes"));
    }

    [Test]
    public void Answering_a_question_after_the_notice_was_prepared_does_not_change_the_notice()
    {
        using var ledger = Books();
        ledger.Ok("settings", "set", "role.accountant", "乌云其其格");
        ledger.PublishNotice(["--period", "2025-03"], "2025-04-03", [Path.Combine(ledger.Dir, "march.json")], reviewer: Supervisor);
        // A question on March's notice arrives on 10 April 2025; April's notice is prepared and reviewed;
        // the accountant answers on 20 May. April's notice, as prepared, lists the question unanswered.
        Assert.That(At(ledger, new DateTimeOffset(2025, 4, 10, 2, 0, 0, TimeSpan.Zero), "public", state => FeedbackRules.Receive(
            DisclosurePeriod.Month(new Period(2025, 3)), "收取草场承包费", "谁交的？", null, state.State, state.Today)), Is.True);
        var prepared = ledger.Ok("notices", "prepare", "--period", "2025-04", "--date", "2025-05-05", "--unsigned");
        var number = System.Text.RegularExpressions.Regex.Match(prepared, @"prepared notice #(\d+)").Groups[1].Value;
        ledger.OkAs(Supervisor, "notices", "review", number);
        Assert.That(At(ledger, new DateTimeOffset(2025, 5, 20, 2, 0, 0, TimeSpan.Zero), "乌云其其格", state => FeedbackRules.Answer(
            1, "牧户巴特尔交的。", state.State, "乌云其其格", state.Today)), Is.True);

        var (code, _, err) = ledger.Run("notices", "publish", number, "--out", Path.Combine(ledger.Dir, "april.json"));

        Assert.That(code, Is.Zero, err);
        Assert.That(File.ReadAllText(Path.Combine(ledger.Dir, "april.json")), Does.Contain("谁交的").And.Not.Contain("牧户巴特尔交的"));
    }

    /// <summary>Applies a rule as <paramref name="actor"/> with the clock at <paramref name="now"/>; whether it was accepted.</summary>
    private static bool At(TestLedger ledger, DateTimeOffset now, string actor, Func<CollectiveLedger.Storage.WriteSession, CollectiveLedger.Core.Ledger.Decision> decide)
    {
        using var store = ledger.Open(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now));
        return store.Apply(actor, decide).Accepted;
    }
}
