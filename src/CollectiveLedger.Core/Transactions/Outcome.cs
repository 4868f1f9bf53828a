using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Transactions;

/// <summary>What a business transaction did (<see cref="Value"/>), or why it did nothing: then its session was abandoned.</summary>
public sealed record Outcome<T>(T? Value, IReadOnlyList<Violation> Violations)
{
    public bool Accepted => Violations.Count == 0;

    public static Outcome<T> Done(T value) => new(value, []);
}

internal static class SessionSteps
{
    /// <summary>Appends an accepted decision's events and says true; abandons the session on a rejected one.</summary>
    public static bool Take(this ILedgerSession session, Decision decision)
    {
        if (!decision.Accepted)
        {
            session.Abandon();
            return false;
        }
        foreach (var e in decision.Events) session.Append(e);
        return true;
    }

    public static Outcome<T> Refuse<T>(this ILedgerSession session, IReadOnlyList<Violation> violations)
    {
        session.Abandon();
        return new Outcome<T>(default, violations);
    }
}
