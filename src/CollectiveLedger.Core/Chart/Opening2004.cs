using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Chart;

/// <summary>A row of a 2004 科目余额表 as the file states it: code, name, debit and credit balance.</summary>
public sealed record BalanceRow2004(Place Place, string Code, string Name, string? Debit, string? Credit);

/// <summary>A 2024-01-01 opening balance in the 2023 chart, and the old accounts it comes from.</summary>
public sealed record OpeningLine(string Account, string Name, Amount Debit, Amount Credit, string From);

/// <summary>
/// The conversion of a 2023-12-31 科目余额表 kept in the 2004 chart, or why it cannot be made. The
/// totals are those of the file's level-1 rows; the lines balance when there are no violations.
/// </summary>
public sealed record Conversion2004(IReadOnlyList<OpeningLine> Lines, IReadOnlyList<Violation> Violations, Amount TotalDebit, Amount TotalCredit)
{
    public bool Ok => Violations.Count == 0;
}

/// <summary>
/// 新旧科目对照 (财会〔2023〕20号): turns the 2004 chart's balances at 2023-12-31 into the 2023 chart's
/// opening balances at 2024-01-01, by <see cref="Chart2004.Mappings"/>. Every level-1 row must be a
/// 2004 account under its 2004 name; a balance is carried only where the rule is certain: to one
/// account, or split by sub-account rows whose names say where each part goes (牲畜(禽)资产:
/// 幼畜及育肥畜 / 产役畜). Anything else (应付福利费, 非经济林木, an unclosed income or expense
/// account) is refused with what the accountant must decide. Sub-account rows are otherwise not
/// carried: the level-1 balance is, and the accountant opens sub-accounts in the new books.
/// </summary>
public static class Opening2004
{
    public static Conversion2004 Convert(IReadOnlyList<BalanceRow2004> rows)
    {
        var violations = new List<Violation>();
        var level1 = new List<(BalanceRow2004 Row, Amount Net)>();
        var subRows = new List<(BalanceRow2004 Row, Amount Net)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Amount totalDebit = Amount.Zero, totalCredit = Amount.Zero;
        foreach (var row in rows)
        {
            var code = row.Code.Trim();
            if (code.Length < 3 || !code.All(char.IsAsciiDigit))
            {
                violations.Add(new Violation(ViolationCode.Balance2004AccountUnknown, row.Place.WithField("code"), code, row.Name));
                continue;
            }
            var debit = Parse(row.Debit, row.Place.WithField("debit"), violations);
            var credit = Parse(row.Credit, row.Place.WithField("credit"), violations);
            if (debit is null || credit is null) continue;
            var net = debit.Value - credit.Value;
            if (code.Length > 3)
            {
                subRows.Add((row with { Code = code }, net));
                continue;
            }
            if (!Chart2004.Chart.ByCode.TryGetValue(code, out var old))
            {
                violations.Add(new Violation(ViolationCode.Balance2004AccountUnknown, row.Place.WithField("code"), code, row.Name));
                continue;
            }
            if (Chart2004.NameKey(row.Name) != Chart2004.NameKey(old.Name))
            {
                violations.Add(new Violation(ViolationCode.Balance2004NameMismatch, row.Place.WithField("name"), code, row.Name, old.Name));
                continue;
            }
            if (!seen.Add(code))
            {
                violations.Add(new Violation(ViolationCode.FieldInvalid, row.Place.WithField("code"), "code", $"{code} appears twice"));
                continue;
            }
            totalDebit += debit.Value;
            totalCredit += credit.Value;
            level1.Add((row with { Code = code }, net));
        }
        foreach (var (sub, _) in subRows.Where(s => !seen.Contains(s.Row.Code[..3])))
            violations.Add(new Violation(ViolationCode.Balance2004ParentMissing, sub.Place.WithField("code"), sub.Code, sub.Code[..3]));
        if (totalDebit != totalCredit)
            violations.Add(new Violation(ViolationCode.Balance2004Unbalanced, Place.None, totalDebit.ToString(), totalCredit.ToString()));

        var carried = new Dictionary<string, (Amount Net, List<string> From)>(StringComparer.Ordinal);
        void Carry(string to, Amount net, string from)
        {
            var (sum, list) = carried.TryGetValue(to, out var c) ? c : (Amount.Zero, new List<string>());
            list.Add(from);
            carried[to] = (sum + net, list);
        }
        foreach (var (row, net) in level1)
        {
            if (net.IsZero) continue;
            var oldName = Chart2004.Chart.ByCode[row.Code].Name;
            var label = $"{row.Code} {oldName}";
            var mapping = Chart2004.Mappings[row.Code];
            if (mapping.To is { } to) Carry(to, net, label);
            else if (mapping.Closed)
                violations.Add(new Violation(ViolationCode.Balance2004NotClosed, row.Place, label, Signed(net), $"{Chart2004.ClosedZh} / {Chart2004.ClosedEn}"));
            else if (mapping.Split is { } split && SplitBySubAccounts(row.Code, net, split, subRows) is { } parts)
                foreach (var (target, part, sub) in parts) Carry(target, part, $"{label}—{sub}");
            else
                violations.Add(new Violation(ViolationCode.Balance2004NeedsDecision, row.Place, label, Signed(net), $"{mapping.DecideZh} / {mapping.DecideEn}"));
        }
        if (violations.Count > 0) return new Conversion2004([], violations, totalDebit, totalCredit);
        var lines = StandardChart.Accounts
            .Where(a => carried.TryGetValue(a.Code, out var c) && !c.Net.IsZero)
            .Select(a => (Account: a, carried[a.Code].Net, carried[a.Code].From))
            .Select(x => new OpeningLine(x.Account.Code, x.Account.Name, x.Net.IsNegative ? Amount.Zero : x.Net, x.Net.IsNegative ? -x.Net : Amount.Zero,
                string.Join("、", x.From)))
            .ToList();
        return new Conversion2004(lines, violations, totalDebit, totalCredit);
    }

