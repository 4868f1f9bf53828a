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
        const int rowHeight = 44, labelWidth = 170, barWidth = 380, top = 34;
        var height = top + Math.Max(1, report.Funds.Length) * rowHeight + 10;
        var max = report.Funds.Select(f => Math.Max(GrantOf(f).Fen, f.Usage.SpentToDate.Fen)).DefaultIfEmpty(0).Max();
        return Svg(labelWidth + barWidth + 130, height, "专项资金：批复与支出 fund usage: granted and spent", w =>
        {
            Legend(w, 0, 14, (Granted, "批复 granted"), (Spent, "已支出 spent"));
            var y = top;
            foreach (var f in report.Funds)
            {
                w.WriteStartElement("g");
                w.WriteAttributeString("class", "fund");
                w.WriteAttributeString("data-fund", f.Usage.Code);
                Text(w, 0, y + 16, $"{f.Usage.Code} {f.Usage.Name}", "start");
                Bar(w, "granted", labelWidth, y + 2, Scale(GrantOf(f), max, barWidth), 16, Granted);
                Text(w, labelWidth + Scale(GrantOf(f), max, barWidth) + 4, y + 15, GrantOf(f).ToDisplayString(), "start");
                Bar(w, "spent", labelWidth, y + 20, Scale(f.Usage.SpentToDate, max, barWidth), 16, Spent);
                Text(w, labelWidth + Scale(f.Usage.SpentToDate, max, barWidth) + 4, y + 33, f.Usage.SpentToDate.ToDisplayString(), "start");
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
        const int left = 10, plotTop = 30, plotHeight = 160, slot = 50, labelRow = 18;
        var byMonth = flows.Where(f => f.Month.Year == year).ToDictionary(f => f.Month.Month);
        var max = byMonth.Values.SelectMany(f => new[] { f.Income.Fen, f.Expenditure.Fen }).DefaultIfEmpty(0).Max();
        var baseline = plotTop + plotHeight;
        return Svg(left * 2 + 12 * slot, baseline + labelRow * 3 + 6, $"{year:D4} 年每月收入与支出 monthly income and expenditure", w =>
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
                Bar(w, "income", x + 6, baseline - hi, hi, 18, Income, vertical: true);
                Bar(w, "expenditure", x + 25, baseline - he, he, 18, Expenditure, vertical: true);
                Text(w, x + slot / 2, baseline + labelRow - 4, $"{m}月", "middle");
                Text(w, x + slot / 2, baseline + labelRow * 2 - 4, Short(income), "middle", "small");
                Text(w, x + slot / 2, baseline + labelRow * 3 - 4, Short(spent), "middle", "small");
                w.WriteEndElement();
            }
        });
    }

    /// <summary>An amount in yuan without fen, short enough for a month's column (the tables beside the chart give it to the fen).</summary>
    private static string Short(Amount amount) => (amount.Fen / 100).ToString("#,##0", CultureInfo.InvariantCulture);

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
        if (size is not null) w.WriteAttributeString("font-size", "11");
        w.WriteString(text);
        w.WriteEndElement();
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
