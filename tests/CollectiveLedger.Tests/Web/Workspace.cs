using System.Net;
using System.Text.RegularExpressions;
using CollectiveLedger.Storage;
using CollectiveLedger.Web;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace CollectiveLedger.Tests.Web;

/// <summary>
/// A test ledger served by the real workspace in-process (Microsoft.AspNetCore.Mvc.Testing), with a
/// user for each role. People: 会计 accountant, 审核员 reviewer, 财务 finance lead, 主任 committee
/// chair, 监委 supervisor, 出纳 cashier, 审计 auditor, 管理员 administrator, 无角色 no role at all.
/// </summary>
/// <remarks>
/// The factory's type argument names the program that hosts the workspace, <c>cledger</c> (whose
/// deps file the factory reads); the host itself is the one <c>cledger serve</c> builds.
/// </remarks>
public sealed class Workspace : WebApplicationFactory<CollectiveLedger.Cli.Context>
{
    public const string Password = "test-password-1";

    public static readonly (string Role, string Person)[] People =
    [
        ("accountant", "会计"), ("reviewer", "审核员"), ("finance_lead", "财务"), ("committee_chair", "主任"), ("supervisor", "监委"),
        ("cashier", "出纳"), ("auditor", "审计"), ("administrator", "管理员"),
    ];

    public TestLedger Ledger { get; }
    public WorkspaceOptions Options { get; }

    /// <param name="books">The books served (default: the books of <c>TestLedger.WithBasics()</c>); the sample village's are <see cref="TestLedger.Demo"/>.</param>
    public Workspace(Func<WorkspaceOptions, WorkspaceOptions>? configure = null, Func<TestLedger>? books = null)
    {
        Ledger = books is null ? TestLedger.WithBasics() : books();
        Ledger.Set([.. People.Select(p => ("role." + p.Role, p.Person))]);
        Ledger.Ok("settings", "set", "approval.finance_lead_limit", "1000");
        Ledger.Ok("settings", "set", "approval.committee_limit", "10000");
        using (var store = Ledger.Open(TestClock.Fixed))
            foreach (var name in People.Select(p => p.Person).Append("无角色"))
                Assert.That(store.Credentials.SetPassword("tester", name, Passwords.Hash(name, Password), CollectiveLedger.Core.Ledger.CredentialSet.Server).Accepted);
        // As `cledger serve --unsigned`: the notices tests prepare are unsigned unless a test gives keys or takes the flag away.
        Options = (configure ?? (o => o))(new WorkspaceOptions(Ledger.Db, TestClock.Fixed) { Village = Ledger.Village, PublishUnsigned = true });
    }

    protected override IHostBuilder CreateHostBuilder() => WebWorkspace.CreateHostBuilder(Options);

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as <paramref name="person"/>.</summary>
    public async Task<HttpClient> SignedIn(string person)
    {
        var client = Client();
        var response = await client.PostForm("/signin", new() { ["userName"] = person, ["password"] = Password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"{person} could not sign in");
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Ledger.Dispose();
    }
}

public static partial class WorkspaceHttp
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static async Task<string> Token(this HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = TokenPattern().Match(html);
        Assert.That(match.Success, $"no antiforgery token on {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form as a browser does: with the token of the form on <paramref name="formPage"/> (default: the same page).</summary>
    public static async Task<HttpResponseMessage> PostForm(this HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var token = await client.Token(formPage ?? path.Split('?')[0]);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    public static async Task<(HttpStatusCode Status, string Html)> Page(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>What a test that builds on a workspace's options needs of its books, on either engine.</summary>
internal static class WorkspaceBooks
{
    /// <summary>The words naming the workspace's books on a command line (<see cref="TestLedger.DbArgs"/>).</summary>
    public static string[] DbArgs(this WorkspaceOptions o) => o.Village is null ? ["--db", o.Db] : ["--db", o.Db, "--village", o.Village];

    /// <summary>A folder for files beside the books: the SQLite file's, or a fresh one for books on a server.</summary>
    public static string Folder(this WorkspaceOptions o) =>
        o.Village is null ? Path.GetDirectoryName(o.Db)! : Directory.CreateTempSubdirectory("cledger-web-").FullName;
}
