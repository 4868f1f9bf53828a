using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Vouchers;
using CollectiveLedger.Reports.Disclosure;
using CollectiveLedger.Reports.Pdf;

namespace CollectiveLedger.Reports.Printing;

/// <summary>
/// 记账凭证 for the archive: one voucher on each half of an A4 sheet (two to a page, cut apart and
/// bound with their attachments). Each half has the title, the organization, the date, the number
/// (记字第 N 号), the count of attachments (附件 N 张), a table of 摘要 / 会计科目 (总账科目, 明细科目) /
/// 借方金额 / 贷方金额 with its 合计 and the amount in words (大写), and the boxes 会计主管 / 记账 / 审核 /
/// 出纳 / 制单 filled with the names the log records (<see cref="Core.Reporting.VoucherSignatures"/>).
/// A voucher of more lines than a half holds continues on the next half, marked 续 and numbered
/// (1/2, 2/2) as paper vouchers are; the 合计 is on its last part.
/// </summary>
public static class VoucherPrint
{
    /// <summary>Table rows on a half sheet: a printed form's usual five or six, padded with blank ones.</summary>
    public const int RowsPerHalf = 6;

    /// <summary>
    /// Wrapped lines a half sheet's table may hold before the rest goes on a continuation: enough for
    /// six lines with long summaries, few enough that the boxes stay on the half.
    /// </summary>
    private const int LinesPerHalf = 11;

    /// <summary>Characters of Chinese text a line of the summary / account columns holds, about: to decide where a voucher continues.</summary>
    private const int SummaryCharsPerLine = 15;
    private const int AccountCharsPerLine = 11;

    /// <summary>The PDF bytes; the same vouchers, names, font and date give the same bytes.</summary>
    /// <param name="date">The date written as the PDF's creation date (e.g. the last day of the month printed), not the clock, so reprints are identical.</param>
    /// <exception cref="FontUnavailableException">The font is missing or does not cover Chinese.</exception>
    public static byte[] Render(IReadOnlyList<PrintedVoucher> vouchers, LedgerState state, string fontPath, DateOnly date, string header)
    {
        var org = state.Ledger.Org;
        var blocks = new List<Block>();
        foreach (var printed in vouchers) blocks.AddRange(Halves(printed, state));
        if (blocks.Count == 0) blocks.Add(new Paragraph("没有凭证。 No vouchers."));
        var created = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        return PdfRenderer.Render(blocks, new PdfOptions(Paper.A4Portrait, fontPath, created, header, org,
            "第 {page} 页 共 {pages} 页  Page {page} of {pages}", header));
    }

    /// <summary>The half sheets of one voucher: one, or several when its lines do not fit on one.</summary>
    internal static IReadOnlyList<HalfPage> Halves(PrintedVoucher printed, LedgerState state)
    {
        var v = printed.Voucher;
        var rows = v.Lines.Select(line => Row(v, line, state)).ToList();
        var parts = Split(rows);
        var halves = new List<HalfPage>();
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            var part = parts.Count == 1 ? "" : $" ({i + 1}/{parts.Count})";
            var tableRows = new List<IReadOnlyList<string>>(parts[i]);
            var estimated = parts[i].Sum(EstimatedLines);
            for (var pad = estimated; pad < RowsPerHalf; pad++) tableRows.Add(["", "", "", "", ""]);
            tableRows.Add(last
                ? ["合计 total", "", "", Money(v.Total), Money(v.Total)]
                : ["续下页 continued", "", "", "", ""]);
            var blocks = new List<Block>
            {
                new Heading(i == 0 ? "记账凭证" : "记账凭证（续）", 16f),
                new Paragraph($"核算单位：{state.Ledger.Org}    {NoticeText.ChineseDate(v.Date)}    记字第 {v.Number} 号{part}    附件 {v.Attachments} 张", 9.5f, Align.Center),
                new Pdf.Table(
                    [
                        new TableColumn("摘要", 3.2f),
                        new TableColumn("会计科目\n总账科目", 2.2f),
                        new TableColumn("会计科目\n明细科目", 2.6f),
                        new TableColumn("借方金额", 1.7f, Align.Right, NoWrap: true),
                        new TableColumn("贷方金额", 1.7f, Align.Right, NoWrap: true),
                    ],
                    tableRows, ShadedRowFrom: tableRows.Count - 1),
            };
            if (last) blocks.Add(new Paragraph($"金额大写 in words：{ChineseUppercase.Format(v.Total)}", 9.5f));
            var s = printed.Signatures;
            blocks.Add(new Pdf.Table(
                [new TableColumn("会计主管", 1f), new TableColumn("记账", 1f), new TableColumn("审核", 1f), new TableColumn("出纳", 1f), new TableColumn("制单", 1f)],
                [[s.FinanceLead ?? "", s.Poster, s.Reviewer ?? "", s.Cashier ?? "", s.Preparer]]));
            halves.Add(new HalfPage(blocks));
        }
        return halves;
    }

    private static IReadOnlyList<string> Row(Voucher v, VoucherLine line, LedgerState state)
    {
        var root = line.Account.Length > 3 ? line.Account[..3] : line.Account;
        var detail = new List<string>();
        if (line.Account != root) detail.Add($"{line.Account} {state.Accounts.GetValueOrDefault(line.Account)?.Name}".TrimEnd());
        foreach (var (kind, code) in new[] { (DimensionKind.Member, line.Member), (DimensionKind.Counterparty, line.Counterparty), (DimensionKind.Fund, line.Fund) })
        {
            if (code is not null) detail.Add(state.DimensionName(kind, code) ?? code);
        }
        return
        [
            line.Summary ?? v.Summary,
            $"{root} {state.Accounts.GetValueOrDefault(root)?.Name}".TrimEnd(),
            string.Join('\n', detail),
            line.Debit.IsZero ? "" : Money(line.Debit),
            line.Credit.IsZero ? "" : Money(line.Credit),
        ];
    }

    /// <summary>The voucher's rows cut into halves: at most <see cref="RowsPerHalf"/> rows and about <see cref="LinesPerHalf"/> wrapped lines each.</summary>
    private static List<List<IReadOnlyList<string>>> Split(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var parts = new List<List<IReadOnlyList<string>>> { new() };
        var lines = 0;
        foreach (var row in rows)
        {
            var height = EstimatedLines(row);
            if (parts[^1].Count > 0 && (parts[^1].Count == RowsPerHalf || lines + height > LinesPerHalf))
            {
                parts.Add([]);
                lines = 0;
            }
            parts[^1].Add(row);
            lines += height;
        }
        return parts;
    }

    /// <summary>How many lines a row wraps to, about: a Chinese character counts one, a Latin letter or digit about half.</summary>
    private static int EstimatedLines(IReadOnlyList<string> row) => Math.Max(
        Lines(row[0], SummaryCharsPerLine), Math.Max(Lines(row[1], AccountCharsPerLine), Lines(row[2], AccountCharsPerLine)));

    private static int Lines(string cell, int perLine) => cell.Split('\n').Sum(part =>
    {
        var units = part.Sum(c => c < 0x2E80 ? 0.55 : 1.0);
        return Math.Max(1, (int)Math.Ceiling(units / perLine));
    });

    private static string Money(Amount a) => a.ToDisplayString();
}
