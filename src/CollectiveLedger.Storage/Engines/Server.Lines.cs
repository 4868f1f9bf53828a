using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Reporting;
using Dapper;
using Npgsql;

namespace CollectiveLedger.Storage.Engines;

/// <summary>
/// The county view's lines kept in the database (issue 16: the dashboard over a thousand villages under a second). A
/// village's line is what it adds to its township's totals (a <see cref="TownshipTotals"/> of one village), kept in
/// <c>public.cledger_village_lines</c> beside the registry, outside every village's books (never in a log, never
/// verified: a view's memo). A line is used only for the village's books (its schema's oid: books dropped and made
/// again under the same code are other books) and head (its last entry's seq) it was worked out at,
/// the day it was worked out for and the build of the program that worked it out; any write to the village, a new
/// day or a new program makes it stale, and the view works it out again from the books and keeps it.
/// </summary>
public static partial class Server
{
    private const string LinesTable = """
        CREATE TABLE IF NOT EXISTS public.cledger_village_lines (
            code                   text COLLATE "C" PRIMARY KEY,
            books                  bigint NOT NULL,
            head                   bigint NOT NULL,
            as_of                  text COLLATE "C" NOT NULL,
            program                text COLLATE "C" NOT NULL,
            with_open_months       integer NOT NULL,
            with_late_notices      integer NOT NULL,
            pending_approvals      integer NOT NULL,
            fund_balance_fen       bigint NOT NULL,
            fund_granted_fen       bigint NOT NULL,
            fund_spent_fen         bigint NOT NULL,
            with_overdue_contracts integer NOT NULL,
            overdue_rent_fen       bigint NOT NULL
        )
        """;

    /// <summary>This build of the program: a line worked out by another build is not used.</summary>
    private static readonly string Program = typeof(Server).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private sealed record KeptLine(string Code, long? Books, long? Head, int? WithOpenMonths, int WithLateNotices, int PendingApprovals,
        long FundBalanceFen, long FundGrantedFen, long FundSpentFen, int WithOverdueContracts, long OverdueRentFen);

    /// <summary>
    /// Each village's head now and its line kept for that head, <paramref name="today"/> and this program (null when there
    /// is none), in one query for all of <paramref name="villages"/> (one database's, a few hundred at a time). A village
    /// whose schema went away meanwhile makes the whole answer null: the caller then reads each village's books.
    /// </summary>
    internal static IReadOnlyList<(BooksAt? At, TownshipTotals? Line)>? KeptLines(string db, IReadOnlyList<VillageBooks> villages, DateOnly today)
    {
        using var connection = Connect(db, "public");
        connection.Execute(LinesTable);
        var parameters = new DynamicParameters(new { asOf = IsoDate.Format(today), program = Program });
        var heads = string.Join("\nUNION ALL ", villages.Select((v, i) =>
        {
            parameters.Add("c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), v.Code);
            var schema = SchemaOf(db, v.Code);
            return $"SELECT @c{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}::text AS code, "
                + $"(SELECT oid::bigint FROM pg_namespace WHERE nspname = '{schema}') AS books, (SELECT max(seq) FROM {schema}.audit_log) AS head";
        }));
        List<KeptLine> rows;
        try
        {
            rows = connection.Query<KeptLine>($"""
                WITH heads AS ({heads})
                SELECT h.code AS Code, h.books AS Books, h.head AS Head, l.with_open_months AS WithOpenMonths, l.with_late_notices AS WithLateNotices,
                       l.pending_approvals AS PendingApprovals, l.fund_balance_fen AS FundBalanceFen, l.fund_granted_fen AS FundGrantedFen,
                       l.fund_spent_fen AS FundSpentFen, l.with_overdue_contracts AS WithOverdueContracts, l.overdue_rent_fen AS OverdueRentFen
                FROM heads h
                LEFT JOIN public.cledger_village_lines l ON l.code = h.code AND l.books = h.books AND l.head = h.head AND l.as_of = @asOf AND l.program = @program
                """, parameters).ToList();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
        var byCode = rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
        return villages.Select(v =>
        {
            var r = byCode[v.Code];
            return (r is { Books: { } books, Head: { } head } ? new BooksAt(books, head) : null, r.WithOpenMonths is { } open
                ? new TownshipTotals(v.County, v.Township, 1, 0, open, r.WithLateNotices, r.PendingApprovals, new Amount(r.FundBalanceFen),
                    new Amount(r.FundGrantedFen), new Amount(r.FundSpentFen), r.WithOverdueContracts, new Amount(r.OverdueRentFen))
                : null);
        }).ToList();
    }

    /// <summary>A village's books (its schema's oid) and their head when the kept lines were looked up.</summary>
    internal sealed record BooksAt(long Books, long Head);

    /// <summary>Keeps village <paramref name="code"/>'s line, worked out from its books as they were <paramref name="at"/>, for <paramref name="today"/>.</summary>
    internal static void KeepLine(string db, string code, BooksAt at, DateOnly today, TownshipTotals line)
    {
        using var connection = Connect(db, "public");
        connection.Execute("""
            INSERT INTO public.cledger_village_lines VALUES (@code, @books, @head, @asOf, @program, @WithOpenMonths, @WithLateNotices, @PendingApprovals,
                @balance, @granted, @spent, @WithOverdueContracts, @rent)
            ON CONFLICT (code) DO UPDATE SET books = excluded.books, head = excluded.head, as_of = excluded.as_of, program = excluded.program,
                with_open_months = excluded.with_open_months, with_late_notices = excluded.with_late_notices,
                pending_approvals = excluded.pending_approvals, fund_balance_fen = excluded.fund_balance_fen,
                fund_granted_fen = excluded.fund_granted_fen, fund_spent_fen = excluded.fund_spent_fen,
                with_overdue_contracts = excluded.with_overdue_contracts, overdue_rent_fen = excluded.overdue_rent_fen
            """, new
        {
            code, books = at.Books, head = at.Head, asOf = IsoDate.Format(today), program = Program, line.WithOpenMonths, line.WithLateNotices, line.PendingApprovals,
            balance = line.FundBalance.Fen, granted = line.FundGranted.Fen, spent = line.FundSpent.Fen, line.WithOverdueContracts,
            rent = line.OverdueRent.Fen,
        });
    }
}
