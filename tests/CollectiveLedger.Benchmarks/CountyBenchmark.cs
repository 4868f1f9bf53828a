using System.Diagnostics;
using System.Globalization;
using CollectiveLedger.Storage;
using CollectiveLedger.Storage.Engines;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CollectiveLedger.Benchmarks;

/// <summary>
/// Issue 16's county scale, on a PostgreSQL database given by its address:
/// 1. one village's <c>vouchers import</c>, <c>verify</c> and year's trial balance, each a fresh cledger process, on
///    PostgreSQL within 1.5x of the same on SQLite (the two engines taking turns, the same generated vouchers);
/// 2. the county dashboard (every registered village's line, added up per township: what the county page shows)
///    under 1 s over all the villages, from the lines kept in the database (and, for information, the day's first view,
///    which reads every village's books), the villages being that village's books copied server-side;
/// 3. its memory flat in the number of villages: peak managed heap growth over all the villages about equal to that
///    over a quarter of them.
/// The copies are made as the books were (each village's schema made by cledger's own Create), then filled with
/// the first village's rows with triggers off (<c>session_replication_role = replica</c>: a superuser, as the
/// throwaway cluster's is). The benchmark's villages (codes BENCH…) are dropped at the end.
/// </summary>
internal static class CountyBenchmark
{
    private const double EngineRatioLimit = 1.5;
    private static readonly TimeSpan DashboardLimit = TimeSpan.FromSeconds(1);
    private const double MemoryRatioLimit = 1.5;
    private const int Runs = 3;
    private const int VillagesPerTownship = 25;

    public static Results Run(string postgres, int villages, int vouchers, string directory, string? cledger, Action<string> progress)
    {
        var results = new Results(vouchers);
        string File(string name) => Path.Combine(directory, name);
        cledger = ProcessBenchmark.Published(directory, cledger, progress);
        var codes = Enumerable.Range(0, villages).Select(i => $"BENCH{i:D4}").ToList();
        Server.Villages(postgres); // the registry, made when missing
        Drop(postgres, codes);
        try
        {
            progress($"generating {vouchers:N0} vouchers (seed {VoucherGenerator.Seed})");
            VoucherGenerator.WriteJsonLines(File("vouchers.jsonl"), vouchers);

            // 1. One village on each engine, the same commands as processes, taking turns.
            results.Section($"1. one village of {vouchers:N0} vouchers, a fresh cledger process each: PostgreSQL vs SQLite");
            var sqlite = File("village.db");
            string[] Sqlite(params string[] args) => ["--db", sqlite, .. args];
            string[] Postgres(params string[] args) => ["--db", postgres, "--village", codes[0], .. args];
            progress($"vouchers import, {Runs} runs each, alternating, each into new books");
            var imports = Enumerable.Range(0, Runs).Select(_ =>
            {
                foreach (var file in new[] { sqlite, sqlite + "-wal", sqlite + "-shm" }) System.IO.File.Delete(file);
                using (Books.Create(sqlite)) { }
                SqliteConnection.ClearAllPools();
                Drop(postgres, [codes[0]]);
                using (Books.Create(postgres, codes[0])) { }
                return (Sqlite: ProcessBenchmark.Checked(cledger, Sqlite("vouchers", "import", File("vouchers.jsonl"))),
                    Postgres: ProcessBenchmark.Checked(cledger, Postgres("vouchers", "import", File("vouchers.jsonl"))));
            }).ToList();
            Compare(results, "vouchers import", imports.Min(t => t.Sqlite), imports.Min(t => t.Postgres), $"best of {Runs}, each into new books");
            foreach (var (what, args) in new (string, string[])[]
                     {
                         ("verify", ["verify", "--format", "json"]),
                         ("report trial-balance --from 2025-01 --to 2025-12", ["report", "trial-balance", "--from", "2025-01", "--to", "2025-12", "--format", "json"]),
                     })
            {
                progress($"{what}, {Runs} runs each, alternating");
                var times = Enumerable.Range(0, Runs)
                    .Select(_ => (ProcessBenchmark.Checked(cledger, Sqlite(args)), ProcessBenchmark.Checked(cledger, Postgres(args)))).ToList();
                Compare(results, what, times.Min(t => t.Item1), times.Min(t => t.Item2), $"best of {Runs}");
            }

            // 2. and 3. The county of all the villages.
            progress($"copying the village into {villages - 1:N0} more, server-side");
            var copying = Stopwatch.StartNew();
            Copy(postgres, codes, progress);
            progress($"copied in {copying.Elapsed.TotalSeconds:F0} s");
            results.Section($"2. the county dashboard over {villages:N0} villages x {vouchers:N0} vouchers ({(long)villages * vouchers:N0} vouchers) in one database");
            var clock = TimeProvider.System;
            var today = new DateOnly(2026, 1, 20);
            var all = Server.VillageBooks(postgres, clock).Where(v => v.Code.StartsWith("BENCH", StringComparison.Ordinal)).ToList();
            if (all.Count != villages) throw new InvalidOperationException($"{all.Count} benchmark villages registered, not {villages}");
            Dashboard(all.Take(VillagesPerTownship).ToList(), today); // the code paths compiled once
            var quarter = all.Take(Math.Max(1, villages / 4)).ToList();
            progress($"dashboard over {quarter.Count:N0} and {all.Count:N0} villages, each line worked out from the books");
            ForgetLines(postgres);
            var coldQuarter = Dashboard(quarter, today);
            ForgetLines(postgres);
            var cold = Dashboard(all, today);
            progress($"dashboard over {all.Count:N0} villages from the kept lines, {Runs} runs");
            var warm = Enumerable.Range(0, Runs).Select(_ => Dashboard(all, today)).MinBy(m => m.Time)!;
            results.Add($"county dashboard, {villages:N0} villages, lines kept", ProcessBenchmark.Seconds(warm.Time), $"< {DashboardLimit.TotalSeconds:F0} s",
                warm.Time < DashboardLimit, note: $"best of {Runs}; {warm.Townships} townships; every village unchanged since its line was worked out today");
            results.Add($"county dashboard, {villages:N0} villages, the day's first view", ProcessBenchmark.Seconds(cold.Time),
                note: $"every village's books read and its line kept: {cold.Time.TotalMilliseconds / villages:F1} ms a village");
            results.Section("3. the dashboard's memory, in the number of villages (the day's first view, every village's books read)");
            var ratio = (double)Math.Max(cold.Heap, 1 << 20) / Math.Max(coldQuarter.Heap, 1 << 20);
            results.Add($"peak heap growth, {villages:N0} vs {quarter.Count:N0} villages", $"{ratio:F2}x", $"<= {MemoryRatioLimit:F1}x", ratio <= MemoryRatioLimit,
                note: $"{cold.Heap / 1024:N0} KiB vs {coldQuarter.Heap / 1024:N0} KiB (1 MiB floor)");
        }
        finally
        {
            progress("dropping the benchmark's villages");
            Drop(postgres, codes);
        }
        return results;
    }

