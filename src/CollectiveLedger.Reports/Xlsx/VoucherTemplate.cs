namespace CollectiveLedger.Reports.Xlsx;

/// <summary>
/// The voucher workbook a village accountant fills and <c>vouchers import</c> reads: the sheet 凭证
/// (one row per voucher line, header row frozen, columns sized, amounts as <c>#,##0.00</c>, dates as
/// <c>yyyy-mm-dd</c>, drop-down lists of the village's postable accounts "code name", funds, members,
/// counterparties and voucher kinds), the sheet 说明 (how to fill it, in Chinese with English), and the
/// hidden, protected sheet 列表 that holds the lists. Its headers are the Chinese names the importer
/// knows (<c>XlsxVoucherReader.HeaderWords</c>).
/// </summary>
public static class VoucherTemplate
{
    public const string VoucherSheet = "凭证";
    public const string HelpSheet = "说明";
    public const string ListSheet = "列表";

    /// <summary>Rows of the voucher sheet that carry the drop-down lists and column formats.</summary>
    public const int Rows = 5000;

    /// <summary>The voucher sheet's columns: header, the field it is, width, style.</summary>
    public static readonly IReadOnlyList<(string Header, string Field, double Width, XlsxStyle Style)> Columns =
    [
        ("凭证字号", "ref", 14, XlsxStyle.Text),
        ("日期", "date", 12, XlsxStyle.Date),
        ("摘要", "summary", 28, XlsxStyle.Text),
        ("附件张数", "attachments", 9, XlsxStyle.Integer),
        ("科目", "account", 30, XlsxStyle.Text),
        ("借方", "debit", 15, XlsxStyle.Amount),
        ("贷方", "credit", 15, XlsxStyle.Amount),
        ("专项资金", "fund", 22, XlsxStyle.Text),
        ("成员", "member", 16, XlsxStyle.Text),
        ("往来单位", "counterparty", 22, XlsxStyle.Text),
        ("分录摘要", "line_summary", 24, XlsxStyle.Text),
        ("类型", "kind", 14, XlsxStyle.Text),
    ];

    /// <summary>The kinds a voucher file may give (closing vouchers are made by year close only).</summary>
    public static readonly IReadOnlyList<string> Kinds = ["normal 一般凭证", "opening 期初余额"];

    /// <param name="accounts">The postable (leaf) accounts, as "code name".</param>
    public static void Write(Stream output, string org, IReadOnlyList<string> accounts, IReadOnlyList<string> funds,
        IReadOnlyList<string> members, IReadOnlyList<string> counterparties)
    {
        using var workbook = new XlsxWriter(output);
        (string Field, string Name, IReadOnlyList<string> Values, string What)[] lists =
        [
            ("account", "Accounts", accounts, "末级科目 a postable account"),
            ("fund", "Funds", funds, "专项资金 a fund"),
            ("member", "Members", members, "成员 a member"),
            ("counterparty", "Counterparties", counterparties, "往来单位 a counterparty"),
            ("kind", "Kinds", Kinds, "凭证类型 a voucher kind"),
        ];
        var validations = new List<XlsxList>();
        for (var i = 0; i < lists.Length; i++)
        {
            var (field, name, values, what) = lists[i];
            if (values.Count == 0) continue;
            var letter = XlsxSheetWriter.Letter(i + 1);
            workbook.DefineName(name, $"{XlsxWriter.Quote(ListSheet)}!${letter}$2:${letter}${values.Count + 1}");
            var column = XlsxSheetWriter.Letter(Index(field) + 1);
            validations.Add(new XlsxList($"{column}2:{column}{Rows}", name, $"从列表中选择{what}", $"请从列表中选择 choose {what} from the list"));
        }

        var vouchers = workbook.BeginSheet(new XlsxSheet(VoucherSheet, [.. Columns.Select(c => c.Width)])
        {
            ColumnStyles = [.. Columns.Select(c => c.Style)], FrozenRows = 1, Print = true, Landscape = true,
            PageHeader = $"{org}  记账凭证 vouchers", Lists = validations,
        });
        vouchers.Row([.. Columns.Select(c => XlsxValue.Of(c.Header, XlsxStyle.Header))]);
        vouchers.End();

        var help = workbook.BeginSheet(new XlsxSheet(HelpSheet, [100]) { ColumnStyles = [XlsxStyle.Wrap] });
        foreach (var line in Help(org)) help.Row([XlsxValue.Of(line, line.Length == 0 ? XlsxStyle.Default : XlsxStyle.Wrap)]);
        help.End();

        var listSheet = workbook.BeginSheet(new XlsxSheet(ListSheet, [36, 30, 24, 30, 18]) { Hidden = true, Protected = true });
        listSheet.Row([.. lists.Select(l => XlsxValue.Of(l.What, XlsxStyle.Header))]);
        var longest = lists.Max(l => l.Values.Count);
        for (var r = 0; r < longest; r++)
            listSheet.Row([.. lists.Select(l => r < l.Values.Count ? XlsxValue.Of(l.Values[r], XlsxStyle.Text) : XlsxValue.Empty)]);
        listSheet.End();
    }

    private static int Index(string field)
    {
        for (var i = 0; i < Columns.Count; i++) if (Columns[i].Field == field) return i;
        throw new ArgumentOutOfRangeException(nameof(field), field, "no such column");
    }

    private static IEnumerable<string> Help(string org) =>
    [
        $"{org} 记账凭证导入模板 voucher import template",
        "",
        "1. 在“凭证”工作表中每行填一条分录；一张凭证占连续几行。Fill one voucher line per row on the sheet 凭证; a voucher takes consecutive rows.",
        "2. 凭证字号、日期、摘要、附件张数填在凭证的第一行；其余行可留空，或把这几格向下合并。The voucher's ref, date, summary and attachments go on its first row; leave them empty on its other rows, or merge those cells down.",
        "3. 凭证字号是导入的防重号：同一字号再次导入不会重复记账。The ref (凭证字号) keeps a voucher from being posted twice when a file is imported again.",
        "4. 日期写成 2026-10-05、2026/10/5 或 2026年10月5日，或用表格的日期格式。Dates: 2026-10-05, 2026/10/5, 2026年10月5日, or a spreadsheet date.",
        "5. 科目、专项资金、成员、往来单位、类型从下拉列表中选择（也可只填编码）。Choose account, fund, member, counterparty and kind from the drop-down lists (or type the code alone).",
        "6. 每行只填借方或贷方之一，金额最多两位小数；借贷合计必须相等。Each row has a debit or a credit, never both, with at most two decimals; debits must equal credits.",
        "7. 不要改动表头，不要在表头以外的列填写内容。Do not change the header row or write in columns without a header.",
        "8. 导入：cledger vouchers import 本文件.xlsx（先加 --dry-run 只检查）。有任何问题，整个文件都不记账，并指出工作表、行和列。Import with cledger vouchers import FILE.xlsx (add --dry-run to check only). If anything is wrong nothing is posted, and each problem names its sheet, row and column.",
        "",
        "示例 example:",
        "凭证字号 V-2026-10-01 | 日期 2026-10-05 | 摘要 收取草场承包费 | 附件张数 2 | 科目 10201 信用社基本户 | 借方 12000.00",
        "（同一凭证下一行 next row of the voucher） | | | | 科目 501 | 贷方 12000.00",
    ];
}
