using System.Collections.Frozen;

namespace CollectiveLedger.Core.Audit;

/// <summary>
/// What a problem verify found means to the person reading it, and so which exit code it gives.
/// <b>Integrity</b> (完整性): the log's chain or canonical form, an anchor or checkpoint held outside the
/// database, the log's entries against the rules they were written under, or the tables against the
/// replayed log: someone changed the books outside the program. <b>Reconciliation</b> (对账): the log
/// and the tables are whole and agree, but the books disagree with themselves (a register and its
/// accounts, a fund below zero, a balance left in 待处理财产损溢): the books need an accountant.
/// </summary>
public static class VerifyCategory
{
    public const string Integrity = "integrity";
    public const string Reconciliation = "reconciliation";

    /// <summary>
    /// The one list of problem kinds that are reconciliation; every other kind is integrity, the safe
    /// reading of a kind nobody classified. A new reconciliation check adds its kind here (and to the
    /// kinds of schemas/verify.schema.json).
    /// </summary>
    public static readonly FrozenSet<string> ReconciliationKinds = new[] { VerifyProblem.Register }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The category of a problem of kind <paramref name="kind"/>.</summary>
    public static string Of(string kind) => ReconciliationKinds.Contains(kind) ? Reconciliation : Integrity;
}
