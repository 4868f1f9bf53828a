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
    /// The county's townships with their villages added up (in the order the townships first appear),
    /// reading one village at a time: what the county page shows and the benchmark times.
    /// </summary>
    public static IReadOnlyList<TownshipTotals> Townships(IEnumerable<VillageBooks> villages, DateOnly today)
    {
        var totals = new List<TownshipTotals>();
        var index = new Dictionary<(string, string), int>();
        foreach (var row in Read(villages, today))
        {
            var key = (row.Village.County, row.Village.Township);
            if (!index.TryGetValue(key, out var i))
            {
                index[key] = i = totals.Count;
                totals.Add(TownshipTotals.Empty(row.Village.County, row.Village.Township));
            }
            totals[i] = totals[i].Add(row.Status);
        }
        return totals;
    }
}
