using CollectiveLedger.Core.Audit;
using static CollectiveLedger.Core.Audit.EventData;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// The administrator issued a one-time enrolment code (首次登录码) for <see cref="User"/>, who has no
/// password: that person sets their first password with it on the web workspace's enrolment page
/// (audit-log.md 7.21). Neither the code nor its hash is ever logged (they stay in the credentials
/// tables, outside the books).
/// </summary>
public sealed record EnrolmentIssued(string User, string By) : LedgerEvent
{
    public static readonly EventKind Definition = new("user.enrolment_issued", d => new EnrolmentIssued(Str(d, "user"), Str(d, "by")) { Salt = SaltOf(d) },
        holdsPersonalData: true);

    public override string Kind => Definition.Name;

    public override string? ActedBy => By;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) => ProblemsOf(UserRules.IssueEnrolment(User, state, By));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("by", By);
        if (Salt is not null) w.Property("salt", Salt);
        w.Property("user", User);
    }

    internal override void ApplyTo(LedgerState state) => state.IssueEnrolment(User);

    public override IEnumerable<ProjectedRow> Rows(long seq) => [new("user_credentials", [seq, User, "enrolment_issued", By, null])];
}

/// <summary>
/// A sign-in password was stored for <see cref="User"/> by <see cref="By"/>, the entry's actor, through
/// <see cref="Via"/>: <c>server</c> (<c>cledger users add|password</c> on the server), <c>enrolment</c>
/// (the person used an enrolment code: <see cref="By"/> is <see cref="User"/>) or <c>self</c> (a user
/// changed their own password). Never the password or its hash (audit-log.md 7.21).
/// </summary>
public sealed record CredentialSet(string User, string By, string Via) : LedgerEvent
{
    public const string Server = "server";
    public const string Enrolment = "enrolment";
    public const string Self = "self";
    public static readonly IReadOnlyList<string> Vias = [Server, Enrolment, Self];

    public static readonly EventKind Definition = new("user.credential_set", d => new CredentialSet(Str(d, "user"), Str(d, "by"), Str(d, "via")) { Salt = SaltOf(d) },
        holdsPersonalData: true);

    public override string Kind => Definition.Name;

    public override string? ActedBy => By;

    /// <summary>An enrolment uses an earlier code issued for that person and not yet used; whether they had a password then is outside the books.</summary>
    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) => ProblemsOf(UserRules.SetCredential(User, Via, state, By));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("by", By);
        if (Salt is not null) w.Property("salt", Salt);
        w.Property("user", User);
        w.Property("via", Via);
    }

    internal override void ApplyTo(LedgerState state) => state.SetCredential(User);

    public override IEnumerable<ProjectedRow> Rows(long seq) => [new("user_credentials", [seq, User, "credential_set", By, Via])];
}
