using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CollectiveLedger.Storage.Engines;
using CollectiveLedger.Tests.Web;
using CollectiveLedger.Web;

namespace CollectiveLedger.Tests.Postgres;

/// <summary>
/// Who sees which villages in the township and county views (issue 16's per-village roles): grants given and taken back
/// through the real command line (<c>cledger villages grant|revoke|access</c>, each a process), then the real workspace
/// serving one village of the database with the registry of access as its answer, read again on every request.
/// </summary>
public sealed class VillageAccessTests
{
    private static readonly string Db = TestPostgres.ConnectionString;
    private const string Township = "测试苏木";

    /// <summary>A village's books on the test server, registered in <paramref name="county"/>'s township, with each person's sign-in.</summary>
    private static TestLedger Village(string county, params (string Role, string Person)[] people)
    {
        var village = TestLedger.WithBasics(TestLedger.OnPostgres(Db));
        village.Ok("villages", "add", village.Village!, "--name", "测试嘎查 " + village.Village, "--township", Township, "--county", county);
        village.Set([.. people.Select(p => ("role." + p.Role, p.Person))]);
        using var store = village.Open();
        foreach (var (_, person) in people)
            Assert.That(store.Credentials.SetPassword("tester", person, Passwords.Hash(person, Workspace.Password), CollectiveLedger.Core.Ledger.CredentialSet.Server).Accepted);
        return village;
    }

    private static string TownshipPage(string county) => $"/staff/county/{Uri.EscapeDataString(county)}/{Uri.EscapeDataString(Township)}";

    private static string[] Rows(string html) => [.. Regex.Matches(html, "<tr data-village=\"([^\"]+)\">").Select(m => m.Groups[1].Value)];