    private sealed record Measured(TimeSpan Time, long Heap, int Townships);

    private static Measured Dashboard(IReadOnlyList<VillageBooks> villages, DateOnly today)
    {
        using var heap = HeapSampler.Start();
        var clock = Stopwatch.StartNew();
        var townships = VillageStatuses.Townships(villages, today);
        var time = clock.Elapsed;
        heap.Stop();
        if (townships.Sum(t => t.Villages) != villages.Count || townships.Sum(t => t.Unreadable) > 0)
            throw new InvalidOperationException("the dashboard lost villages or could not read some");
        return new Measured(time, heap.HeapGrowth, townships.Count);
    }

    private static void Compare(Results results, string what, TimeSpan sqlite, TimeSpan postgres, string note)
    {
        results.Add($"{what}, SQLite", ProcessBenchmark.Seconds(sqlite), note: note);
        results.Add($"{what}, PostgreSQL", ProcessBenchmark.Seconds(postgres), note: note);
        var ratio = postgres / sqlite;
        results.Add($"{what}, PostgreSQL / SQLite", $"{ratio:F2}x", $"<= {EngineRatioLimit:F1}x", ratio <= EngineRatioLimit);
    }

    /// <summary>
    /// Villages 1.. as copies of village 0: each made by cledger's own Create (its schema, triggers and entry 0), then
    /// its rows replaced by village 0's with the triggers off, and registered in a township of <see cref="VillagesPerTownship"/>.
    /// </summary>
    private static void Copy(string postgres, IReadOnlyList<string> codes, Action<string> progress)
    {
        var template = Server.SchemaOf(postgres, codes[0]);
        using var connection = new NpgsqlConnection(Server.ConnectionString(postgres));
        connection.Open();
        var tables = connection.Query<string>("SELECT tablename FROM pg_tables WHERE schemaname = @template ORDER BY tablename", new { template }).ToList();
        connection.Execute("UPDATE public.cledger_villages SET township = @township, county = '本县 the county' WHERE code = @code",
            new { code = codes[0], township = Township(0) });
        var created = Core.Ledger.LedgerRules.Create("benchmark-ledger", "巴音宝力格嘎查股份经济合作社", "N2152525MF3K7Q2D7B", "CNY",
            Core.Chart.StandardChart.Name, "2025-01").Event as Core.Ledger.LedgerCreated;
        for (var i = 1; i < codes.Count; i++)
        {
            using (LedgerStore.Create(postgres, created!, Books.Actor, TimeProvider.System, village: codes[i])) { }
            var schema = Server.SchemaOf(postgres, codes[i]);
            using var tx = connection.BeginTransaction();
            connection.Execute("SET LOCAL session_replication_role = replica", transaction: tx);
            foreach (var table in tables)
                connection.Execute($"DELETE FROM {schema}.{table}; INSERT INTO {schema}.{table} SELECT * FROM {template}.{table}", transaction: tx);
            connection.Execute("UPDATE public.cledger_villages SET name = @name, township = @township, county = '本县 the county' WHERE code = @code",
                new { code = codes[i], name = $"第{i}嘎查", township = Township(i) }, tx);
            tx.Commit();
            if (i % 50 == 0) progress($"  {i:N0} of {codes.Count - 1:N0} copied");
        }
    }

    /// <summary>Removes the county view's kept lines of the benchmark's villages: the next view works each out from the books.</summary>
    private static void ForgetLines(string postgres)
    {
        using var connection = new NpgsqlConnection(Server.ConnectionString(postgres));
        connection.Execute("DELETE FROM public.cledger_village_lines WHERE code LIKE 'BENCH%'");
    }

    private static string Township(int village) => $"第{(village / VillagesPerTownship + 1).ToString(CultureInfo.InvariantCulture)}苏木";

    private static void Drop(string postgres, IReadOnlyList<string> codes)
    {
        using var connection = new NpgsqlConnection(Server.ConnectionString(postgres));
        connection.Open();
        // One schema at a time: dropping many in one transaction runs out of the server's lock table.
        foreach (var code in codes) connection.Execute($"DROP SCHEMA IF EXISTS {Server.SchemaOf(postgres, code)} CASCADE");
        connection.Execute("DELETE FROM public.cledger_villages WHERE code = ANY(@codes)", new { codes = codes.ToArray() });
    }
}
