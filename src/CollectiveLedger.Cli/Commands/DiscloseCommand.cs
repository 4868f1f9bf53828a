using System.CommandLine;
using System.Collections.Immutable;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Publishing;
using CollectiveLedger.Reports.Disclosure;
using CollectiveLedger.Reports.Pdf;
using CollectiveLedger.Storage;
using CollectiveLedger.Web;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>disclose --period YYYY-MM | --quarter YYYY-Qn | --year YYYY --out FILE [--format pdf|html|csv|json]
/// [--lang zh-CN|en] [--paper A4|A3] [--date YYYY-MM-DD] [--sign KEYFILE]... [--font PATH]</c>: a draft
/// of the 财务公开榜 (marked 草稿，未经审核, blank review lines) for reading and preview; the log records
/// nothing, and its checkpoint is signed only with the keys --sign names (a draft is not posted).
/// <c>--fund</c> and <c>--distribution</c> are notices to post: signed with the organization's key
/// by default, like <c>notices prepare</c> (<see cref="OrganizationKey"/>), unsigned only with --unsigned. A notice reaches the board through <c>notices prepare|review|publish</c> (<see cref="NoticesCommand"/>).
/// </summary>
public static class DiscloseCommand
{
    public static Command Declare(ContextOf context)
    {
        var notice = new NoticeOptions();
        var fund = Options.Text("--fund", "CODE", "项目资金公告公示：该专项资金的 the project notice (项目资金公告公示) of this support fund");
        var distribution = Options.Text("--distribution", "YYYY", "收益分配方案公示：该年度的（批准前） the distribution plan notice (收益分配方案公示) of this year, before approval");
        var output = Options.Text("--out", "FILE", "输出文件（月、季、年草稿必填；其他不给则写到标准输出） the file to write (required for a draft; otherwise stdout without it)");
        var command = new Command("disclose",
            "财务公开榜草稿（草稿，未经审核，不记录），或项目资金公告、收益分配方案公示 a draft of the notice (草稿，未经审核; nothing is recorded), or the project or distribution notice");
        notice.AddScope(command);
        command.Add(fund);
        command.Add(distribution);
        command.Add(output);
        notice.AddStyle(command, dated: true);
        var scopes = new[] { notice.Period, notice.Quarter, notice.Year, fund, distribution };
        command.Handle(context, (ctx, p) =>
        {
            if (p.GetValue(fund) is { } code) return ProjectNoticeCommand.Run(ctx, Unrecorded(p, notice, scopes, fund, output), code);
            if (p.GetValue(distribution) is { } year) return DistributionNoticeCommand.Run(ctx, Unrecorded(p, notice, scopes, distribution, output), year);
            var period = notice.ReadPeriod(p);
            var path = p.Required(output);
            return Run(ctx, period, path, notice.ReadStyle(p, path));
        });
        return command;
    }

    /// <summary>What an unrecorded notice was given: its path (or null for stdout) and style, once no other scope is given with its own option.</summary>
    internal sealed record UnrecordedOptions(string Option, string? Path,
        NoticeStyleChoice Style, IReadOnlyList<string> Others);

    private static UnrecordedOptions Unrecorded(ParseResult parsed, NoticeOptions notice, Option<string>[] scopes, Option<string> own, Option<string> output)
    {
        var path = parsed.GetValue(output);
        return new UnrecordedOptions(own.Name, path, notice.ReadStyle(parsed, path),
            [.. scopes.Where(o => o != own && parsed.GetValue(o) is not null).Select(o => o.Name)]);
    }

    private static int Run(Context ctx, DisclosurePeriod period, string path,
        NoticeStyleChoice options)
    {
        var (format, chinese, paper, dateText, keyFiles, font) = options;

        using var store = ctx.Open();
        var today = ChinaTime.Today(ctx.Clock.GetUtcNow());
        var date = NoticeDate(dateText, today);
        var state = store.LoadState();
        if (DisclosureRules.CheckMonths(period, date, state, today) is { Count: > 0 } violations) return ctx.Reject(violations);

        var style = new NoticePublishing.Style(chinese, paper, format == "pdf" ? FontPath(font) : null);
        var notice = NoticeBuilder.Build(store, state, period, date, CheckpointSigner.ForBooks(ctx, store, state, keyFiles));
        var bytes = NoticePublishing.Render(notice, format, style);
        Files.WriteAtomically(path, stream => { stream.Write(bytes); return 0; });
        ctx.Out.WriteLine(ctx.Say(
            $"已生成{period.LabelZh}财务公开榜草稿 {path}（未经审核，不得张贴）。公开前须经村务监督委员会审核：cledger notices prepare、review、publish。",
            $"wrote a draft of the {period.LabelEn} notice to {path} (not reviewed: not to be posted). To publish it, the supervision committee reviews it: cledger notices prepare, review, publish."));
        return ExitCodes.Done;
    }

