using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Distribution;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Storage;

/// <summary>One row of a projection table, values in the table's column order.</summary>
public sealed record Row(Table Table, object?[] Values)
{
    /// <summary>The primary key as text, for messages ("2025-03|7", "10201").</summary>
    public string Key => string.Join("|", Values.Take(Table.KeyColumns).Select(Cell.Text));

    /// <summary>Every column as <see cref="Cell.WriteQuoted"/> writes it, joined by commas: equal to the stored row's signature when the row is the same.</summary>
    public string Signature
    {
        get
        {
            using var buffer = new Core.PooledBuffer(256);
            WriteSignature(buffer);
            return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }

    /// <summary>The signature as UTF-8 bytes, as the verify query returns it as a BLOB.</summary>
    public void WriteSignature(System.Buffers.IBufferWriter<byte> w)
    {
        for (var i = 0; i < Values.Length; i++)
        {
            if (i > 0) Cell.WriteAscii(w, ",");
            Cell.WriteQuoted(w, Values[i]);
        }
    }
}

/// <summary>
/// How each audit entry becomes table rows. The write path inserts exactly these rows in the
/// entry's transaction, and verify derives them again from the log and compares them with the
/// tables: one definition, so the two cannot disagree. The projection is insert-only.
/// </summary>
public static class Projection
{
    /// <summary>
    /// A posted voucher's rows as <see cref="Verification.LiveVouchers"/> compares them: the voucher's
    /// row, '|', then its lines' rows joined by ';', each as <see cref="Row.WriteSignature"/> spells
    /// it, written straight from the event. Verify does this for every voucher, so it builds no
    /// <see cref="Row"/> (the rows, with their boxed numbers, are built only to name a difference);
    /// a test holds it equal to the rows of <see cref="RowsFor"/>.
    /// </summary>
    public static byte[] VoucherSignature(long seq, VoucherPosted p)
    {
        using var buffer = new Core.PooledBuffer(1024);
        var w = new SignatureWriter(buffer);
        var v = p.Voucher;
        w.Integer(seq); w.Period(v.Period); w.Integer(v.Number); w.Date(v.Date); w.Text(v.Kind.ToText()); w.Text(v.Ref); w.Text(v.Summary);
        w.Integer(v.Attachments); w.Period(v.Reverses?.Period); w.Integer(v.Reverses?.Number);
        w.Text(p.Origin?.Source); w.Integer(p.Origin?.Draft); w.Text(p.Origin?.Cashier); w.Text(v.AttachmentsReason);
        for (var i = 0; i < v.Lines.Length; i++)
        {
            w.EndRow(i == 0 ? "|" : ";");
            var l = v.Lines[i];
            w.Integer(seq); w.Integer(i + 1); w.Text(l.Account); w.Integer(l.Debit.Fen); w.Integer(l.Credit.Fen);
            w.Text(l.Fund); w.Text(l.Member); w.Text(l.Counterparty); w.Text(l.Summary);
        }
        if (v.Lines.Length == 0) w.EndRow("|");
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Columns spelled as <see cref="Cell.WriteQuoted"/> does, comma-separated within a row.</summary>
    private ref struct SignatureWriter(System.Buffers.IBufferWriter<byte> w)
    {
        private bool _inRow;

        public void EndRow(string separator)
        {
            Cell.WriteAscii(w, separator);
            _inRow = false;
        }

        public void Integer(long? value)
        {
            Separate();
            if (value is { } n) Cell.WriteQuotedInteger(w, n); else Cell.WriteQuoted(w, null);
        }

        public void Text(string? value)
        {
            Separate();
            Cell.WriteQuoted(w, value);
        }

        /// <summary>YYYY-MM, as <see cref="Core.Periods.Period.ToString"/> spells it.</summary>
        public void Period(Core.Periods.Period? period)
        {
            Separate();
            if (period is not { } p) { Cell.WriteQuoted(w, null); return; }
            Span<byte> text = stackalloc byte[7];
            Digits(text[..4], p.Year); text[4] = (byte)'-'; Digits(text[5..], p.Month);
            Cell.WriteQuotedText(w, text);
        }

        /// <summary>YYYY-MM-DD, as <see cref="Core.Periods.IsoDate.Format"/> spells it.</summary>
        public void Date(DateOnly date)
        {
            Separate();
            Span<byte> text = stackalloc byte[10];
            Digits(text[..4], date.Year); text[4] = (byte)'-'; Digits(text[5..7], date.Month); text[7] = (byte)'-'; Digits(text[8..], date.Day);
            Cell.WriteQuotedText(w, text);
        }

        private void Separate()
        {
            if (_inRow) Cell.WriteAscii(w, ",");
            _inRow = true;
        }

        private static void Digits(Span<byte> into, int value)
        {
            for (var i = into.Length - 1; i >= 0; i--, value /= 10) into[i] = (byte)('0' + value % 10);
        }
    }

    public static IEnumerable<Row> RowsFor(long seq, LedgerEvent e)
    {
        switch (e)
        {
            case LedgerCreated c:
                yield return new Row(Table.Ledger, [c.LedgerId, c.Org, c.OrgCode, c.Currency, c.Chart, c.StartPeriod.ToString(), (long)c.FormatVersion]);
                foreach (var a in StandardChart.Accounts) yield return AccountRow(a, seq);
                break;
            case AccountAdded a:
                // The class and side are inherited; the state has the parent, but the row needs only
                // the level-1 ancestor, which the first three digits name.
                var root = StandardChart.ByCode[a.Code[..3]];
                yield return AccountRow(new Account(a.Code, a.Name, a.Parent, root.Class, root.Side), seq);
                break;
            case DimensionAdded { Dimension: DimensionKind.Fund } d:
                yield return new Row(Table.Funds, [d.Code, d.Name, seq, d.Terms is null ? null : EventCodec.TermsJson(d.Terms)]);
                break;
            case DimensionAdded { Dimension: DimensionKind.Member } d:
                yield return new Row(Table.Members, [d.Code, d.Name, seq, d.Details is null ? null : EventCodec.DetailsJson(d.Details)]);
                break;
            case DimensionAdded d:
                yield return new Row(Table.For(d.Dimension), [d.Code, d.Name, seq]);
                break;
            case VoucherPosted p:
                var v = p.Voucher;
                yield return new Row(Table.Vouchers, [seq, v.Period.ToString(), (long)v.Number, Core.Periods.IsoDate.Format(v.Date),
                    v.Kind.ToText(), v.Ref, v.Summary, (long)v.Attachments, v.Reverses?.Period.ToString(), (long?)v.Reverses?.Number,
                    p.Origin?.Source, (long?)p.Origin?.Draft, p.Origin?.Cashier, v.AttachmentsReason]);
                for (var i = 0; i < v.Lines.Length; i++)
                {
                    var l = v.Lines[i];
                    yield return new Row(Table.VoucherLines, [seq, (long)(i + 1), l.Account, l.Debit.Fen, l.Credit.Fen, l.Fund, l.Member, l.Counterparty, l.Summary]);
                }
                break;
            case PeriodClosed c:
                yield return new Row(Table.ClosedPeriods, [c.Period.ToString(), seq, c.BalancesSha256]);
                break;
            case SettingChanged c:
                yield return new Row(Table.Settings, [c.Key, seq, c.Value]);
                break;
            case Core.Approval.RoleChangeRequested r:
                yield return new Row(Table.RoleChanges, [seq, r.Key, "requested", r.By, null, r.Value]);
                break;
            case Core.Approval.RoleChangeApproved a:
                yield return new Row(Table.RoleChanges, [seq, a.Key, "approved", a.By, a.Role, a.Value]);
                yield return new Row(Table.Settings, [a.Key, seq, a.Value]);
                break;
            case KeyRegistered k:
                yield return new Row(Table.SigningKeys, [k.Name, k.KeyIdHex, Convert.ToBase64String(k.PublicKey), seq]);
                break;
            case DisclosurePublished d:
                yield return new Row(Table.Disclosures, [seq, d.Scope, d.From.ToString(), d.To.ToString(), Core.Periods.IsoDate.Format(d.Date), d.Checkpoint]);
                if (d.Notice is { } notice) yield return new Row(Table.NoticePublications, [seq, (long)notice]);
                for (var i = 0; i < d.Files.Length; i++)
                    yield return new Row(Table.DisclosureFiles, [seq, (long)(i + 1), d.Files[i].Name, d.Files[i].Format, d.Files[i].Sha256]);
                break;
            case Core.Disclosure.FeedbackReceived f:
                yield return new Row(Table.Feedback, [(long)f.Number, seq, f.Scope, f.From.ToString(), f.To.ToString(), Core.Periods.IsoDate.Format(f.Date),
                    f.Item, f.Question, f.Contact]);
                break;
            case Core.Disclosure.NoticePrepared n:
                yield return new Row(Table.Notices, [(long)n.Number, seq, n.Scope, n.From.ToString(), n.To.ToString(), Core.Periods.IsoDate.Format(n.Date),
                    n.Checkpoint, n.ContentSha256, n.By]);
                break;
            case Core.Disclosure.NoticeReviewed r:
                yield return new Row(Table.NoticeReviews, [(long)r.Notice, seq, r.ContentSha256, Core.Periods.IsoDate.Format(r.Date), r.Opinion, r.By]);
                break;
            case Core.Disclosure.FeedbackAnswered a:
                yield return new Row(Table.FeedbackAnswers, [(long)a.Feedback, seq, Core.Periods.IsoDate.Format(a.Date), a.By, a.Answer]);
                break;
            case VoucherDrafted d:
                yield return new Row(Table.Drafts, [seq, (long)d.Draft, d.Preparer, d.Cashier, Core.Periods.IsoDate.Format(d.Voucher.Date), d.Voucher.Ref,
                    d.Voucher.Summary, d.Voucher.Total.Fen]);
                break;
            case DraftStepTaken step:
                yield return new Row(Table.DraftSteps, [seq, (long)step.Draft, step.Action.ToText(), step.By, step.Role, step.Note]);
                break;
            case DraftCarriedForward c:
                yield return new Row(Table.DraftSteps, [seq, (long)c.Draft, "carried_forward", c.By, null, Core.Periods.IsoDate.Format(c.Date)]);
                break;
            case PeriodReopenRequested r:
                yield return new Row(Table.PeriodReopens, [seq, r.Period.ToString(), "requested", r.By, null, r.Reason]);
                break;
            case PeriodReopened r:
                yield return new Row(Table.PeriodReopens, [seq, r.Period.ToString(), "reopened", r.By, r.Role, null]);
                break;
            case YearClosed y:
                yield return new Row(Table.Years, [(long)y.Year, "closed", seq]);
                break;
            case YearOpened y:
                yield return new Row(Table.Years, [(long)y.Year, "opened", seq]);
                break;
            case Core.Assets.AssetAdded a:
                var asset = a.Asset;
                yield return new Row(Table.Assets, [asset.Code, asset.Name, Core.Assets.AssetCategories.ToText(asset.Category), asset.Location,
                    Core.Periods.IsoDate.Format(asset.Acquired), asset.Cost.Fen, asset.Fund, (long)asset.LifeMonths, asset.Residual.Fen, asset.Account,
                    asset.DepreciationAccount, asset.ExpenseAccount, asset.Species, (long)asset.Head, asset.OpeningDepreciation.Fen, (long)asset.OpeningMonths,
                    a.PaidFrom, seq, asset.Nominal ? 1L : 0L]);
                break;
            case Core.Assets.AssetsDepreciated d:
                foreach (var l in d.Lines) yield return new Row(Table.AssetDepreciation, [seq, l.Asset, d.Period.ToString(), l.Amount.Fen]);
                break;
            case Core.Assets.AssetDisposed d:
                yield return new Row(Table.AssetDisposals, [seq, d.Asset, Core.Periods.IsoDate.Format(d.Date), d.Proceeds.Fen, d.ProceedsAccount,
                    d.GainLossAccount, d.Reason]);
                break;
            case Core.Assets.HerdChanged h:
                yield return new Row(Table.HerdChanges, [seq, h.Asset, Core.Periods.IsoDate.Format(h.Date), Core.Assets.HerdChanges.ToText(h.Change),
                    (long)h.Head, h.Note]);
                if (h.WriteOff is { } w)
                    yield return new Row(Table.AssetCostChanges, [seq, h.Asset, Core.Periods.IsoDate.Format(h.Date), "written_off", 0L, -w.Cost.Fen,
                        -w.Depreciation.Fen, w.LossAccount]);
                break;
            case Core.Assets.AssetReared r:
                yield return new Row(Table.AssetCostChanges, [seq, r.Asset, Core.Periods.IsoDate.Format(r.Date), "reared", 0L, r.Amount.Fen, 0L, r.From]);
                break;
            case Core.Assets.HerdMatured m:
                // Key order (seq, asset): the two rows sorted by asset code.
                foreach (var row in new[] { (m.From, "matured_out", -1L), (m.To, "matured_in", 1L) }.OrderBy(x => x.Item1, StringComparer.Ordinal))
                    yield return new Row(Table.AssetCostChanges, [seq, row.Item1, Core.Periods.IsoDate.Format(m.Date), row.Item2, row.Item3 * m.Head,
                        row.Item3 * m.Amount.Fen, 0L, null]);
                break;
            case Core.Contracts.ContractAdded c:
                var contract = c.Contract;
                yield return new Row(Table.Contracts, [contract.Number, contract.Party, contract.Resource, contract.AreaHundredthMu, contract.Rent.Fen,
                    Core.Periods.IsoDate.Format(contract.From), Core.Periods.IsoDate.Format(contract.To), contract.Schedule, contract.IncomeAccount,
                    contract.PrepaidAccount, seq]);
                break;
            case Core.Contracts.ContractReceived r:
                yield return new Row(Table.ContractReceipts, [seq, r.Contract, Core.Periods.IsoDate.Format(r.Date), r.Amount.Fen, r.Account]);
                break;
            case Core.Contracts.ContractsRecognized y:
                foreach (var l in y.Lines) yield return new Row(Table.ContractRecognitions, [seq, l.Contract, (long)y.Year, l.Amount.Fen]);
                break;
            case DistributionPlanned p:
                yield return new Row(Table.Distributions, [(long)p.Year, (long)p.Plan, seq, p.By, (long)p.ReservePercent, p.Distributable.Fen, p.Reserve.Fen, (long)p.TotalShares,
                    p.PerShare.Fen, p.Distributed.Fen, p.Undistributed.Fen, p.ReserveBase?.Fen, p.Shared?.Fen]);
                foreach (var h in p.Households)
                    yield return new Row(Table.DistributionHouseholds, [(long)p.Year, (long)p.Plan, h.Member, (long)h.Shares, h.Amount.Fen]);
                break;
            case DistributionApproved a:
                yield return new Row(Table.DistributionSteps, [seq, (long)a.Year, "approved", a.By, a.Role, a.Resolution, null, null, null, (long)a.Plan]);
                break;
            case DistributionPosted p:
                yield return new Row(Table.DistributionSteps, [seq, (long)p.Year, "posted", p.By, null, null, Core.Periods.IsoDate.Format(p.Date), p.PayableAccount, p.ReserveAccount, null]);
                break;
            case DistributionPaid p:
                yield return new Row(Table.DistributionSteps, [seq, (long)p.Year, "paid", p.By, null, null, Core.Periods.IsoDate.Format(p.Date), p.Account, null, null]);
                break;
            case EnrolmentIssued i:
                yield return new Row(Table.UserCredentials, [seq, i.User, "enrolment_issued", i.By, null]);
                break;
            case CredentialSet c:
                yield return new Row(Table.UserCredentials, [seq, c.User, "credential_set", c.By, c.Via]);
                break;
            default:
                throw new InvalidOperationException($"No projection for {e.GetType().Name}.");
        }
    }

    private static Row AccountRow(Account a, long seq) =>
        new(Table.Accounts, [a.Code, a.Name, a.Parent, ClassText(a.Class), SideText(a.Side), (long)a.Level, seq]);

    private static string ClassText(AccountClass c) => c switch
    {
        AccountClass.Asset => "asset",
        AccountClass.Liability => "liability",
        AccountClass.Ownership => "ownership",
        AccountClass.Cost => "cost",
        _ => "income_expense",
    };

    private static string SideText(NormalSide s) => s switch { NormalSide.Debit => "debit", NormalSide.Credit => "credit", _ => "either" };
}

/// <summary>Cell values as text, for comparisons and messages.</summary>
public static class Cell
{
    public static string Text(object? value) => value switch
    {
        null or DBNull => "null",
        long n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        int n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        string s => s,
        byte[] b => "x'" + Convert.ToHexStringLower(b) + "'",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " (real)",
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// Writes a value as the verify query spells it (<see cref="Table"/>), in UTF-8: printf's %Q (NULL
    /// bare, anything else as text in single quotes with '' for '), a colon, and the value's length
    /// in UTF-8 bytes (0 for NULL).
    /// </summary>
    public static void WriteQuoted(System.Buffers.IBufferWriter<byte> w, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                WriteAscii(w, "NULL:0");
                return;
            case long or int:
                WriteQuotedInteger(w, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                return;
            case string s:
                var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(s.Length));
                WriteQuotedText(w, rented.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(s, rented)));
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
                return;
            default:
                throw new InvalidOperationException($"projection values are text, integers or null, not {value.GetType().Name}");
        }
    }

