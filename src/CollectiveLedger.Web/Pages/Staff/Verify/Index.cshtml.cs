using CollectiveLedger.Core.Audit;
using CollectiveLedger.Reports;
using CollectiveLedger.Storage;
using CollectiveLedger.Storage.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Staff.Verify;

/// <summary>
/// <c>cledger verify</c> from the browser: the same <see cref="LedgerVerifier"/> (chain, replay of
/// every table, published checkpoints) and the same report text, optionally held against a signed
/// checkpoint pasted or uploaded (a small text file) from a notice, in the same two sections as the
/// command line's: integrity (完整性) and reconciliation (对账). Each run is recorded outside the books
/// for the dashboard.
/// </summary>
[Roles(Core.Approval.Role.Accountant, Core.Approval.Role.Reviewer, Core.Approval.Role.FinanceLead, Core.Approval.Role.CommitteeChair,
    Core.Approval.Role.Supervisor, Core.Approval.Role.Cashier, Core.Approval.Role.Auditor, Core.Approval.Role.Administrator)]
public sealed class IndexModel(Books books, Lang lang) : PageModel
{
    public VerifyRun? Last { get; private set; }
    public VerifyReport? Report { get; private set; }
    public string? Summary { get; private set; }

    /// <summary>Integrity, then reconciliation: each with its heading (passed, or how many problems and what they mean) and its problems as text.</summary>
    public IReadOnlyList<VerifySection> Sections { get; private set; } = [];
    public string? Problem { get; private set; }
    public string? Checkpoint { get; private set; }

    public void OnGet() => Last = books.Store.Credentials.LastVerifyRun();

    public async Task<IActionResult> OnPostAsync(string? checkpoint, IFormFile? checkpointFile)
    {
        var text = checkpoint;
        if (checkpointFile is { Length: > 0 })
        {
            if (checkpointFile.Length > books.Options.MaxUploadBytes || !(checkpointFile.ContentType is "text/plain" or "application/octet-stream")
                || !checkpointFile.FileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            {
                Problem = lang.T("只接受不超过 64 KB 的 .txt 检查点文件。", "Only a .txt checkpoint file of up to 64 KB is accepted.");
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
            using var reader = new StreamReader(checkpointFile.OpenReadStream());
            text = await reader.ReadToEndAsync();
        }
        List<SignedNote> notes = [];
        if (!string.IsNullOrWhiteSpace(text))
        {
            Checkpoint = text;
            if (!SignedNote.TryReadCheckpoint(text.TrimStart(), out var note, out var why))
            {
                Problem = lang.T($"这不是检查点：{why}", $"This is not a checkpoint: {why}");
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            }
            notes.Add(note);
        }
        Report = LedgerVerifier.Verify(books.Store, [], notes);
        Summary = VerifyReportRenderer.Summary(Report, lang.Chinese);
        Sections = [.. ((string[])[VerifyCategory.Integrity, VerifyCategory.Reconciliation]).Select(category => new VerifySection(category,
            (category == VerifyCategory.Integrity ? Report.IntegrityFound : Report.ReconciliationFound) == 0,
            VerifyReportRenderer.Heading(Report, category, lang.Chinese), VerifyReportRenderer.Problems(Report, category, lang.Chinese)))];
        books.Store.Credentials.RecordVerifyRun(books.User!, Report.Ok, Report.Entries, Report.HeadHash, Report.Problems.Count);
        Last = books.Store.Credentials.LastVerifyRun();
        return Page();
    }
}

/// <summary>One section of the verify page: its category, whether it passed, its heading and its problems as text.</summary>
public sealed record VerifySection(string Category, bool Ok, string Heading, string Problems);
