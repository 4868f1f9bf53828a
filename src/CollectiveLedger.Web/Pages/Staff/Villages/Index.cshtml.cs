using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Staff.Villages;

/// <summary>
/// The counties and townships of the villages the workspace was given (<see cref="WorkspaceOptions.Villages"/>) that the
/// signed-in person may see (<see cref="WorkspaceOptions.VillagesFor"/>), each linking to its page. Opens no books.
/// </summary>
[AnyRole]
public sealed class VillagesModel(WorkspaceOptions options, Books books) : PageModel
{
    public sealed record TownshipLink(string Township, int Villages);
    public sealed record CountyLinks(string County, IReadOnlyList<TownshipLink> Townships);

    public IReadOnlyList<CountyLinks> Counties { get; private set; } = [];

    public void OnGet() =>
        Counties = [.. options.VillagesFor(books.User).Seen.GroupBy(v => v.County).Select(c => new CountyLinks(c.Key,
            [.. c.GroupBy(v => v.Township).Select(t => new TownshipLink(t.Key, t.Count()))]))];
}
