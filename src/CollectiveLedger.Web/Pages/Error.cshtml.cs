using Microsoft.AspNetCore.Http;
using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace CollectiveLedger.Web.Pages;

/// <summary>
/// What the browser sees of an error no page handled: a friendly sentence and a reference, never the exception; the
/// details go to the log. Two are not bugs and are worded as the command line words them, with 503 (try again): the
/// books busy with another writer for longer than the lock wait, and the database server gone away; either way
/// nothing of the request was written.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public enum Failure { Internal, Busy, ConnectionLost }

    public string RequestId { get; private set; } = "";

    public Failure Kind { get; private set; }

    /// <summary>How long a writer waits for another before giving up (<c>CLEDGER_LOCK_TIMEOUT</c>).</summary>
    public static int LockWaitSeconds => Storage.Engines.LockWait.Seconds;

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        var failed = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        Kind = failed?.Error is { } e && Storage.Engines.LockWait.IsBusy(e) ? Failure.Busy
            : failed?.Error is { } lost && Storage.Engines.Server.ConnectionLost(lost) ? Failure.ConnectionLost
            : Failure.Internal;
        Response.StatusCode = Kind == Failure.Internal ? StatusCodes.Status500InternalServerError : StatusCodes.Status503ServiceUnavailable;
        if (failed is null) return;
        if (Kind == Failure.Internal) logger.LogError(failed.Error, "request {RequestId} to {Path} failed", RequestId, failed.Path);
        else logger.LogWarning("request {RequestId} to {Path}: {Kind}: {Message}", RequestId, failed.Path, Kind, failed.Error.Message);
    }
}
