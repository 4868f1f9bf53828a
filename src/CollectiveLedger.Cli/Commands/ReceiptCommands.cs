using System.CommandLine;
using System.Globalization;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Publishing;
using CollectiveLedger.Reports;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>receipt distribution --year Y --member M --out FILE</c>, <c>receipt feedback --number N --out FILE</c>
/// (a printable .html page that is also the receipt, or the receipt's .json) and <c>receipt check FILE</c>,
/// which needs no database.
/// </summary>
public static class ReceiptCommands
{
    public static Command Declare(ContextOf context)
    {
        var year = Options.Text("--year", "YYYY", "分配年度（必填） the distribution's year (required)");
        var member = Options.Text("--member", "CODE", "成员户编号（必填） the household's code (required)");
        var number = Options.Text("--number", "N", "意见编号（必填） the question's number (required)");
        Option<string> Out() => Options.Text("--out", "FILE", "回执文件：.html 可打印，其他为 JSON（必填） the receipt: .html to print, anything else JSON (required)");
        Option<bool> Unsigned() => Options.Flag("--unsigned", "不签名（回执上注明未签名；不能与 --sign 同用） do not sign (the receipt says it is unsigned; not with --sign)");
        var (distributionOut, feedbackOut, distributionSign, feedbackSign) = (Out(), Out(), CheckpointCommand.Signing(), CheckpointCommand.Signing());
        var (distributionUnsigned, feedbackUnsigned) = (Unsigned(), Unsigned());
        var distribution = new Command("distribution", "成员户收益分配支付回执（默认用组织密钥签名） a household's receipt of its distribution payment (signed with the organization's key by default)")
            { year, member, distributionSign, distributionUnsigned, distributionOut };
        distribution.Handle(context, (ctx, p) => Write(ctx, p.Required(distributionOut), p.All(distributionSign), p.Flag(distributionUnsigned), (store, state, signers) =>
            Receipts.ForDistributionPayment(store, state, YearOf(p.Required(year)), p.Required(member), signers)));
        var feedback = new Command("feedback", "村民意见回执（默认用组织密钥签名） a villager's receipt of a question (signed with the organization's key by default)")
            { number, feedbackSign, feedbackUnsigned, feedbackOut };
        feedback.Handle(context, (ctx, p) => Write(ctx, p.Required(feedbackOut), p.All(feedbackSign), p.Flag(feedbackUnsigned), (store, state, signers) =>
            Receipts.ForFeedback(store, state, long.TryParse(p.Required(number), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n : throw new UsageException("--number takes a question's number"), signers)));
        var file = Options.Argument("FILE", "回执文件（.html 或 .json） the receipt file (.html or .json)");
        var check = new Command("check", "核对回执，无需账簿 checks a receipt, without the books") { file };
        check.Handle(context, (ctx, p) => Check(ctx, p.Value(file)));
        return new Command("receipt", "回执：一条账目在签名日志中的证明 receipts: proof that an entry is in the signed log") { distribution, feedback, check };
    }

    private static int YearOf(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 9999 ? y : throw new UsageException($"--year takes a year, not '{text}'");

    /// <summary>A receipt signed as paper is (<see cref="OrganizationKey.ForPaper"/>): the --sign keys, none with --unsigned, else the organization's.</summary>
    private static int Write(Context ctx, string path, IReadOnlyList<string> keyFiles, bool unsigned,
        Func<Storage.LedgerStore, Core.Ledger.LedgerState, IReadOnlyList<NoticeSigner>, (Receipt? Receipt, string? Problem)> make)
    {
        using var store = ctx.Open();
        var keys = OrganizationKey.ForPaper(ctx, store, keyFiles, unsigned);
        try
        {
            var state = store.LoadState();
            var (receipt, problem) = make(store, state, CheckpointSigner.Registered(state, keys));
            if (receipt is null) throw new UsageException(problem!);
            var html = path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);
            Files.WriteAtomically(path, stream => { stream.Write(html ? ReceiptHtml.Render(receipt) : receipt.ToJson()); return 0; });
            ctx.Out.WriteLine(ctx.Say($"已写出回执 {path}（日志第 {receipt.Inclusion.Seq} 条，检查点 {receipt.Inclusion.Size} 条）。", $"wrote the receipt {path} (entry {receipt.Inclusion.Seq}, checkpoint of {receipt.Inclusion.Size} entries)."));
            return ExitCodes.Done;
        }
        finally
        {
            foreach (var k in keys) k.Dispose();
        }
    }

    private static int Check(Context ctx, string path)
    {
        if (!File.Exists(path)) throw new UsageException($"回执文件不存在 receipt file not found: {path}");
        var receipt = Receipt.Read(ReceiptHtml.Extract(File.ReadAllBytes(path)), out var problem)
            ?? throw new UsageException($"{path}: {problem}");
        foreach (var line in receipt.About) ctx.Out.WriteLine(line);
        var result = receipt.Check();
        var (chinese, code) = result.Verdict switch
        {
            Receipt.Verdict.Included => ("回执属实：这条账目在签名的日志中", ExitCodes.Done),
            Receipt.Verdict.IncludedUnsigned => ("这条账目在日志中，但检查点未签名，不能证明由谁发布", ExitCodes.Done),
            Receipt.Verdict.BadSignature => ("签名不符：检查点不是回执所列密钥签的", ExitCodes.Rejected),
            Receipt.Verdict.NotIncluded => ("回执不符：这条账目不在检查点所指的日志中", ExitCodes.Rejected),
            _ => ("回执无法读取", ExitCodes.Usage),
        };
        (code == ExitCodes.Done ? ctx.Out : ctx.Error).WriteLine($"{chinese} {result.Message}");
        return code;
    }
}
