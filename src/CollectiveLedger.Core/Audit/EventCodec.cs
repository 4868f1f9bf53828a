using System.Collections.Immutable;
using System.Text.Json;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Audit;

/// <summary>
/// The <c>data</c> object of each entry kind, written canonically and read back. Keys are written in
/// ascending order (the writer enforces it). Reading a malformed data object throws
/// <see cref="FormatException"/>, which verify reports against the entry's seq.
/// </summary>
public static class EventCodec
{
    public static void WriteData(LedgerEvent e, CanonicalJsonWriter w)
    {
        w.BeginObject();
        switch (e)
        {
            case LedgerCreated c:
                w.Property("chart", c.Chart);
                w.Property("currency", c.Currency);
                w.Property("format_version", c.FormatVersion);
                w.Property("ledger_id", c.LedgerId);
                w.Property("org", c.Org);
                w.Property("org_code", c.OrgCode);
                w.Property("start_period", c.StartPeriod.ToString());
                break;
            case AccountAdded a:
                w.Property("code", a.Code);
                w.Property("name", a.Name);
                w.Property("parent", a.Parent);
                break;
            case DimensionAdded d:
                w.Property("code", d.Code);
                w.Property("name", d.Name);
                break;
            case VoucherPosted p:
                WriteVoucher(p.Voucher, w);
                break;
            case PeriodClosed c:
                w.Property("period", c.Period.ToString());
                break;
            case SettingChanged c:
                w.Property("key", c.Key);
                w.Property("value", c.Value);
                break;
            case KeyRegistered k:
                w.Property("algorithm", "ecdsa-p256-sha256");
                w.Property("key_id", k.KeyIdHex);
                w.Property("name", k.Name);
                w.Property("public_key", Convert.ToBase64String(k.PublicKey));
                break;
            case DisclosurePublished d:
                w.Property("checkpoint", d.Checkpoint);
                w.Property("date", IsoDate.Format(d.Date));
                w.Name("files");
                w.BeginArray();
                foreach (var f in d.Files)
                {
                    w.BeginObject();
                    w.Property("format", f.Format);
                    w.Property("name", f.Name);
                    w.Property("sha256", f.Sha256);
                    w.EndObject();
                }
                w.EndArray();
                w.Property("from", d.From.ToString());
                w.Property("scope", d.Scope);
                w.Property("to", d.To.ToString());
                break;
            case YearClosed y:
                w.Property("year", y.Year);
                break;
            case YearOpened y:
                w.Property("year", y.Year);
                break;
            default:
                throw new InvalidOperationException($"No encoding for {e.GetType().Name}.");
        }
        w.EndObject();
    }

    private static void WriteVoucher(Voucher v, CanonicalJsonWriter w)
    {
        w.Property("attachments", v.Attachments);
        w.Property("date", IsoDate.Format(v.Date));
        w.Property("kind", v.Kind.ToText());
        w.Name("lines");
        WriteLines(v.Lines, w);
        w.Property("number", v.Number);
        w.Property("period", v.Period.ToString());
        w.Property("ref", v.Ref);
        w.Name("reverses");
        if (v.Reverses is { } r)
        {
            w.BeginObject();
            w.Property("number", r.Number);
            w.Property("period", r.Period.ToString());
            w.EndObject();
        }
        else w.Null();
        w.Property("summary", v.Summary);
    }

    private static void WriteLines(ImmutableArray<VoucherLine> lines, CanonicalJsonWriter w)
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

    /// <summary>
    /// The SHA-256 of what a voucher says (date, kind, summary, attachments, lines), leaving out what
    /// the ledger assigns (number) and the ref itself. Same ref + same content = already posted.
    /// </summary>
    public static string ContentSha256(Voucher v)
    {
        using var w = new CanonicalJsonWriter();
        w.BeginObject();
        w.Property("attachments", v.Attachments);
        w.Property("date", IsoDate.Format(v.Date));
        w.Property("kind", v.Kind.ToText());
        w.Name("lines");
        WriteLines(v.Lines, w);
        w.Property("summary", v.Summary);
        w.EndObject();
        return Sha256Hex.Of(w.ToArray());
    }

