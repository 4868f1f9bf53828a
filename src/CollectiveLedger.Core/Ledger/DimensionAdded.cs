using CollectiveLedger.Core.Audit;
using static CollectiveLedger.Core.Audit.EventData;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// A fund, member or counterparty registered so that voucher lines may name it (audit-log.md 7.4,
/// three kinds); a fund may come with its grant's terms, a member household with its details
/// (shares, private numbers).
/// </summary>
public sealed record DimensionAdded(DimensionKind Dimension, string Code, string Name, FundTerms? Terms = null, MemberDetails? Details = null) : LedgerEvent
{
    public static readonly EventKind FundAdded = new("fund.added", d => new DimensionAdded(DimensionKind.Fund, Str(d, "code"), Str(d, "name"),
        d.TryGetProperty("terms", out var terms) ? EventCodec.ReadTerms(terms) : null));

    /// <summary>Personal data: the household's details, and a member's name with its code (a counterparty is a business or an office, see audit-log.md 14).</summary>
    public static readonly EventKind MemberAdded = new("member.added", d => new DimensionAdded(DimensionKind.Member, Str(d, "code"), Str(d, "name"), null,
        d.TryGetProperty("details", out var details) ? EventCodec.ReadDetails(details) : null) { Salt = SaltOf(d) }, holdsPersonalData: true);

    public static readonly EventKind CounterpartyAdded = new("counterparty.added",
        d => new DimensionAdded(DimensionKind.Counterparty, Str(d, "code"), Str(d, "name")));

    public override string Kind => Dimension.ToText() + ".added";

    public override string? ActedBy => null;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        ProblemsOf(RegisterRules.AddDimension(Dimension, Code, Name, state, Validation.Place.None, Terms?.ToInput(), Details?.ToInput(), replay: true));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("code", Code);
        if (Details is { } details)
        {
            w.Name("details");
            EventCodec.WriteDetails(details, w);
        }
        w.Property("name", Name);
        if (Salt is not null) w.Property("salt", Salt);
        if (Terms is { } terms)
        {
            w.Name("terms");
            EventCodec.WriteTerms(terms, w);
        }
    }

    internal override void ApplyTo(LedgerState state) => state.AddDimension(Dimension, Code, Name, Terms, Details);

    public override IEnumerable<ProjectedRow> Rows(long seq) => Dimension switch
    {
        DimensionKind.Fund => [new("funds", [Code, Name, seq, Terms is null ? null : EventCodec.TermsJson(Terms)])],
        DimensionKind.Member => [new("members", [Code, Name, seq, Details is null ? null : EventCodec.DetailsJson(Details)])],
        _ => [new("counterparties", [Code, Name, seq])],
    };
}
