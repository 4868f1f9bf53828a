using System.Collections.Immutable;
using System.Text.Json;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;
using static CollectiveLedger.Core.Audit.EventData;

namespace CollectiveLedger.Core.Audit;

/// <summary>
/// The canonical JSON of the values that more than one kind of entry holds, or that the tables keep
/// as text: a voucher's content and lines, a fund's terms, a member's details. Each kind's own data
/// is written and read by its record (<see cref="LedgerEvent.WriteData"/>, <see cref="EventKinds"/>).
/// Reading a malformed value throws <see cref="FormatException"/>, which verify reports against the entry's seq.
/// </summary>
public static class EventCodec
{
    /// <summary>
    /// The SHA-256 of what a voucher says (date, kind, summary, attachments, lines), leaving out what
    /// the ledger assigns (number) and the ref itself. Same ref + same content = already posted.
    /// </summary>
    public static string ContentSha256(Voucher v)
    {
        using var w = new CanonicalJsonWriter();
        WriteContent(v, w, withRef: false);
        return Sha256Hex.Of(w.WrittenSpan);
    }

    /// <summary>What a voucher says, without what the ledger assigns when posting it (number, period).</summary>
    internal static void WriteContent(Voucher v, CanonicalJsonWriter w, bool withRef = true)
    {
        w.BeginObject();
        w.Property("attachments", v.Attachments);
        if (v.AttachmentsReason is { } reason) w.Property("attachments_reason", reason);
        w.Property("date", IsoDate.Format(v.Date));
        w.Property("kind", v.Kind.ToText());
        w.Name("lines");
        WriteLines(v.Lines, w);
        if (withRef) w.Property("ref", v.Ref);
        w.Property("summary", v.Summary);
        w.EndObject();
    }

    internal static void WriteLines(ImmutableArray<VoucherLine> lines, CanonicalJsonWriter w)
    {
        w.BeginArray();
        foreach (var l in lines)
        {
            w.BeginObject();
            w.Property("account", l.Account);
            w.Property("counterparty", l.Counterparty);
            w.Property("credit", l.Credit.ToString());
            w.Property("debit", l.Debit.ToString());
            w.Property("fund", l.Fund);
            w.Property("member", l.Member);
            w.Property("summary", l.Summary);
            w.EndObject();
        }
        w.EndArray();
    }

    /// <summary>A posted voucher (<paramref name="period"/> given) or a draft's voucher (null: it states no period, number 0 and no reversal).</summary>
    /// <param name="period">The period the entry states, which must be the month of the date; null for a draft, which states none.</param>
    internal static Voucher ReadVoucher(JsonElement d, int number, Period? period)
    {
        var lines = ImmutableArray.CreateBuilder<VoucherLine>();
        foreach (var l in Items(d, "lines"))
        {
            lines.Add(new VoucherLine(Str(l, "account"), AmountOf(l, "debit"), AmountOf(l, "credit"),
                OptStr(l, "fund"), OptStr(l, "member"), OptStr(l, "counterparty"), OptStr(l, "summary")));
        }
        VoucherKey? reverses = null;
        if (period is not null && Get(d, "reverses") is { ValueKind: not JsonValueKind.Null } r) reverses = new VoucherKey(PeriodOf(r, "period"), Int(r, "number"));
        if (!VoucherKinds.TryParse(Str(d, "kind"), out var kind)) throw new FormatException("unknown voucher kind");
        var voucher = new Voucher(number, DateOf(d, "date"), kind, OptStr(d, "ref"), Str(d, "summary"),
            Int(d, "attachments"), reverses, lines.ToImmutable()) { AttachmentsReason = Added(d, "attachments_reason") };
        if (period is not null && voucher.Period != period) throw new FormatException("period is not the month of the date");
        return voucher;
    }

    /// <summary>A fund's terms as the canonical JSON its entry holds (the funds table keeps this text).</summary>
    public static string TermsJson(FundTerms terms)
    {
        using var w = new CanonicalJsonWriter();
        WriteTerms(terms, w);
        return System.Text.Encoding.UTF8.GetString(w.WrittenSpan);
    }

    public static FundTerms ParseTerms(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ReadTerms(document.RootElement);
    }

    internal static void WriteTerms(FundTerms t, CanonicalJsonWriter w)
    {
        w.BeginObject();
        w.Property("accounts", t.Accounts);
        w.Property("agency", t.Agency);
        w.Property("beneficiaries", t.Beneficiaries);
        w.Property("document", t.Document);
        w.Property("granted", t.Granted.ToString());
        w.Property("implementer", t.Implementer);
        w.Property("kind", t.Kind);
        w.Property("location", t.Location);
        w.Property("project", t.Project);
        w.Property("purpose", t.Purpose);
        w.Property("responsible", t.Responsible);
        w.Property("standard", t.Standard);
        w.Property("targets", t.Targets);
        w.Property("tasks", t.Tasks);
        w.Property("valid_from", t.ValidFrom is { } from ? IsoDate.Format(from) : null);
        w.Property("valid_to", t.ValidTo is { } to ? IsoDate.Format(to) : null);
        w.EndObject();
    }

    internal static FundTerms ReadTerms(JsonElement t) => new(
        Str(t, "kind"), Str(t, "agency"), Str(t, "document"), AmountOf(t, "granted"), Str(t, "purpose"), Str(t, "accounts"),
        OptStr(t, "project"), OptDate(t, "valid_from"), OptDate(t, "valid_to"), OptStr(t, "location"), OptStr(t, "tasks"), OptStr(t, "standard"),
        OptStr(t, "implementer"), OptStr(t, "responsible"), OptStr(t, "targets"), OptStr(t, "beneficiaries"));

    /// <summary>A member household's details as the canonical JSON its entry holds (the members table keeps this text).</summary>
    public static string DetailsJson(MemberDetails details)
    {
        using var w = new CanonicalJsonWriter();
        WriteDetails(details, w);
        return System.Text.Encoding.UTF8.GetString(w.WrittenSpan);
    }

    public static MemberDetails ParseDetails(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ReadDetails(document.RootElement);
    }

    internal static void WriteDetails(MemberDetails m, CanonicalJsonWriter w)
    {
        w.BeginObject();
        w.Property("bank_account", m.BankAccount);
        w.Property("head", m.Head);
        w.Property("household_size", m.HouseholdSize);
        w.Property("id_card", m.IdCard);
        w.Property("phone", m.Phone);
        w.Property("shares", m.Shares);
        w.EndObject();
    }

    internal static MemberDetails ReadDetails(JsonElement m) => new(
        Str(m, "head"), Int(m, "household_size"), Int(m, "shares"), OptStr(m, "id_card"), OptStr(m, "bank_account"), OptStr(m, "phone"));
}
