using CollectiveLedger.Core.Reporting;
using CollectiveLedger.Reports;
using CollectiveLedger.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Staff.Villages;

/// <summary>
/// One village in detail: each month of the year closed or not and its notice, drafts waiting, the fund
/// usage report of the year to date (the grid of <c>report funds</c>) with its chart, the monthly income
/// and expenditure chart and the contracts with rent overdue. A village the signed-in person may not see is not found.
/// </summary>
[AnyRole]
public sealed class VillageModel(WorkspaceOptions options, Books books) : PageModel
{
    public VillageBooks Village { get; private set; } = null!;
    public VillageStatus? Status { get; private set; }
    public string? Problem { get; private set; }
    public Grid? FundGrid { get; private set; }
    public string FundChart { get; private set; } = "";
    public string FlowChart { get; private set; } = "";

    public IActionResult OnGet(string code)
    {
        if (options.VillagesFor(books.User).Seen.FirstOrDefault(v => v.Code == code) is not { } village) return NotFound(); // not there, or not this person's to see
        Village = village;
        var row = VillageStatuses.Read([village], books.Today).Single();
        (Status, Problem) = (row.Status, row.Problem);
        if (Status is { } s)
        {
            FundGrid = FundReports.Summary(s.Funds, forDisplay: true);
            FundChart = SvgCharts.FundUsage(s.Funds);
            FlowChart = SvgCharts.MonthlyFlows(s.AsOf.Year, s.Flows);
        }
        return Page();
    }
}
