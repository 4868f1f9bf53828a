namespace CollectiveLedger.Core;

/// <summary>
/// The one internal invariant check. A broken invariant is a bug, not bad input: it throws and the
/// program stops (exit code 70). Expected failures are <see cref="Validation.Violation"/> values instead.
/// </summary>
public static class Precondition
{
    public static void Require(bool condition, string invariant)
    {
        if (!condition) throw new InvalidOperationException("Invariant broken: " + invariant);
    }
}
