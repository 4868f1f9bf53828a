namespace CollectiveLedger.Core.Vouchers;

/// <summary>
/// normal: the month's business; opening: balances brought in on the ledger's first day; closing:
/// the year-end 结转 vouchers that only <c>year close</c> posts (income and expense into 321 本年收益,
/// 321 into 322 收益分配), never a voucher file.
/// </summary>
public enum VoucherKind { Normal, Opening, Closing }

public static class VoucherKinds
{
    public static string ToText(this VoucherKind kind) => kind switch
    {
        VoucherKind.Opening => "opening",
        VoucherKind.Closing => "closing",
        _ => "normal",
    };

    public static bool TryParse(string? text, out VoucherKind kind)
    {
        kind = VoucherKind.Normal;
        switch (text)
        {
            case null or "" or "normal": return true;
            case "opening": kind = VoucherKind.Opening; return true;
            case "closing": kind = VoucherKind.Closing; return true;
            default: return false;
        }
    }

    /// <summary>The kinds a voucher file may state: closing vouchers are made only by year close.</summary>
    public static bool TryParseInput(string? text, out VoucherKind kind) => TryParse(text, out kind) && kind != VoucherKind.Closing;
}
