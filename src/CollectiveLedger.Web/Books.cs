using System.Security.Claims;
using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Storage;
using Microsoft.AspNetCore.Http;

namespace CollectiveLedger.Web;

/// <summary>
/// The ledger as one request sees it: the store (opened on first use, closed with the request), the
/// ledger state (loaded once), and the signed-in person with the roles the books give them now. Roles
/// are read from the role.* settings on every request, never kept in the cookie: a role revoked is
/// revoked at once.
/// </summary>
public sealed class Books(WorkspaceOptions options, IHttpContextAccessor accessor) : IDisposable
{
    private LedgerStore? _store;
    private LedgerState? _state;

    public WorkspaceOptions Options { get; } = options;

    public LedgerStore Store => _store ??= LedgerStore.Open(Options.Db, Options.Clock, Options.Village);

    /// <summary>The ledger state as of the first use in this request.</summary>
    public LedgerState State => _state ??= Store.LoadState();

    /// <summary>Forgets the state read so far (after a write), so that the page shows what is now.</summary>
    public void Refresh() => _state = null;

    /// <summary>The signed-in person's name (the actor of their audit entries), or null.</summary>
    public string? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user.FindFirstValue(ClaimTypes.Name) : null;

    public bool Holds(Role role) => User is { } name && ApprovalPolicy.Holds(State, name, role);

    public bool HoldsAny(params Role[] roles) => roles.Any(Holds);

    /// <summary>Every role the signed-in person holds.</summary>
    public IReadOnlyList<Role> MyRoles => User is null ? [] : Roles.All.Where(Holds).ToList();

    public DateOnly Today => Core.Periods.ChinaTime.Today(Options.Clock.GetUtcNow());

    public void Dispose() => _store?.Dispose();
}
