using CollectiveLedger.Core.Periods;
using System.Text.Json;
using CollectiveLedger.Core.Assets;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>The complete notice model as JSON (schemas/disclosure.schema.json); amounts are strings.</summary>
public static class NoticeJson
{
    public static byte[] Render(DisclosureNotice n) => Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("org", n.Org);
        w.WriteString("org_code", n.OrgCode);
        w.WriteString("currency", n.Currency);
        w.WriteString("scope", n.Period.Scope);
        w.WriteString("from", n.Period.From.ToString());
        w.WriteString("to", n.Period.To.ToString());
        w.WriteString("label", n.Period.LabelZh);
        w.WriteString("publication_date", IsoDate.Format(n.PublicationDate));
        w.WriteStartObject("summary");
        w.WriteString("cash_and_bank_opening", n.CashAndBankOpening.ToString());
        Categories(w, "income", n.Income);
        w.WriteString("income_total", n.IncomeTotal.ToString());
        w.WriteString("income_total_in_words", ChineseUppercase.Format(n.IncomeTotal));
        Categories(w, "expenditure", n.Expenditure);
        w.WriteString("expenditure_total", n.ExpenditureTotal.ToString());
        w.WriteString("expenditure_total_in_words", ChineseUppercase.Format(n.ExpenditureTotal));
        if (!n.Movements.IsEmpty)
        {
            w.WriteStartArray("movements");
            foreach (var m in n.Movements)
            {
                w.WriteStartObject();
                w.WriteString("group", m.Group);
                w.WriteString("amount", m.Amount.ToString());
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteString("cash_and_bank_closing", n.CashAndBankClosing.ToString());
        w.WriteString("cash_and_bank_closing_in_words", ChineseUppercase.Format(n.CashAndBankClosing));
        w.WriteEndObject();
        Items(w, "income_items", n.IncomeItems);
        Items(w, "expenditure_items", n.ExpenditureItems);
        w.WriteStartArray("funds");
        var fundBalances = n.FundBalances.ToDictionary(f => f.Code, StringComparer.Ordinal);
        foreach (var f in n.Funds)
        {
            w.WriteStartObject();
            w.WriteString("code", f.Code);
            w.WriteString("name", f.Name);
            w.WriteString("received_to_date", f.ReceivedToDate.ToString());
            w.WriteString("spent_to_date", f.SpentToDate.ToString());
            w.WriteString("spent_in_period", f.SpentInPeriod.ToString());
            w.WriteString("balance", f.Balance.ToString());
            if (fundBalances.TryGetValue(f.Code, out var owed))
            {
                w.WriteString("still_payable", owed.StillPayable.ToString());
                w.WriteString("available", owed.Available.ToString());
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Categories(w, "receivables", n.Claims.Receivables);
        w.WriteString("receivables_total", n.Claims.ReceivablesTotal.ToString());
        Categories(w, "payables", n.Claims.Payables);
        w.WriteString("payables_total", n.Claims.PayablesTotal.ToString());
        Assets(w, n.Assets);
        AssetOverview(w, n.AssetOverview);
        Herds(w, n.Herds);
        Contracts(w, n.Contracts);
        Resources(w, n.Resources);
        OneMatter(w, n.OneMatter);
        CadrePay(w, n.CadrePay);
        if (!n.Feedback.IsEmpty) Feedback(w, n.Feedback);
        if (n.Attachments is { } attachments) Attachments(w, attachments);
        Review(w, n.Settings, n.Review);
        Verification(w, n.Verification);
        w.WriteEndObject();
    });

    /// <summary>
    /// The "review" object: who signs, and how long villagers have to object and to whom; with the
    /// supervision committee's review (who, when, opinion) when the books record one.
    /// </summary>
    internal static void Review(Utf8JsonWriter w, DisclosureSettings s, NoticeReview? review = null)
    {
        w.WriteStartObject("review");
        if (review is { } r)
        {
            w.WriteString("reviewed_by", r.By);
            w.WriteString("reviewed_on", IsoDate.Format(r.Date));
            w.WriteString("opinion", r.Opinion);
        }
        w.WriteString("accountant", s.Accountant);
        w.WriteString("committee_chair", s.CommitteeChair);
        w.WriteString("supervision_chair", s.SupervisionChair);
        w.WriteNumber("objection_days", s.ObjectionDays);
        w.WriteString("contact", s.Contact);
        w.WriteEndObject();
    }

    /// <summary>
    /// The opening keys of the project and distribution notices: who publishes, in what currency, on
    /// what day. The month notice writes the same keys itself, with its period between the currency and
    /// the day, as schemas/disclosure.schema.json has them.
    /// </summary>
    internal static void Header(Utf8JsonWriter w, string org, string orgCode, string currency, DateOnly publicationDate)
    {
        w.WriteString("org", org);
        w.WriteString("org_code", orgCode);
        w.WriteString("currency", currency);
        w.WriteString("publication_date", IsoDate.Format(publicationDate));
    }

    /// <summary>The "verification" object: the checkpoint printed on the notice.</summary>
    internal static void Verification(Utf8JsonWriter w, NoticeVerification v)
    {
        w.WriteStartObject("verification");
        w.WriteNumber("entries", v.Entries);
        w.WriteString("root", v.RootHex);
        w.WriteNumber("head_seq", v.HeadSeq);
        w.WriteString("head_hash", v.HeadHash);
        // Whether the checkpoint carries a signature: false says in the data what the paper says in words.
        w.WriteBoolean("signed", v.Keys.Length > 0);
        w.WriteStartArray("keys");
        foreach (var k in v.Keys)
        {
            w.WriteStartObject();
            w.WriteString("name", k.Name);
            w.WriteString("key_id", k.KeyId);
            w.WriteString("fingerprint", k.Fingerprint);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("signed_note", v.SignedNote);
        if (!v.Cosignatures.IsEmpty)
        {
            w.WriteStartArray("cosignatures");
            foreach (var line in v.Cosignatures) w.WriteStringValue(line);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>The "assets" object: each asset of the period and the totals.</summary>
    private static void Assets(Utf8JsonWriter w, DisclosureAssets assets)
    {
        w.WriteStartObject("assets");
        w.WriteStartArray("rows");
        foreach (var a in assets.Rows)
        {
            w.WriteStartObject();
            w.WriteString("code", a.Code);
            w.WriteString("name", a.Name);
            w.WriteString("category", a.Category);
            w.WriteString("location", a.Location);
            w.WriteString("acquired", IsoDate.Format(a.Acquired));
            AssetColumns(w, a.NetAtStart, a.Increase, a.Depreciation, a.Decrease, a.CostAtEnd, a.DepreciatedAtEnd, a.NetAtEnd);
            w.WriteString("disposed", a.Disposed is { } disposed ? IsoDate.Format(disposed) : null);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        var s = assets.Total;
        w.WriteStartObject("totals");
        AssetColumns(w, s.NetAtStart, s.Increase, s.Depreciation, s.Decrease, s.CostAtEnd, s.DepreciatedAtEnd, s.NetAtEnd);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void AssetColumns(Utf8JsonWriter w, Amount netAtStart, Amount increase, Amount depreciation, Amount decrease, Amount cost, Amount depreciated, Amount net)
    {
        w.WriteString("net_at_start", netAtStart.ToString());
        w.WriteString("increase", increase.ToString());
        w.WriteString("depreciation", depreciation.ToString());
        w.WriteString("decrease", decrease.ToString());
        w.WriteString("cost_at_end", cost.ToString());
        w.WriteString("depreciated_at_end", depreciated.ToString());
        w.WriteString("net_at_end", net.ToString());
    }

    /// <summary>
    /// The optional "attachments" array (written only when the notice shows 原始凭证, setting notice.attachments): each
    /// voucher the notice names, with the number of files kept with it and each file's entry, name, type, size and SHA-256.
    /// </summary>
    private static void Attachments(Utf8JsonWriter w, DisclosureAttachments attachments)
    {
        w.WriteStartArray("attachments");
        foreach (var v in attachments.Vouchers)
        {
            w.WriteStartObject();
            w.WriteString("period", v.Voucher.Period.ToString());
            w.WriteNumber("number", v.Voucher.Number);
            w.WriteString("voucher", v.Voucher.NumberText);
            w.WriteNumber("count", v.Files.Length);
            w.WriteStartArray("files");
            foreach (var f in v.Files)
            {
                w.WriteStartObject();
                w.WriteNumber("seq", f.Seq);
                w.WriteString("file_name", f.FileName);
                w.WriteString("media_type", f.MediaType);
                w.WriteNumber("size_bytes", f.SizeBytes);
                w.WriteString("sha256", f.Sha256);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>
    /// The optional "feedback" array (written only when there was feedback in the period): each
    /// question with the notice it is about, and its answer, the contact masked.
    /// </summary>
    private static void Feedback(Utf8JsonWriter w, IEnumerable<FeedbackRecord> feedback)
    {
        w.WriteStartArray("feedback");
        foreach (var f in feedback)
        {
            w.WriteStartObject();
            w.WriteNumber("number", f.Number);
            w.WriteString("received", IsoDate.Format(f.Received));
            w.WriteStartObject("notice");
            w.WriteString("scope", f.Notice.Scope);
            w.WriteString("from", f.Notice.From.ToString());
            w.WriteString("to", f.Notice.To.ToString());
            w.WriteEndObject();
            w.WriteString("item", f.Item);
            w.WriteString("question", f.Question);
            if (string.IsNullOrEmpty(f.Contact)) w.WriteNull("contact"); else w.WriteString("contact", f.Contact);
            if (f.Answered is { } on)
            {
                w.WriteString("answered", IsoDate.Format(on));
                w.WriteString("answered_by", f.AnsweredBy);
                w.WriteString("answer", f.Answer);
            }
            else
            {
                w.WriteNull("answered");
                w.WriteNull("answered_by");
                w.WriteNull("answer");
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The "herds" array: each herd's head counts (integers) with one key per kind of change.</summary>
    private static void Herds(Utf8JsonWriter w, IEnumerable<DisclosureHerd> herds)
    {
        w.WriteStartArray("herds");
        foreach (var h in herds)
        {
            w.WriteStartObject();
            w.WriteString("code", h.Code);
            w.WriteString("name", h.Name);
            w.WriteString("species", h.Species);
            w.WriteNumber("head_at_start", h.HeadAtStart);
            w.WriteNumber("registered", h.Registered);
            foreach (var (change, head) in h.Changes) w.WriteNumber(change.ToText(), head);
            if (h.Matured != 0) w.WriteNumber("matured", h.Matured); // only with a maturity: notices without one stay as they were
            w.WriteNumber("disposed", h.Disposed);
            w.WriteNumber("head_at_end", h.HeadAtEnd);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The "contracts" object: each contract of the period and the totals.</summary>
    private static void Contracts(Utf8JsonWriter w, DisclosureContracts contracts)
    {
        w.WriteStartObject("contracts");
        w.WriteStartArray("rows");
        foreach (var c in contracts.Rows)
        {
            w.WriteStartObject();
            w.WriteString("number", c.Number);
            w.WriteString("party", c.Party);
            w.WriteString("resource", c.Resource);
            w.WriteString("area", new Amount(c.AreaHundredths).ToString());
            w.WriteString("area_unit", c.Unit);
            w.WriteString("rent", c.Rent.ToString());
            w.WriteString("from", IsoDate.Format(c.From));
            w.WriteString("to", IsoDate.Format(c.To));
            w.WriteString("received_in_period", c.ReceivedInPeriod.ToString());
            w.WriteString("received_to_date", c.ReceivedToDate.ToString());
            w.WriteString("overdue", c.Overdue.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        var s = contracts.Total;
        w.WriteStartObject("totals");
        w.WriteStartArray("areas");
        foreach (var a in s.Areas)
        {
            w.WriteStartObject();
            w.WriteString("unit", a.Unit);
            w.WriteString("area", new Amount(a.AreaHundredths).ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("rent", s.Rent.ToString());
        w.WriteString("received_in_period", s.ReceivedInPeriod.ToString());
        w.WriteString("received_to_date", s.ReceivedToDate.ToString());
        w.WriteString("overdue", s.Overdue.ToString());
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The "asset_overview" object: asset accounts from the books at the end of the period, the register's net value, the total.</summary>
    private static void AssetOverview(Utf8JsonWriter w, DisclosureAssetOverview overview)
    {
        w.WriteStartObject("asset_overview");
        w.WriteStartArray("lines");
        foreach (var l in overview.Lines)
        {
            w.WriteStartObject();
            w.WriteString("code", l.Code);
            w.WriteString("name", l.Name);
            w.WriteString("amount", l.Amount.ToString());
            Categories(w, "parts", l.Parts);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("total", overview.Total.ToString());
        w.WriteEndObject();
    }

    /// <summary>The "resources" array: per type of resource under contract at the period's end, its area in its unit and the parties.</summary>
    private static void Resources(Utf8JsonWriter w, DisclosureResources resources)
    {
        w.WriteStartArray("resources");
        foreach (var r in resources.Rows)
        {
            w.WriteStartObject();
            w.WriteString("resource", r.Resource);
            w.WriteString("unit", r.Unit);
            w.WriteString("area", new Amount(r.AreaHundredths).ToString());
            w.WriteNumber("contracts", r.Contracts);
            w.WriteStartArray("parties");
            foreach (var p in r.Parties) w.WriteStringValue(p);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The "one_matter" object: the period's lines on 231 一事一议资金, raised (credit) and used (debit), and the totals.</summary>
    private static void OneMatter(Utf8JsonWriter w, DisclosureOneMatter oneMatter)
    {
        w.WriteStartObject("one_matter");
        w.WriteStartArray("items");
        foreach (var i in oneMatter.Items)
        {
            w.WriteStartObject();
            w.WriteString("date", IsoDate.Format(i.Date));
            w.WriteString("period", i.Voucher.Period.ToString());
            w.WriteNumber("number", i.Voucher.Number);
            w.WriteString("summary", i.Summary);
            w.WriteString("party", i.Party);
            w.WriteString("account", i.AccountCode);
            w.WriteString("account_name", i.AccountName);
            w.WriteString("raised", i.Credit.ToString());
            w.WriteString("used", i.Debit.ToString());
            w.WriteBoolean("reversal", i.Reversal);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("raised_total", oneMatter.RaisedTotal.ToString());
        w.WriteString("used_total", oneMatter.UsedTotal.ToString());
        w.WriteEndObject();
    }

    /// <summary>The "cadre_pay" object: the period's 212 应付工资 accrued and paid per person, and the totals.</summary>
    private static void CadrePay(Utf8JsonWriter w, DisclosureCadrePay pay)
    {
        w.WriteStartObject("cadre_pay");
        w.WriteStartArray("rows");
        foreach (var r in pay.Rows)
        {
            w.WriteStartObject();
            w.WriteString("person", r.Person);
            w.WriteString("accrued", r.Accrued.ToString());
            w.WriteString("paid", r.Paid.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("accrued_total", pay.AccruedTotal.ToString());
        w.WriteString("paid_total", pay.PaidTotal.ToString());
        w.WriteEndObject();
    }

    private static void Categories(Utf8JsonWriter w, string name, IEnumerable<CategoryAmount> categories)
    {
        w.WriteStartArray(name);
        foreach (var c in categories)
        {
            w.WriteStartObject();
            w.WriteString("code", c.Code);
            w.WriteString("name", c.Name);
            w.WriteString("amount", c.Amount.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Items(Utf8JsonWriter w, string name, IEnumerable<DisclosureItem> items)
    {
        w.WriteStartArray(name);
        foreach (var i in items)
        {
            w.WriteStartObject();
            w.WriteString("date", IsoDate.Format(i.Date));
            w.WriteString("period", i.Voucher.Period.ToString());
            w.WriteNumber("number", i.Voucher.Number);
            w.WriteString("summary", i.Summary);
            w.WriteString("party", i.Party);
            w.WriteString("account", i.AccountCode);
            w.WriteString("account_name", i.AccountName);
            w.WriteString("amount", i.Amount.ToString());
            w.WriteBoolean("reversal", i.Reversal);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
