using System.Reflection;
using CollectiveLedger.Core.Approval;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace CollectiveLedger.Web;

/// <summary>
/// The roles that open a staff page or run one of its handlers (any one of them suffices). On a
/// page model it guards every handler; on a handler it guards that handler in addition.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public class RolesAttribute(params Role[] roles) : Attribute
{
    public IReadOnlyList<Role> Roles { get; } = roles;
}

/// <summary>Any role opens the page: every member of staff holding one (the dashboard, the township and county views).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class AnyRoleAttribute() : RolesAttribute([.. Core.Approval.Roles.All]);

/// <summary>Answers 403 when the signed-in person holds none of the roles a page or handler names (<see cref="RolesAttribute"/>).</summary>
public sealed class RoleFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var books = context.HttpContext.RequestServices.GetRequiredService<Books>();
        var onPage = context.HandlerInstance.GetType().GetCustomAttribute<RolesAttribute>();
        var onHandler = context.HandlerMethod?.MethodInfo.GetCustomAttribute<RolesAttribute>();
        foreach (var required in new[] { onPage, onHandler })
            if (required is not null && (books.User is null || !books.HoldsAny([.. required.Roles])))
            {
                context.Result = new StatusCodeResult(Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden);
                return;
            }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
}
