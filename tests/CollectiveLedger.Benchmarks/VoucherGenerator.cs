using System.Text.Encodings.Web;
using System.Text.Json;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Benchmarks;

/// <summary>One line of a generated voucher, amounts in fen.</summary>
internal sealed record GeneratedLine(string Account, long DebitFen, long CreditFen, string? Fund, string? Member, string? Counterparty, string? Summary);

/// <summary>A generated two-line voucher.</summary>
internal sealed record GeneratedVoucher(string Ref, DateOnly Date, string Summary, int Attachments, GeneratedLine Debit, GeneratedLine Credit)
{
    public IEnumerable<GeneratedLine> Lines => [Debit, Credit];
}

/// <summary>
/// A deterministic year of village bookkeeping (ledger start 2025-01): the everyday vouchers of the
/// sample gacha — travel, office costs, electricity, pasture fees, livestock sales, cadre allowances,
/// cash banked and withdrawn — repeated at scale. Dates are spread evenly over 2025 in ascending
/// order, each voucher has two lines on leaf accounts and a unique ref, and amounts are strings with
/// two decimals. The same count always yields the same vouchers.
/// </summary>
internal static class VoucherGenerator
{
    public const int Seed = 20250101;
    public static readonly DateOnly FirstDay = new(2025, 1, 1);
    private const int DaysInYear = 365;

    /// <summary>The sub-accounts the vouchers post to, parents first.</summary>
    public static readonly IReadOnlyList<(string Code, string Name, string Parent)> SubAccounts =
    [
        ("10201", "农村信用社基本户", "102"),
        ("10202", "中国农业银行一般户", "102"),
        ("21201", "嘎查干部报酬", "212"),
        ("50101", "草场承包费", "501"),
        ("50102", "牲畜销售收入", "501"),
        ("50103", "机械作业收入", "501"),
        ("50301", "村级组织运转经费", "503"),
        ("51102", "机械作业支出", "511"),
        ("5110201", "燃油费", "51102"),
        ("51301", "干部报酬", "513"),
        ("51302", "办公费", "513"),
        ("51303", "差旅费", "513"),
        ("51304", "维修费", "513"),
        ("51306", "水电费", "513"),
        ("51404", "牲畜防疫消毒", "514"),
        ("51502", "银行手续费", "515"),
    ];

    private static readonly string[] MemberNames =
    [
        "巴特尔", "其其格", "乌力吉", "斯琴", "额尔敦", "巴雅尔", "苏和", "朝鲁", "孟和", "图雅",
        "达来", "道尔吉", "哈斯", "萨仁", "宝音", "阿拉坦", "那仁", "乌云", "吉日嘎拉", "满都拉",
    ];

    /// <summary>The funds, members (M001–M040) and counterparties the vouchers name.</summary>
    public static readonly IReadOnlyList<(DimensionKind Kind, string Code, string Name)> Dimensions =
    [
        (DimensionKind.Fund, "F01", "衔接推进乡村振兴补助资金—机井项目"),
        (DimensionKind.Fund, "F03", "村级组织运转经费"),
        .. Enumerable.Range(1, 40).Select(i => (DimensionKind.Member, $"M{i:D3}", MemberNames[(i - 1) % MemberNames.Length] + (i > MemberNames.Length ? "（二户）" : ""))),
        (DimensionKind.Counterparty, "C01", "巴音宝力格苏木财政所"),
        (DimensionKind.Counterparty, "C06", "农村信用社巴音宝力格分社"),
        (DimensionKind.Counterparty, "C07", "锡林浩特市草原肉业有限公司"),
        (DimensionKind.Counterparty, "C10", "苏木供电所"),
        (DimensionKind.Counterparty, "C11", "苏木加油站"),
    ];

    /// <summary>Which dimensions a line carries: the member is drawn per voucher, fund and counterparty come from the template.</summary>
    [Flags]
    private enum Tags { None = 0, Member = 1, Fund = 2, Counterparty = 4 }

    private sealed record Leg(string Account, Tags Tags = Tags.None);

    private sealed record Template(string Summary, Leg Debit, Leg Credit, int MinYuan, int MaxYuan,
        string? Fund = null, string? Counterparty = null, string? LineSummary = null);

