using System.Globalization;
using System.Text;
using System.Xml;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Reporting;

namespace CollectiveLedger.Reports;

/// <summary>
/// Charts drawn on the server as inline SVG (no script, nothing fetched from elsewhere), for what people
/// would rather look at than read: each support fund's grant against what it spent, and a year's
/// income and expenditure month by month. Every bar carries its amount as text, so nothing is told by
/// colour alone, and the drawing scales to the width of a phone (a viewBox, width 100%). Written with
/// an XmlWriter, so the markup is well-formed XML whatever the names hold.
/// </summary>
public static class SvgCharts
{
    private const string Granted = "#9bb7d4";
    private const string Spent = "#c0392b";
    private const string Income = "#2e7d32";
    private const string Expenditure = "#c0392b";

    /// <summary>
    /// One row per fund: a pale bar for the grant (what its terms say; what it received when it has no
    /// terms) and over it one dark bar for what it has spent to date, each bar's amount beside it.
    /// </summary>
    public static string FundUsage(FundReport report)
    {
        // About as wide as a phone (360 units), so that the text keeps its size there; the fund's name above its bars.
        const int rowHeight = 62, barWidth = 250, top = 34;
        var height = top + Math.Max(1, report.Funds.Length) * rowHeight + 6;
        var max = report.Funds.Select(f => Math.Max(GrantOf(f).Fen, f.Usage.SpentToDate.Fen)).DefaultIfEmpty(0).Max();
        return Svg(360, height, "专项资金：批复与支出 fund usage: granted and spent", w =>
        {
            Legend(w, 0, 14, (Granted, "批复 granted"), (Spent, "已支出 spent"));
            var y = top;
            foreach (var f in report.Funds)
            {
                w.WriteStartElement("g");
                w.WriteAttributeString("class", "fund");
                w.WriteAttributeString("data-fund", f.Usage.Code);
                Text(w, 0, y + 12, $"{f.Usage.Code} {f.Usage.Name}", "start");
                var granted = Scale(GrantOf(f), max, barWidth);
                var spent = Scale(f.Usage.SpentToDate, max, barWidth);
                Bar(w, "granted", 0, y + 18, granted, 16, Granted);
                Text(w, granted + 4, y + 31, GrantOf(f).ToDisplayString(), "start");
                Bar(w, "spent", 0, y + 37, spent, 16, Spent);
                Text(w, spent + 4, y + 50, f.Usage.SpentToDate.ToDisplayString(), "start");
                w.WriteEndElement();
                y += rowHeight;
            }
            if (report.Funds.IsEmpty) Text(w, 0, y + 16, "没有专项资金 no support funds", "start");
        });
    }

    /// <summary>The grant a fund's bar shows: its terms' amount, or what it received when registered without terms.</summary>
    public static Amount GrantOf(FundReportEntry fund) => fund.Terms?.Granted ?? fund.Usage.ReceivedToDate;

    /// <summary>Twelve months of <paramref name="year"/>: income and expenditure side by side (months without figures as zero).</summary>
    public static string MonthlyFlows(int year, IEnumerable<MonthFlow> flows)
    {
        const int left = 4, plotTop = 30, plotHeight = 150, slot = 30, labelRow = 14;
        var byMonth = flows.Where(f => f.Month.Year == year).ToDictionary(f => f.Month.Month);
        var max = byMonth.Values.SelectMany(f => new[] { f.Income.Fen, f.Expenditure.Fen }).DefaultIfEmpty(0).Max();
        var baseline = plotTop + plotHeight;
        return Svg(left * 2 + 12 * slot, baseline + labelRow * 3 + 4, $"{year:D4} 年每月收入与支出 monthly income and expenditure", w =>
        {
            Legend(w, left, 14, (Income, "收入 income"), (Expenditure, "支出 expenditure"));
            for (var m = 1; m <= 12; m++)
            {
                var f = byMonth.GetValueOrDefault(m);
                var income = f?.Income ?? Amount.Zero;
                var spent = f?.Expenditure ?? Amount.Zero;
                var x = left + (m - 1) * slot;
                w.WriteStartElement("g");
                w.WriteAttributeString("class", "month");
                w.WriteAttributeString("data-month", $"{year:D4}-{m:D2}");
                var hi = Scale(income, max, plotHeight);
                var he = Scale(spent, max, plotHeight);
                Bar(w, "income", x + 3, baseline - hi, hi, 11, Income, vertical: true);
                Bar(w, "expenditure", x + 15, baseline - he, he, 11, Expenditure, vertical: true);
                Text(w, x + slot / 2, baseline + labelRow - 2, $"{m}月", "middle", "small");
                Text(w, x + slot / 2, baseline + labelRow * 2 - 4, Short(income), "middle", "small");
                Text(w, x + slot / 2, baseline + labelRow * 3 - 4, Short(spent), "middle", "small");
                w.WriteEndElement();
            }
        });
    }

    /// <summary>
    /// An amount short enough for a month's column: yuan without fen, from 10,000 yuan in 万 with one decimal
    /// (the village's reports give every figure to the fen).
    /// </summary>
    public static string Short(Amount amount) => Math.Abs(amount.Fen) >= 1_000_000
        ? (amount.Fen / 1_000_000m).ToString("0.#", CultureInfo.InvariantCulture) + "万"
        : (amount.Fen / 100).ToString("0", CultureInfo.InvariantCulture);

    private static int Scale(Amount amount, long max, int length) =>
        max <= 0 || amount.Fen <= 0 ? 0 : (int)Math.Max(1, amount.Fen * length / max);

    private static string Svg(int width, int height, string title, Action<XmlWriter> body)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false }))
        {
            w.WriteStartElement("svg", "http://www.w3.org/2000/svg");
            w.WriteAttributeString("viewBox", $"0 0 {width} {height}");
            w.WriteAttributeString("width", "100%");
            w.WriteAttributeString("role", "img");
            w.WriteAttributeString("aria-label", title);
            w.WriteAttributeString("font-size", "13");
            w.WriteElementString("title", title);
            body(w);
            w.WriteEndElement();
        }
        return sb.ToString();
    }

    private static void Legend(XmlWriter w, int x, int y, params (string Colour, string Label)[] keys)
    {
        foreach (var (colour, label) in keys)
        {
            Bar(w, "key", x, y - 10, 12, 12, colour);
            Text(w, x + 16, y, label, "start");
            x += 16 + label.Length * 9 + 12;
        }
    }

    private static void Bar(XmlWriter w, string kind, int x, int y, int length, int thickness, string colour, bool vertical = false)
    {
        w.WriteStartElement("rect");
        w.WriteAttributeString("class", kind);
        w.WriteAttributeString("x", Num(x));
        w.WriteAttributeString("y", Num(y));
        w.WriteAttributeString("width", Num(vertical ? thickness : length));
        w.WriteAttributeString("height", Num(vertical ? length : thickness));
        w.WriteAttributeString("fill", colour);
        w.WriteEndElement();
    }

    private static void Text(XmlWriter w, int x, int y, string text, string anchor, string? size = null)
    {
        w.WriteStartElement("text");
        w.WriteAttributeString("x", Num(x));
        w.WriteAttributeString("y", Num(y));
        w.WriteAttributeString("text-anchor", anchor);
        if (size is not null) w.WriteAttributeString("font-size", "9");
        w.WriteString(text);
        w.WriteEndElement();
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
