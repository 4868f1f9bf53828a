using System.Net;

namespace CollectiveLedger.Tests.Web;

/// <summary>Villagers' feedback on a published notice, over HTTP: sent without sign-in, shown as text, contact masked, answered by staff only.</summary>
public class FeedbackTests
{
    private const string Hostile = "<script>alert(1)</script>\"><img onerror=x>";

    private static Task<HttpResponseMessage> Send(HttpClient client, long seq, Dictionary<string, string> fields) =>
        client.PostForm("/feedback", new Dictionary<string, string>(fields) { ["notice"] = seq.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            $"/public/notices/{seq}");

    [Test]
    public async Task A_villager_questions_an_item_staff_answer_it_and_the_answer_shows_publicly_as_text_with_the_phone_masked()
    {
        using var workspace = new Workspace();
        var seq = await PublicPagesTests.Published(workspace);
        var villager = workspace.Client();
        var (_, page) = await villager.Page($"/public/notices/{seq}");
        var item = System.Text.RegularExpressions.Regex.Match(page, "<option value=\"(2025-02-01[^\"]*)\"").Groups[1].Value;

        var sent = await Send(villager, seq, new() { ["item"] = WebUtility.HtmlDecode(item), ["question"] = Hostile, ["contact"] = "13912345678" });
        var (_, asked) = await villager.Page($"/public/notices/{seq}");
        var auditor = await workspace.SignedIn("审计");
        var (_, queue) = await auditor.Page("/staff/feedback");
        var (_, auditorDashboard) = await auditor.Page("/staff");
        var byAuditor = await auditor.PostForm("/staff/feedback?handler=Answer", new() { ["number"] = "1", ["answer"] = "审计不能答复" }, "/staff/feedback");
        var byAnonymous = await villager.PostAsync("/staff/feedback?handler=Answer", new FormUrlEncodedContent(new Dictionary<string, string> { ["number"] = "1", ["answer"] = "x" }));
        var accountant = await workspace.SignedIn("会计");
        var (_, waitingDashboard) = await accountant.Page("/staff");
        var answered = await accountant.PostForm("/staff/feedback?handler=Answer", new() { ["number"] = "1", ["answer"] = "这笔是巴特尔交的草场承包费 " + Hostile }, "/staff/feedback");
        var again = await accountant.PostForm("/staff/feedback?handler=Answer", new() { ["number"] = "1", ["answer"] = "再答一次" }, "/staff/feedback");
        var (_, shown) = await villager.Page($"/public/notices/{seq}");
        var (_, answeredDashboard) = await accountant.Page("/staff");

        Assert.That(item, Does.Contain("收到巴特尔草场承包费").And.Contain("1,234.50"), "the notice's lines are offered to pick from");
        Assert.That(System.Text.RegularExpressions.Regex.IsMatch(page, "id=\"feedback-form\"(?:(?!</form>)[\\s\\S])*__RequestVerificationToken"), "the feedback form carries its own antiforgery token");
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(asked, Does.Not.Contain("&lt;script&gt;").And.Not.Contain("<script>alert").And.Not.Contain("139****5678").And.Not.Contain("13912345678"),
            "a question is not public before staff have seen it (moderation)");
        Assert.That(asked, Does.Contain("工作人员查看答复后").And.Contain(CollectiveLedger.Core.Audit.Sha256Hex.Of(System.Text.Encoding.UTF8.GetBytes(Hostile))),
            "but it is shown as received, with the SHA-256 of its text, so nothing is dropped unseen");
        Assert.That(queue, Does.Contain("13912345678"), "staff see the contact in full, to call back");
        Assert.That(byAuditor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(byAnonymous.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "anonymous is sent to sign in");
        Assert.That(byAnonymous.Headers.Location!.ToString(), Does.StartWith("/signin?"), "a path, not an address");
        Assert.That(answered.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("FeedbackAlreadyAnswered"));
        Assert.That(waitingDashboard, Does.Contain("1 条群众意见等待答复"), "the question waits on the dashboard of those who may answer it");
        Assert.That(auditorDashboard, Does.Not.Contain("群众意见等待答复"), "an auditor cannot answer, so nothing waits for them");
        Assert.That(answeredDashboard, Does.Not.Contain("群众意见等待答复"));
        Assert.That(shown, Does.Contain("这笔是巴特尔交的草场承包费").And.Contain("会计").And.Not.Contain("<script>alert"));
        Assert.That(shown, Does.Contain("&lt;script&gt;").And.Contain("&quot;&gt;&lt;img onerror=x&gt;").And.Not.Contain("<img onerror"), "answered, the question is public, as text");
        Assert.That(shown, Does.Contain("139****5678").And.Not.Contain("13912345678"));
        Assert.That(workspace.Ledger.Run("verify").Code, Is.Zero);
    }

    [Test]
    public async Task Feedback_without_the_antiforgery_token_is_refused_and_nothing_is_recorded()
    {
        using var workspace = new Workspace();
        var seq = await PublicPagesTests.Published(workspace);

        var response = await workspace.Client().PostAsync("/feedback", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["notice"] = seq.ToString(System.Globalization.CultureInfo.InvariantCulture), ["otherItem"] = "x", ["question"] = "y" }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(workspace.Ledger.Ok("log", "show", "--limit", "1000"), Does.Not.Contain("feedback.received"));
    }

    [Test]
    public async Task Feedback_posts_beyond_the_limit_per_minute_answer_429()
    {
        using var workspace = new Workspace(o => o with { FeedbackPermitsPerMinute = 2 });
        var seq = await PublicPagesTests.Published(workspace);
        var villager = workspace.Client();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await Send(villager, seq, new() { ["otherItem"] = "水费", ["question"] = $"问题{i}" })).StatusCode);
        // The same page under another spelling of its path is the same limit, not a fresh one.
        var fields = new Dictionary<string, string> { ["notice"] = seq.ToString(System.Globalization.CultureInfo.InvariantCulture), ["otherItem"] = "水费", ["question"] = "问题" };
        foreach (var path in new[] { "/feedback/", "/FEEDBACK" })
            statuses.Add((await villager.PostForm(path, fields, $"/public/notices/{seq}")).StatusCode);

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests }));
    }

    [Test]
    public async Task Blank_too_long_or_control_character_feedback_is_refused_with_Cores_codes()
    {
        using var workspace = new Workspace(o => o with { FeedbackPermitsPerMinute = 100 });
        var seq = await PublicPagesTests.Published(workspace);
        var villager = workspace.Client();

        var blank = await Send(villager, seq, new() { ["otherItem"] = "  ", ["question"] = "" });
        var tooLong = await Send(villager, seq, new() { ["otherItem"] = "水费", ["question"] = new string('问', 1001) });
        var control = await Send(villager, seq, new() { ["otherItem"] = "水费", ["question"] = "问\u0007题" });
        // Anything but a telephone number as the contact: a mask could not hide an address or a chat ID on the public page.
        var notPhones = new List<HttpResponseMessage>();
        foreach (var contact in new[] { "QQ 12345678", "batu@example.com", "巴特尔 东头第三家", "1234", "-13912345678" })
            notPhones.Add(await Send(villager, seq, new() { ["otherItem"] = "水费", ["question"] = "问题", ["contact"] = contact }));

        Assert.That(blank.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await blank.Content.ReadAsStringAsync(), Does.Contain("FieldMissing"));
        Assert.That(await tooLong.Content.ReadAsStringAsync(), Does.Contain("TextTooLong"));
        Assert.That(await control.Content.ReadAsStringAsync(), Does.Contain("ControlCharacter"));
        foreach (var refused in notPhones)
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("电话号码"));
        }
        Assert.That(workspace.Ledger.Ok("log", "show", "--limit", "1000"), Does.Not.Contain("feedback.received"));
    }

    [Test]
    public async Task An_answer_edited_in_the_database_is_named_by_verify()
    {
        using var workspace = new Workspace();
        var seq = await PublicPagesTests.Published(workspace);
        await Send(workspace.Client(), seq, new() { ["otherItem"] = "水费", ["question"] = "为什么涨了？", ["contact"] = "13912345678" });
        var accountant = await workspace.SignedIn("会计");
        await accountant.PostForm("/staff/feedback?handler=Answer", new() { ["number"] = "1", ["answer"] = "按村民代表会议决议调整" }, "/staff/feedback");
        Assert.That(workspace.Ledger.Run("verify").Code, Is.Zero);
        using (var c = workspace.Ledger.Connect())
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = workspace.Ledger.Spoken(c, "DROP TRIGGER feedback_answers_no_update; UPDATE feedback_answers SET answer = '没有涨' WHERE feedback = 1;" +
                              "DROP TRIGGER feedback_no_update; UPDATE feedback SET contact = NULL WHERE number = 1");
            cmd.ExecuteNonQuery();
        }

        var (code, stdout, _) = workspace.Ledger.Run("verify");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Does.Contain("feedback_answers").And.Contain("answer").And.Contain("feedback").And.Contain("contact"));
    }

    [Test]
    public async Task The_reference_verifier_and_the_entry_schema_accept_a_log_with_feedback_and_its_answer()
    {
        using var workspace = new Workspace();
        var seq = await PublicPagesTests.Published(workspace);
        await Send(workspace.Client(), seq, new() { ["otherItem"] = "水费", ["question"] = "为什么涨了？\"引号\" \\ 反斜杠", ["contact"] = "13912345678" });
        await Send(workspace.Client(), seq, new() { ["otherItem"] = "草场", ["question"] = "没有联系方式" });
        var accountant = await workspace.SignedIn("会计");
        await accountant.PostForm("/staff/feedback?handler=Answer", new() { ["number"] = "2", ["answer"] = "按村民代表会议决议调整" }, "/staff/feedback");
        var log = Path.Combine(workspace.Ledger.Dir, "log.jsonl");
        workspace.Ledger.Ok("log", "export", "--out", log);

        var (code, output) = Python.Run(Path.Combine(TestLedger.RepoRoot, "schemas", "verify_log.py"), log);
        var (schemaCode, schemaOutput) = Python.Run("-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            for line in open(sys.argv[2], encoding="utf-8"):
                jsonschema.validate(json.loads(line), schema)
            print("ok")
            """.Replace("            ", ""), Path.Combine(TestLedger.RepoRoot, "schemas", "audit-entry.schema.json"), log);

        Assert.That(File.ReadAllText(log), Does.Contain("\"kind\":\"feedback.received\"").And.Contain("\"kind\":\"feedback.answered\""));
        Assert.That(code, Is.Zero, output);
        Assert.That(schemaCode, Is.Zero, schemaOutput);
    }

    [Test]
    public async Task The_notice_of_the_months_in_which_feedback_arrived_lists_it_with_its_answer_in_all_four_formats_contact_masked()
    {
        using var workspace = new Workspace();
        var seq = await PublicPagesTests.Published(workspace);
        await Send(workspace.Client(), seq, new() { ["otherItem"] = "草场承包费", ["question"] = "承包费是否已全部入账？", ["contact"] = "13912345678" });
        await Send(workspace.Client(), seq, new() { ["otherItem"] = "水费", ["question"] = "还没答复的问题" });
        var accountant = await workspace.SignedIn("会计");
        await accountant.PostForm("/staff/feedback?handler=Answer", new() { ["number"] = "1", ["answer"] = "已全部入账，见记-0001" }, "/staff/feedback");
        using var store = workspace.Ledger.Open(TestClock.Fixed);
        var state = store.LoadState();
        var today = CollectiveLedger.Core.Periods.ChinaTime.Today(TestClock.Now);
        var month = CollectiveLedger.Core.Disclosure.DisclosurePeriod.Month(new CollectiveLedger.Core.Periods.Period(today.Year, today.Month));
        var february = CollectiveLedger.Core.Disclosure.DisclosurePeriod.Month(new CollectiveLedger.Core.Periods.Period(2025, 2));

        var notice = CollectiveLedger.Publishing.NoticeBuilder.Build(store, state, month, today, CollectiveLedger.Publishing.BooksCheckpoint.Take(store, state, []));
        var earlier = CollectiveLedger.Publishing.NoticeBuilder.Build(store, state, february, new DateOnly(2025, 3, 5), CollectiveLedger.Publishing.BooksCheckpoint.Take(store, state, []));
        var document = CollectiveLedger.Reports.Disclosure.NoticeTables.Document(notice, chinese: true);
        var html = WebUtility.HtmlDecode(System.Text.Encoding.UTF8.GetString(CollectiveLedger.Reports.Disclosure.NoticeHtml.Render(document)));
        var csv = System.Text.Encoding.UTF8.GetString(CollectiveLedger.Reports.Disclosure.NoticeCsv.Render(document));
        var json = CollectiveLedger.Reports.Disclosure.NoticeJson.Render(notice);
        var pdf = CollectiveLedger.Reports.Disclosure.NoticePdf.Render(document, CollectiveLedger.Reports.Pdf.Paper.A4Portrait, workspace.Options.FontPath!);
        var jsonFile = Path.Combine(workspace.Ledger.Dir, "notice.json");
        File.WriteAllBytes(jsonFile, json);
        var (schemaCode, schemaOutput) = Python.Run("-c", """
            import json, sys, jsonschema
            jsonschema.validate(json.load(open(sys.argv[2], encoding="utf-8")), json.load(open(sys.argv[1], encoding="utf-8")))
            """.Replace("            ", ""), Path.Combine(TestLedger.RepoRoot, "schemas", "disclosure.schema.json"), jsonFile);
        using var parsed = System.Text.Json.JsonDocument.Parse(json);
        var feedback = parsed.RootElement.GetProperty("feedback");

        Assert.That(notice.Feedback.Select(f => f.Number), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(earlier.Feedback, Is.Empty, "February's notice had no feedback in its months");
        Assert.That(System.Text.Encoding.UTF8.GetString(CollectiveLedger.Reports.Disclosure.NoticeJson.Render(earlier)), Does.Not.Contain("\"feedback\""));
        foreach (var text in new[] { html, csv })
            Assert.That(text, Does.Contain("本期村民意见及答复").And.Contain("承包费是否已全部入账？").And.Contain("已全部入账，见记-0001").And.Contain("会计")
                .And.Contain("139****5678").And.Not.Contain("13912345678").And.Contain("尚未答复"));
        Assert.That(feedback[0].GetProperty("contact").GetString(), Is.EqualTo("139****5678"));
        Assert.That(feedback[0].GetProperty("answered_by").GetString(), Is.EqualTo("会计"));
        Assert.That(feedback[1].GetProperty("answer").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(schemaCode, Is.Zero, schemaOutput);
        Assert.That(pdf[..5], Is.EqualTo("%PDF-"u8.ToArray()));
        Assert.That(System.Text.Encoding.Latin1.GetString(pdf), Does.Not.Contain("13912345678"));
    }

    [Test]
    public async Task Questions_on_one_notice_stop_at_the_days_budget_whatever_the_addresses()
    {
        using var workspace = new Workspace(o => o with { FeedbackPermitsPerMinute = 1000 });
        var seq = await PublicPagesTests.Published(workspace);
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i <= CollectiveLedger.Web.Pages.Public.FeedbackModel.PerNoticePerDay; i++)
            statuses.Add((await Send(workspace.Client(), seq, new() { ["otherItem"] = "水费", ["question"] = $"第{i}个问题" })).StatusCode);

        Assert.That(statuses.Take(CollectiveLedger.Web.Pages.Public.FeedbackModel.PerNoticePerDay), Has.All.EqualTo(HttpStatusCode.Redirect));
        Assert.That(statuses[^1], Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(workspace.Ledger.Ok("log", "show", "--limit", "1000", "--format", "json"), "feedback.received").Count,
            Is.EqualTo(CollectiveLedger.Web.Pages.Public.FeedbackModel.PerNoticePerDay));
    }
}
