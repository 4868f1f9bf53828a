using System.Text.Json;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Reporting;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Reports;

/// <summary>Vouchers as listings (凭证列表, 序时账) and as JSON, and one voucher in full.</summary>
public static class VoucherReports
{
    private static string Number(Voucher v) => v.Key.NumberText;

    /// <summary>One row per voucher: 凭证列表.</summary>
    public static Grid List(IEnumerable<(Voucher Voucher, VoucherKey? ReversedBy)> vouchers, bool forDisplay) => new(
        ["期间 period", "凭证号 number", "日期 date", "摘要 summary", "金额 amount", "附件 att.", "参考号 ref", "备注 note"],
        vouchers.Select(x => (IReadOnlyList<GridCell>)
        [
            x.Voucher.Period.ToString(), Number(x.Voucher), IsoDate.Format(x.Voucher.Date), x.Voucher.Summary,
            GridCell.Money(x.Voucher.Total, forDisplay),
            new GridCell(x.Voucher.Attachments.ToString(System.Globalization.CultureInfo.InvariantCulture), true), x.Voucher.Ref,
            Note(x.Voucher, x.ReversedBy),
        ]).ToList());

    private static string Note(Voucher v, VoucherKey? reversedBy) =>
        v.Kind == VoucherKind.Opening ? "期初 opening"
        : v.Kind == VoucherKind.Closing ? "年终结转 year-end closing"
        : v.Reverses is { } r ? $"冲销 reverses {r}"
        : reversedBy is { } by ? $"已被冲销 reversed by {by}" : "";

    /// <summary>One row per line: 序时账 (journal), or one voucher's lines.</summary>
    public static Grid Lines(IEnumerable<Voucher> vouchers, bool forDisplay, string? title = null) => new(
        ["日期 date", "凭证号 number", "摘要 summary", "科目 account", "借方 debit", "贷方 credit", "资金 fund", "成员 member", "往来 counterparty"],
        vouchers.SelectMany(v => v.Lines.Select(l => (IReadOnlyList<GridCell>)
        [
            IsoDate.Format(v.Date), $"{v.Period} {Number(v)}", l.Summary ?? v.Summary, l.Account,
            AmountCell(l.Debit, forDisplay), AmountCell(l.Credit, forDisplay), l.Fund, l.Member, l.Counterparty,
        ])).ToList(), title);