    /// <summary>
    /// The parts of a level-1 balance by its direct sub-account rows, when each of them is named in
    /// <paramref name="split"/> and they add up to the level-1 balance; otherwise null (not certain).
    /// </summary>
    private static List<(string Target, Amount Net, string Sub)>? SplitBySubAccounts(string parent, Amount net, IReadOnlyDictionary<string, string> split,
        List<(BalanceRow2004 Row, Amount Net)> subRows)
    {
        var children = subRows.Where(s => s.Row.Code.StartsWith(parent, StringComparison.Ordinal)).ToList();
        if (children.Count == 0) return null;
        var shortest = children.Min(c => c.Row.Code.Length);
        children = children.Where(c => c.Row.Code.Length == shortest).ToList();
        var parts = new List<(string, Amount, string)>();
        foreach (var (row, part) in children)
        {
            if (part.IsZero) continue;
            if (!split.TryGetValue(Chart2004.NameKey(row.Name), out var target)) return null;
            parts.Add((target, part, $"{row.Code} {row.Name}"));
        }
        return parts.Aggregate(Amount.Zero, (sum, p) => sum + p.Item2) == net ? parts : null;
    }

    private static string Signed(Amount net) => net.IsNegative ? $"贷 credit {-net}" : $"借 debit {net}";

    /// <summary>An amount cell: empty is zero; thousands separators are dropped; a sign is allowed.</summary>
    private static Amount? Parse(string? text, Place place, List<Violation> violations)
    {
        var clean = (text ?? "").Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal).Trim();
        if (clean.Length == 0) return Amount.Zero;
        var result = Amount.TryParse(clean, allowNegative: true, out var amount);
        if (result == AmountParse.Ok) return amount;
        violations.Add(new Violation(result == AmountParse.TooManyDecimals ? ViolationCode.AmountTooManyDecimals : ViolationCode.AmountInvalid, place,
            text ?? ""));
        return null;
    }
}
