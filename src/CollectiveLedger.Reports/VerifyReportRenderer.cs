using System.Globalization;
using System.Text;
using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Reports;

/// <summary>
/// verify's result in the normative JSON (DESIGN.md section 3, schemas/verify.schema.json) and as text
/// for people, each in two parts: integrity (完整性: someone changed the books) and reconciliation
/// (对账: the books need an accountant), <see cref="VerifyCategory"/>.
/// </summary>
public static class VerifyReportRenderer
{
    public static byte[] Json(VerifyReport report) => Json(report, null);

    /// <summary>
    /// <c>verify --log FILE</c> in the same JSON, with the additions of audit-log.md 14: <c>withheld</c> and
    /// <c>withheld_vouchers</c> (stubs in the file), <c>balances</c> (net, debit minus credit, of the level-1 and
    /// posted accounts) and <c>funds</c> (received and paid through cash and bank), replayed from the file.
    /// </summary>
    public static byte[] Json(LogFileReport log) => Json(log.Report, w =>
    {
        w.WriteNumber("withheld", log.Withheld);
        w.WriteNumber("withheld_vouchers", log.WithheldVouchers);
        w.WriteStartObject("balances");
        foreach (var (account, net) in log.Balances.Net) w.WriteString(account, net.ToString());
        w.WriteEndObject();
        w.WriteStartObject("funds");
        foreach (var (fund, (received, paid)) in log.Balances.Funds)
        {
            w.WriteStartObject(fund);
            w.WriteString("received", received.ToString());
            w.WriteString("paid", paid.ToString());
            w.WriteEndObject();
        }
        w.WriteEndObject();
    });

