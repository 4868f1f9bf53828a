using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Reporting;
using CollectiveLedger.Reports.Printing;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Web;

/// <summary>
/// The printed vouchers and books for the archive (会计档案), the same for the web workspace and
/// <c>cledger print</c>: reads the books and hands them to <see cref="VoucherPrint"/> and
/// <see cref="BookPrint"/>. Nothing is recorded: printing reads only.
/// </summary>
public static class ArchivePrinting
{
    /// <summary>The 记账凭证 of a month (or one of them, <paramref name="number"/>), two to an A4 page.</summary>
    /// <returns>The PDF, or null when the month has no such voucher.</returns>
    public static byte[]? Vouchers(LedgerStore store, LedgerState state, Period period, int? number, string fontPath)
    {
        var signatures = store.Printing.VoucherSignatures(period, period);
        var vouchers = store.Books.Vouchers(period, period)
            .Where(v => number is null || v.Voucher.Number == number)
            .Select(v => new PrintedVoucher(v.Voucher, signatures[v.Seq]))
            .ToList();
        if (vouchers.Count == 0) return null;
        return VoucherPrint.Render(vouchers, state, fontPath, period.LastDay, $"{state.Ledger.Org}  {period} 记账凭证 vouchers");
    }

    /// <summary>
    /// Why a book cannot be printed with <paramref name="account"/>, in Chinese and English; null when it can
    /// (no account: every account the book keeps). A 总账 takes a level-1 account, a journal one under its own (101, 102).
    /// </summary>
    public static (string Zh, string En)? AccountProblem(LedgerState state, BookKind kind, string? account)
    {
        if (account is null) return null;
        if (!state.Accounts.TryGetValue(account, out var found)) return ($"科目 {account} 不存在", $"account {account} does not exist");
        if (kind == BookKind.General && found.Parent is not null)
            return ($"总账按一级科目登记，{account} 是明细科目", $"the general ledger keeps level-1 accounts; {account} is a sub-account");
        if (kind.Root() is { } root && !account.StartsWith(root, StringComparison.Ordinal))
            return ($"{kind.Title()}只登记 {root} 及其明细科目，不含 {account}", $"the {kind.TitleEn()} keeps {root} and its sub-accounts, not {account}");
        return null;
    }

    /// <summary>
    /// A book of <paramref name="year"/>: every account it keeps, or <paramref name="account"/> alone
    /// (checked with <see cref="AccountProblem"/> first). The cash journal is 101 with its sub-accounts;
    /// the bank journal is one per bank account (each leaf under 102).
    /// </summary>
    public static byte[] Book(LedgerStore store, LedgerState state, BookKind kind, int year, string? account, string fontPath)
    {
        var org = state.Ledger.Org;
        var firstYear = state.Ledger.StartPeriod.Year == year;
        return kind switch
        {
            BookKind.General => BookPrint.General(year, store.Printing.GeneralLedgers(year, account), org, firstYear, fontPath),
            BookKind.Cash => BookPrint.Accounts(kind, year, store.Printing.BookLedgers(year, account ?? "101", null), org, firstYear, fontPath),
            _ => BookPrint.Accounts(kind, year, store.Printing.BookLedgers(year, account, kind.Root()), org, firstYear, fontPath),
        };
    }

    public static string VoucherFileName(Period period) => $"记账凭证-{period}.pdf";

    public static string BookFileName(BookKind kind, int year, string? account) => $"{kind.Title()}-{year}{(account is null ? "" : "-" + account)}.pdf";
}
