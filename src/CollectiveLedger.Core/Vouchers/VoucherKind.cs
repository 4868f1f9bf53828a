namespace CollectiveLedger.Core.Vouchers;

/// <summary>normal: the month's business; opening: balances brought in on the ledger's first day.</summary>
public enum VoucherKind { Normal, Opening }

public static class VoucherKinds
{
    public static string ToText(this VoucherKind kind) => kind == VoucherKind.Opening ? "opening" : "normal";

    public static bool TryParse(string? text, out VoucherKind kind)
    {
        kind = VoucherKind.Normal;
        switch (text)
        {
            case null or "" or "normal": return true;
            case "opening": kind = VoucherKind.Opening; return true;
            default: return false;
        }
    }
}
