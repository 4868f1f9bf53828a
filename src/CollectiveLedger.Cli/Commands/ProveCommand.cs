using System.CommandLine;
using System.Globalization;
using System.Text;
using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>prove consistency --old N [--new M]</c> and <c>prove inclusion --seq S [--size N]</c>: RFC 6962
/// proofs of the log as one line of JSON (<see cref="ProofJson"/>, audit-log.md section 15). The
/// larger tree defaults to the books' checkpoint now (what <c>cledger checkpoint</c> prints), the
/// tree someone can hold a proof against; it may be given up to the log's size.
/// </summary>
public static class ProveCommand
{
    public static Command Declare(ContextOf context)
    {
        var old = Options.Text("--old", "N", "旧检查点的条目数（必填） the entry count of the old checkpoint (required)");
        var @new = Options.Text("--new", "M", "新检查点的条目数（默认当前检查点） the entry count of the new checkpoint (the books' checkpoint now by default)");
        var consistencyOut = Output();
        var consistency = new Command("consistency", "一致性证明：前 N 条是前 M 条的前缀 consistency proof: the first N entries are a prefix of the first M")
            { old, @new, consistencyOut };
        consistency.Handle(context, (ctx, p) => Consistency(ctx, p.Required(old), p.GetValue(@new), p.GetValue(consistencyOut)));
        var seq = Options.Text("--seq", "S", "条目序号（必填） the entry's seq (required)");
        var size = Options.Text("--size", "N", "树的条目数（默认当前检查点） the tree's entry count (the books' checkpoint now by default)");
        var inclusionOut = Output();
        var inclusion = new Command("inclusion", "包含证明：第 S 条在前 N 条之中 inclusion proof: entry S is among the first N")
            { seq, size, inclusionOut };
        inclusion.Handle(context, (ctx, p) => Inclusion(ctx, p.Required(seq), p.GetValue(size), p.GetValue(inclusionOut)));
        return new Command("prove", "输出审计日志的 RFC 6962 证明（JSON） prints RFC 6962 proofs of the log as JSON") { consistency, inclusion };
    }

    private static Option<string> Output() =>
        Options.Text("--out", "FILE", "写入文件而非标准输出 write to this file instead of standard output");

    private static int Consistency(Context ctx, string oldText, string? newText, string? path)
    {
        using var store = ctx.Open();
        var leaves = store.Disclosure.LeafHashes();
        var newSize = newText is null ? store.Disclosure.CheckpointSize() : Size("--new", newText, leaves.Count);
        var oldSize = Size("--old", oldText, leaves.Count);
        if (oldSize > newSize) throw new UsageException($"--old {oldSize} is larger than the new size {newSize}");
        var proof = new ConsistencyProof(oldSize, newSize, MerkleProof.Consistency(leaves, oldSize, newSize));
        return Write(ctx, ProofJson.Write(proof), path);
    }

    private static int Inclusion(Context ctx, string seqText, string? sizeText, string? path)
    {
        using var store = ctx.Open();
        var leaves = store.Disclosure.LeafHashes();
        var size = sizeText is null ? store.Disclosure.CheckpointSize() : Size("--size", sizeText, leaves.Count);
        var seq = Size("--seq", seqText, leaves.Count);
        if (seq >= size)
            throw new UsageException(sizeText is null
                ? $"--seq {seq} is not among the {size} entries of the books' checkpoint; give --size up to {leaves.Count}"
                : $"--seq {seq} is not below --size {size}");
        var proof = new InclusionProof(seq, size, leaves[(int)seq], MerkleProof.Inclusion(leaves, seq, size));
        return Write(ctx, ProofJson.Write(proof), path);
    }

    // A count of entries from 0 to the log's size.
    private static long Size(string option, string text, long entries)
    {
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw new UsageException($"{option} takes a whole number, not '{text}'");
        return n <= entries ? n : throw new UsageException($"{option} {n} is beyond the log, which has {entries} entries");
    }

    private static int Write(Context ctx, string json, string? path)
    {
        if (path is null) ctx.Out.Write(json + "\n");
        else Files.WriteAtomically(path, stream => { stream.Write(Encoding.UTF8.GetBytes(json + "\n")); return 0; });
        return ExitCodes.Done;
    }
}