    private static readonly Template[] Templates =
    [
        new("报销赴旗里参加培训差旅费", new("51303"), new("101"), 200, 1_500, LineSummary: "车费、住宿费、伙食补助"),
        new("购买档案盒、打印纸等办公用品", new("51302"), new("101"), 50, 800),
        new("缴纳嘎查办公室及机井用电电费", new("51306"), new("10201", Tags.Counterparty), 300, 2_500, Counterparty: "C10"),
        new("收取机动草场承包费", new("101"), new("50101", Tags.Member), 500, 9_000, LineSummary: "每亩4.50元"),
        new("为牧户清雪、拉运草料", new("101"), new("50103", Tags.Member), 200, 3_000),
        new("出售集体育肥羊", new("10201", Tags.Counterparty), new("50102"), 5_000, 60_000, Counterparty: "C07"),
        new("计提本月嘎查干部报酬", new("51301"), new("21201"), 3_000, 12_000),
        new("发放嘎查干部报酬（运转经费列支）", new("21201", Tags.Fund), new("10201", Tags.Fund), 3_000, 12_000, Fund: "F03"),
        new("库存现金存入信用社", new("10201", Tags.Counterparty), new("101"), 5_000, 20_000, Counterparty: "C06"),
        new("从信用社提取备用金", new("101"), new("10201", Tags.Counterparty), 1_000, 5_000, Counterparty: "C06"),
        new("购买装载机、拖拉机用柴油", new("5110201"), new("10201", Tags.Counterparty), 800, 4_000, Counterparty: "C11", LineSummary: "柴油"),
        new("收到信用社存款利息", new("10201", Tags.Counterparty), new("504"), 10, 900, Counterparty: "C06"),
        new("维修机井水泵", new("51304"), new("101"), 200, 5_000),
        new("收到村级组织运转经费", new("10202", Tags.Fund | Tags.Counterparty), new("50301", Tags.Fund), 30_000, 62_000, Fund: "F03", Counterparty: "C01"),
        new("牲畜春季防疫消毒", new("51404", Tags.Member), new("101"), 100, 1_200),
        new("支付机井项目设计费", new("51304", Tags.Fund), new("10202", Tags.Fund), 2_000, 9_000, Fund: "F01"),
        new("信用社收取账户管理费", new("51502"), new("10201", Tags.Counterparty), 5, 50, Counterparty: "C06"),
    ];

    /// <summary>The vouchers, in date order; enumerating again yields the same sequence.</summary>
    public static IEnumerable<GeneratedVoucher> Generate(int count)
    {
        var random = new Random(Seed);
        for (var i = 0; i < count; i++)
        {
            var date = FirstDay.AddDays((int)((long)i * DaysInYear / count));
            var t = Templates[random.Next(Templates.Length)];
            var fen = random.NextInt64(t.MinYuan * 100L, t.MaxYuan * 100L + 1);
            var member = $"M{random.Next(1, 41):D3}";
            var attachments = random.Next(0, 5);
            yield return new GeneratedVoucher($"BM{date:yyyyMM}-{i + 1:D6}", date, t.Summary, attachments,
                Line(t.Debit, fen, 0, t, member), Line(t.Credit, 0, fen, t, member));
        }
    }

    private static GeneratedLine Line(Leg leg, long debit, long credit, Template t, string member) => new(leg.Account, debit, credit,
        leg.Tags.HasFlag(Tags.Fund) ? t.Fund : null,
        leg.Tags.HasFlag(Tags.Member) ? member : null,
        leg.Tags.HasFlag(Tags.Counterparty) ? t.Counterparty : null,
        debit > 0 ? t.LineSummary : null);

    /// <summary>Writes <paramref name="count"/> vouchers as JSON Lines (UTF-8, Chinese unescaped, as people's files are).</summary>
    public static void WriteJsonLines(string path, int count)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var json = new Utf8JsonWriter(file, options);
        foreach (var v in Generate(count))
        {
            json.WriteStartObject();
            json.WriteString("ref", v.Ref);
            json.WriteString("date", v.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("summary", v.Summary);
            json.WriteNumber("attachments", v.Attachments);
            json.WriteString("kind", "normal");
            json.WriteStartArray("lines");
            foreach (var line in v.Lines)
            {
                json.WriteStartObject();
                json.WriteString("account", line.Account);
                if (line.DebitFen > 0) json.WriteString("debit", new Amount(line.DebitFen).ToString());
                if (line.CreditFen > 0) json.WriteString("credit", new Amount(line.CreditFen).ToString());
                if (line.Fund is not null) json.WriteString("fund", line.Fund);
                if (line.Member is not null) json.WriteString("member", line.Member);
                if (line.Counterparty is not null) json.WriteString("counterparty", line.Counterparty);
                if (line.Summary is not null) json.WriteString("summary", line.Summary);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            file.WriteByte((byte)'\n');
            json.Reset();
        }
    }
}