    public static LedgerEvent ReadData(string kind, JsonElement data) => kind switch
    {
        "ledger.created" => new LedgerCreated(Str(data, "ledger_id"), Str(data, "org"), Str(data, "org_code"),
            Str(data, "currency"), Str(data, "chart"), ReadPeriod(data, "start_period"), Int(data, "format_version")),
        "account.added" => new AccountAdded(Str(data, "code"), Str(data, "name"), Str(data, "parent")),
        "fund.added" => new DimensionAdded(DimensionKind.Fund, Str(data, "code"), Str(data, "name")),
        "member.added" => new DimensionAdded(DimensionKind.Member, Str(data, "code"), Str(data, "name")),
        "counterparty.added" => new DimensionAdded(DimensionKind.Counterparty, Str(data, "code"), Str(data, "name")),
        "voucher.posted" => new VoucherPosted(ReadVoucher(data)),
        "period.closed" => new PeriodClosed(ReadPeriod(data, "period")),
        "setting.changed" => new SettingChanged(Str(data, "key"), Str(data, "value")),
        "key.registered" => ReadKey(data),
        "disclosure.published" => new DisclosurePublished(Str(data, "scope"), ReadPeriod(data, "from"), ReadPeriod(data, "to"),
            IsoDate.Parse(Str(data, "date")), Str(data, "checkpoint"),
            [.. Get(data, "files").EnumerateArray().Select(f => new PublishedFile(Str(f, "name"), Str(f, "format"), Str(f, "sha256")))]),
        "year.closed" => new YearClosed(ReadYear(data)),
        "year.opened" => new YearOpened(ReadYear(data)),
        _ => throw new FormatException($"unknown entry kind '{kind}'"),
    };

    private static Voucher ReadVoucher(JsonElement d)
    {
        var lines = ImmutableArray.CreateBuilder<VoucherLine>();
        foreach (var l in Get(d, "lines").EnumerateArray())
        {
            lines.Add(new VoucherLine(Str(l, "account"), Amount.ParseCanonical(Str(l, "debit")), Amount.ParseCanonical(Str(l, "credit")),
                OptStr(l, "fund"), OptStr(l, "member"), OptStr(l, "counterparty"), OptStr(l, "summary")));
        }
        VoucherKey? reverses = null;
        var r = Get(d, "reverses");
        if (r.ValueKind != JsonValueKind.Null) reverses = new VoucherKey(ReadPeriod(r, "period"), Int(r, "number"));
        if (!VoucherKinds.TryParse(Str(d, "kind"), out var kind)) throw new FormatException("unknown voucher kind");
        var voucher = new Voucher(Int(d, "number"), IsoDate.Parse(Str(d, "date")), kind, OptStr(d, "ref"), Str(d, "summary"),
            Int(d, "attachments"), reverses, lines.ToImmutable());
        if (voucher.Period != ReadPeriod(d, "period")) throw new FormatException("period is not the month of the date");
        return voucher;
    }

    private static int ReadYear(JsonElement d) =>
        Int(d, "year") is var year and >= 1900 and <= 9998 ? year : throw new FormatException("'year' is not a year");

    private static KeyRegistered ReadKey(JsonElement d)
    {
        if (Str(d, "algorithm") != "ecdsa-p256-sha256") throw new FormatException("unknown key algorithm");
        var publicKey = Convert.FromBase64String(Str(d, "public_key"));
        var key = new KeyRegistered(Str(d, "name"), SignedNote.KeyIdOf(publicKey), publicKey);
        if (key.KeyIdHex != Str(d, "key_id")) throw new FormatException("key_id is not the ID of public_key");
        return key;
    }

    private static JsonElement Get(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : throw new FormatException($"missing '{name}'");

    private static string Str(JsonElement e, string name)
    {
        var v = Get(e, name);
        return v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new FormatException($"'{name}' is not a string");
    }

    private static string? OptStr(JsonElement e, string name)
    {
        var v = Get(e, name);
        return v.ValueKind == JsonValueKind.Null ? null : Str(e, name);
    }

    private static int Int(JsonElement e, string name) =>
        Get(e, name).TryGetInt32(out var n) ? n : throw new FormatException($"'{name}' is not an integer");

    private static Period ReadPeriod(JsonElement e, string name) =>
        Period.TryParse(Str(e, name), out var p) ? p : throw new FormatException($"'{name}' is not a period");
}
