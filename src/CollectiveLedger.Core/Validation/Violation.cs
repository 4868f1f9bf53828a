namespace CollectiveLedger.Core.Validation;

/// <summary>
/// A broken rule: an expected failure, returned as a value. <see cref="Args"/> fill the message
/// template of <see cref="Code"/> in <see cref="Messages"/>.
/// </summary>
public sealed record Violation(ViolationCode Code, Place Place, params string[] Args)
{
    public string Message(Language language) => Messages.Format(Code, language, Args);

    public override string ToString() => $"{Place}: {Code}: {Message(Language.En)}";
}
