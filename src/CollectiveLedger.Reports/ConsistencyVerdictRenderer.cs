using System.Globalization;
using System.Text;
using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Reports;

/// <summary>
/// The offline judgement of two checkpoints (<c>verify --checkpoint OLD --against NEW</c>,
/// <see cref="CheckpointConsistency"/>) in verify's JSON (schemas/verify.schema.json, the form with
/// <c>against</c>) and as text, problems in verify's own form.
/// </summary>
public static class ConsistencyVerdictRenderer
{
    public static byte[] Json(ConsistencyVerdict verdict) => Reports.Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("ok", verdict.Ok);
        w.WriteString("status", verdict.Ok ? VerifyReport.StatusOk : VerifyCategory.Integrity);
        Category(VerifyCategory.Integrity, verdict.Problems.Count);
        Category(VerifyCategory.Reconciliation, 0);
        w.WriteBoolean("signatures_checked", verdict.SignaturesChecked);
        w.WriteStartArray("checkpoints");
        Checkpoint(verdict.Old, verdict.Status, verdict.OldSignedBy);
        w.WriteEndArray();
        w.WriteStartObject("against");
        w.WriteString("origin", verdict.New.Origin);
        w.WriteNumber("size", verdict.New.Size);
        w.WriteString("root", Convert.ToBase64String(verdict.New.Root));
        SignedBy(verdict.NewSignedBy);
        w.WriteEndObject();
        w.WriteStartArray("problems");
        foreach (var p in verdict.Problems)
        {
            w.WriteStartObject();
            w.WriteString("kind", p.Kind);
            w.WriteString("category", p.Category);
            if (p.Seq is { } s) w.WriteNumber("seq", s); else w.WriteNull("seq");
            w.WriteString("expected", p.Expected);
            w.WriteString("actual", p.Actual);
            w.WriteString("message", p.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();

        void Category(string name, int found)
        {
            w.WriteStartObject(name);
            w.WriteBoolean("ok", found == 0);
            w.WriteNumber("problems", found);
            w.WriteEndObject();
        }

        void Checkpoint(Checkpoint c, string status, IReadOnlyList<string> signedBy)
        {
            w.WriteStartObject();
            w.WriteString("origin", c.Origin);
            w.WriteNumber("size", c.Size);
            w.WriteString("root", Convert.ToBase64String(c.Root));
            w.WriteString("status", status);
            SignedBy(signedBy);
            w.WriteEndObject();
        }

        void SignedBy(IReadOnlyList<string> signedBy)
        {
            w.WriteStartArray("signed_by");
            foreach (var k in signedBy) w.WriteStringValue(k);
            w.WriteEndArray();
        }
    });

    public static string Text(ConsistencyVerdict verdict, bool chinese)
    {
        var sb = new StringBuilder();
        Line(chinese ? "旧检查点 old checkpoint" : "old checkpoint", verdict.Old, verdict.OldSignedBy);
        Line(chinese ? "新检查点 new checkpoint" : "new checkpoint", verdict.New, verdict.NewSignedBy);
        if (!verdict.SignaturesChecked)
            sb.AppendLine(chinese ? "签名：未检查（未给出 --key 公钥） signatures: unchecked (no --key given)" : "signatures: unchecked (no --key given)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{(chinese ? "判断 verdict" : "verdict")}: {Status(verdict, chinese)}");
        foreach (var p in verdict.Problems)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  [{p.Kind}]");
            if (p.Seq is { } s) sb.Append(CultureInfo.InvariantCulture, $" seq {s}");
            sb.Append(": ").Append(p.Message);
            if (p.Expected is not null || p.Actual is not null) sb.Append(CultureInfo.InvariantCulture, $" (expected {p.Expected}, actual {p.Actual})");
            sb.AppendLine();
        }
        if (verdict.Ok)
            sb.AppendLine(chinese
                ? $"一致：新检查点的前 {verdict.Old.Size} 条正是旧检查点的那些条目。 OK: the new checkpoint's first {verdict.Old.Size} entries are exactly the old checkpoint's."
                : $"OK: the new checkpoint's first {verdict.Old.Size} entries are exactly the old checkpoint's.");
        else if (verdict.Status is CheckpointResult.Rewritten or CheckpointResult.Shorter)
            sb.AppendLine(chinese
                ? "分叉：两个检查点不可能出自同一份只增不改的日志，账簿在公布后被改写。 FORK: the two checkpoints cannot come from one append-only log; the books were rewritten after publication."
                : "FORK: the two checkpoints cannot come from one append-only log; the books were rewritten after publication.");
        return sb.ToString();

        static string Status(ConsistencyVerdict v, bool chinese) => v.Status switch
        {
            CheckpointResult.Consistent => chinese ? "一致，签名有效 consistent, signatures valid" : "consistent, signatures valid",
            CheckpointResult.ConsistentUnsigned => chinese
                ? "一致（签名未检查：能证明新旧一致，不能证明是谁发布的） consistent-unsigned (signatures unchecked: consistent, not proof of who issued them)"
                : "consistent-unsigned (signatures unchecked: consistent, not proof of who issued them)",
            CheckpointResult.Rewritten => chinese ? $"前 {v.Old.Size} 条中的历史被改写 rewritten: history rewritten within the first {v.Old.Size} entries"
                : $"rewritten: history rewritten within the first {v.Old.Size} entries",
            CheckpointResult.Shorter => chinese ? "新检查点比旧检查点短 shorter: the new checkpoint has fewer entries than the old" : "shorter: the new checkpoint has fewer entries than the old",
            _ => chinese ? "签名无效 bad-signature: a signature is not valid" : "bad-signature: a signature is not valid",
        };

        void Line(string label, Checkpoint c, IReadOnlyList<string> signedBy) =>
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{label}: {c.Origin}, {c.Size} {(chinese ? "条 entries" : "entries")}, root {Convert.ToBase64String(c.Root)}{(signedBy.Count > 0 ? " — " + string.Join(", ", signedBy) : "")}");
    }
}
