using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Publishing.Witnessing;

/// <summary>How a witness answers an add-checkpoint request, with the HTTP status tlog-witness gives it.</summary>
public enum WitnessOutcome
{
    Cosigned = 200,
    BadRequest = 400,
    BadSignature = 403,
    UnknownLog = 404,
    Conflict = 409,
    InvalidProof = 422,
}

/// <summary>
/// A witness's answer. <see cref="Evidence"/> names the misbehaviour a refusal proves (fork: same size,
/// another root; rollback: a smaller tree than one cosigned; inconsistent: no valid proof from the
/// cosigned tree), null when there is none to keep. <see cref="Updated"/> is the log's new record
/// when cosigned.
/// </summary>
public sealed record WitnessDecision(WitnessOutcome Outcome, string Message, string? Evidence = null, WitnessedLog? Updated = null, NoteSignature? Cosignature = null)
{
    public int HttpStatus => (int)Outcome;
}
