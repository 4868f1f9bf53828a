using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CollectiveLedger.Web;

/// <summary>
/// Answers 405 to a request no handler of the page takes (a POST to a page that only shows
/// something): Razor Pages would otherwise render the page without running any handler, on a model
/// that was never filled in.
/// </summary>
public sealed class NoHandlerFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null && !Microsoft.AspNetCore.Http.HttpMethods.IsGet(context.HttpContext.Request.Method)
            && !Microsoft.AspNetCore.Http.HttpMethods.IsHead(context.HttpContext.Request.Method))
            context.Result = new StatusCodeResult(Microsoft.AspNetCore.Http.StatusCodes.Status405MethodNotAllowed);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
}