    /// <summary>The style a notice is rendered in: its format, language, paper and (for a PDF) font.</summary>
    internal sealed record NoticeStyle(string Format, bool Chinese, Paper Paper, string FontPath);

    /// <summary>An unrecorded notice's bytes, and how the message names it: after 已生成 in Chinese, with optional tails after the SHA-256.</summary>
    internal sealed record UnrecordedNotice(byte[] Bytes, string ZhWhat, string EnWhat, string ZhTail = "", string EnTail = "");

    /// <summary>
    /// The notices the log does not record (project, distribution: <see cref="ProjectNoticeCommand"/> says
    /// why): their options, their Core rule, the books' signed checkpoint (the organization's key by
    /// default: <see cref="CheckpointSigner.ForPaper"/>) and the writing, the same for both. <paramref name="render"/> builds the one notice in the style asked for. Written to stdout
    /// without --out, else to the file, saying where with its SHA-256 and checkpoint.
    /// </summary>
    /// <param name="options">What was given, with the notice's own option (--fund, --distribution); <paramref name="covers"/> says what the notice covers, for the message when another scope is given too.</param>
    internal static int RunUnrecorded(Context ctx, UnrecordedOptions options, string covers,
        Func<LedgerState, DateOnly, DateOnly, IReadOnlyList<Violation>> check,
        Func<LedgerStore, LedgerState, DateOnly, NoticeVerification, NoticeStyle, UnrecordedNotice> render)
    {
        var option = options.Option;
        if (options.Others.FirstOrDefault() is { } other) throw new UsageException($"{option} does not go with {other}: {covers}");
        var path = options.Path;
        var (format, chinese, paper, dateText, keyFiles, font) = options.Style;

        using var store = ctx.Open();
        var today = ChinaTime.Today(ctx.Clock.GetUtcNow());
        var date = NoticeDate(dateText, today);
        var state = store.LoadState();
        var violations = check(state, date, today);
        if (violations.Count > 0) return ctx.Reject(violations);

        var style = new NoticeStyle(format, chinese, paper, format == "pdf" ? FontPath(font) : "");
        (var signed, state) = CheckpointSigner.ForPaper(ctx, store, keyFiles, options.Style.Unsigned);
        var notice = render(store, state, date, NoticeBuilder.Verification(signed, state), style);
        if (path is null)
        {
            ctx.WriteBytes(notice.Bytes);
            return ExitCodes.Done;
        }
        Files.WriteAtomically(path, stream => { stream.Write(notice.Bytes); return 0; });
        var sha256 = Core.Audit.Sha256Hex.Of(notice.Bytes);
        ctx.Out.WriteLine(ctx.Say(
            $"已生成{notice.ZhWhat} {path}（SHA-256 {sha256}）{notice.ZhTail}，检查点：{signed.Checkpoint.Size} 条，根 {signed.Checkpoint.RootHexGroups}。",
            $"wrote {notice.EnWhat} {path} (SHA-256 {sha256}){notice.EnTail}; checkpoint {signed.Checkpoint.Size} entries, root {signed.Checkpoint.RootHexGroups}."));
        return ExitCodes.Done;
    }

    /// <summary>--date as a day; today (in China) when not given.</summary>
    internal static DateOnly NoticeDate(string? dateText, DateOnly today) =>
        dateText is null ? today
        : IsoDate.TryParse(dateText, out var date) ? date
        : throw new UsageException($"--date must be YYYY-MM-DD, not '{dateText}'");

    /// <summary>The font for Chinese: --font, else a known system font; without one, say what to install.</summary>
    internal static string FontPath(string? font)
    {
        var path = font ?? ChineseFonts.Find();
        if (path is null || !File.Exists(path) || !ChineseFonts.CoversChinese(path))
            throw new UsageException(path is null
                ? "没有可显示中文的字体 no font that covers Chinese was found: apt-get install fonts-wqy-microhei, or give --font PATH (a TrueType font such as msyh.ttc or simsun.ttc)"
                : $"字体 {path} 不能显示中文 the font {path} does not cover Chinese: apt-get install fonts-wqy-microhei, or give --font PATH");
        return path;
    }
}
