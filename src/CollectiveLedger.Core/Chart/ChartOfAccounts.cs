using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace CollectiveLedger.Core.Chart;

/// <summary>
/// A chart of first-level accounts read from data (an embedded JSON file under Chart/Data), so that
/// correcting a code or a name is a change of data, not of rules. Rules ask the chart what an
/// account is (<see cref="IsIncome"/>, <see cref="IsExpenditure"/>) rather than looking at its
/// digits; a sub-account (明细科目) is what its level-1 ancestor is, which the first three digits name.
/// </summary>
public sealed class ChartOfAccounts
{
    private readonly FrozenSet<string> _income;
    private readonly FrozenSet<string> _expense;

    private ChartOfAccounts(string name, IReadOnlyList<Account> accounts, IReadOnlyDictionary<string, string> sources,
        IEnumerable<string> income, IEnumerable<string> expense)
    {
        Name = name;
        Accounts = accounts;
        ByCode = accounts.ToFrozenDictionary(a => a.Code, StringComparer.Ordinal);
        Sources = sources;
        _income = income.ToFrozenSet(StringComparer.Ordinal);
        _expense = expense.ToFrozenSet(StringComparer.Ordinal);
    }

    public string Name { get; }
    public IReadOnlyList<Account> Accounts { get; }
    public FrozenDictionary<string, Account> ByCode { get; }

    /// <summary>Per level-1 code, where its code and name come from and whether they are confirmed.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    /// <summary>The level-1 account a code belongs to (itself or its ancestor), or null outside the chart.</summary>
    public Account? RootOf(string code) =>
        code.Length >= 3 && ByCode.TryGetValue(code[..3], out var root) ? root : null;

    /// <summary>An income account (损益类, credit normal) or one of its sub-accounts.</summary>
    public bool IsIncome(string code) => code.Length >= 3 && _income.Contains(code[..3]);

    /// <summary>An expense account (损益类, debit normal) or one of its sub-accounts.</summary>
    public bool IsExpenditure(string code) => code.Length >= 3 && _expense.Contains(code[..3]);

    public bool IsIncomeOrExpenditure(string code) => IsIncome(code) || IsExpenditure(code);

    /// <summary>The level-1 codes of the income accounts, in chart order.</summary>
    public IEnumerable<string> IncomeCodes => Accounts.Where(a => _income.Contains(a.Code)).Select(a => a.Code);

    /// <summary>The level-1 codes of the expense accounts, in chart order.</summary>
    public IEnumerable<string> ExpenditureCodes => Accounts.Where(a => _expense.Contains(a.Code)).Select(a => a.Code);

    /// <summary>The level-1 code of the account with this name, or null.</summary>
    public string? CodeOfName(string name) => Accounts.FirstOrDefault(a => a.Name == name)?.Code;

    /// <summary>
    /// Reads a chart from its JSON text: <c>{"chart": NAME, "accounts": [{"code", "name", "class", "side",
    /// "source"}]}</c>, class one of asset, liability, ownership, cost, income, expense; side debit,
    /// credit or either. Malformed data is a bug of the shipped file and throws.
    /// </summary>
    public static ChartOfAccounts FromJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var name = root.GetProperty("chart").GetString() ?? throw new InvalidOperationException("chart data without a name");
        var accounts = new List<Account>();
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var income = new List<string>();
        var expense = new List<string>();
        foreach (var a in root.GetProperty("accounts").EnumerateArray())
        {
            var code = a.GetProperty("code").GetString()!;
            var accountName = a.GetProperty("name").GetString()!;
            Precondition.Require(code.Length == 3 && code.All(char.IsAsciiDigit), $"chart {name}: level-1 code {code} has three digits");
            var cls = a.GetProperty("class").GetString() switch
            {
                "asset" => AccountClass.Asset,
                "liability" => AccountClass.Liability,
                "ownership" => AccountClass.Ownership,
                "cost" => AccountClass.Cost,
                "income" => AccountClass.IncomeExpense,
                "expense" => AccountClass.IncomeExpense,
                var other => throw new InvalidOperationException($"chart {name}: account {code} has unknown class {other}"),
            };
            var side = a.GetProperty("side").GetString() switch
            {
                "debit" => NormalSide.Debit,
                "credit" => NormalSide.Credit,
                "either" => NormalSide.Either,
                var other => throw new InvalidOperationException($"chart {name}: account {code} has unknown side {other}"),
            };
            if (a.GetProperty("class").GetString() == "income") income.Add(code);
            if (a.GetProperty("class").GetString() == "expense") expense.Add(code);
            Precondition.Require(accounts.All(x => x.Code != code), $"chart {name}: code {code} appears once");
            accounts.Add(new Account(code, accountName, null, cls, side));
            sources[code] = a.TryGetProperty("source", out var s) ? s.GetString() ?? "" : "";
        }
        return new ChartOfAccounts(name, accounts, sources, income, expense);
    }

    /// <summary>A chart shipped inside this assembly, Chart/Data/NAME.json.</summary>
    internal static ChartOfAccounts Embedded(string name) => FromJson(EmbeddedText(name));

    /// <summary>The JSON text of a chart shipped inside this assembly.</summary>
    internal static string EmbeddedText(string name)
    {
        var resource = $"CollectiveLedger.Core.Chart.Data.{name}.json";
        using var stream = typeof(ChartOfAccounts).Assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"embedded chart {resource} is missing");
        using var reader = new System.IO.StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
