using CollectiveLedger.Core.Reporting;

namespace CollectiveLedger.Storage;

/// <summary>A village and its status, or why its books could not be read (said in Chinese and English).</summary>
public sealed record VillageStatusRow(VillageBooks Village, VillageStatus? Status, string? Problem);

/// <summary>
/// The township and county views over many villages' books, streamed: one village's books open at a
/// time, its status read (<see cref="Readers.StatusReader"/>) and the books closed before the next, so
/// that memory stays flat in the number of villages. A village whose books cannot be opened is a row
/// saying so, never the end of the listing.
/// </summary>
public static class VillageStatuses
{
    /// <summary>Each village's status as of <paramref name="today"/>, in the order given, lazily.</summary>
    public static IEnumerable<VillageStatusRow> Read(IEnumerable<VillageBooks> villages, DateOnly today)
    {
        foreach (var village in villages)
        {
            VillageStatusRow row;
            try
            {
                using var store = village.Open();
                row = new VillageStatusRow(village, store.Status.VillageStatus(today), null);
            }
            catch (LedgerOpenException e)
            {
                row = new VillageStatusRow(village, null, $"{e.MessageZh} {e.Message}");
            }
            yield return row;
        }
    }

    /// <summary>
    /// The county's townships with their villages added up (in the order the townships first appear), each village's line
    /// streamed past (<see cref="Lines"/>): what the county page shows and the benchmark times.
    /// </summary>
    public static IReadOnlyList<TownshipTotals> Townships(IEnumerable<VillageBooks> villages, DateOnly today)
    {
        var totals = new List<TownshipTotals>();
        var index = new Dictionary<(string, string), int>();
        foreach (var line in Lines(villages, today))
        {
            var key = (line.County, line.Township);
            if (!index.TryGetValue(key, out var i))
            {
                index[key] = i = totals.Count;
                totals.Add(TownshipTotals.Empty(line.County, line.Township));
            }
            totals[i] = totals[i].Plus(line);
        }
        return totals;
    }

    /// <summary>Villages looked up in the database's kept lines at once (one query).</summary>
    private const int LinesAtOnce = 200;

    /// <summary>
    /// Each village's line of the county view (what it adds to its township's totals). On PostgreSQL a line is kept in
    /// the database for the village's books as they are (<see cref="Engines.Server.KeptLines"/>): the lines of villages
    /// unchanged since they were last worked out today come from one query for a few hundred villages, and only the
    /// others' books are opened (one at a time) and their lines kept. A SQLite file's books are always read.
    /// </summary>
    private static IEnumerable<TownshipTotals> Lines(IEnumerable<VillageBooks> villages, DateOnly today)
    {
        foreach (var chunk in villages.Chunk(LinesAtOnce))
        {
            var db = chunk[0].Server;
            var kept = db is not null && chunk.All(v => v.Server == db) ? Engines.Server.KeptLines(db, chunk, today) : null;
            for (var i = 0; i < chunk.Length; i++)
            {
                var village = chunk[i];
                if (kept?[i].Line is { } line)
                {
                    yield return line;
                    continue;
                }
                var status = Read([village], today).Single().Status;
                line = TownshipTotals.Empty(village.County, village.Township).Add(status);
                // Worked out after the head was read: a write meanwhile leaves a line under the older head, never used again.
                if (status is not null && kept?[i].At is { } at) Engines.Server.KeepLine(db!, village.Code, at, today, line);
                yield return line;
            }
        }
    }
}
