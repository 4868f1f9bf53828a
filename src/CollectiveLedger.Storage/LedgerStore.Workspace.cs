using System.Text.Json;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;
using Dapper;

namespace CollectiveLedger.Storage;

/// <summary>One audit entry as a person's step in a voucher's history: when, who, what.</summary>
public sealed record TrailEntry(long Seq, string Time, string Actor, string Kind, string Data);

/// <summary>The queries of the web workspace's voucher pages: search, a draft's voucher, a voucher's audit trail.</summary>
public sealed partial class LedgerStore
{
    private const string SelectVoucherOfDraft = "SELECT period, number FROM vouchers WHERE draft = $draft";

    /// <summary>The voucher an approved draft was posted as, if it was.</summary>
    public VoucherKey? VoucherOfDraft(int draft) => Read(tx =>
        _connection.QuerySingleOrDefault<(string Period, long Number)?>(SelectVoucherOfDraft, new { draft }, tx) is { } key
            ? new VoucherKey(Period.Parse(key.Period), (int)key.Number) : (VoucherKey?)null);

    // The newest first; text is matched in the summary, the ref and the line summaries, an account
    // by its code and every sub-account's. The vouchers' primary key (seq) orders the newest first
    // without a sort, and LIMIT stops the scan as soon as a page is full.
    private const string SelectVoucherSearch = """
        SELECT v.seq FROM vouchers v
        WHERE ($from IS NULL OR v.period >= $from) AND ($to IS NULL OR v.period <= $to)
          AND ($text IS NULL OR instr(v.summary, $text) > 0 OR instr(coalesce(v.ref, ''), $text) > 0
               OR EXISTS (SELECT 1 FROM voucher_lines l WHERE l.voucher_seq = v.seq AND instr(coalesce(l.summary, ''), $text) > 0))
          AND ($account IS NULL OR EXISTS (SELECT 1 FROM voucher_lines l WHERE l.voucher_seq = v.seq AND (l.account = $account OR l.account LIKE $account || '%')))
        ORDER BY v.seq DESC LIMIT $limit OFFSET $offset
        """;

    /// <summary>Posted vouchers matching a search, newest first, one page of them.</summary>
    public IReadOnlyList<StoredVoucher> SearchVouchers(Period? from, Period? to, string? text, string? account, int limit, int offset) => Read(tx =>
    {
        var seqs = _connection.Query<long>(SelectVoucherSearch, new
        {
            from = from?.ToString(), to = to?.ToString(), text = string.IsNullOrWhiteSpace(text) ? null : text,
            account = string.IsNullOrWhiteSpace(account) ? null : account, limit, offset,
        }, tx).ToList();
        if (seqs.Count == 0) return (IReadOnlyList<StoredVoucher>)[];
        return ReadVouchers(_connection, tx, SelectVoucherRows + " WHERE v.seq IN (SELECT value FROM json_each($seqs)) ORDER BY v.seq DESC, l.line_no",
            new Dictionary<string, object> { ["seqs"] = JsonSerializer.Serialize(seqs) }).ToList();
    });

    // The entries that made a voucher: its draft's versions and steps when it went through approval,
    // the posting itself, and a red-ink reversal of it.
    private const string SelectVoucherTrail = """
        SELECT seq FROM drafts WHERE draft = $draft
        UNION SELECT seq FROM draft_steps WHERE draft = $draft
        UNION SELECT seq FROM vouchers WHERE period = $period AND number = $number
        UNION SELECT seq FROM vouchers WHERE reverses_period = $period AND reverses_number = $number
        ORDER BY seq
        """;

    private const string SelectDraftTrail = "SELECT seq FROM drafts WHERE draft = $draft UNION SELECT seq FROM draft_steps WHERE draft = $draft ORDER BY seq";

    /// <summary>A posted voucher's history, entry by entry.</summary>
    public IReadOnlyList<TrailEntry> VoucherTrail(VoucherKey key, int? draft) =>
        Trail(SelectVoucherTrail, new { draft = draft ?? -1, period = key.Period.ToString(), number = key.Number });

    /// <summary>A draft's history, entry by entry.</summary>
    public IReadOnlyList<TrailEntry> DraftTrail(int draft) => Trail(SelectDraftTrail, new { draft });

    private IReadOnlyList<TrailEntry> Trail(string selectSeqs, object parameters) => Read(tx =>
    {
        var seqs = _connection.Query<long>(selectSeqs, parameters, tx).ToList();
        var entries = new List<TrailEntry>(seqs.Count);
        foreach (var seq in seqs)
        {
            var bytes = _connection.QuerySingle<byte[]>("SELECT entry FROM audit_log WHERE seq = $seq", new { seq }, tx);
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            entries.Add(new TrailEntry(seq, root.GetProperty("time").GetString()!, root.GetProperty("actor").GetString()!,
                root.GetProperty("kind").GetString()!, root.GetProperty("data").GetRawText()));
        }
        return (IReadOnlyList<TrailEntry>)entries;
    });
}
