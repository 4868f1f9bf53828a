using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CollectiveLedger.Tests.Reports;

namespace CollectiveLedger.Tests.Web;

/// <summary>
/// 银行对账 in the workspace (issue 17): the accountant uploads the sample village's May statement, matches and unmatches
/// by clicking, and prints the 银行存款余额调节表, each step the command line's and logged under their name; the supervision
/// committee and auditors look, and nobody else; a refused file keeps the books as they were.
/// </summary>
public class BankPagesTests
{
    private static string SampleStatement => Path.Combine(TestLedger.Samples, "bank-statement-2025-05-rcc-gb18030.csv");

    private static List<JsonElement> Entries(TestLedger ledger, string kind) =>
        [.. JsonDocument.Parse(ledger.Ok("log", "show", "--limit", "100000", "--format", "json")).RootElement.EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == kind)];

    [Test]
    public async Task The_accountant_uploads_the_statement_matches_and_unmatches_by_clicking_and_prints_a_reconciliation_that_balances()
    {
        using var workspace = new Workspace(books: TestLedger.Demo);
        var pdf = Path.Combine(workspace.Options.Folder(), "调节表.pdf");

        await Browser.Run(workspace.Options, null, async (page, url) =>
        {
            await Browser.SignIn(page, url, "会计");
            await page.ClickAsync("nav a[href='/staff/bank']");
            Assert.That(await page.TextContentAsync("main"), Does.Contain("还没有导入银行对账单"));

            await page.SetInputFilesAsync(".import-form input[name='file']", SampleStatement);
            await page.SelectOptionAsync(".import-form select[name='account']", "10201");
            await page.SelectOptionAsync(".import-form select[name='encoding']", "gb18030");
            await page.ClickAsync("button.import-statement");
            Assert.That(await page.TextContentAsync(".done"), Does.Contain("已导入对账单 bank-statement-2025-05-rcc-gb18030.csv：21 行"));
            Assert.That(await page.TextContentAsync("#bank-accounts"), Does.Contain("10201"));
            Assert.That(await page.TextContentAsync("main h2"), Does.Contain("10201 2025-05"), "the latest month with a statement is shown");

            await page.ClickAsync("button.auto-match");
            Assert.That(await page.TextContentAsync(".done"), Does.Contain("自动勾对 20 对"));
            var bankOpen = page.Locator("#bank-open tr[data-line]");
            var booksOpen = page.Locator("#books-open tr[data-posting]");
            Assert.That(await bankOpen.CountAsync(), Is.EqualTo(1));
            Assert.That(await bankOpen.TextContentAsync(), Does.Contain("短信服务费"));
            Assert.That(await booksOpen.CountAsync(), Is.EqualTo(1));
            Assert.That(await booksOpen.TextContentAsync(), Does.Contain("-27,000.00"));
            Assert.That(await page.Locator("#matched tr[data-line]").CountAsync(), Is.EqualTo(20));
            Assert.That(await page.GetAttributeAsync(".balance", "class"), Does.Contain("ok"));
            Assert.That(await page.TextContentAsync(".balance"), Does.Contain("两方调节后余额相等").And.Contain("644,648.61"));

            // The fee and the payment of 27,000 are no pair: refused, in Chinese and English, and nothing changes.
            await bankOpen.Locator("button.match").ClickAsync();
            var refusal = await page.TextContentAsync(".problems");
            Assert.That(refusal, Does.Contain("金额不同").And.Contain("differ in amount").And.Contain("[BankAmountsDiffer]"));
            Assert.That(await page.Locator("#bank-open tr[data-line]").CountAsync(), Is.EqualTo(1));

            var pair = page.Locator("#matched tr[data-line]").First;
            var line = await pair.GetAttributeAsync("data-line");
            var posting = await pair.GetAttributeAsync("data-posting");
            await pair.Locator("button.unmatch").ClickAsync();
            Assert.That(await page.TextContentAsync(".done"), Does.Contain($"已取消对账单行 {line} 的勾对"));
            Assert.That(await page.Locator("#bank-open tr[data-line]").CountAsync(), Is.EqualTo(2));
            Assert.That(await page.Locator("#books-open tr[data-posting]").CountAsync(), Is.EqualTo(2));
            Assert.That(await page.Locator("#matched tr[data-line]").CountAsync(), Is.EqualTo(19));

            var row = page.Locator($"#bank-open tr[data-line='{line}']");
            await row.Locator("select[name='posting']").SelectOptionAsync(posting!);
            await row.Locator("button.match").ClickAsync();
            Assert.That(await page.TextContentAsync(".done"), Does.Contain($"已勾对对账单行 {line} 与 {posting}"));
            Assert.That(await page.Locator("#bank-open tr[data-line]").CountAsync(), Is.EqualTo(1));
            Assert.That(await page.Locator("#books-open tr[data-posting]").CountAsync(), Is.EqualTo(1));
            Assert.That(await page.TextContentAsync(".balance"), Does.Contain("两方调节后余额相等"));
            Assert.That(await page.TextContentAsync("#reconciliation"), Does.Contain("短信服务费").And.Contain("27,000.00"));

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a.download-pdf"));
            await download.SaveAsAsync(pdf);
        });

        var printed = PopplerTools.Text(pdf);
        Assert.That(printed, Does.Contain("银行存款余额调节表").And.Contain("短信服务费").And.Contain("644,648.61").And.Contain("27,000.00"),
            "the PDF, read back by pdftotext, has the heading, the items and the adjusted balance as people write it");
        var cli = workspace.Ledger.Ok("bank", "reconcile", "--account", "10201", "--period", "2025-05", "--format", "json");
        Assert.That(JsonDocument.Parse(cli).RootElement.GetProperty("balanced").GetBoolean(), Is.True, "the command line sees the same books");
        Assert.That(Entries(workspace.Ledger, "bank.statement_imported").Single().GetProperty("actor").GetString(), Is.EqualTo("会计"));
        var matched = Entries(workspace.Ledger, "bank.matched");
        Assert.That(matched.Select(e => e.GetProperty("data").GetProperty("method").GetString()), Is.EqualTo(new[] { "auto", "manual" }));
        Assert.That(matched.Select(e => e.GetProperty("actor").GetString()), Is.All.EqualTo("会计"));
        Assert.That(Entries(workspace.Ledger, "bank.unmatched").Single().GetProperty("actor").GetString(), Is.EqualTo("会计"));
        Assert.That(workspace.Ledger.Run("verify").Code, Is.Zero);
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, string name, byte[] bytes, string encoding = "utf-8")
    {
        var token = await client.Token("/staff/bank");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent("10201"), "account");
        form.Add(new StringContent(""), "bank");
        form.Add(new StringContent(encoding), "encoding");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        return await client.PostAsync("/staff/bank?handler=Import", form);
    }

    [Test]
    public async Task A_statement_with_a_wrong_date_is_refused_in_chinese_and_english_naming_its_row_and_nothing_is_written()
    {
        using var workspace = new Workspace();
        var accountant = await workspace.SignedIn("会计");
        var before = workspace.Ledger.Head();

        var response = await Upload(accountant, "三月.csv", "交易日期,摘要,收入金额,支出金额,余额,流水号\n2025-03-04,承包费,1200.00,,1200.00,S1\n2025-03-3x,办公费,,300.00,900.00,S2\n"u8.ToArray());
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(html, Does.Contain("三月.csv:3 交易日期").And.Contain("日期 2025-03-3x 无效").And.Contain("date 2025-03-3x is invalid").And.Contain("[DateInvalid]"));
        Assert.That(workspace.Ledger.Head(), Is.EqualTo(before), "nothing written");
    }

    [Test]
    public async Task An_auditor_sees_the_reconciliation_and_downloads_it_as_the_command_lines_workbook_but_cannot_import_match_or_unmatch_and_a_cashier_cannot_open_the_page()
    {
        using var workspace = new Workspace();
        workspace.Ledger.Ok("vouchers", "import", workspace.Ledger.WriteFile("v.json",
            """[{"ref":"A","date":"2025-03-03","summary":"收取草场承包费","lines":[{"account":"10201","debit":"1200.00"},{"account":"50101","credit":"1200.00"}]}]"""));
        var accountant = await workspace.SignedIn("会计");
        var auditor = await workspace.SignedIn("审计");
        var cashier = await workspace.SignedIn("出纳");
        var imported = await Upload(accountant, "st.csv", "交易日期,摘要,收入金额,支出金额,余额,流水号\n2025-03-03,承包费,1200.00,,1200.00,S1\n"u8.ToArray());
        var before = workspace.Ledger.Head();

        var (status, html) = await auditor.Page("/staff/bank?account=10201&period=2025-03");
        var upload = await Upload(auditor, "st2.csv", "交易日期,摘要,收入金额,支出金额,余额,流水号\n2025-03-05,利息,0.50,,1200.50,S2\n"u8.ToArray());
        var match = await auditor.PostForm("/staff/bank?handler=Match", new() { ["account"] = "10201", ["period"] = "2025-03", ["line"] = "1", ["posting"] = "2025-03/1/1" }, "/staff/bank");
        var auto = await auditor.PostForm("/staff/bank?handler=AutoMatch", new() { ["account"] = "10201", ["period"] = "2025-03" }, "/staff/bank");
        var byCashier = await cashier.GetAsync("/staff/bank");
        var xlsx = await auditor.GetAsync("/staff/bank?handler=xlsx&account=10201&period=2025-03");
        var cli = Path.Combine(workspace.Options.Folder(), "调节表.xlsx");
        workspace.Ledger.Ok("bank", "reconcile", "--account", "10201", "--period", "2025-03", "--format", "xlsx", "--out", cli);

        Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("银行存款余额调节表").And.Contain("承包费").And.Not.Contain("import-statement").And.Not.Contain("button type=\"submit\" class=\"match\""));
        Assert.That((upload.StatusCode, match.StatusCode, auto.StatusCode), Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
        Assert.That(byCashier.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(xlsx.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        var web = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var command = MiniExcelLibs.MiniExcel.Query(cli, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.That(web.Select(r => r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))),
            Is.EqualTo(command.Select(r => r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))),
            "the workbook is the one `bank reconcile --format xlsx` writes");
        Assert.That(Convert.ToDecimal(web[0]["金额 amount"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(1200m), "amounts are numbers");
        Assert.That(workspace.Ledger.Head(), Is.EqualTo(before), "nothing written by the auditor");
    }
}
