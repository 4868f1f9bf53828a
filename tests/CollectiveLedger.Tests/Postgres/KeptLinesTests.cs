using CollectiveLedger.Core.Reporting;
using CollectiveLedger.Storage;
using CollectiveLedger.Storage.Engines;
using Dapper;

namespace CollectiveLedger.Tests.Postgres;

/// <summary>
/// The county view's lines kept in the database (<c>public.cledger_village_lines</c>, issue 16's dashboard over many
/// villages): the totals they give are the totals read from the books, the view really reads them, and a write to a
/// village or another day makes a village's line stale, so that it is worked out from the books again.
/// </summary>
public sealed class KeptLinesTests
{
    private static readonly string Db = TestPostgres.ConnectionString;
    private static readonly DateOnly Today = new(2025, 7, 20);

    [Test]
    public void The_county_totals_from_kept_lines_are_the_books_and_a_write_or_a_new_day_makes_a_line_stale()
    {
        using var first = TestLedger.WithBasics(TestLedger.OnPostgres(Db));
        using var second = TestLedger.WithBasics(TestLedger.OnPostgres(Db));
        foreach (var village in new[] { first, second })
            village.Ok("villages", "add", village.Village!, "--name", "测试嘎查 " + village.Village, "--township", "测试苏木", "--county", "测试旗");
        List<VillageBooks> Villages() =>
            Server.VillageBooks(Db, TestClock.Fixed).Where(v => v.Code == first.Village || v.Code == second.Village).ToList();
        TownshipTotals FromBooks(DateOnly day) => VillageStatuses.Townships(Villages().Select(v => v with { Server = null }), day).Single();
        TownshipTotals Viewed(DateOnly day) => VillageStatuses.Townships(Villages(), day).Single();
        void Forge() => Execute("UPDATE public.cledger_village_lines SET pending_approvals = pending_approvals + 7 WHERE code = @code", first.Village!);

        Assert.That(Villages().Select(v => v.Server), Is.All.EqualTo(Db), "the registry's villages say where their lines are kept");
        Assert.That(Viewed(Today), Is.EqualTo(FromBooks(Today)), "worked out from the books, and kept");
        Assert.That(Scalar("SELECT count(*) FROM public.cledger_village_lines WHERE code = ANY(@codes)", first.Village!, second.Village!), Is.EqualTo(2));

        Forge();
        Assert.That(Viewed(Today).PendingApprovals, Is.EqualTo(FromBooks(Today).PendingApprovals + 7), "the view reads the kept line");
        Assert.That(Viewed(Today.AddDays(1)), Is.EqualTo(FromBooks(Today.AddDays(1))), "another day: worked out again");

        Forge();
        Assert.That(Viewed(Today.AddDays(1)).PendingApprovals, Is.EqualTo(FromBooks(Today.AddDays(1)).PendingApprovals + 7));
        first.Ok("members", "add", "M900", "新户");
        Assert.That(Viewed(Today.AddDays(1)), Is.EqualTo(FromBooks(Today.AddDays(1))), "a write to the village: its line is stale");
    }

    private static void Execute(string sql, string code)
    {
        using var connection = new Npgsql.NpgsqlConnection(Db);
        connection.Execute(sql, new { code });
    }

    private static long Scalar(string sql, params string[] codes)
    {
        using var connection = new Npgsql.NpgsqlConnection(Db);
        return connection.ExecuteScalar<long>(sql, new { codes });
    }
}
