using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Core.Vouchers;

/// <summary>A voucher's identity: its month and its number in that month (凭证字号 记-0012).</summary>
public readonly record struct VoucherKey(Period Period, int Number)
{
    /// <summary>记-0012: the 凭证字号 as printed.</summary>
    public string NumberText => FormatNumber(Number);

    public static string FormatNumber(int number) => $"记-{number:D4}";

    /// <summary>Accepts "12", "0012" and "记-0012".</summary>
    public static bool TryParseNumber(string? text, out int number)
    {
        number = 0;
        if (text is null) return false;
        var digits = text.StartsWith("记-", StringComparison.Ordinal) ? text[2..] : text;
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number) && number > 0;
    }

    public override string ToString() => $"{Period} {NumberText}";
}
