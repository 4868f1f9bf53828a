using CollectiveLedger.Storage;
using CollectiveLedger.Web;
using Microsoft.Playwright;

namespace CollectiveLedger.Tests.Web;

/// <summary>
/// End to end in a real browser (<see cref="Browser"/>: Debian's Chromium against the workspace as
/// <c>cledger serve</c> serves it; without Chromium the test fails and says so, and a failing test
/// leaves a screenshot in the test output folder).
/// </summary>
public class BrowserTests
{
    [Test]
    public async Task Accountant_enters_a_three_line_voucher_it_is_approved_published_in_a_notice_a_villager_asks_about_it_staff_answer_and_verify_passes()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("accounts", "add", "50102", "机械作业收入", "--parent", "501");
        ledger.Set([.. Workspace.People.Select(p => ("role." + p.Role, p.Person))]);
        ledger.Ok("settings", "set", "approval.finance_lead_limit", "1000");
        ledger.Ok("settings", "set", "approval.committee_limit", "10000");
        using (var store = ledger.Open(TestClock.Fixed))
            foreach (var (_, person) in Workspace.People) Assert.That(store.Credentials.SetPassword("tester", person, Passwords.Hash(person, Workspace.Password), CollectiveLedger.Core.Ledger.CredentialSet.Server).Accepted);
        // As serve --unsigned: signing from the web has its own tests (NoticeSigningTests).
        await Browser.Run(new WorkspaceOptions(ledger.Db, TestClock.Fixed) { Village = ledger.Village, PublishUnsigned = true }, null, async (page, url) =>
        {
            // The accountant enters a three-line voucher; the live totals follow the typing.
            await Browser.SignIn(page, url, "会计");
            await page.GotoAsync(url + "/staff/vouchers/new");
            await page.FillAsync("input[name='Form.Date']", "2025-04-08");
            await page.FillAsync("input[name='Form.Summary']", "收取机械作业费和承包费");
            await page.SelectOptionAsync("select[name='Form.Cashier']", "出纳");
            await page.FillAsync("input[name='Form.Lines[0].Account']", "10201 信用社基本户");
            await page.FillAsync("input[name='Form.Lines[0].Debit']", "5000");
            await page.FillAsync("input[name='Form.Lines[1].Account']", "50101");
            await page.FillAsync("input[name='Form.Lines[1].Credit']", "3000");
            await page.FillAsync("input[name='Form.Lines[2].Account']", "50102");
            await page.FillAsync("input[name='Form.Lines[2].Credit']", "1500");
            Assert.That(await page.TextContentAsync("#total-difference"), Does.Contain("500.00"), "the script shows the difference while typing");
            await page.FillAsync("input[name='Form.Lines[2].Credit']", "2000");
            Assert.That(await page.TextContentAsync("#total-debit"), Is.EqualTo("5,000.00"));
            Assert.That(await page.TextContentAsync("#total-difference"), Is.EqualTo("借贷平衡"));
            await page.ClickAsync("#submit-voucher");
            Assert.That(await page.TextContentAsync(".done"), Does.Contain("已保存并提交审核"));
            var draft = page.Url.Split('/')[^1];
            await SignOut(page);

            // The finance lead (财务) is also to review, as the issue tells it: the administrator grants it, which
            // only asks; the committee chair approves the change on the approval page.
            await Browser.SignIn(page, url, "管理员");
            await page.ClickAsync("nav a[href='/staff/admin']");
            var financeRow = page.Locator("tr").Filter(new() { Has = page.Locator("td:first-child", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^财务$") }) });
            await financeRow.Locator("form:has(input[name='role'][value='reviewer']) button").ClickAsync();
            Assert.That(await page.TextContentAsync(".done"), Does.Contain("待委员会主任或监督委员会成员中的另一人"));
            Assert.That(ledger.Setting("role.reviewer"), Is.EqualTo("审核员"), "the administrator's grant is only a request");
            await SignOut(page);
            await Browser.SignIn(page, url, "主任");
            await page.ClickAsync("nav a[href='/staff/drafts']");
            await page.ClickAsync("button.approve-role-change");
            Assert.That(await page.TextContentAsync(".done"), Does.Contain("已批准"));
            Assert.That(ledger.Setting("role.reviewer"), Is.EqualTo("审核员、财务"));
            await SignOut(page);

            // The finance lead reviews (审核), then the committee chair and a supervisor approve (5,000 is above the finance lead's 1,000).
            await Browser.SignIn(page, url, "财务");
            await page.GotoAsync(url + "/staff/drafts/" + draft);
            await page.ClickAsync("#review");
            await SignOut(page);
            await Browser.SignIn(page, url, "主任");
            await page.GotoAsync(url + "/staff/drafts/" + draft);
            await page.ClickAsync("#approve");
            await SignOut(page);
            await Browser.SignIn(page, url, "监委");
            await page.GotoAsync(url + "/staff/drafts");
            await page.ClickAsync($"a[href='/staff/drafts/{draft}']");
            await page.ClickAsync("#approve");
            Assert.That(await page.TextContentAsync(".done"), Does.Contain("已记账为 2025-04 记-0001"));
            var trail = await page.ContentAsync();
            foreach (var person in new[] { "会计", "财务", "主任", "监委" })
                Assert.That(trail, Does.Contain($"<td>{person}</td>"), $"{person}'s step is in the draft's audit trail");

            // It is in the trial balance, and verify passes.
            await page.GotoAsync(url + "/staff/reports?which=trial-balance&from=2025-04&to=2025-04");
            Assert.That(await page.TextContentAsync("#report"), Does.Contain("5,000.00").And.Contain("机械作业收入"));
            await page.GotoAsync(url + "/staff/verify");
            await page.ClickAsync("#run-verify");
            Assert.That(await page.TextContentAsync("#verify-result"), Is.EqualTo("校验通过"));

            // The accountant prepares April's notice from the notices page; 监委 has a month of another
            // notice open too (prepared before), so that publishing the wrong row would show.
            await SignOut(page);
            await Browser.SignIn(page, url, "会计");
            foreach (var month in new[] { "2025-03", "2025-04" })
            {
                await page.ClickAsync("nav a[href='/staff/notices']");
                await page.FillAsync("#notice-period", month);
                await page.FillAsync("#notice-date", "2025-05-05");
                await page.ClickAsync("#prepare-notice");
                Assert.That(await page.TextContentAsync(".done"), Does.Contain("待村务监督委员会审核"));
            }
            await SignOut(page);

            // The supervisor opens April's preview from its row, reads it, and approves it on the same row; the accountant publishes it.
            await Browser.SignIn(page, url, "监委");
            await page.ClickAsync("nav a[href='/staff/notices']");
            var april = page.Locator("#prepared-notices tr", new() { HasText = "2025年4月" });
            var preview = await page.RunAndWaitForPopupAsync(() => april.Locator("a.preview-notice").ClickAsync());
            Assert.That(await preview.TextContentAsync("body"), Does.Contain("2025年4月财务公开榜").And.Contain("收取机械作业费和承包费").And.Contain("草稿，未经审核"));
            await preview.CloseAsync();
            await april.Locator("input.reviewed").CheckAsync();
            await april.Locator("button.review-notice").ClickAsync();
            Assert.That(await page.TextContentAsync(".done"), Does.Contain("已审阅通过2025年4月财务公开榜"));
            Assert.That(await april.Locator("button.publish-notice").CountAsync(), Is.Zero, "the reviewer does not publish");
            await SignOut(page);
            await Browser.SignIn(page, url, "会计");
            await page.ClickAsync("nav a[href='/staff/notices']");
            await april.Locator("button.publish-notice").ClickAsync();
            Assert.That(await page.TextContentAsync(".done"), Does.Contain("已公开2025年4月财务公开榜"));
            await page.ClickAsync("nav a[href='/staff/notices']");
            Assert.That(await page.Locator("#prepared-notices tr", new() { HasText = "2025年3月" }).TextContentAsync(), Does.Contain("待村务监督委员会审核"),
                "March's notice, not the one reviewed, is still unpublished");
            await SignOut(page);

            // A villager, not signed in, finds it on the public page (a phone-sized screen) and asks about one of its lines.
            await page.SetViewportSizeAsync(375, 740);
            await page.GotoAsync(url + "/");
            await page.ClickAsync("ul.notices a");
            Assert.That(await page.TextContentAsync("#checkpoint"), Does.Contain("怎样核对").And.Contain("cledger --db ledger.db verify"));
            await page.SelectOptionAsync("#feedback-item", new SelectOptionValue { Index = 1 });
            await page.FillAsync("#feedback-question", "机械作业收入是谁交的？<script>alert(1)</script>");
            await page.FillAsync("#feedback-contact", "13912345678");
            await page.ClickAsync("#send-feedback");
            Assert.That(await page.TextContentAsync(".done"), Does.Contain("已收到您的意见（第 1 号）"));
            var noticeUrl = page.Url.Split('#')[0];
            Assert.That(await page.TextContentAsync("#feedback-1"), Does.Contain("工作人员查看答复后").And.Not.Contain("<script>alert(1)</script>"),
                "received, and public only once staff have seen it");
            await page.SetViewportSizeAsync(1280, 720);

            // The accountant answers it from the staff queue, and verify still passes.
            await Browser.SignIn(page, url, "会计");
            await page.GotoAsync(url + "/staff/feedback");
            Assert.That(await page.TextContentAsync("#feedback-1"), Does.Contain("13912345678"), "staff see the phone in full");
            await page.FillAsync("#feedback-1 textarea[name='answer']", "是合作社机械队为邻村作业收的费用，见记-0001。");
            await page.ClickAsync("#feedback-1 button.answer-feedback");
            Assert.That(await page.TextContentAsync(".done"), Does.Contain("已答复第 1 号意见"));
            await page.GotoAsync(url + "/staff/verify");
            await page.ClickAsync("#run-verify");
            Assert.That(await page.TextContentAsync("#verify-result"), Is.EqualTo("校验通过"));
            await SignOut(page);

            // The answer is public, under the accountant's name.
            await page.GotoAsync(noticeUrl);
            Assert.That(await page.TextContentAsync("#feedback-1 .answer"), Does.Contain("是合作社机械队为邻村作业收的费用").And.Contain("会计"));
            Assert.That(await page.TextContentAsync("#feedback-1"), Does.Contain("<script>alert(1)</script>").And.Contain("139****5678"), "the question, as text, with the phone masked");
            Assert.That(await page.ContentAsync(), Does.Not.Contain("13912345678"));
        });
        Assert.That(ledger.Run("verify").Code, Is.Zero);
    }


    private static async Task SignOut(IPage page) => await page.ClickAsync("header form[action='/signout'] button");
}
