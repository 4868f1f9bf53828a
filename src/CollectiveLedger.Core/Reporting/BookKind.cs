namespace CollectiveLedger.Core.Reporting;

/// <summary>
/// The books printed for the archive (会计档案): 总账 (each level-1 account by month), 明细账 (each
/// account line by line), 现金日记账 (101 库存现金) and 银行存款日记账 (each bank account under 102).
/// </summary>
public enum BookKind { General, Detail, Cash, Bank }

public static class BookKinds
{
    public static string ToText(this BookKind kind) => kind switch
    {
        BookKind.General => "general",
        BookKind.Detail => "detail",
        BookKind.Cash => "cash",
        _ => "bank",
    };

    public static bool TryParse(string? text, out BookKind kind)
    {
        foreach (var k in Enum.GetValues<BookKind>())
            if (k.ToText() == text) { kind = k; return true; }
        kind = default;
        return false;
    }

    /// <summary>The book's name as printed: 总账, 明细账, 现金日记账, 银行存款日记账.</summary>
    public static string Title(this BookKind kind) => kind switch
    {
        BookKind.General => "总账",
        BookKind.Detail => "明细账",
        BookKind.Cash => "现金日记账",
        _ => "银行存款日记账",
    };

    public static string TitleEn(this BookKind kind) => kind switch
    {
        BookKind.General => "general ledger",
        BookKind.Detail => "subsidiary ledger",
        BookKind.Cash => "cash journal",
        _ => "bank journal",
    };

    /// <summary>The level-1 account a journal keeps (101, 102); null for the ledgers, which keep any.</summary>
    public static string? Root(this BookKind kind) => kind switch
    {
        BookKind.Cash => "101",
        BookKind.Bank => "102",
        _ => null,
    };
}