    /// <summary>Writes an integer as SQLite spells it as text: its decimal digits.</summary>
    public static void WriteQuotedInteger(System.Buffers.IBufferWriter<byte> w, long value)
    {
        Span<byte> digits = stackalloc byte[20];
        System.Buffers.Text.Utf8Formatter.TryFormat(value, digits, out var length);
        WriteQuotedText(w, digits[..length]);
    }

    /// <summary>
    /// Writes a value that is not NULL, given as its text in UTF-8 (an integer as its decimal digits,
    /// as SQLite reads any column as text), the way <see cref="WriteQuoted(System.Buffers.IBufferWriter{byte}, object?)"/> does.
    /// </summary>
    public static void WriteQuotedText(System.Buffers.IBufferWriter<byte> w, ReadOnlySpan<byte> utf8)
    {
        WriteAscii(w, "'");
        var rest = utf8;
        for (var quote = rest.IndexOf((byte)'\''); quote >= 0; quote = rest.IndexOf((byte)'\''))
        {
            WriteBytes(w, rest[..(quote + 1)]);
            WriteAscii(w, "'");
            rest = rest[(quote + 1)..];
        }
        WriteBytes(w, rest);
        WriteAscii(w, "':");
        System.Buffers.Text.Utf8Formatter.TryFormat(utf8.Length, w.GetSpan(11), out var written);
        w.Advance(written);
    }

    private static void WriteBytes(System.Buffers.IBufferWriter<byte> w, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(w.GetSpan(bytes.Length));
        w.Advance(bytes.Length);
    }

    public static void WriteAscii(System.Buffers.IBufferWriter<byte> w, string text)
    {
        var span = w.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++) span[i] = (byte)text[i];
        w.Advance(text.Length);
    }

    /// <summary>Equal in value and in type: a text '5' is not the integer 5.</summary>
    public static bool Same(object? a, object? b) => (a is null or DBNull) ? b is null or DBNull : a.Equals(b is int i ? (long)i : b);
}
