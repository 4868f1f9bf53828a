using System.Text.Json;
using CollectiveLedger.Core.Ledger;

namespace CollectiveLedger.Tests.Cli;

/// <summary><c>settings list</c> shows every setting <c>settings set</c> takes.</summary>
public class SettingsListTests
{
    [Test]
    public void Settings_list_shows_every_key_roles_approval_limits_and_posting_days_included()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("settings", "set", "role.supervisor", "监督员");
        ledger.Ok("settings", "set", "approval.finance_lead_limit", "1000");

        var table = ledger.Ok("settings", "list");
        using var json = JsonDocument.Parse(ledger.Ok("settings", "list", "--format", "json"));

        Assert.That(json.RootElement.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(SettingRules.Keys));
        Assert.That(json.RootElement.GetProperty("role.supervisor").GetString(), Is.EqualTo("监督员"));
        Assert.That(json.RootElement.GetProperty("approval.finance_lead_limit").GetString(), Is.EqualTo("1000.00").Or.EqualTo("1000"));
        Assert.That(json.RootElement.GetProperty("disclosure.project_posting_days").ValueKind, Is.EqualTo(JsonValueKind.Null));
        foreach (var key in SettingRules.Keys) Assert.That(table, Does.Contain(key));
        Assert.That(table, Does.Contain("监督员"));
    }
}
