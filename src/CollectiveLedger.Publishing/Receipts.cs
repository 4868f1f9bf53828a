using System.Globalization;
using System.Text;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Publishing;

/// <summary>
/// Receipts (回执) for the people an entry concerns: a household for its distribution payment, a
/// villager for a question. Each holds the entry as the public may see it, its inclusion proof in
/// the books' checkpoint as of now (signed like a notice's), and the signers' keys
/// (<see cref="Receipt"/>), so that checking it needs only the receipt.
/// </summary>
public static class Receipts
{
    /// <summary>The receipt of one household's payment of <paramref name="year"/>'s distribution: the payment voucher's entry.</summary>
    public static (Receipt? Receipt, string? Problem) ForDistributionPayment(LedgerStore store, LedgerState state, int year, string member, IReadOnlyList<NoticeSigner> signers)
    {
        if (state.Distribution(year) is not { Payment: { } paid } record || store.Disclosure.DistributionPaymentSeq(year) is not { } paidSeq)
            return (null, $"{year} 年收益分配尚未支付 the {year} distribution has not been paid");
        if (record.Plan.Households.FirstOrDefault(h => h.Member == member) is not { } share || share.Amount.Fen == 0)
            return (null, $"成员 {member} 在 {year} 年收益分配中没有分得金额 member {member} received nothing in the {year} distribution");
        // distribution.paid is followed at once by its payment voucher (audit-log.md 7.15).
        var voucherSeq = paidSeq + 1;
        var name = state.DimensionName(DimensionKind.Member, member) ?? member;
        return (Of(store, state, voucherSeq, signers,
        [
            $"{state.Ledger.Org} {year}年收益分配支付回执 receipt of the {year} income distribution payment",
            $"户 household：{member} {name}，{share.Shares} 股 shares × {record.Plan.PerShare.ToDisplayString()} 元 = {share.Amount.ToDisplayString()} 元 yuan",
            $"支付日期 paid on：{paid.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}，账户 account {paid.Account}",
        ]), null);
    }

    /// <summary>
    /// The receipt of a villager's question: the feedback.received entry in its public form (the contact
    /// never leaves the books), and in words its number, day and the SHA-256 of its text, as the public
    /// page shows a question staff have not yet seen (its text is public only once answered).
    /// </summary>
    public static (Receipt? Receipt, string? Problem) ForFeedback(LedgerStore store, LedgerState state, long number, IReadOnlyList<NoticeSigner> signers)
    {
        if (store.Feedback.Numbered(number) is not var (question, seq))
            return (null, $"没有第 {number} 号意见 there is no question #{number}");
        return (Of(store, state, seq, signers,
        [
            $"{state.Ledger.Org} 意见回执 receipt of a question",
            $"第 {number} 号意见 question #{number}：{question.Received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 收到 received，关于 on the notice of {question.Notice.LabelZh} {question.Notice.LabelEn}",
            $"意见文字的 SHA-256 of the question's text：{Sha256Hex.Of(Encoding.UTF8.GetBytes(question.Question))}",
        ]), null);
    }

    private static Receipt Of(LedgerStore store, LedgerState state, long seq, IReadOnlyList<NoticeSigner> signers, IReadOnlyList<string> about)
    {
        var taken = BooksCheckpoint.Take(store, state, signers);
        var size = taken.Checkpoint.Size;
        Core.Precondition.Require(seq < size, "the checkpoint of the books covers every entry but trailing notices");
        var entry = store.Entries(seq, 1).Single();
        var leaves = store.Disclosure.LeafHashes(size);
        var line = Encoding.UTF8.GetString(store.PublicLog().PublicForm(entry.Seq, PublicLog.KindOf(entry.Bytes) ?? "", entry.Bytes));
        var keys = taken.Keys.Select(k => new ReceiptKey(k.Name, k.PublicKey)).ToList();
        return new Receipt(
            [.. about,
                $"账簿日志第 {seq} 条 log entry {seq}；检查点 checkpoint：{size} 条 entries，根 root {taken.Checkpoint.RootHexGroups}",
                .. keys.Count == 0
                    ? ["未签名：只能核对与账簿一致，不能证明由谁发布 unsigned: consistent with the books, not proof of who issued it"]
                    : taken.Keys.Select(k => $"签名 signed by {k.Name}，指纹 fingerprint {k.Fingerprint}")],
            line, new InclusionProof(seq, size, leaves[(int)seq], MerkleProof.Inclusion(leaves, seq, size)), taken.Text, keys);
    }
}
