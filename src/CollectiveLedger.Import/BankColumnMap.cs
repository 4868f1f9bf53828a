using System.Text.Json;

namespace CollectiveLedger.Import;

/// <summary>
/// Which columns of a bank statement hold what: for each field, the header texts it may have. Built in
/// for the banks villages use (<see cref="Rcc"/> 农村商业银行/农村信用社, <see cref="Psbc"/> 邮储银行,
/// <see cref="Abc"/> 农业银行), or read from a JSON map file (schemas/bank-map.schema.json) for another.
/// A statement has a date, a balance, and either an income and a payment column (收入/支出, or as banks
/// print it 贷方发生额/借方发生额: a debit on the depositor's account is money paid out) or one signed amount
/// column; summary, counterparty and serial are optional.
/// </summary>
public sealed record BankColumnMap(string Bank, IReadOnlyDictionary<string, string[]> Columns)
{
    public static readonly string[] Fields = ["date", "summary", "income", "payment", "amount", "balance", "counterparty", "serial"];

    public static readonly BankColumnMap Rcc = new("rcc", new Dictionary<string, string[]>
    {
        ["date"] = ["交易日期", "记账日期", "日期"],
        ["summary"] = ["摘要", "交易摘要", "附言"],
        ["income"] = ["收入金额", "贷方发生额", "贷方金额", "存入金额", "收入"],
        ["payment"] = ["支出金额", "借方发生额", "借方金额", "支取金额", "支出"],
        ["balance"] = ["余额", "账户余额", "交易后余额"],
        ["counterparty"] = ["对方户名", "对方账户名称", "对方名称"],
        ["serial"] = ["流水号", "交易流水号", "凭证号", "传票号"],
    });

    public static readonly BankColumnMap Psbc = new("psbc", new Dictionary<string, string[]>
    {
        ["date"] = ["交易日期", "交易时间", "记账日期"],
        ["summary"] = ["摘要", "交易摘要", "交易类型"],
        ["income"] = ["收入", "收入金额", "存入金额"],
        ["payment"] = ["支出", "支出金额", "支取金额"],
        ["balance"] = ["余额", "账户余额"],
        ["counterparty"] = ["对方户名", "对方账户户名"],
        ["serial"] = ["交易流水号", "流水号", "凭证号"],
    });

    public static readonly BankColumnMap Abc = new("abc", new Dictionary<string, string[]>
    {
        ["date"] = ["交易日期", "日期"],
        ["summary"] = ["摘要", "交易用途", "用途"],
        ["income"] = ["收入金额", "贷方发生额", "收入"],
        ["payment"] = ["支出金额", "借方发生额", "支出"],
        ["balance"] = ["账户余额", "余额", "本次余额"],
        ["counterparty"] = ["对方户名", "对方账户名称"],
        ["serial"] = ["交易流水号", "流水号", "凭证号"],
    });

    /// <summary><c>--bank rcc|psbc|abc</c>; null for another name.</summary>
    /// <summary>The built-in layouts, in the order a file's header is tried against them when no layout is given.</summary>
    public static IReadOnlyList<BankColumnMap> BuiltIn => [Rcc, Psbc, Abc];

    public static BankColumnMap? Named(string name) => name switch { "rcc" => Rcc, "psbc" => Psbc, "abc" => Abc, _ => null };

    /// <summary>
    /// Reads a map file: <c>{"bank": "NAME", "columns": {"date": "交易日期" or ["交易日期", ...], ...}}</c>
    /// (schemas/bank-map.schema.json). Throws <see cref="FormatException"/> naming what is wrong.
    /// </summary>
    public static BankColumnMap Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("columns", out var columns) || columns.ValueKind != JsonValueKind.Object)
            throw new FormatException("the map is an object with \"columns\"");
        foreach (var p in root.EnumerateObject())
            if (p.Name is not ("bank" or "columns" or "$schema")) throw new FormatException($"unknown key \"{p.Name}\"");
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var c in columns.EnumerateObject())
        {
            if (!Fields.Contains(c.Name)) throw new FormatException($"unknown column \"{c.Name}\"; the columns are {string.Join(", ", Fields)}");
            string[] names = c.Value.ValueKind switch
            {
                JsonValueKind.String => [c.Value.GetString()!],
                JsonValueKind.Array when c.Value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0)
                    && c.Value.GetArrayLength() > 0 => [.. c.Value.EnumerateArray().Select(v => v.GetString()!)],
                _ => throw new FormatException($"column \"{c.Name}\" is a header text or a list of them"),
            };
            map[c.Name] = [.. names.Select(n => n.Trim())];
        }
        if (!map.ContainsKey("date") || !map.ContainsKey("balance")) throw new FormatException("the map needs the columns date and balance");
        if (map.ContainsKey("amount") == (map.ContainsKey("income") || map.ContainsKey("payment")))
            throw new FormatException("the map has either income and payment, or amount");
        if (!map.ContainsKey("amount") && !(map.ContainsKey("income") && map.ContainsKey("payment")))
            throw new FormatException("the map needs both income and payment");
        var bank = root.TryGetProperty("bank", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString()! : "map";
        return new BankColumnMap(bank.Length is > 0 and <= 32 ? bank : "map", map);
    }
}
