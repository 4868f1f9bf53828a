using CollectiveLedger.Publishing;
using CollectiveLedger.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Public;

/// <summary>
/// A question's receipt (<see cref="Receipts.ForFeedback"/>), no sign-in: the printable page that is also
/// the receipt <c>cledger receipt check</c> reads. It shows only what the public page shows of a question
/// not yet answered (number, day, the SHA-256 of its text) and the entry's public form; the checkpoint is
/// the books' as of now, signed with the keys <c>serve</c> holds.
/// </summary>
public sealed class ReceiptModel(Books books) : PageModel
{
    public IActionResult OnGet(long number)
    {
        books.Refresh();
        var (receipt, _) = Receipts.ForFeedback(books.Store, books.State, number, books.Options.Signers);
        return receipt is null ? NotFound() : File(ReceiptHtml.Render(receipt), "text/html; charset=utf-8");
    }
}