    private static byte[] Json(VerifyReport report, Action<System.Text.Json.Utf8JsonWriter>? more) => Reports.Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("ok", report.Ok);
        w.WriteString("status", report.Status);
        Category(VerifyCategory.Integrity, report.IntegrityFound);
        Category(VerifyCategory.Reconciliation, report.ReconciliationFound);
        w.WriteNumber("entries", report.Entries);
        if (report.HeadSeq is { } seq)
        {
            w.WriteStartObject("head");
            w.WriteNumber("seq", seq);
            w.WriteString("hash", report.HeadHash);
            w.WriteEndObject();
        }
        else w.WriteNull("head");
        w.WriteString("root", Convert.ToBase64String(report.Root));
        if (report.Checkpoints.Count > 0)
        {
            w.WriteStartArray("checkpoints");
            foreach (var c in report.Checkpoints)
            {
                w.WriteStartObject();
                w.WriteNumber("size", c.Size);
                w.WriteString("root", c.Root);
                w.WriteString("status", c.Status);
                w.WriteStartArray("signed_by");
                foreach (var k in c.SignedBy) w.WriteStringValue(k);
                w.WriteEndArray();
                if (c.CosignedBy is { } witnesses)
                {
                    w.WriteStartArray("cosigned_by");
                    foreach (var k in witnesses) w.WriteStringValue(k);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteStartArray("problems");
        foreach (var p in report.Problems)
        {
            w.WriteStartObject();
            w.WriteString("kind", p.Kind);
            w.WriteString("category", p.Category);
            if (p.Seq is { } s) w.WriteNumber("seq", s); else w.WriteNull("seq");
            w.WriteString("table", p.Table);
            w.WriteString("key", p.Key);
            w.WriteString("column", p.Column);
            w.WriteString("expected", p.Expected);
            w.WriteString("actual", p.Actual);
            w.WriteString("message", p.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        more?.Invoke(w);
        w.WriteEndObject();

        void Category(string name, int found)
        {
            w.WriteStartObject(name);
            w.WriteBoolean("ok", found == 0);
            w.WriteNumber("problems", found);
            w.WriteEndObject();
        }
    });

    /// <summary>The whole report as text: <see cref="Summary"/>, the two sections (<see cref="Heading"/> and <see cref="Problems"/>), and OK when all holds.</summary>
    public static string Text(VerifyReport report, bool chinese)
    {
        var sb = new StringBuilder(Summary(report, chinese));
        foreach (var category in (string[])[VerifyCategory.Integrity, VerifyCategory.Reconciliation])
            sb.AppendLine(Heading(report, category, chinese)).Append(Problems(report, category, chinese));
        if (report.Ok)
            sb.AppendLine(chinese ? "校验通过：哈希链完整，重放结果与账表逐行一致，登记簿与科目相符。 OK: chain intact, replay matches every table, the registers match their accounts."
                                  : "OK: chain intact, replay matches every table, the registers match their accounts.");
        return sb.ToString();
    }

    /// <summary>
    /// <c>verify --log FILE</c> as text: the summary and the two sections as for the books, then how many entries
    /// the file withholds (and that the balances leave their vouchers out), the balances and the funds replayed from it.
    /// </summary>
    public static string Text(LogFileReport log, bool chinese)
    {
        var report = log.Report;
        var sb = new StringBuilder(Summary(report, chinese));
        foreach (var category in (string[])[VerifyCategory.Integrity, VerifyCategory.Reconciliation])
            sb.AppendLine(Heading(report, category, chinese)).Append(Problems(report, category, chinese));
        if (log.Withheld > 0)
            sb.AppendLine(chinese
                ? $"公开日志：{log.Withheld} 条含个人信息，只有哈希（其中凭证 {log.WithheldVouchers} 张，下列余额不含这些凭证） public log: {log.Withheld} entries withheld as hashes ({log.WithheldVouchers} vouchers, which the balances below leave out)"
                : $"public log: {log.Withheld} entries withheld as hashes ({log.WithheldVouchers} vouchers, which the balances below leave out)");
        sb.AppendLine(chinese ? "余额（借方减贷方；一级科目，其下为记账的明细科目） balances, debit minus credit (level-1 accounts, their posted sub-accounts indented):"
                              : "balances, debit minus credit (level-1 accounts, their posted sub-accounts indented):");
        foreach (var (account, net) in log.Balances.Net)
            sb.AppendLine(account.Length == 3 ? $"  {account,-10}{net,20}" : $"    {account,-8}{net,20}");
        if (log.Balances.Funds.Count > 0)
        {
            sb.AppendLine(chinese ? "专项资金（经现金、银行收付） funds, received and paid through cash and bank:" : "funds, received and paid through cash and bank:");
            foreach (var (fund, (received, paid)) in log.Balances.Funds)
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {fund,-10} received {received,16}  paid {paid,16}");
        }
        if (report.Ok)
            sb.AppendLine(chinese ? "校验通过：编码、哈希链与默克尔根完整。 OK: encoding, chain and Merkle root intact." : "OK: encoding, chain and Merkle root intact.");
        return sb.ToString();
    }

    /// <summary>The log's size, head and root, and the judgement of each checkpoint given.</summary>
    public static string Summary(VerifyReport report, bool chinese)
    {
        var sb = new StringBuilder();
        sb.AppendLine(chinese ? $"审计日志条目 entries: {report.Entries}" : $"entries: {report.Entries}");
        if (report.HeadSeq is { } seq) sb.AppendLine(CultureInfo.InvariantCulture, $"{(chinese ? "链头 head" : "head")}: {seq}:{report.HeadHash}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{(chinese ? "默克尔根 root" : "root")}: {Convert.ToHexStringLower(report.Root)}");
        foreach (var c in report.Checkpoints)
        {
            var status = c.Status switch
            {
                CheckpointResult.Consistent => chinese ? "一致 consistent" : "consistent",
                CheckpointResult.ConsistentUnsigned => chinese
                    ? "未签名：与公开榜上的一致，但不能证明是谁发布的 unsigned: consistent with the paper, not proof of who issued it"
                    : "unsigned: consistent with the paper, not proof of who issued it",
                CheckpointResult.Rewritten => chinese ? $"前 {c.Size} 条中的历史被改写 history rewritten within the first {c.Size} entries" : $"history rewritten within the first {c.Size} entries",
                CheckpointResult.Shorter => chinese ? "日志比检查点短 log shorter than the checkpoint" : "log shorter than the checkpoint",
                _ => chinese ? "签名无效 signature not valid" : "signature not valid",
            };
            sb.AppendLine($"{(chinese ? "检查点 checkpoint" : "checkpoint")} {c.Size}: {status}" + (c.SignedBy.Count > 0 ? $" — {string.Join(", ", c.SignedBy)}" : "")
                + (c.CosignedBy is { Count: > 0 } w ? (chinese ? $"；见证人副署 cosigned by {string.Join(", ", w)}" : $"; cosigned by {string.Join(", ", w)}") : ""));
        }
        return sb.ToString();
    }

    /// <summary>A category's heading: what it covers, then passed, or how many problems and what they mean.</summary>
    public static string Heading(VerifyReport report, string category, bool chinese)
    {
        var integrity = category == VerifyCategory.Integrity;
        var found = integrity ? report.IntegrityFound : report.ReconciliationFound;
        var title = (integrity, chinese) switch
        {
            (true, true) => "完整性 integrity（哈希链、日志、锚点与检查点、重放与账表 chain, log, anchors, checkpoints, replay against the tables）",
            (true, false) => "integrity (chain, log, anchors, checkpoints, replay against the tables)",
            (false, true) => "对账 reconciliation（登记簿与科目、资金、待处理财产损溢 registers against their accounts, funds, suspense balances）",
            (false, false) => "reconciliation (registers against their accounts, funds, suspense balances)",
        };
        var problems = found == 1 ? "1 problem" : $"{found} problems";
        var verdict = (found, integrity, chinese) switch
        {
            (0, _, true) => "通过 OK",
            (0, _, false) => "OK",
            (_, true, true) => $"发现 {found} 个问题 {problems} — 账簿在程序之外被改动过 the books were changed outside the program",
            (_, true, false) => $"{problems} — the books were changed outside the program",
            (_, false, true) => $"发现 {found} 个问题 {problems} — 账簿需要会计核对处理 the books need an accountant",
            _ => $"{problems} — the books need an accountant",
        };
        return $"{title}: {verdict}";
    }

    /// <summary>A category's problems, one a line, with a last line saying how many were not listed.</summary>
    public static string Problems(VerifyReport report, string category, bool chinese)
    {
        var sb = new StringBuilder();
        var found = category == VerifyCategory.Integrity ? report.IntegrityFound : report.ReconciliationFound;
        var listed = 0;
        foreach (var p in report.Problems.Where(p => p.Category == category))
        {
            listed++;
            sb.Append(CultureInfo.InvariantCulture, $"  [{p.Kind}]");
            if (p.Seq is { } s) sb.Append(CultureInfo.InvariantCulture, $" seq {s}");
            if (p.Table is not null) sb.Append(CultureInfo.InvariantCulture, $" {p.Table} {p.Key}");
            if (p.Column is not null) sb.Append(CultureInfo.InvariantCulture, $" .{p.Column}");
            sb.Append(": ").Append(p.Message);
            if (p.Expected is not null || p.Actual is not null) sb.Append(CultureInfo.InvariantCulture, $" (expected {p.Expected}, actual {p.Actual})");
            sb.AppendLine();
        }
        if (listed < found) sb.AppendLine(chinese ? $"  ……另有 {found - listed} 个未列出 ({found - listed} more not listed)" : $"  ... ({found - listed} more not listed)");
        return sb.ToString();
    }
}
