using System.Diagnostics;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CollectiveLedger.Benchmarks;

/// <summary>
/// The ledgers the benchmark works on: created the product's way with the registers the generated
/// vouchers need, and the baseline, which writes the same rows into the same schema with bare
/// Dapper inserts: no parsing, no validation, no chain.
/// </summary>
internal static class Books
{
    public const string Actor = "benchmark";

    /// <summary>A new ledger starting 2025-01, with the sub-accounts, funds, members and counterparties registered.</summary>
    /// <param name="village">The village, when <paramref name="path"/> is a PostgreSQL address.</param>
    public static LedgerStore Create(string path, string? village = null)
    {
        var created = (LedgerCreated)LedgerRules.Create("benchmark-ledger", "巴音宝力格嘎查股份经济合作社", "N2152525MF3K7Q2D7B",
            "CNY", StandardChart.Name, "2025-01").Event!;
        var store = LedgerStore.Create(path, created, Actor, TimeProvider.System, village: village);
        try
        {
            store.Write(Actor, session =>
            {
                foreach (var (code, name, parent) in VoucherGenerator.SubAccounts)
                    Append(session, RegisterRules.AddAccount(code, name, parent, session.State, Place.None));
                foreach (var (kind, code, name) in VoucherGenerator.Dimensions)
                    Append(session, RegisterRules.AddDimension(kind, code, name, session.State, Place.None));
                // Opening balances with the support funds' money already in the bank (and owed to the
                // grantor in 241, so that each fund balances: FundMustBalance), so that the generated
                // spending never overspends a fund (FundOverspent) whatever order it comes in.
                var opening = new Core.Vouchers.VoucherInput(Place.None, "BM-OPENING", "2025-01-01", "期初余额", null, "opening",
                [
                    new(Place.None, "10202", "50000000.00", null, "F01", null, null, null),
                    new(Place.None, "10202", "50000000.00", null, "F03", null, null, null),
                    new(Place.None, "241", null, "50000000.00", "F01", null, null, null),
                    new(Place.None, "241", null, "50000000.00", "F03", null, null, null),
                ]);
                var decision = VoucherRules.Decide(opening, session.State, session.Today, null);
                session.Append(decision is VoucherDecision.Post post ? post.Event
                    : throw new InvalidOperationException("benchmark opening rejected: " + decision));
                return 0;
            });
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private static void Append(WriteSession session, Decision decision) => session.Append(decision.Event
        ?? throw new InvalidOperationException("benchmark setup rejected: " + string.Join("; ", decision.Violations)));

    private const string InsertEntry = "INSERT INTO audit_log (seq, hash, entry) VALUES (@Seq, @Hash, @Entry)";
    private const string InsertVoucher = """
        INSERT INTO vouchers (seq, period, number, date, kind, ref, summary, attachments, reverses_period, reverses_number)
        VALUES (@Seq, @Period, @Number, @Date, 'normal', @Ref, @Summary, @Attachments, NULL, NULL)
        """;
    private const string InsertLine = """
        INSERT INTO voucher_lines (voucher_seq, line_no, account, debit_fen, credit_fen, fund, member, counterparty, summary)
        VALUES (@VoucherSeq, @LineNo, @Account, @DebitFen, @CreditFen, @Fund, @Member, @Counterparty, @Summary)
        """;
    private static readonly string PlaceholderHash = new('0', 64);

    private sealed record EntryRow(long Seq, string Hash, byte[] Entry);
    private sealed record VoucherRow(long Seq, string Period, long Number, string Date, string Ref, string Summary, int Attachments);
    private sealed record LineRow(long VoucherSeq, long LineNo, string Account, long DebitFen, long CreditFen, string? Fund, string? Member,
        string? Counterparty, string? Summary);

    /// <summary>
    /// The baseline: a ledger made like <see cref="Create"/>, then the generated vouchers' rows
    /// (vouchers, voucher_lines, and audit_log rows holding <paramref name="entryBytes"/> placeholder
    /// bytes) inserted in one transaction on a separate connection with the same pragmas the store
    /// uses. The rows are built before the clock starts; the time is the inserts and the commit.
    /// </summary>
    public static TimeSpan BareInserts(string path, int count, int entryBytes)
    {
        Create(path).Dispose();
        long firstSeq;
        Core.Ledger.LedgerState state;
        using (var store = LedgerStore.Open(path, TimeProvider.System))
        {
            firstSeq = store.Head()!.Value.Seq + 1;
            state = store.LoadState();
        }

        var entry = new byte[entryBytes];
        Array.Fill(entry, (byte)'x');
        var entries = new List<EntryRow>(count);
        var vouchers = new List<VoucherRow>(count);
        var lines = new List<LineRow>(count * 2);
        var lastNumber = new Dictionary<string, long>();
        var seq = firstSeq;
        foreach (var v in VoucherGenerator.Generate(count))
        {
            var period = v.Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            var number = lastNumber[period] = (lastNumber.TryGetValue(period, out var last) ? last : state.LastNumber(Core.Periods.Period.Parse(period))) + 1;
            entries.Add(new EntryRow(seq, PlaceholderHash, entry));
            vouchers.Add(new VoucherRow(seq, period, number, v.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), v.Ref, v.Summary, v.Attachments));
            var lineNo = 0L;
            foreach (var l in v.Lines)
                lines.Add(new LineRow(seq, ++lineNo, l.Account, l.DebitFen, l.CreditFen, l.Fund, l.Member, l.Counterparty, l.Summary));
            seq++;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        connection.Execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
        var clock = Stopwatch.StartNew();
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            connection.Execute(InsertEntry, entries, transaction);
            connection.Execute(InsertVoucher, vouchers, transaction);
            connection.Execute(InsertLine, lines, transaction);
            transaction.Commit();
        }
        return clock.Elapsed;
    }
}
