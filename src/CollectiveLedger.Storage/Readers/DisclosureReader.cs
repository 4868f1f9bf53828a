using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Reporting;
using CollectiveLedger.Core.Vouchers;
using Dapper;
using System.Data.Common;

namespace CollectiveLedger.Storage.Readers;

/// <summary>
/// What a notice shows: its items, cash movements, fund usage, lines of chosen accounts, fund payables, a
/// project notice's money, and the checkpoint of the books it carries. Read through the store's connection
/// (<c>store.Disclosure</c>).
/// </summary>
public sealed class DisclosureReader
{
    private readonly LedgerStore _store;
    private readonly DbConnection _connection;

    internal DisclosureReader(LedgerStore store)
    {
        _store = store;
        _connection = store.Connection;
    }

    /// <summary>
    /// The value setting <paramref name="key"/> had after the first <paramref name="entries"/> entries of the log (the books a
    /// checkpoint of that size covers: what was in force when a notice carrying it was prepared); null when not set by then.
    /// </summary>
    public string? SettingAsOf(string key, long entries) =>
        _connection.QueryFirstOrDefault<string?>("SELECT value FROM settings WHERE key = @Key AND seq < @Entries ORDER BY seq DESC LIMIT 1",
            new { Key = key, Entries = entries });

    private static readonly string SelectDisclosureItems = $"""
        SELECT v.date, v.period, v.number, COALESCE(l.summary, v.summary) AS summary, COALESCE(m.name, c.name, '') AS party,
               l.account, a.name AS account_name,
               CASE WHEN {AccountSql.IsIncome("l.account")} THEN l.credit_fen - l.debit_fen ELSE l.debit_fen - l.credit_fen END AS amount,
               v.reverses_period IS NOT NULL AS reversal
        FROM voucher_lines l
        JOIN vouchers v ON v.seq = l.voucher_seq
        JOIN accounts a ON a.code = l.account
        LEFT JOIN members m ON m.code = l.member
        LEFT JOIN counterparties c ON c.code = l.counterparty
        WHERE v.kind = 'normal' AND v.period BETWEEN @From AND @To  -- not the year-end closing vouchers: they move no money
          AND {AccountSql.IsIncomeOrExpenditure("l.account")}
        ORDER BY v.date, v.period, v.number, l.line_no
        """;

    /// <summary>Every income and expenditure line of the months, for the notice's item list.</summary>
    public IReadOnlyList<DisclosureItem> DisclosureItems(Period from, Period to) =>
        _connection.Query<(string Date, string Period, long Number, string Summary, string Party, string Account, string AccountName, long Amount, long Reversal)>(
                SelectDisclosureItems, new { From = from.ToString(), To = to.ToString() })
            .Select(r => new DisclosureItem(IsoDate.Parse(r.Date), new VoucherKey(Period.Parse(r.Period), (int)r.Number), r.Summary, r.Party,
                r.Account, r.AccountName, new Amount(r.Amount), r.Reversal != 0))
            .ToList();

    // The months' business: normal vouchers only, so that the year-end closing vouchers (which move
    // income and expenditure into 321 and 322) never count. A voucher moves cash when one of its
    // lines is on cash or bank.
    private static readonly string SelectMovements = $"""
        WITH months AS (
            SELECT v.seq, EXISTS (SELECT 1 FROM voucher_lines c WHERE c.voucher_seq = v.seq AND {AccountSql.IsCashOrBank("c.account")}) AS cash
            FROM vouchers v
            WHERE v.kind = 'normal' AND v.period BETWEEN @From AND @To)
        SELECT 1 AS cash, l.account AS account, SUM(l.credit_fen - l.debit_fen) AS net
        FROM months m JOIN voucher_lines l ON l.voucher_seq = m.seq
        WHERE m.cash
        GROUP BY l.account
        UNION ALL
        SELECT 0, '', SUM(l.credit_fen - l.debit_fen)
        FROM months m JOIN voucher_lines l ON l.voucher_seq = m.seq
        WHERE NOT m.cash AND NOT {AccountSql.IsIncomeOrExpenditure("l.account")}
        GROUP BY m.seq
        """;

    /// <summary>
    /// What the notice's <see cref="CashMovements"/> are made of: per leaf account, credit minus
    /// debit on the months' normal vouchers that move cash or bank; and per normal voucher that moves
    /// none, credit minus debit of its lines that are not income or expenditure.
    /// </summary>
    public (IReadOnlyList<KeyValuePair<string, Amount>> CashVouchers, IReadOnlyList<Amount> NonCashVouchers) Movements(Period from, Period to)
    {
        var rows = _connection.Query<(long Cash, string Account, long Net)>(SelectMovements, new { From = from.ToString(), To = to.ToString() }).ToList();
        return ([.. rows.Where(r => r.Cash != 0).Select(r => KeyValuePair.Create(r.Account, new Amount(r.Net)))],
            [.. rows.Where(r => r.Cash == 0).Select(r => new Amount(r.Net))]);
    }

    // Fund money is counted as FundRules counts it, where it moves through cash and bank: debits
    // there are money received for the fund, credits money paid out of it. From the month sums.
    private static readonly string SelectFundUsage = $"""
        SELECT f.code, f.name,
               COALESCE(SUM(CASE WHEN t.period <= @To THEN t.debit_fen END), 0),
               COALESCE(SUM(CASE WHEN t.period <= @To THEN t.credit_fen END), 0),
               COALESCE(SUM(CASE WHEN t.period BETWEEN @From AND @To THEN t.credit_fen END), 0)
        FROM funds f
        LEFT JOIN account_turnover t ON t.fund = f.code AND {AccountSql.IsCashOrBank("t.account")}
        GROUP BY f.code, f.name
        ORDER BY f.code
        """;

