using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;
using Dapper;

namespace CollectiveLedger.Storage;

public sealed partial class LedgerStore
{
    // Line by line, since the person or household is on the line (member, counterparty) and the
    // month sums of account_turnover do not keep it. Year-end closing vouchers never touch 212/231.
    private const string SelectDisclosureLines = """
        SELECT v.date, v.period, v.number, COALESCE(l.summary, v.summary) AS summary, COALESCE(m.name, c.name, '') AS party,
               l.account, a.name AS account_name, l.debit_fen, l.credit_fen, v.reverses_period IS NOT NULL AS reversal
        FROM voucher_lines l
        JOIN vouchers v ON v.seq = l.voucher_seq
        JOIN accounts a ON a.code = l.account
        LEFT JOIN members m ON m.code = l.member
        LEFT JOIN counterparties c ON c.code = l.counterparty
        WHERE v.kind = 'normal' AND v.period BETWEEN @From AND @To
          AND substr(l.account, 1, length(@Root)) = @Root
        ORDER BY v.date, v.period, v.number, l.line_no
        """;

    /// <summary>The months' lines on <paramref name="root"/> and its sub-accounts, with the party's name, in date order.</summary>
    public IReadOnlyList<DisclosureLine> DisclosureLines(string root, Period from, Period to) =>
        _connection.Query<(string Date, string Period, long Number, string Summary, string Party, string Account, string AccountName, long Debit, long Credit, long Reversal)>(
                SelectDisclosureLines, new { From = from.ToString(), To = to.ToString(), Root = root })
            .Select(r => new DisclosureLine(IsoDate.Parse(r.Date), new VoucherKey(Period.Parse(r.Period), (int)r.Number), r.Summary, r.Party,
                r.Account, r.AccountName, new Amount(r.Debit), new Amount(r.Credit), r.Reversal != 0))
            .ToList();

    // From the month sums: what each fund still owes on each payable account at the end of @To
    // (opening balances included; Core keeps the credit balances of the payable roots).
    private const string SelectFundPayables = """
        SELECT t.fund, t.account, SUM(t.credit_fen) - SUM(t.debit_fen) AS credit_balance
        FROM account_turnover t
        WHERE t.fund <> '' AND t.period <= @To AND substr(t.account, 1, 1) = '2'
        GROUP BY t.fund, t.account
        HAVING SUM(t.credit_fen) <> SUM(t.debit_fen)
        ORDER BY t.fund, t.account
        """;

    /// <summary>Liability balances on lines naming a fund, per fund and account, at the end of <paramref name="to"/>.</summary>
    public IReadOnlyList<FundPayable> FundPayables(Period to) =>
        _connection.Query<(string Fund, string Account, long CreditBalance)>(SelectFundPayables, new { To = to.ToString() })
            .Select(r => new FundPayable(r.Fund, r.Account, new Amount(r.CreditBalance)))
            .ToList();
}
