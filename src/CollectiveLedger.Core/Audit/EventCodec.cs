using System.Collections.Immutable;
using System.Text.Json;
using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Assets;
using CollectiveLedger.Core.Contracts;
using CollectiveLedger.Core.Distribution;
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
                if (d.Details is { } details)
                {
                    w.Name("details");
                    WriteDetails(details, w);
                }
                w.Property("name", d.Name);
                if (d.Terms is { } terms)
                {
                    w.Name("terms");
                    WriteTerms(terms, w);
                }
                break;
            case VoucherPosted p:
                WriteVoucher(p.Voucher, p.Origin, w);
                break;
            case VoucherDrafted d:
                w.Property("cashier", d.Cashier);
                w.Property("draft", d.Draft);
                w.Property("preparer", d.Preparer);
                w.Name("voucher");
                WriteContent(d.Voucher, w);
                break;
            case DraftStepTaken step:
                w.Property("by", step.By);
                w.Property("draft", step.Draft);
                w.Property("note", step.Note);
                w.Property("role", step.Role);
                break;
            case DraftCarriedForward c:
                w.Property("by", c.By);
                w.Property("date", IsoDate.Format(c.Date));
                w.Property("draft", c.Draft);
                break;
            case PeriodReopenRequested r:
                w.Property("by", r.By);
                w.Property("period", r.Period.ToString());
                w.Property("reason", r.Reason);
                break;
            case PeriodReopened r:
                w.Property("by", r.By);
                w.Property("period", r.Period.ToString());
                w.Property("role", r.Role);
                break;
            case PeriodClosed c:
                if (c.BalancesSha256 is not null) w.Property("balances_sha256", c.BalancesSha256);
                w.Property("period", c.Period.ToString());
                break;
            case SettingChanged c:
                w.Property("key", c.Key);
                w.Property("value", c.Value);
                break;
            case Approval.RoleChangeRequested r:
                w.Property("by", r.By);
                w.Property("key", r.Key);
                w.Property("value", r.Value);
                break;
            case Approval.RoleChangeApproved a:
                w.Property("by", a.By);
                w.Property("key", a.Key);
                w.Property("role", a.Role);
                w.Property("value", a.Value);
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
                if (d.Notice is { } notice) w.Property("notice", notice);
                w.Property("scope", d.Scope);
                w.Property("to", d.To.ToString());
                break;
            case Disclosure.NoticePrepared n:
                w.Property("by", n.By);
                w.Property("checkpoint", n.Checkpoint);
                w.Property("content_sha256", n.ContentSha256);
                w.Property("date", IsoDate.Format(n.Date));
                w.Property("from", n.From.ToString());
                w.Property("number", n.Number);
                w.Property("scope", n.Scope);
                w.Property("to", n.To.ToString());
                break;
            case Disclosure.NoticeReviewed r:
                w.Property("by", r.By);
                w.Property("content_sha256", r.ContentSha256);
                w.Property("date", IsoDate.Format(r.Date));
                w.Property("notice", r.Notice);
                w.Property("opinion", r.Opinion);
                break;
            case Disclosure.FeedbackReceived f:
                w.Property("contact", f.Contact);
                w.Property("date", IsoDate.Format(f.Date));
                w.Property("from", f.From.ToString());
                w.Property("item", f.Item);
                w.Property("number", f.Number);
                w.Property("question", f.Question);
                w.Property("scope", f.Scope);
                w.Property("to", f.To.ToString());
                break;
            case Disclosure.FeedbackAnswered a:
                w.Property("answer", a.Answer);
                w.Property("by", a.By);
                w.Property("date", IsoDate.Format(a.Date));
                w.Property("feedback", a.Feedback);
                break;
            case YearClosed y:
                w.Property("year", y.Year);
                break;
            case YearOpened y:
                w.Property("year", y.Year);
                break;
            case AssetAdded a:
                WriteAsset(a.Asset, a.PaidFrom, a.Attachments, w);
                break;
            case AssetsDepreciated d:
                w.Name("lines");
                w.BeginArray();
                foreach (var l in d.Lines)
                {
                    w.BeginObject();
                    w.Property("amount", l.Amount.ToString());
                    w.Property("asset", l.Asset);
                    w.EndObject();
                }
                w.EndArray();
                w.Property("period", d.Period.ToString());
                break;
            case AssetDisposed d:
                w.Property("asset", d.Asset);
                if (d.Attachments is { } disposalAttachments) w.Property("attachments", disposalAttachments);
                w.Property("date", IsoDate.Format(d.Date));
                w.Property("gain_loss_account", d.GainLossAccount);
                w.Property("proceeds", d.Proceeds.ToString());
                w.Property("proceeds_account", d.ProceedsAccount);
                w.Property("reason", d.Reason);
                break;
            case HerdChanged h:
                // cost, depreciation and loss_account only with a write-off: entries before it read as they were written.
                w.Property("asset", h.Asset);
                w.Property("change", h.Change.ToText());
                if (h.WriteOff is { } writeOff) w.Property("cost", writeOff.Cost.ToString());
                w.Property("date", IsoDate.Format(h.Date));
                if (h.WriteOff is not null) w.Property("depreciation", h.WriteOff.Depreciation.ToString());
                w.Property("head", h.Head);
                if (h.WriteOff is not null) w.Property("loss_account", h.WriteOff.LossAccount);
                w.Property("note", h.Note);
                break;
            case AssetReared r:
                w.Property("amount", r.Amount.ToString());
                w.Property("asset", r.Asset);
                if (r.Attachments is { } rearingAttachments) w.Property("attachments", rearingAttachments);
                w.Property("date", IsoDate.Format(r.Date));
                w.Property("from", r.From);
                break;
            case HerdMatured m:
                w.Property("amount", m.Amount.ToString());
                if (m.Attachments is { } maturityAttachments) w.Property("attachments", maturityAttachments);
                w.Property("date", IsoDate.Format(m.Date));
                w.Property("from", m.From);
                w.Property("head", m.Head);
                if (m.Stated) { w.Name("stated"); w.Boolean(true); } // written only when true
                w.Property("to", m.To);
                break;
            case ContractAdded c:
                w.Property("area", new Amount(c.Contract.AreaHundredthMu).ToString());
                w.Property("from", IsoDate.Format(c.Contract.From));
                w.Property("income_account", c.Contract.IncomeAccount);
                w.Property("number", c.Contract.Number);
                w.Property("party", c.Contract.Party);
                w.Property("prepaid_account", c.Contract.PrepaidAccount);
                w.Property("rent", c.Contract.Rent.ToString());
                w.Property("resource", c.Contract.Resource);
                w.Property("schedule", c.Contract.Schedule);
                w.Property("to", IsoDate.Format(c.Contract.To));
                break;
            case ContractReceived r:
                w.Property("account", r.Account);
                w.Property("amount", r.Amount.ToString());
                if (r.Attachments is { } receiptAttachments) w.Property("attachments", receiptAttachments);
                w.Property("contract", r.Contract);
                w.Property("date", IsoDate.Format(r.Date));
                break;
            case ContractsRecognized y:
                w.Name("lines");
                w.BeginArray();
                foreach (var l in y.Lines)
                {
                    w.BeginObject();
                    w.Property("amount", l.Amount.ToString());
                    w.Property("contract", l.Contract);
                    w.EndObject();
                }
                w.EndArray();
                w.Property("year", y.Year);
                break;
            case DistributionPlanned p:
                w.Property("by", p.By);
                w.Property("distributable", p.Distributable.ToString());
                w.Property("distributed", p.Distributed.ToString());
                w.Name("households");
                w.BeginArray();
                foreach (var h in p.Households)
                {
                    w.BeginObject();
                    w.Property("amount", h.Amount.ToString());
                    w.Property("member", h.Member);
                    w.Property("shares", h.Shares);
                    w.EndObject();
                }
                w.EndArray();
                w.Property("per_share", p.PerShare.ToString());
                if (p.Plan != 1) w.Property("plan", p.Plan);
                w.Property("reserve", p.Reserve.ToString());
                if (p.ReserveBase is { } reserveBase) w.Property("reserve_base", reserveBase.ToString());
                w.Property("reserve_percent", p.ReservePercent);
                if (p.Shared is { } shared) w.Property("to_share", shared.ToString());
                w.Property("total_shares", p.TotalShares);
                w.Property("undistributed", p.Undistributed.ToString());
                w.Property("year", p.Year);
                break;
            case DistributionApproved a:
                w.Property("by", a.By);
                if (a.Plan != 1) w.Property("plan", a.Plan);
                w.Property("resolution", a.Resolution);
                w.Property("role", a.Role);
                w.Property("year", a.Year);
                break;
            case DistributionPosted p:
                w.Property("by", p.By);
                w.Property("date", IsoDate.Format(p.Date));
                w.Property("payable_account", p.PayableAccount);
                if (p.ReserveAccount is { } reserveAccount) w.Property("reserve_account", reserveAccount);
                w.Property("year", p.Year);
                break;
            case DistributionPaid p:
                w.Property("account", p.Account);
                w.Property("by", p.By);
                w.Property("date", IsoDate.Format(p.Date));
                w.Property("year", p.Year);
                break;
            case EnrolmentIssued i:
                w.Property("by", i.By);
                w.Property("user", i.User);
                break;
            case CredentialSet c:
                w.Property("by", c.By);
                w.Property("user", c.User);
                w.Property("via", c.Via);
                break;
            default:
                throw new InvalidOperationException($"No encoding for {e.GetType().Name}.");
        }
        w.EndObject();
    }

    /// <summary>
    /// A posted voucher. <c>cashier</c>, <c>draft</c> and <c>source</c> are written only when known,
    /// so that entries written before they existed still encode to their stored bytes.
    /// </summary>
    private static void WriteVoucher(Voucher v, VoucherOrigin? origin, CanonicalJsonWriter w)
    {
        w.Property("attachments", v.Attachments);
        if (v.AttachmentsReason is { } reason) w.Property("attachments_reason", reason);
        if (origin?.Cashier is { } cashier) w.Property("cashier", cashier);
        w.Property("date", IsoDate.Format(v.Date));
        if (origin?.Draft is { } draft) w.Property("draft", draft);
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
        if (origin is not null) w.Property("source", origin.Source);
        w.Property("summary", v.Summary);
    }

    /// <param name="attachments">Written only when recorded, so that entries from before it was read as they were written.</param>
    private static void WriteAsset(Asset a, string? paidFrom, int? attachments, CanonicalJsonWriter w)
    {
        w.Property("account", a.Account);
        w.Property("acquired", IsoDate.Format(a.Acquired));
        if (attachments is { } n) w.Property("attachments", n);
        w.Property("category", a.Category.ToText());
        w.Property("code", a.Code);
        w.Property("cost", a.Cost.ToString());
        w.Property("depreciation_account", a.DepreciationAccount);
        w.Property("expense_account", a.ExpenseAccount);
        w.Property("fund", a.Fund);
        w.Property("head", a.Head);
        w.Property("life_months", a.LifeMonths);
        w.Property("location", a.Location);
        w.Property("name", a.Name);
        if (a.Nominal) { w.Name("nominal"); w.Boolean(true); } // written only when true: entries before it read as before
        w.Property("opening_depreciation", a.OpeningDepreciation.ToString());
        w.Property("opening_months", a.OpeningMonths);
        w.Property("paid_from", paidFrom);
        w.Property("residual", a.Residual.ToString());
        w.Property("species", a.Species);
    }

    private static AssetAdded ReadAsset(JsonElement d)
    {
        if (!AssetCategories.TryParse(Str(d, "category"), out var category)) throw new FormatException("unknown asset category");
        var asset = new Asset(Str(d, "code"), Str(d, "name"), category, OptStr(d, "location"), IsoDate.Parse(Str(d, "acquired")),
            Amount.ParseCanonical(Str(d, "cost")), OptStr(d, "fund"), Int(d, "life_months"), Amount.ParseCanonical(Str(d, "residual")), Str(d, "account"),
            OptStr(d, "depreciation_account"), OptStr(d, "expense_account"), OptStr(d, "species"), Int(d, "head"),
            Amount.ParseCanonical(Str(d, "opening_depreciation")), Int(d, "opening_months"), Nominal(d));
        return new AssetAdded(asset, OptStr(d, "paid_from"), OptInt(d, "attachments"));
    }

    private static HerdChanged ReadHerd(JsonElement d) =>
        HerdChanges.TryParse(Str(d, "change"), out var change)
            ? new HerdChanged(Str(d, "asset"), IsoDate.Parse(Str(d, "date")), change, Int(d, "head"), OptStr(d, "note"),
                d.TryGetProperty("cost", out _)
                    ? new HerdWriteOff(Amount.ParseCanonical(Str(d, "cost")), Amount.ParseCanonical(Str(d, "depreciation")), Str(d, "loss_account"))
                    : null)
            : throw new FormatException("unknown herd change");

    /// <summary>What a voucher says, without what the ledger assigns when posting it (number, period).</summary>
    private static void WriteContent(Voucher v, CanonicalJsonWriter w, bool withRef = true)
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

    private static void WriteDetails(MemberDetails m, CanonicalJsonWriter w)
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

    private static MemberDetails ReadDetails(JsonElement m) => new(
        Str(m, "head"), Int(m, "household_size"), Int(m, "shares"), OptStr(m, "id_card"), OptStr(m, "bank_account"), OptStr(m, "phone"));

    private static void WriteTerms(FundTerms t, CanonicalJsonWriter w)
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
        WriteContent(v, w, withRef: false);
        return Sha256Hex.Of(w.WrittenSpan);
    }

    public static LedgerEvent ReadData(string kind, JsonElement data) => kind switch
    {
        "ledger.created" => new LedgerCreated(Str(data, "ledger_id"), Str(data, "org"), Str(data, "org_code"),
            Str(data, "currency"), Str(data, "chart"), ReadPeriod(data, "start_period"), Int(data, "format_version")),
        "account.added" => new AccountAdded(Str(data, "code"), Str(data, "name"), Str(data, "parent")),
        "fund.added" => new DimensionAdded(DimensionKind.Fund, Str(data, "code"), Str(data, "name"),
            data.TryGetProperty("terms", out var terms) ? ReadTerms(terms) : null),
        "member.added" => new DimensionAdded(DimensionKind.Member, Str(data, "code"), Str(data, "name"), null,
            data.TryGetProperty("details", out var details) ? ReadDetails(details) : null),
        "counterparty.added" => new DimensionAdded(DimensionKind.Counterparty, Str(data, "code"), Str(data, "name")),
        "voucher.posted" => new VoucherPosted(ReadVoucher(data, Int(data, "number"), ReadPeriod(data, "period")), ReadOrigin(data)),
        "voucher.drafted" => new VoucherDrafted(Int(data, "draft"), ReadVoucher(Get(data, "voucher"), 0, null), Str(data, "preparer"), OptStr(data, "cashier")),
        "voucher.carried_forward" => new DraftCarriedForward(Int(data, "draft"), IsoDate.Parse(Str(data, "date")), Str(data, "by")),
        "period.reopen_requested" => new PeriodReopenRequested(ReadPeriod(data, "period"), Str(data, "reason"), Str(data, "by")),
        "period.reopened" => new PeriodReopened(ReadPeriod(data, "period"), Str(data, "by"), Str(data, "role")),
        _ when kind.StartsWith("voucher.", StringComparison.Ordinal) && DraftActions.TryParse(kind["voucher.".Length..], out var action) =>
            new DraftStepTaken(Int(data, "draft"), action, Str(data, "by"), OptStr(data, "role"), OptStr(data, "note")),
        "period.closed" => new PeriodClosed(ReadPeriod(data, "period"), data.TryGetProperty("balances_sha256", out _) ? Str(data, "balances_sha256") : null),
        "setting.changed" => new SettingChanged(Str(data, "key"), Str(data, "value")),
        "role.change_requested" => new Approval.RoleChangeRequested(Str(data, "key"), Str(data, "value"), Str(data, "by")),
        "role.change_approved" => new Approval.RoleChangeApproved(Str(data, "key"), Str(data, "value"), Str(data, "by"), Str(data, "role")),
        "key.registered" => ReadKey(data),
        "disclosure.published" => new DisclosurePublished(Str(data, "scope"), ReadPeriod(data, "from"), ReadPeriod(data, "to"),
            IsoDate.Parse(Str(data, "date")), Str(data, "checkpoint"),
            [.. Get(data, "files").EnumerateArray().Select(f => new PublishedFile(Str(f, "name"), Str(f, "format"), Str(f, "sha256")))],
            data.TryGetProperty("notice", out _) ? Int(data, "notice") : null),
        "notice.prepared" => new Disclosure.NoticePrepared(Int(data, "number"), Str(data, "scope"), ReadPeriod(data, "from"), ReadPeriod(data, "to"),
            IsoDate.Parse(Str(data, "date")), Str(data, "checkpoint"), Str(data, "content_sha256"), Str(data, "by")),
        "notice.reviewed" => new Disclosure.NoticeReviewed(Int(data, "notice"), Str(data, "content_sha256"), IsoDate.Parse(Str(data, "date")),
            Str(data, "opinion"), Str(data, "by")),
        "feedback.received" => new Disclosure.FeedbackReceived(Int(data, "number"), Str(data, "scope"), ReadPeriod(data, "from"), ReadPeriod(data, "to"),
            IsoDate.Parse(Str(data, "date")), Str(data, "item"), Str(data, "question"), OptStr(data, "contact")),
        "feedback.answered" => new Disclosure.FeedbackAnswered(Int(data, "feedback"), IsoDate.Parse(Str(data, "date")), Str(data, "answer"), Str(data, "by")),
        "year.closed" => new YearClosed(ReadYear(data)),
        "year.opened" => new YearOpened(ReadYear(data)),
        "asset.added" => ReadAsset(data),
        "asset.depreciated" => new AssetsDepreciated(ReadPeriod(data, "period"),
            [.. Get(data, "lines").EnumerateArray().Select(l => new AssetDepreciation(Str(l, "asset"), Amount.ParseCanonical(Str(l, "amount"))))]),
        "asset.disposed" => new AssetDisposed(Str(data, "asset"), IsoDate.Parse(Str(data, "date")), Amount.ParseCanonical(Str(data, "proceeds")),
            OptStr(data, "proceeds_account"), OptStr(data, "gain_loss_account"), Str(data, "reason"), OptInt(data, "attachments")),
        "herd.changed" => ReadHerd(data),
        "asset.reared" => new AssetReared(Str(data, "asset"), IsoDate.Parse(Str(data, "date")), Amount.ParseCanonical(Str(data, "amount")), Str(data, "from"),
            OptInt(data, "attachments")),
        "herd.matured" => new HerdMatured(Str(data, "from"), Str(data, "to"), IsoDate.Parse(Str(data, "date")), Int(data, "head"),
            Amount.ParseCanonical(Str(data, "amount")), Stated(data), OptInt(data, "attachments")),
        "contract.added" => new ContractAdded(new Contract(Str(data, "number"), Str(data, "party"), Str(data, "resource"),
            Amount.ParseCanonical(Str(data, "area")).Fen, Amount.ParseCanonical(Str(data, "rent")), IsoDate.Parse(Str(data, "from")), IsoDate.Parse(Str(data, "to")),
            Str(data, "schedule"), Str(data, "income_account"), Str(data, "prepaid_account"))),
        "contract.received" => new ContractReceived(Str(data, "contract"), IsoDate.Parse(Str(data, "date")), Amount.ParseCanonical(Str(data, "amount")), Str(data, "account"),
            OptInt(data, "attachments")),
        "contract.recognized" => new ContractsRecognized(ReadYear(data),
            [.. Get(data, "lines").EnumerateArray().Select(l => new ContractRecognition(Str(l, "contract"), Amount.ParseCanonical(Str(l, "amount"))))]),
        "distribution.planned" => new DistributionPlanned(ReadYear(data), Int(data, "reserve_percent"), Amount.ParseCanonical(Str(data, "distributable")),
            Amount.ParseCanonical(Str(data, "reserve")), Int(data, "total_shares"), Amount.ParseCanonical(Str(data, "per_share")),
            Amount.ParseCanonical(Str(data, "distributed")), Amount.ParseCanonical(Str(data, "undistributed")),
            [.. Get(data, "households").EnumerateArray().Select(h => new DistributionShare(Str(h, "member"), Int(h, "shares"), Amount.ParseCanonical(Str(h, "amount"))))],
            Str(data, "by"), OptAmount(data, "reserve_base"), OptAmount(data, "to_share"), ReadPlan(data)),
        "distribution.approved" => new DistributionApproved(ReadYear(data), Str(data, "resolution"), Str(data, "by"), Str(data, "role"), ReadPlan(data)),
        "distribution.posted" => new DistributionPosted(ReadYear(data), IsoDate.Parse(Str(data, "date")), Str(data, "payable_account"), Str(data, "by"),
            data.TryGetProperty("reserve_account", out _) ? Str(data, "reserve_account") : null),
        "distribution.paid" => new DistributionPaid(ReadYear(data), IsoDate.Parse(Str(data, "date")), Str(data, "account"), Str(data, "by")),
        "user.enrolment_issued" => new EnrolmentIssued(Str(data, "user"), Str(data, "by")),
        "user.credential_set" => new CredentialSet(Str(data, "user"), Str(data, "by"), Str(data, "via")),
        _ => throw new FormatException($"unknown entry kind '{kind}'"),
    };

    /// <summary>A distribution plan's number (audit-log.md 7.15): absent means 1, and 1 is never written.</summary>
    private static int ReadPlan(JsonElement d)
    {
        if (!d.TryGetProperty("plan", out _)) return 1;
        var plan = Int(d, "plan");
        return plan >= 2 ? plan : throw new FormatException("plan is written only from 2 on");
    }

    private static VoucherOrigin? ReadOrigin(JsonElement d)
    {
        if (!d.TryGetProperty("source", out _)) return null;
        var source = Str(d, "source");
        if (!VoucherOrigin.Sources.Contains(source)) throw new FormatException($"unknown voucher source '{source}'");
        return new VoucherOrigin(source, d.TryGetProperty("draft", out _) ? Int(d, "draft") : null, d.TryGetProperty("cashier", out _) ? Str(d, "cashier") : null);
    }

    private static FundTerms ReadTerms(JsonElement t) => new(
        Str(t, "kind"), Str(t, "agency"), Str(t, "document"), Amount.ParseCanonical(Str(t, "granted")), Str(t, "purpose"), Str(t, "accounts"),
        OptStr(t, "project"), OptDate(t, "valid_from"), OptDate(t, "valid_to"), OptStr(t, "location"), OptStr(t, "tasks"), OptStr(t, "standard"),
        OptStr(t, "implementer"), OptStr(t, "responsible"), OptStr(t, "targets"), OptStr(t, "beneficiaries"));

    private static DateOnly? OptDate(JsonElement e, string name) => OptStr(e, name) is { } text ? IsoDate.Parse(text) : null;

    /// <param name="period">The period the entry states, which must be the month of the date; null for a draft, which states none.</param>
    private static Voucher ReadVoucher(JsonElement d, int number, Period? period)
    {
        var lines = ImmutableArray.CreateBuilder<VoucherLine>();
        foreach (var l in Get(d, "lines").EnumerateArray())
        {
            lines.Add(new VoucherLine(Str(l, "account"), Amount.ParseCanonical(Str(l, "debit")), Amount.ParseCanonical(Str(l, "credit")),
                OptStr(l, "fund"), OptStr(l, "member"), OptStr(l, "counterparty"), OptStr(l, "summary")));
        }
        VoucherKey? reverses = null;
        if (period is not null && Get(d, "reverses") is { ValueKind: not JsonValueKind.Null } r) reverses = new VoucherKey(ReadPeriod(r, "period"), Int(r, "number"));
        if (!VoucherKinds.TryParse(Str(d, "kind"), out var kind)) throw new FormatException("unknown voucher kind");
        var voucher = new Voucher(number, IsoDate.Parse(Str(d, "date")), kind, OptStr(d, "ref"), Str(d, "summary"),
            Int(d, "attachments"), reverses, lines.ToImmutable()) { AttachmentsReason = d.TryGetProperty("attachments_reason", out _) ? Str(d, "attachments_reason") : null };
        if (period is not null && voucher.Period != period) throw new FormatException("period is not the month of the date");
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

    /// <summary>An amount key added in a later version of format 1: null when the entry has none.</summary>
    private static Amount? OptAmount(JsonElement e, string name) => e.TryGetProperty(name, out _) ? Amount.ParseCanonical(Str(e, name)) : null;

    /// <summary>asset.added's optional nominal key: present only as true (an absent key is false, as in entries written before it).</summary>
    private static bool Nominal(JsonElement d) =>
        !d.TryGetProperty("nominal", out var v) ? false : v.ValueKind == JsonValueKind.True ? true : throw new FormatException("'nominal' is present only as true");

    private static bool Stated(JsonElement d) =>
        !d.TryGetProperty("stated", out var v) ? false : v.ValueKind == JsonValueKind.True ? true : throw new FormatException("'stated' is present only as true");

    /// <summary>An integer key added in a later version of format 1: null when the entry has none.</summary>
    private static int? OptInt(JsonElement e, string name) => e.TryGetProperty(name, out _) ? Int(e, name) : null;

    private static int Int(JsonElement e, string name) =>
        Get(e, name).TryGetInt32(out var n) ? n : throw new FormatException($"'{name}' is not an integer");

    private static Period ReadPeriod(JsonElement e, string name) =>
        Period.TryParse(Str(e, name), out var p) ? p : throw new FormatException($"'{name}' is not a period");
}
