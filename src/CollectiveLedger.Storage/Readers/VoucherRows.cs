using System.Collections.Immutable;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;
using Dapper;
using System.Data.Common;

namespace CollectiveLedger.Storage.Readers;

/// <summary>
/// Vouchers read back from their rows with their lines, streamed: shared by <see cref="BooksReader"/>
/// and the write session (a voucher by its key, a ref already posted).
/// </summary>
internal static class VoucherRows
{
    internal const string SelectVoucherRows = """
        SELECT v.seq, v.period, v.number, v.date, v.kind, v.ref, v.summary, v.attachments, v.reverses_period, v.reverses_number,
               v.source, v.draft, v.cashier, v.attachments_reason,
               r.period AS reversed_by_period, r.number AS reversed_by_number,
               l.line_no, l.account, l.debit_fen, l.credit_fen, l.fund, l.member, l.counterparty, l.summary AS line_summary
        FROM vouchers v
        JOIN voucher_lines l ON l.voucher_seq = v.seq
        LEFT JOIN vouchers r ON r.reverses_period = v.period AND r.reverses_number = v.number
        """;

    internal static StoredVoucher? Find(DbConnection connection, DbTransaction? tx, VoucherKey key) =>
        Read(connection, tx, SelectVoucherRows + " WHERE v.period = @Period AND v.number = @Number ORDER BY l.line_no",
            new { Period = key.Period.ToString(), key.Number }).SingleOrDefault();

    /// <summary>The voucher carrying a ref, with the hash of its content (computed here: re-imports are rare, imports are not).</summary>
    internal static PostedRef? FindRef(DbConnection connection, DbTransaction tx, string reference) =>
        Read(connection, tx, SelectVoucherRows + " WHERE v.ref = @Ref ORDER BY l.line_no", new { Ref = reference })
            .Select(v => new PostedRef(v.Voucher.Key, EventCodec.ContentSha256(v.Voucher))).SingleOrDefault();

    internal static IEnumerable<StoredVoucher> Read(DbConnection connection, DbTransaction? tx, string sql, object? parameters)
    {
        using var reader = connection.ExecuteReader(sql, parameters, tx);
        var parser = reader.GetRowParser<VoucherRow>();
        VoucherRow? first = null;
        var lines = ImmutableArray.CreateBuilder<VoucherLine>();
        while (reader.Read())
        {
            var row = parser(reader);
            if (first is not null && row.seq != first.seq)
            {
                yield return first.ToStored(lines.ToImmutable());
                lines.Clear();
            }
            first = first is null || row.seq != first.seq ? row : first;
            lines.Add(new VoucherLine(row.account, new Amount(row.debit_fen), new Amount(row.credit_fen), row.fund, row.member, row.counterparty, row.line_summary));
        }
        if (first is not null) yield return first.ToStored(lines.ToImmutable());
    }

    private sealed record VoucherRow(long seq, string period, long number, string date, string kind, string? @ref, string summary,
        long attachments, string? reverses_period, long? reverses_number, string? source, long? draft, string? cashier, string? attachments_reason,
        string? reversed_by_period, long? reversed_by_number,
        long line_no, string account, long debit_fen, long credit_fen, string? fund, string? member, string? counterparty, string? line_summary)
    {
        public StoredVoucher ToStored(ImmutableArray<VoucherLine> lines)
        {
            VoucherKinds.TryParse(kind, out var k);
            var voucher = new Voucher((int)number, IsoDate.Parse(date), k, @ref, summary, (int)attachments,
                reverses_period is null ? null : new VoucherKey(Period.Parse(reverses_period), (int)reverses_number!.Value), lines)
                { AttachmentsReason = attachments_reason };
            return new StoredVoucher(seq, voucher,
                reversed_by_period is null ? null : new VoucherKey(Period.Parse(reversed_by_period), (int)reversed_by_number!.Value),
                source is null ? null : new VoucherOrigin(source, (int?)draft, cashier));
        }
    }
}
