using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Storage;
using CollectiveLedger.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CollectiveLedger.Benchmarks;

/// <summary>
/// The web workspace on the benchmark's books: the real host (<c>cledger serve</c>'s) on a free
/// loopback port, one person holding every role, each staff page (and the public page) requested as a browser does (after
/// one warm-up request, the median of five) and the voucher form posted (three lines, saved and
/// submitted in one step). Times are taken at the client over loopback, so they include a little more
/// than the server's own time.
/// </summary>
internal static partial class WebBenchmark
{
    public static readonly TimeSpan PageLimit = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan PostLimit = TimeSpan.FromMilliseconds(100);
    private const string Person = "基准测试员";
    private const string Password = "benchmark-password";

    public static readonly string[] Pages =
    [
        "/staff", "/staff/vouchers", "/staff/vouchers?text=草场", "/staff/drafts", "/staff/vouchers/new", "/staff/vouchers/2025-06/1",
        "/staff/reports", "/staff/reports?which=trial-balance&from=2025-01&to=2025-12", "/staff/reports?which=journal&from=2025-06&to=2025-06",
        "/staff/reports?which=journal&from=2025-06&to=2025-06&p=10", "/staff/reports?which=ledger&from=2025-06&to=2025-06&account=10201",
        "/staff/reports?which=funds&from=2025-01&to=2025-12", "/staff/reports?which=balance-sheet&from=2025-12&to=2025-12",
        "/staff/reports?which=income&from=2025-12&to=2025-12", "/staff/verify", "/staff/notices", "/staff/feedback", "/staff/admin",
        "/",
    ];

    public sealed record Result(IReadOnlyList<(string Page, TimeSpan Median)> Pages, TimeSpan Post, string? Problem);

    public static async Task<Result> Run(LedgerStore store, string db)
    {
        store.Write(Books.Actor, session =>
        {
            foreach (var role in Roles.All)
                session.Append(SettingRules.Change(role.SettingKey(), Person).Event ?? throw new InvalidOperationException("role refused"));
            return 0;
        });
        store.Credentials.SetPassword(Books.Actor, Person, Passwords.Hash(Person, Password), CollectiveLedger.Core.Ledger.CredentialSet.Server);

        using var host = WebWorkspace.CreateHostBuilder(new WorkspaceOptions(db, TimeProvider.System), "http://127.0.0.1:0").Build();
        await host.StartAsync();
        try
        {
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
                { BaseAddress = new Uri(address) };
            var signIn = await Post(client, "/signin", "/signin", new() { ["userName"] = Person, ["password"] = Password });
            if (signIn.StatusCode != HttpStatusCode.Redirect) return new Result([], TimeSpan.Zero, $"sign-in answered {(int)signIn.StatusCode}");

            var pages = new List<(string, TimeSpan)>();
            foreach (var page in Pages)
            {
                var times = new List<TimeSpan>();
                for (var i = 0; i < 6; i++)
                {
                    var clock = Stopwatch.StartNew();
                    using var response = await client.GetAsync(page);
                    await response.Content.ReadAsByteArrayAsync();
                    clock.Stop();
                    if (response.StatusCode != HttpStatusCode.OK) return new Result(pages, TimeSpan.Zero, $"{page} answered {(int)response.StatusCode}");
                    if (i > 0) times.Add(clock.Elapsed);
                }
                pages.Add((page, Median(times)));
            }

            var posts = new List<TimeSpan>();
            for (var i = 0; i < 6; i++)
            {
                var form = await client.GetStringAsync("/staff/vouchers/new");
                var fields = new Dictionary<string, string>
                {
                    ["Form.Ref"] = RefPattern().Match(form).Groups[1].Value, ["Form.Date"] = "2025-12-15", ["Form.Summary"] = $"购买办公用品（基准 {i}）",
                    ["Form.Attachments"] = "1",
                    ["Form.Lines[0].Account"] = "51302", ["Form.Lines[0].Debit"] = "120.00",
                    ["Form.Lines[1].Account"] = "51303", ["Form.Lines[1].Debit"] = "30.50",
                    ["Form.Lines[2].Account"] = "21201", ["Form.Lines[2].Credit"] = "150.50",
                };
                var clock = Stopwatch.StartNew();
                using var response = await Post(client, "/staff/vouchers/new?handler=Submit", form, fields);
                clock.Stop();
                if (response.StatusCode != HttpStatusCode.Redirect) return new Result(pages, TimeSpan.Zero, $"the voucher form answered {(int)response.StatusCode}");
                if (i > 0) posts.Add(clock.Elapsed);
            }
            return new Result(pages, Median(posts), null);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>Posts a form with the antiforgery token of <paramref name="formPageOrHtml"/> (a path, or a page already fetched).</summary>
    private static async Task<HttpResponseMessage> Post(HttpClient client, string path, string formPageOrHtml, Dictionary<string, string> fields)
    {
        var html = formPageOrHtml.StartsWith('/') ? await client.GetStringAsync(formPageOrHtml) : formPageOrHtml;
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static TimeSpan Median(List<TimeSpan> times)
    {
        times.Sort();
        return times[times.Count / 2];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Form.Ref\" value=\"([^\"]+)\"")]
    private static partial Regex RefPattern();
}
