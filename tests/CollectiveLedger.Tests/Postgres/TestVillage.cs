using CollectiveLedger.Storage.Schema;
using Dapper;
using Npgsql;

namespace CollectiveLedger.Tests.Postgres;

/// <summary>
/// A village of its own in the tests' PostgreSQL database: a fresh schema made with
/// <c>Schema/postgres/schema.sql</c> (<see cref="Migrations.PostgresSchema"/>) and the PostgreSQL halves of the
/// later migrations (<see cref="Migrations.PostgresPairs"/>), first in the search_path
/// of <see cref="Connection"/>, and dropped with everything in it when disposed.
/// </summary>
public sealed class TestVillage : IDisposable
{
    public string Schema { get; } = "village_t" + Guid.NewGuid().ToString("N")[..16];

    public NpgsqlConnection Connection { get; }

    public TestVillage()
    {
        Connection = new NpgsqlConnection(TestPostgres.ConnectionString);
        Connection.Open();
        Connection.Execute($"CREATE SCHEMA {Schema}; SET search_path TO {Schema}");
        Connection.Execute(Migrations.PostgresSchema + string.Concat(Migrations.PostgresPairs.Select(m => "\n" + m.Sql)));
    }

    public int Execute(string sql, object? parameters = null) => Connection.Execute(sql, parameters);

    /// <summary>The message of the error PostgreSQL refuses <paramref name="sql"/> with; fails the test when it is accepted.</summary>
    public string Refusal(string sql, object? parameters = null)
    {
        using var transaction = Connection.BeginTransaction();
        try
        {
            Connection.Execute(sql, parameters, transaction);
        }
        catch (PostgresException e)
        {
            return e.MessageText;
        }
        Assert.Fail($"PostgreSQL accepted: {sql}");
        return "";
    }

    public void Dispose()
    {
        Connection.Execute($"DROP SCHEMA {Schema} CASCADE");
        Connection.Dispose();
    }
}
