using System.Text;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Reports;

/// <summary>
/// The books as an hledger journal, so that an independent tool can check them: every account
/// and the currency declared (<c>hledger check -s</c> passes), one transaction per voucher with the
/// voucher number as code, debits positive and credits negative. Account names are code paths
/// (102:10201) so that hledger's tree is ours. Opening and closing vouchers carry a <c>kind</c> tag.
/// </summary>
public static class HledgerJournal
{
    public static void Write(TextWriter writer, LedgerCreated ledger, IReadOnlyDictionary<string, Account> accounts, IEnumerable<Voucher> vouchersByDate)
    {
        writer.WriteLine($"; {ledger.Org} ({ledger.OrgCode}) — exported by CollectiveLedger, ledger {ledger.LedgerId}");
        writer.WriteLine($"commodity {ledger.Currency} 1000.00");
        writer.WriteLine();
        foreach (var account in accounts.Values.OrderBy(a => a.Code, StringComparer.Ordinal))
            writer.WriteLine($"account {Name(account.Code, accounts)}  ; {Clean(account.Name)}");
        foreach (var v in vouchersByDate)
        {
            writer.WriteLine();
            writer.WriteLine($"{IsoDate.Format(v.Date)} * ({v.Period} {v.Key.NumberText}) {Clean(v.Summary)}");
            if (v.Ref is not null) writer.WriteLine($"    ; ref: {Clean(v.Ref)}");
            if (v.Kind != VoucherKind.Normal) writer.WriteLine($"    ; kind: {v.Kind.ToText()}");  // a tag: not:tag:kind=closing leaves out year close
            foreach (var line in v.Lines)
            {
                var net = line.Debit - line.Credit;
                writer.WriteLine($"    {Name(line.Account, accounts)}  {ledger.Currency} {net}" + (line.Summary is null ? "" : $"  ; {Clean(line.Summary)}"));
            }
        }
    }

    private static string Name(string code, IReadOnlyDictionary<string, Account> accounts)
    {
        var parts = new List<string>();
        for (var c = code; c is not null; c = accounts[c].Parent) parts.Add(c);
        parts.Reverse();
        return string.Join(":", parts);
    }

    /// <summary>hledger reads ';' as a comment and '|' as a payee separator; full-width forms keep the text readable.</summary>
    private static string Clean(string text) => new StringBuilder(text).Replace(';', '；').Replace('|', '｜').ToString();
}
