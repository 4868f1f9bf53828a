using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;
using static CollectiveLedger.Core.Audit.EventData;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// One voucher posted (audit-log.md 7.5). Verify reads most entries of this kind with its own fast
/// reader (<see cref="VoucherEntryReader"/>) and spells their rows straight from the event (Storage
/// <c>Projection.VoucherSignature</c>); tests hold both equal to what is declared here.
/// </summary>
/// <param name="Origin">How the voucher came to be posted; null only in entries written before it was recorded.</param>
public sealed record VoucherPosted(Voucher Voucher, VoucherOrigin? Origin) : LedgerEvent
{
    public static readonly EventKind Definition = new("voucher.posted",
        d => new VoucherPosted(EventCodec.ReadVoucher(d, Int(d, "number"), PeriodOf(d, "period")), ReadOrigin(d)));

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor)
    {
        var v = Voucher;
        foreach (var violation in VoucherRules.Recheck(v, state, today, Validation.Place.None)) yield return $"voucher {v.Key}: {violation.Message(Validation.Language.En)} [{violation.Code}]";
        if (Approval.ApprovalRules.PostingProblem(this, state) is { } problem) yield return $"voucher {v.Key}: {problem}";
        if (Origin?.Source != VoucherOrigin.Assets)
            foreach (var violation in Assets.AssetRules.CheckRegisterAccounts(v.Lines, state, Validation.Place.None))
                yield return $"voucher {v.Key}: {violation.Message(Validation.Language.En)} [{violation.Code}]";
        if ((Origin?.Source == VoucherOrigin.Reversal) != (v.Reverses is not null) && Origin is not null)
            yield return $"voucher {v.Key}: only reversals are posted as reversals";
        if (v.Reverses is { } reversed && ReversalRules.AcrossYears(reversed, v.Date) is { } acrossYears)
            yield return $"voucher {v.Key}: {acrossYears.Message(Validation.Language.En)} [{acrossYears.Code}]";
        if (v.Number != state.LastNumber(v.Period) + 1) yield return $"voucher {v.Key} breaks the gapless numbering of {v.Period}";
        // The bounds the input rules hold a file to, in the words verify has always used.
        foreach (var bound in VoucherRules.CheckBounds(v, Validation.Place.None))
            yield return bound.Code == Validation.ViolationCode.TooManyLines
                ? $"voucher {v.Key} has more than {VoucherInputRules.MaxLines} lines"
                : $"voucher {v.Key} has an amount {bound.Args[0]} that is not {(v.Reverses is null ? "positive" : "negative (red ink)")} or too large";
    }

    /// <summary><c>cashier</c>, <c>draft</c> and <c>source</c> are written only when known, so that entries written before they existed still encode to their stored bytes.</summary>
    public override void WriteData(CanonicalJsonWriter w)
    {
        var v = Voucher;
        w.Property("attachments", v.Attachments);
        if (v.AttachmentsReason is { } reason) w.Property("attachments_reason", reason);
        if (Origin?.Cashier is { } cashier) w.Property("cashier", cashier);
        w.Property("date", IsoDate.Format(v.Date));
        if (Origin?.Draft is { } draft) w.Property("draft", draft);
        w.Property("kind", v.Kind.ToText());
        w.Name("lines");
        EventCodec.WriteLines(v.Lines, w);
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
        if (Origin is not null) w.Property("source", Origin.Source);
        w.Property("summary", v.Summary);
    }

    internal override void ApplyTo(LedgerState state) => state.Post(this);

    public override IEnumerable<ProjectedRow> Rows(long seq)
    {
        var v = Voucher;
        yield return new ProjectedRow("vouchers", [seq, v.Period.ToString(), (long)v.Number, IsoDate.Format(v.Date),
            v.Kind.ToText(), v.Ref, v.Summary, (long)v.Attachments, v.Reverses?.Period.ToString(), (long?)v.Reverses?.Number,
            Origin?.Source, (long?)Origin?.Draft, Origin?.Cashier, v.AttachmentsReason]);
        for (var i = 0; i < v.Lines.Length; i++)
        {
            var l = v.Lines[i];
            yield return new ProjectedRow("voucher_lines", [seq, (long)(i + 1), l.Account, l.Debit.Fen, l.Credit.Fen, l.Fund, l.Member, l.Counterparty, l.Summary]);
        }
    }

    private static VoucherOrigin? ReadOrigin(System.Text.Json.JsonElement d)
    {
        if (!d.TryGetProperty("source", out _)) return null;
        var source = Str(d, "source");
        if (!VoucherOrigin.Sources.Contains(source)) throw new FormatException($"unknown voucher source '{source}'");
        return new VoucherOrigin(source, OptInt(d, "draft"), Added(d, "cashier"));
    }
}

/// <summary>
/// How a voucher reached the books: <c>import</c> (direct import, for migrating historic books),
/// <c>approval</c> (the last approval of draft <see cref="Draft"/>), <c>reversal</c> (vouchers reverse),
/// <c>year_close</c> (the closing vouchers of year close), <c>assets</c> (the asset register's vouchers),
/// <c>distribution</c> (the vouchers of <c>distribution post</c> and <c>distribution pay</c>).
/// A cash or bank voucher names its cashier (出纳).
/// </summary>
public sealed record VoucherOrigin(string Source, int? Draft, string? Cashier)
{
    public const string Import = "import";
    public const string Approval = "approval";
    public const string Reversal = "reversal";
    public const string YearClose = "year_close";

    /// <summary>The asset register's own vouchers: acquisition, monthly depreciation, disposal.</summary>
    public const string Assets = "assets";
    public const string Distribution = "distribution";

    /// <summary>The contract register's own vouchers: rent received and prepaid rent recognized.</summary>
    public const string Contracts = "contracts";
    public static readonly IReadOnlyList<string> Sources = [Import, Approval, Reversal, YearClose, Assets, Distribution, Contracts];
}
