using System.Collections.Immutable;
using System.Text.Json;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Audit;

/// <summary>
/// Reads a <c>voucher.posted</c> entry, the kind that fills the log, in one pass over its bytes,
/// without building a document. It knows only the canonical layout: every key present, in order,
/// each value of its one type. Whatever else it meets (another kind, a key it does not know, a value
/// of another type, malformed JSON) it returns null, and the caller reads the entry the generic way
/// (<see cref="ParsedEntry.From"/>), which knows every kind and field and names what is wrong. So
/// new kinds and fields need no change here; they are only read more slowly until they get one.
/// The optional keys of audit-log.md 7.5 (attachments_reason, cashier, draft, source) are read where they sort.
/// Reading is no proof of canonical form: the caller still encodes the result again and compares.
/// </summary>
public static class VoucherEntryReader
{
    private static ReadOnlySpan<byte> Kind => "voucher.posted"u8;

    public static ParsedEntry? TryRead(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var r = new Utf8JsonReader(bytes);
            return r.Read() && r.TokenType == JsonTokenType.StartObject
                && String(ref r, "actor"u8, out var actor)
                && Name(ref r, "data"u8) && TryReadVoucher(ref r, out var voucher, out var origin)
                && Name(ref r, "kind"u8) && r.TokenType == JsonTokenType.String && r.ValueTextEquals(Kind)
                && String(ref r, "prev"u8, out var prev)
                && Name(ref r, "seq"u8) && r.TryGetInt64(out var seq)
                && String(ref r, "time"u8, out var time)
                && Name(ref r, "v"u8) && r.TryGetInt32(out var v)
                && End(ref r, JsonTokenType.EndObject)
                ? new ParsedEntry(v, seq, prev, time, actor, "voucher.posted", new VoucherPosted(voucher, origin))
                : null;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            // Malformed JSON, a non-canonical amount or a voucher that breaks an invariant: the
            // generic reader meets the same and reports it.
            return null;
        }
    }

    /// <summary>The <c>data</c> object, as <see cref="EventCodec"/> reads a voucher, with its optional cashier, draft and source.</summary>
    private static bool TryReadVoucher(ref Utf8JsonReader r, out Voucher voucher, out VoucherOrigin? origin)
    {
        voucher = null!;
        origin = null;
        string? cashier = null, source = null, reason = null;
        var draft = 0;
        if (r.TokenType != JsonTokenType.StartObject
            || !Name(ref r, "attachments"u8) || !r.TryGetInt32(out var attachments)
            || OptionalName(ref r, "attachments_reason"u8) && !Text(ref r, out reason)
            || OptionalName(ref r, "cashier"u8) && !Text(ref r, out cashier)
            || !String(ref r, "date"u8, out var date)
            || OptionalName(ref r, "draft"u8) && !r.TryGetInt32(out draft)
            || !String(ref r, "kind"u8, out var kindText) || !VoucherKinds.TryParse(kindText, out var kind)
            || !Name(ref r, "lines"u8) || !TryReadLines(ref r, out var lines)
            || !Name(ref r, "number"u8) || !r.TryGetInt32(out var number)
            || !String(ref r, "period"u8, out var period)
            || !OptionalString(ref r, "ref"u8, out var reference)
            || !Name(ref r, "reverses"u8) || !TryReadReverses(ref r, out var reverses)
            || OptionalName(ref r, "source"u8) && !Text(ref r, out source)
            || !String(ref r, "summary"u8, out var summary)
            || !End(ref r, JsonTokenType.EndObject))
            return false;
        if (source is null ? cashier is not null || draft != 0 : !VoucherOrigin.Sources.Contains(source)) return false;
        origin = source is null ? null : new VoucherOrigin(source, draft == 0 ? null : draft, cashier);
        voucher = new Voucher(number, IsoDate.Parse(date), kind, reference, summary, attachments, reverses, lines) { AttachmentsReason = reason };
        return Period.TryParse(period, out var p) && p == voucher.Period;
    }

    private static bool TryReadLines(ref Utf8JsonReader r, out ImmutableArray<VoucherLine> lines)
    {
        lines = default;
        if (r.TokenType != JsonTokenType.StartArray) return false;
        var builder = ImmutableArray.CreateBuilder<VoucherLine>(2);
        while (r.Read() && r.TokenType == JsonTokenType.StartObject)
        {
            if (!String(ref r, "account"u8, out var account)
                || !OptionalString(ref r, "counterparty"u8, out var counterparty)
                || !String(ref r, "credit"u8, out var credit)
                || !String(ref r, "debit"u8, out var debit)
                || !OptionalString(ref r, "fund"u8, out var fund)
                || !OptionalString(ref r, "member"u8, out var member)
                || !OptionalString(ref r, "summary"u8, out var summary)
                || !End(ref r, JsonTokenType.EndObject))
                return false;
            builder.Add(new VoucherLine(account, Amount.ParseCanonical(debit), Amount.ParseCanonical(credit), fund, member, counterparty, summary));
        }
        if (r.TokenType != JsonTokenType.EndArray) return false;
        lines = builder.DrainToImmutable();
        return true;
    }

    private static bool TryReadReverses(ref Utf8JsonReader r, out VoucherKey? reverses)
    {
        reverses = null;
        if (r.TokenType == JsonTokenType.Null) return true;
        if (r.TokenType != JsonTokenType.StartObject
            || !Name(ref r, "number"u8) || !r.TryGetInt32(out var number)
            || !String(ref r, "period"u8, out var text) || !Period.TryParse(text, out var period)
            || !End(ref r, JsonTokenType.EndObject))
            return false;
        reverses = new VoucherKey(period, number);
        return true;
    }

    /// <summary>
    /// Moves past the next key, which must be <paramref name="name"/>, onto its value. A number there
    /// that is not an integer fails TryGetInt32 and TryGetInt64, so it falls back too.
    /// </summary>
    private static bool Name(ref Utf8JsonReader r, ReadOnlySpan<byte> name) =>
        r.Read() && r.TokenType == JsonTokenType.PropertyName && r.ValueTextEquals(name) && r.Read();

    /// <summary>Moves onto the value of the next key only if it is <paramref name="name"/>; otherwise leaves the reader where it was.</summary>
    private static bool OptionalName(ref Utf8JsonReader r, ReadOnlySpan<byte> name)
    {
        var ahead = r;
        if (!Name(ref ahead, name)) return false;
        r = ahead;
        return true;
    }

    private static bool Text(ref Utf8JsonReader r, out string? value)
    {
        value = r.TokenType == JsonTokenType.String ? r.GetString() : null;
        return value is not null;
    }

    private static bool String(ref Utf8JsonReader r, ReadOnlySpan<byte> name, out string value)
    {
        value = "";
        if (!Name(ref r, name) || r.TokenType != JsonTokenType.String) return false;
        value = r.GetString()!;
        return true;
    }

    private static bool OptionalString(ref Utf8JsonReader r, ReadOnlySpan<byte> name, out string? value)
    {
        value = null;
        if (!Name(ref r, name)) return false;
        if (r.TokenType == JsonTokenType.Null) return true;
        if (r.TokenType != JsonTokenType.String) return false;
        value = r.GetString();
        return true;
    }

    private static bool End(ref Utf8JsonReader r, JsonTokenType end) => r.Read() && r.TokenType == end;
}
