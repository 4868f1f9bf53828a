using CollectiveLedger.Core.Reporting;
using CollectiveLedger.Reports;
using CollectiveLedger.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Staff.Villages;

/// <summary>
/// A county: each of its townships with its villages added up (<see cref="VillageStatuses.Townships"/>, one
/// village's books open at a time), each linking to the township's page; the table as CSV (<c>?handler=csv</c>). Only the
/// villages the signed-in person may see (<see cref="WorkspaceOptions.VillagesFor"/>) are added up.
/// </summary>
[AnyRole]
public sealed class CountyModel(WorkspaceOptions options, Books books) : PageModel
{
    public string County { get; private set; } = "";
    public IReadOnlyList<TownshipTotals> Townships { get; private set; } = [];

    /// <summary>How many villages the county has, and how many of them the person sees (those the totals add up).</summary>
    public int AllVillages { get; private set; }
    public int SeenVillages { get; private set; }

    public IActionResult OnGet(string county) => Load(county) ? Page() : NotFound();

    public IActionResult OnGetCsv(string county) => Load(county)
        ? File(CsvRenderer.Render(VillageReports.County(County, Townships, forDisplay: false)), "text/csv; charset=utf-8", $"county-{Core.Periods.IsoDate.Format(books.Today)}.csv")
        : NotFound();

    public IActionResult OnGetXlsx(string county) => Load(county)
        ? File(XlsxRenderer.Render(VillageReports.County(County, Townships, forDisplay: false), "县 county"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"county-{Core.Periods.IsoDate.Format(books.Today)}.xlsx")
        : NotFound();

    private bool Load(string county)
    {
        County = county;
        // Only the villages this person may see are read and added up; none: the county is not found, as an unknown one.
        var (all, seen) = options.VillagesFor(books.User);
        var villages = seen.Where(v => v.County == county).ToList();
        if (villages.Count == 0) return false;
        (SeenVillages, AllVillages) = (villages.Count, all.Count(v => v.County == county));
        Townships = VillageStatuses.Townships(villages, books.Today);
        return true;
    }
}
