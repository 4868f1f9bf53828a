using CollectiveLedger.Storage.Engines;
using Npgsql;

namespace CollectiveLedger.Tests.Postgres;

/// <summary>What cledger adds to a PostgreSQL address it is given, and what it leaves as the address says.</summary>
public class AddressTests
{
    [TestCase("Host=db.example;Database=county;Username=u")]
    [TestCase("postgres://u@db.example:5433/county")]
    public void Statements_are_auto_prepared_failed_batch_commands_named_and_connecting_waits_a_minute_by_default(string address)
    {
        var builder = new NpgsqlConnectionStringBuilder(Server.ConnectionString(address));

        Assert.That(builder.MaxAutoPrepare, Is.EqualTo(64));
        Assert.That(builder.IncludeFailedBatchedCommand, Is.True);
        Assert.That(builder.Timeout, Is.EqualTo(60));
        Assert.That(builder.Host, Is.EqualTo("db.example"));
        Assert.That(builder.Database, Is.EqualTo("county"));
    }

    [TestCase("Host=db.example;Database=county;Max Auto Prepare=0;Timeout=5")]
    [TestCase("Host=db.example;Database=county;MaxAutoPrepare=0;Timeout=5")]
    [TestCase("postgres://u@db.example/county?Max%20Auto%20Prepare=0&Timeout=5")]
    public void An_address_that_says_how_many_statements_to_prepare_and_how_long_to_wait_is_followed(string address)
    {
        var builder = new NpgsqlConnectionStringBuilder(Server.ConnectionString(address));

        Assert.That(builder.MaxAutoPrepare, Is.Zero, "none prepared, e.g. behind a pooler that cannot keep them");
        Assert.That(builder.Timeout, Is.EqualTo(5));
    }
}
