using Dapper;
using Npgsql;

namespace CollectiveLedger.Tests.Postgres;

/// <summary>
/// <c>.ci/postgres</c>, the throwaway cluster of the tests and CI: started twice it is the same cluster, a restart
/// keeps its data and port, and stop removes it.
/// </summary>
public class ClusterScriptTests
{
    [Test]
    public void The_cluster_script_starts_once_restarts_with_its_data_and_stops_without_a_trace()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cledger-pg-script-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var first = TestPostgres.RunScript("start", dir);
            var again = TestPostgres.RunScript("start", dir);
            Assert.That(first.Code, Is.EqualTo(0), first.Err);
            using (var connection = new NpgsqlConnection(first.Out + ";Pooling=false"))
            {
                connection.Open();
                connection.Execute("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('before the restart')");
            }
            var restarted = TestPostgres.RunScript("restart", dir);
            string kept;
            using (var connection = new NpgsqlConnection(restarted.Out + ";Pooling=false"))
            {
                connection.Open();
                kept = connection.ExecuteScalar<string>("SELECT v FROM kept")!;
            }
            var stopped = TestPostgres.RunScript("stop", dir);

            Assert.That(first.Out, Does.Match(@"^Host=127\.0\.0\.1;Port=\d+;Username=cledger;Database=cledger_test$"), "one line: the connection string");
            Assert.That(again, Is.EqualTo(first with { Err = again.Err }), "started again: the same cluster");
            Assert.That(restarted.Out, Is.EqualTo(first.Out));
            Assert.That(kept, Is.EqualTo("before the restart"));
            Assert.That(stopped.Code, Is.EqualTo(0), stopped.Err);
            Assert.That(Directory.Exists(dir), Is.False);
        }
        finally
        {
            if (Directory.Exists(dir)) TestPostgres.RunScript("stop", dir);
        }
    }
}
