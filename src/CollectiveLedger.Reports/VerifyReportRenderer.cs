using System.Text;
using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Reports;

/// <summary>verify's result in the normative JSON (DESIGN.md section 3) and as text for people.</summary>
public static class VerifyReportRenderer
{
    public static byte[] Json(VerifyReport report) => Reports.Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("ok", report.Ok);
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
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteStartArray("problems");
        foreach (var p in report.Problems)
        {
            w.WriteStartObject();
            w.WriteString("kind", p.Kind);
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
        w.WriteEndObject();
    });

    public static string Text(VerifyReport report, bool chinese)
    {
        var sb = new StringBuilder();
        sb.AppendLine(chinese ? $"审计日志条目 entries: {report.Entries}" : $"entries: {report.Entries}");
        if (report.HeadSeq is { } seq) sb.AppendLine($"{(chinese ? "链头 head" : "head")}: {seq}:{report.HeadHash}");
        sb.AppendLine($"{(chinese ? "默克尔根 root" : "root")}: {Convert.ToHexStringLower(report.Root)}");
        foreach (var c in report.Checkpoints)
        {
            var status = c.Status switch
            {
                CheckpointResult.Consistent => chinese ? "一致 consistent" : "consistent",
                CheckpointResult.Rewritten => chinese ? $"前 {c.Size} 条中的历史被改写 history rewritten within the first {c.Size} entries" : $"history rewritten within the first {c.Size} entries",
                CheckpointResult.Shorter => chinese ? "日志比检查点短 log shorter than the checkpoint" : "log shorter than the checkpoint",
                _ => chinese ? "签名无效 signature not valid" : "signature not valid",
            };
            sb.AppendLine($"{(chinese ? "检查点 checkpoint" : "checkpoint")} {c.Size}: {status}" + (c.SignedBy.Count > 0 ? $" — {string.Join(", ", c.SignedBy)}" : ""));
        }
        if (report.Ok)
        {
            sb.AppendLine(chinese ? "校验通过：哈希链完整，重放结果与账表逐行一致。 OK: chain intact, replay matches every table."
                                  : "OK: chain intact, replay matches every table.");
            return sb.ToString();
        }
        sb.AppendLine(chinese ? $"发现 {report.Problems.Count} 个问题 problems:" : $"{report.Problems.Count} problems:");
        foreach (var p in report.Problems)
        {
            sb.Append($"  [{p.Kind}]");
            if (p.Seq is { } s) sb.Append($" seq {s}");
            if (p.Table is not null) sb.Append($" {p.Table} {p.Key}");
            if (p.Column is not null) sb.Append($" .{p.Column}");
            sb.Append(": ").Append(p.Message);
            if (p.Expected is not null || p.Actual is not null) sb.Append($" (expected {p.Expected}, actual {p.Actual})");
            sb.AppendLine();
        }
        if (report.Truncated) sb.AppendLine("  ... (more problems not listed)");
        return sb.ToString();
    }
}