    public IReadOnlyList<FundUsage> FundUsage(Period from, Period to) => FundUsage(from, to, null);

    internal IReadOnlyList<FundUsage> FundUsage(Period from, Period to, DbTransaction? tx) =>
        _connection.Query<(string Code, string Name, long Received, long Spent, long SpentIn)>(SelectFundUsage, new { From = from.ToString(), To = to.ToString() }, tx)
            .Select(r => new FundUsage(r.Code, r.Name, new Amount(r.Received), new Amount(r.Spent), new Amount(r.SpentIn)))
            .ToList();

    /// <summary>
    /// The checkpoint of the books: the log up to its last entry that is not a notice's own (prepared,
    /// reviewed, published), so that notices of unchanged books carry the same checkpoint (and the
    /// same bytes). Returns the checkpoint and the hash of its last entry.
    /// </summary>
    public (Checkpoint Checkpoint, long HeadSeq, string HeadHash) CheckpointOfBooks(string origin) => _store.Read(tx =>
    {
        var size = CheckpointSize(tx);
        var tree = new MerkleTree();
        var head = "";
        foreach (var entry in _connection.Query<StoredEntry>("SELECT seq AS Seq, hash AS Hash, entry AS Bytes FROM audit_log WHERE seq < @Size ORDER BY seq",
                     new { Size = size }, tx, buffered: false))
        {
            tree.Append(entry.Bytes);
            head = entry.Hash;
        }
        return (new Checkpoint(origin, size, tree.Root()), size - 1, head);
    });

    /// <summary>The size of <see cref="CheckpointOfBooks"/>: 1 + the seq of the last entry that is not a notice's own.</summary>
    public long CheckpointSize(DbTransaction? tx = null) => _connection.ExecuteScalar<long>(
        "SELECT COALESCE(MAX(seq), -1) + 1 FROM audit_log WHERE seq NOT IN (SELECT seq FROM disclosures UNION ALL SELECT seq FROM notices UNION ALL SELECT seq FROM notice_reviews)",
        transaction: tx);

    /// <summary>The RFC 6962 leaf hashes of the first <paramref name="size"/> entries (all of them when null), for <see cref="MerkleProof"/>.</summary>
    public IReadOnlyList<byte[]> LeafHashes(long? size = null) =>
        [.. _connection.Query<byte[]>("SELECT entry FROM audit_log WHERE seq < @Size ORDER BY seq", new { Size = size ?? long.MaxValue }, buffered: false)
            .Select(bytes => MerkleTree.LeafHash(bytes))];

    /// <summary>The seq of a year's distribution.paid entry, which its payment voucher follows (the entry a household's receipt is for).</summary>
    public long? DistributionPaymentSeq(int year) =>
        _connection.ExecuteScalar<long?>("SELECT seq FROM distribution_steps WHERE year = @Year AND action = 'paid'", new { Year = year });

    /// <summary>The hash of entry <paramref name="seq"/> ("" before the first entry).</summary>
    public string EntryHash(long seq) =>
        _connection.ExecuteScalar<string?>("SELECT hash FROM audit_log WHERE seq = @Seq", new { Seq = seq }) ?? "";

    /// <summary>Signed checkpoints printed on earlier notices, newest first.</summary>
    public IReadOnlyList<string> PublishedCheckpoints() =>
        _connection.Query<string>("SELECT checkpoint FROM (SELECT seq, checkpoint FROM disclosures UNION ALL SELECT seq, checkpoint FROM notices) c ORDER BY seq DESC").ToList();

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

    // Counted as FundRules counts fund money, through cash and bank, but by the voucher's date, so
    // that a notice dated in the middle of a month shows what had happened by that day.
    private static readonly string SelectFundMoneyThrough = $"""
        SELECT COALESCE(SUM(l.debit_fen), 0), COALESCE(SUM(l.credit_fen), 0)
        FROM voucher_lines l JOIN vouchers v ON v.seq = l.voucher_seq
        WHERE l.fund = @Fund AND {AccountSql.IsCashOrBank("l.account")} AND v.date <= @Through
        """;

    /// <summary>
    /// What a project notice of <paramref name="fund"/> dated <paramref name="through"/> shows, from
    /// one snapshot: the fund's usage report entry over the months <paramref name="from"/> to the
    /// month of <paramref name="through"/> (its payments), and what it received and paid out on or
    /// before that day. Null when there is no such fund.
    /// </summary>
    public (FundReportEntry Fund, Amount Received, Amount Spent)? ProjectNoticeMoney(string fund, Period from, DateOnly through) => _store.Read(tx =>
    {
        var entry = _store.Funds.FundReport(from, Period.Of(through), tx).Funds.FirstOrDefault(f => f.Usage.Code == fund);
        if (entry is null) return ((FundReportEntry, Amount, Amount)?)null;
        var (received, spent) = _connection.QuerySingle<(long, long)>(SelectFundMoneyThrough, new { Fund = fund, Through = IsoDate.Format(through) }, tx);
        return (entry, new Amount(received), new Amount(spent));
    });
}
