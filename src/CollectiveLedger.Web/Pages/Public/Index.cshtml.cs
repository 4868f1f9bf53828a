using CollectiveLedger.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Public;

/// <summary>The villagers' page, no sign-in: the organization's published notices, newest first.</summary>
public sealed class IndexModel(Books books) : PageModel
{
    public string Org { get; private set; } = "";
    public IReadOnlyList<PublishedNotice> Notices { get; private set; } = [];

    public void OnGet()
    {
        Org = Core.Disclosure.PersonalData.Mask(books.State.Ledger.Org);
        Notices = books.Store.Notices.PublishedNotices();
    }
}