    /// <summary>The files of 原始凭证 kept with one voucher (attachment.added), in the order attached.</summary>
    public static Grid Attachments(IReadOnlyList<(string FileName, string MediaType, long SizeBytes, long Pages, string Sha256, string Actor, string Time)> files) => new(
        ["文件 file", "类型 type", "字节 bytes", "页 pages", "SHA-256", "存入人 by", "时间 time"],
        files.Select(f => (IReadOnlyList<GridCell>)
        [
            f.FileName, f.MediaType, new GridCell(f.SizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), true),
            new GridCell(f.Pages.ToString(System.Globalization.CultureInfo.InvariantCulture), true), f.Sha256, f.Actor, f.Time,
        ]).ToList(), "附件文件 attachment files");

    private static GridCell AmountCell(Amount a, bool forDisplay) =>
        new(a.IsZero && forDisplay ? "" : forDisplay ? a.ToDisplayString() : a.ToString(), true);

    /// <param name="origin">How it was posted, when known: written as source, draft and cashier (null otherwise).</param>
    /// <param name="files">The files of 原始凭证 kept with it (<c>vouchers show</c>), written as "attachment_files" after the lines; null: the key is left out (listings).</param>
    public static void WriteJson(Utf8JsonWriter w, Voucher v, VoucherKey? reversedBy, Core.Ledger.VoucherOrigin? origin = null,
        IReadOnlyList<(long Seq, string FileName, string MediaType, long SizeBytes, long Pages, string Sha256, string Actor, string Time)>? files = null)
    {
        w.WriteStartObject();
        w.WriteString("period", v.Period.ToString());
        w.WriteNumber("number", v.Number);
        w.WriteString("number_text", Number(v));
        w.WriteString("date", IsoDate.Format(v.Date));
        w.WriteString("kind", v.Kind.ToText());
        w.WriteString("ref", v.Ref);
        w.WriteString("summary", v.Summary);
        w.WriteNumber("attachments", v.Attachments);
        if (v.AttachmentsReason is { } reason) w.WriteString("attachments_reason", reason);
        w.WriteString("total", v.Total.ToString());
        if (v.Reverses is { } r) WriteKey(w, "reverses", r); else w.WriteNull("reverses");
        if (reversedBy is { } by) WriteKey(w, "reversed_by", by); else w.WriteNull("reversed_by");
        w.WriteString("source", origin?.Source);
        if (origin?.Draft is { } draft) w.WriteNumber("draft", draft); else w.WriteNull("draft");
        w.WriteString("cashier", origin?.Cashier);
        w.WriteStartArray("lines");
        foreach (var l in v.Lines)
        {
            w.WriteStartObject();
            w.WriteString("account", l.Account);
            w.WriteString("debit", l.Debit.ToString());
            w.WriteString("credit", l.Credit.ToString());
            w.WriteString("fund", l.Fund);
            w.WriteString("member", l.Member);
            w.WriteString("counterparty", l.Counterparty);
            w.WriteString("summary", l.Summary);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (files is not null)
        {
            w.WriteStartArray("attachment_files");
            foreach (var f in files)
            {
                w.WriteStartObject();
                w.WriteNumber("seq", f.Seq);
                w.WriteString("file_name", f.FileName);
                w.WriteString("media_type", f.MediaType);
                w.WriteNumber("size_bytes", f.SizeBytes);
                w.WriteNumber("pages", f.Pages);
                w.WriteString("sha256", f.Sha256);
                w.WriteString("added_at", f.Time);
                w.WriteString("added_by", f.Actor);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteKey(Utf8JsonWriter w, string name, VoucherKey key)
    {
        w.WriteStartObject(name);
        w.WriteString("period", key.Period.ToString());
        w.WriteNumber("number", key.Number);
        w.WriteEndObject();
    }

    /// <summary>明细账: the balance brought forward, each line with the running balance, the closing balance.</summary>
    /// <param name="skip">With <paramref name="take"/>, one page of the lines, as a paper ledger pages them: a page
    /// after the first begins with 承前页 (the balance brought from the page before), a page before the
    /// last ends with 过次页 (the balance carried to the next); only the last has the period's totals.</param>
    public static Grid Ledger(AccountLedger ledger, bool forDisplay, int skip = 0, int take = int.MaxValue)
    {
        string Money(Amount a) => forDisplay ? a.ToDisplayString() : a.ToString();
        GridCell Balance(Amount net) => new(net.IsZero ? "平 0.00" : net.IsNegative ? "贷 " + Money(-net) : "借 " + Money(net), true);
        skip = Math.Clamp(skip, 0, ledger.Rows.Length);
        var shown = ledger.Rows.AsSpan(skip, (int)Math.Min(take, ledger.Rows.Length - skip)).ToArray();
        var rows = new List<IReadOnlyList<GridCell>>
        {
            skip == 0
                ? new GridCell[] { IsoDate.Format(ledger.From.FirstDay), "", "期初余额 brought forward", "", "", "", Balance(ledger.Opening) }
                : ["", "", "承前页 brought from the previous page", "", "", "", Balance(ledger.Rows[skip - 1].Balance)],
        };
        rows.AddRange(shown.Select(r => (IReadOnlyList<GridCell>)
        [
            IsoDate.Format(r.Posting.Date), $"{r.Posting.Voucher.Period} {r.Posting.Voucher.NumberText}", r.Posting.Line.Summary ?? r.Posting.VoucherSummary,
            r.Posting.Line.Account, AmountCell(r.Posting.Line.Debit, forDisplay), AmountCell(r.Posting.Line.Credit, forDisplay), Balance(r.Balance),
        ]));
        if (skip + shown.Length < ledger.Rows.Length)
            rows.Add(["", "", "过次页 carried to the next page", "", "", "", Balance(shown[^1].Balance)]);
        else
            rows.Add([IsoDate.Format(ledger.To.LastDay), "", "本期合计 period total", "", new GridCell(Money(ledger.PeriodDebit), true),
                new GridCell(Money(ledger.PeriodCredit), true), Balance(ledger.Closing)]);
        return new Grid(["日期 date", "凭证号 number", "摘要 summary", "科目 account", "借方 debit", "贷方 credit", "余额 balance"], rows,
            forDisplay ? $"明细账 account ledger  {ledger.Code} {ledger.Name}  {ledger.From} ~ {ledger.To}" : null);
    }
}
