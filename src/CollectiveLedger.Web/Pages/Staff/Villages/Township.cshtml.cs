using CollectiveLedger.Core.Reporting;
using CollectiveLedger.Reports;
using CollectiveLedger.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Staff.Villages;

/// <summary>
/// A township: one row per village (months closed, the last notice on time or late, drafts waiting, fund
/// balance, overdue contracts), each linking to the village, and their totals; the table as CSV. Only the villages the
/// signed-in person may see (<see cref="WorkspaceOptions.VillagesFor"/>) are rows and are added up.
/// </summary>
[AnyRole]
public sealed class TownshipModel(WorkspaceOptions options, Books books) : PageModel
{
    public string County { get; private set; } = "";
    public string Township { get; private set; } = "";

    /// <summary>The township's villages: 10 to 40 of them, so the page holds their rows (the county page holds only totals).</summary>
    public IReadOnlyList<VillageStatusRow> Rows { get; private set; } = [];
    public TownshipTotals Totals { get; private set; } = TownshipTotals.Empty("", "");

    /// <summary>How many villages the township has, of which the person sees <see cref="Rows"/>.</summary>
    public int AllVillages { get; private set; }

    public IActionResult OnGet(string county, string township) => Load(county, township) ? Page() : NotFound();

    public IActionResult OnGetCsv(string county, string township) => Load(county, township)
        ? File(CsvRenderer.Render(Grid()), "text/csv; charset=utf-8", $"township-{Core.Periods.IsoDate.Format(books.Today)}.csv")
        : NotFound();

    public IActionResult OnGetXlsx(string county, string township) => Load(county, township)
        ? File(XlsxRenderer.Render(Grid(), "乡镇 township"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"township-{Core.Periods.IsoDate.Format(books.Today)}.xlsx")
        : NotFound();

    private Grid Grid() =>
        VillageReports.Township(Township, Rows.Select(r => new VillageReports.VillageLine(r.Village.Code, r.Village.Name, r.Status, r.Problem)), forDisplay: false);

    private bool Load(string county, string township)
    {
        (County, Township) = (county, township);
        // Only the villages this person may see are read and added up; none: the township is not found, as an unknown one.
        var (all, seen) = options.VillagesFor(books.User);
        var villages = seen.Where(v => v.County == county && v.Township == township).ToList();
        if (villages.Count == 0) return false;
        AllVillages = all.Count(v => v.County == county && v.Township == township);
        Rows = [.. VillageStatuses.Read(villages, books.Today)];
        Totals = Rows.Aggregate(TownshipTotals.Empty(county, township), (t, r) => t.Add(r.Status));
        return true;
    }
}