    [Test]
    public async Task A_grant_shows_the_township_to_its_holder_alone_and_a_revoke_hides_it_at_the_next_request()
    {
        var county = "测试旗" + Guid.NewGuid().ToString("N")[..8];
        using var home = Village(county, ("accountant", "会计"), ("supervisor", "监委"));
        using var other = Village(county, ("supervisor", "监委"));
        using var workspace = new Workspace(o => o with
        {
            Db = Db, Village = home.Village,
            Villages = () => [.. Server.VillageBooks(Db, TestClock.Fixed).Where(v => v.County == county)],
        });

        var granted = home.RunProcessWith(new() { ["CLEDGER_ACTOR"] = "乡经管站" }, "villages", "grant", "会计", "--township", Township, "--county", county);
        var namesake = other.RunProcess("villages", "grant", "监委", "--sees", home.Village!); // 监委 of the other village: another person
        var listing = home.RunProcess("villages", "access"); // redirected: JSON
        var accountant = await workspace.SignedIn("会计");
        var supervisor = await workspace.SignedIn("监委");
        var (_, byAccountant) = await accountant.Page(TownshipPage(county));
        var (_, bySupervisor) = await supervisor.Page(TownshipPage(county));
        var otherToSupervisor = await supervisor.GetAsync("/staff/village/" + other.Village);
        var otherToAccountant = await accountant.GetAsync("/staff/village/" + other.Village);
        var revoked = home.RunProcessWith(new() { ["CLEDGER_ACTOR"] = "县经管局" }, "villages", "revoke", "会计", "--township", Township, "--county", county);
        var (_, afterRevoke) = await accountant.Page(TownshipPage(county));
        var otherAfterRevoke = await accountant.GetAsync("/staff/village/" + other.Village);
        var listingAfter = home.RunProcess("villages", "access", "会计", "--format", "json");
        var history = home.RunProcess("villages", "access", "会计", "--history"); // redirected: JSON

        Assert.That(granted.Code, Is.EqualTo(0), granted.Err);
        Assert.That(namesake.Code, Is.EqualTo(0), namesake.Err);
        var grant = JsonDocument.Parse(listing.Out).RootElement.EnumerateArray().Single();
        Assert.That(grant.GetProperty("home").GetString(), Is.EqualTo(home.Village));
        Assert.That(grant.GetProperty("user").GetString(), Is.EqualTo("会计"));
        Assert.That(grant.GetProperty("kind").GetString(), Is.EqualTo("township"));
        Assert.That(grant.GetProperty("township").GetString(), Is.EqualTo(Township));
        Assert.That(grant.GetProperty("county").GetString(), Is.EqualTo(county));
        Assert.That(grant.GetProperty("granted_by").GetString(), Is.EqualTo("乡经管站"));
        Assert.That(grant.GetProperty("granted_at").GetString(), Is.EqualTo(TestClock.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(Rows(byAccountant), Is.EquivalentTo(new[] { home.Village, other.Village }));
        Assert.That(otherToAccountant.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Rows(bySupervisor), Is.EqualTo(new[] { home.Village }), "the home village's supervisor was granted nothing");
        Assert.That(bySupervisor, Does.Contain("显示您有权查看的 1 个村"));
        Assert.That(otherToSupervisor.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(revoked.Code, Is.EqualTo(0), revoked.Err);
        Assert.That(Rows(afterRevoke), Is.EqualTo(new[] { home.Village }), "the same signed-in session, the next request");
        Assert.That(otherAfterRevoke.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(JsonDocument.Parse(listingAfter.Out).RootElement.GetArrayLength(), Is.Zero);
        Assert.That(history.Code, Is.EqualTo(0), history.Err);
        var changes = JsonDocument.Parse(history.Out).RootElement.EnumerateArray()
            .Select(c => (c.GetProperty("action").GetString(), c.GetProperty("by").GetString(), c.GetProperty("user").GetString(), c.GetProperty("township").GetString()))
            .ToList();
        Assert.That(changes, Is.EqualTo(new[] { ("grant", "乡经管站", "会计", Township), ("revoke", "县经管局", "会计", Township) }),
            "the grant and its revoke both stay in the access log, with who did each");
    }

    [Test]
    public async Task A_village_registered_while_the_workspace_runs_shows_at_the_next_request_to_whom_its_township_is_granted()
    {
        var county = "测试旗" + Guid.NewGuid().ToString("N")[..8];
        using var home = Village(county, ("accountant", "会计"));
        using var workspace = new Workspace(o => o with
        {
            Db = Db, Village = home.Village,
            Villages = () => [.. Server.VillageBooks(Db, TestClock.Fixed).Where(v => v.County == county)],
        });
        var granted = home.RunProcess("villages", "grant", "会计", "--township", Township, "--county", county);
        var accountant = await workspace.SignedIn("会计");
        var (_, before) = await accountant.Page(TownshipPage(county));

        using var added = Village(county, ("supervisor", "监委")); // registered now, the workspace running
        var (_, after) = await accountant.Page(TownshipPage(county));
        var addedPage = await accountant.GetAsync("/staff/village/" + added.Village);

        Assert.That(granted.Code, Is.EqualTo(0), granted.Err);
        Assert.That(Rows(before), Is.EqualTo(new[] { home.Village }));
        Assert.That(Rows(after), Is.EquivalentTo(new[] { home.Village, added.Village }), "a township grant covers the villages registered after it");
        Assert.That(addedPage.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void Grants_of_unknown_places_to_unknown_users_or_from_an_unregistered_village_are_refused_and_a_SQLite_file_has_no_township_views()
    {
        var county = "测试旗" + Guid.NewGuid().ToString("N")[..8];
        using var home = Village(county, ("accountant", "会计"));
        using var unregistered = TestLedger.OnPostgres(Db);
        using var file = TestLedger.OnSqlite();

        var unknownVillage = home.RunProcess("villages", "grant", "会计", "--sees", "nosuchvillage");
        var unknownTownship = home.RunProcess("villages", "grant", "会计", "--township", "无此乡", "--county", county);
        var unknownCounty = home.RunProcess("villages", "grant", "会计", "--county", "无此旗");
        var unknownUser = home.RunProcess("villages", "grant", "无此人", "--county", county);
        var noScope = home.RunProcess("villages", "grant", "会计");
        var townshipAlone = home.RunProcess("villages", "grant", "会计", "--township", Township);
        var notGranted = home.RunProcess("villages", "revoke", "会计", "--county", county);
        var notRegistered = unregistered.RunProcess("villages", "grant", "会计", "--county", county);
        var sqlite = file.RunProcess("villages", "grant", "会计", "--sees", home.Village!);
        var listing = home.RunProcess("villages", "access", "--format", "json");

        foreach (var (result, says) in new[]
                 {
                     (unknownVillage, "no registered village is in 村 village nosuchvillage"),
                     (unknownTownship, $"no registered village is in 乡镇 township {county}/无此乡"),
                     (unknownCounty, "no registered village is in 县 county 无此旗"),
                     (unknownUser, $"village {home.Village} has no user 无此人"),
                     (notGranted, $"会计 of village {home.Village} holds no grant of 县 county {county}"),
                     (notRegistered, $"the home village {unregistered.Village} is not registered"),
                 })
        {
            Assert.That(result.Code, Is.EqualTo(1), says);
            Assert.That(result.Err, Does.Contain(says));
            Assert.That(result.Err.Contains("   at ", StringComparison.Ordinal), Is.False, "no stack trace"); // ordinal: the Thai culture's search skips spaces
        }
        foreach (var (result, says) in new[] { (noScope, "give one of --sees"), (townshipAlone, "--township needs --county"),
                     (sqlite, "only a PostgreSQL database of many villages has township views") })
        {
            Assert.That(result.Code, Is.EqualTo(2), says);
            Assert.That(result.Err, Does.Contain(says));
            Assert.That(result.Err.Contains("   at ", StringComparison.Ordinal), Is.False, "no stack trace"); // ordinal: the Thai culture's search skips spaces
        }
        Assert.That(JsonDocument.Parse(listing.Out).RootElement.GetArrayLength(), Is.Zero, "nothing was granted");
    }
}
