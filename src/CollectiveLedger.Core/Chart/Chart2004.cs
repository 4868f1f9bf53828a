using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace CollectiveLedger.Core.Chart;

/// <summary>
/// What becomes of a 2004 account's balance in the 2023 chart: carried to one account
/// (<see cref="To"/>), split by the balance file's sub-account rows (<see cref="Split"/>, by their
/// names), refused with what the accountant must decide (<see cref="DecideZh"/>), or an income or
/// expense account that has no balance after the year-end close (<see cref="Closed"/>).
/// </summary>
public sealed record Mapping2004(string? To, IReadOnlyDictionary<string, string>? Split, string? DecideZh, string? DecideEn, bool Closed);

/// <summary>
/// The chart of the old system 《村集体经济组织会计制度》(财会〔2004〕12号, in force until 2023-12-31)
/// and how each of its accounts carries over to <see cref="StandardChart"/> on 2024-01-01
/// (财会〔2023〕20号). Data: Chart/Data/village-2004.json, with the source of each account.
/// Several codes mean something else in the two charts (502 经营支出 / 投资收益, 211 应付工资 / 应付款,
/// 153 and 154 swapped...), which is why a file is matched by code and name together.
/// </summary>
public static class Chart2004
{
    public const string Name = "village-2004";

    public static readonly ChartOfAccounts Chart;
    public static readonly FrozenDictionary<string, Mapping2004> Mappings;
    public static readonly string ClosedZh;
    public static readonly string ClosedEn;

    static Chart2004()
    {
        var json = ChartOfAccounts.EmbeddedText(Name);
        Chart = ChartOfAccounts.FromJson(json);
        using var doc = JsonDocument.Parse(json);
        (ClosedZh, ClosedEn) = Bilingual(doc.RootElement.GetProperty("closed_message").GetString()!);
        var mappings = new Dictionary<string, Mapping2004>(StringComparer.Ordinal);
        foreach (var a in doc.RootElement.GetProperty("accounts").EnumerateArray())
        {
            var rule = a.GetProperty("to_2023");
            string? to = rule.TryGetProperty("to", out var t) ? t.GetString() : null;
            Dictionary<string, string>? split = null;
            if (rule.TryGetProperty("split", out var s))
                split = s.EnumerateObject().ToDictionary(p => NameKey(p.Name), p => p.Value.GetString()!, StringComparer.Ordinal);
            var decide = rule.TryGetProperty("decide", out var d) ? d.GetString() : rule.TryGetProperty("refuse", out var r) ? r.GetString() : null;
            var (zh, en) = decide is null ? (null, null) : Bilingual(decide);
            var closed = rule.TryGetProperty("closed", out var c) && c.GetBoolean();
            foreach (var target in (split?.Values.AsEnumerable() ?? []).Append(to).OfType<string>())
                Precondition.Require(StandardChart.ByCode.ContainsKey(target), $"2004 mapping target {target} is a standard-2023 account");
            mappings[a.GetProperty("code").GetString()!] = new Mapping2004(to, split, zh, en, closed);
        }
        Mappings = mappings.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>A name as compared: NFKC (full-width brackets become ASCII), without white space.</summary>
    public static string NameKey(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC);
        return string.Concat(folded.Where(ch => !char.IsWhiteSpace(ch)));
    }

    /// <summary>Whether <paramref name="name"/> is what <paramref name="code"/> meant in the 2004 chart.</summary>
    public static bool Is2004Name(string code, string name) =>
        Chart.ByCode.TryGetValue(code, out var a) && NameKey(a.Name) == NameKey(name);

    private static (string Zh, string En) Bilingual(string text)
    {
        var parts = text.Split(" / ", 2);
        return (parts[0], parts.Length > 1 ? parts[1] : parts[0]);
    }
}
