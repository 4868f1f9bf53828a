using System.Globalization;
using CollectiveLedger.Reports.Pdf;

namespace CollectiveLedger.Tests.Reports;

/// <summary>Small notices for the PDF tests, built the way the report code builds them.</summary>
internal static class PdfNotices
{
    public const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public static readonly string[] HeaderCells = ["凭证号", "日期", "摘要", "收入（元）", "支出（元）", "备注"];

    /// <summary>A font that covers Chinese, or a failed test naming the package to install.</summary>
    public static string FontPath()
    {
        var path = ChineseFonts.Find();
        Assert.That(path, Is.Not.Null, "No Chinese TrueType font: apt-get install -y fonts-wqy-microhei");
        return path!;
    }

    public static PdfOptions Options(Paper paper = Paper.A4Portrait, string? fontPath = null) => new(
        paper,
        fontPath ?? FontPath(),
        new DateTimeOffset(2025, 7, 1, 9, 0, 0, TimeSpan.FromHours(8)),
        "测试嘎查 2025 年第二季度财务公开榜",
        "测试嘎查股份经济合作社",
        "第 {page} 页 共 {pages} 页  Page {page} of {pages}",
        "测试嘎查股份经济合作社 · 2025 年 4-6 月");

    /// <summary>
    /// A ledger table of <paramref name="rowCount"/> rows whose remarks wrap to one, two or three
    /// lines, so rows differ in height. The first cell of row i is "R0001"-style and the remarks end
    /// with "Z0001"-style, so both ends of every row can be found in the extracted text.
    /// </summary>
    public static IReadOnlyList<Block> LedgerNotice(int rowCount)
    {
        var columns = new List<TableColumn>
        {
            new(HeaderCells[0], 1.1f),
            new(HeaderCells[1], 1.3f),
            new(HeaderCells[2], 3f),
            new(HeaderCells[3], 1.5f, Align.Right),
            new(HeaderCells[4], 1.5f, Align.Right),
            new(HeaderCells[5], 2.6f),
        };
        var rows = new List<IReadOnlyList<string>>();
        for (var i = 1; i <= rowCount; i++)
        {
            var remark = (i % 3) switch
            {
                0 => "",
                1 => "经村民代表会议审议通过，",
                _ => "经村民代表会议审议通过，附原始凭证及收据复印件共三页，",
            };
            rows.Add(
            [
                Marker('R', i),
                $"2025-0{4 + (i % 3)}-{1 + (i % 28):00}",
                i % 2 == 0 ? "草场承包费收入" : "支付牧道维修工程款（第二期）",
                i % 2 == 0 ? Amount(i * 1234567L) : "",
                i % 2 == 0 ? "" : Amount(i * 76543L),
                remark + Marker('Z', i),
            ]);
        }

        rows.Add(["", "", "合计", "1,234,567.89", "765,432.10", ""]);
        return
        [
            new Heading("财务公开榜"),
            new Paragraph("公开期间：2025 年 4 月 1 日至 6 月 30 日。如有疑问，请于公开之日起十日内向村务监督委员会反映。", Align: Align.Center),
            new Table(columns, rows, Caption: "表一 收支明细", ShadedRowFrom: rowCount),
            new Paragraph($"本榜数据与账簿一致，账簿哈希 SHA-256：{Hash}", Shaded: true),
            new KeepTogether(
            [
                new Paragraph("村务监督委员会（签字）：                    会计（签字）："),
                new QrCode($"https://example.org/verify/{Hash}", 30f, "扫码核对账簿哈希"),
            ]),
        ];
    }

    public static string Marker(char letter, int row) => letter + row.ToString("0000", CultureInfo.InvariantCulture);

    private static string Amount(long fen) =>
        (fen / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);
}
