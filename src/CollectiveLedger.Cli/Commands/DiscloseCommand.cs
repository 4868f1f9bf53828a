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
/// nothing. A notice reaches the board through <c>notices prepare|review|publish</c> (<see cref="NoticesCommand"/>).
/// </summary>
public static class DiscloseCommand
{
    public static int Run(Context ctx, Args args)
    {
        if (args.Option("--fund") is { } fund) return ProjectNoticeCommand.Run(ctx, args, fund);
        if (args.Option("--distribution") is { } year) return DistributionNoticeCommand.Run(ctx, args, year);
        var period = Period(args);
        var path = args.Required("--out");
        var (format, chinese, paper, dateText, keyFiles, font) = NoticeOptions(args, path);
        args.Done(1);

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
    /// why): their options, their Core rule, the books' signed checkpoint and the writing, the same for
    /// both. <paramref name="render"/> builds the one notice in the style asked for. Written to stdout
    /// without --out, else to the file, saying where with its SHA-256 and checkpoint.
    /// </summary>
    /// <param name="option">The notice's own option (--fund, --distribution); <paramref name="covers"/> says what the notice covers, for the message when another scope is given too.</param>
    internal static int RunUnrecorded(Context ctx, Args args, string option, string covers,
        Func<LedgerState, DateOnly, DateOnly, IReadOnlyList<Violation>> check,
        Func<LedgerStore, LedgerState, DateOnly, NoticeVerification, NoticeStyle, UnrecordedNotice> render)
    {
        foreach (var other in new[] { "--period", "--quarter", "--year", "--fund", "--distribution" }.Where(o => o != option))
            if (args.Option(other) is not null) throw new UsageException($"{option} does not go with {other}: {covers}");
        var path = args.Option("--out");
        var (format, chinese, paper, dateText, keyFiles, font) = NoticeOptions(args, path);
        args.Done(1);

        using var store = ctx.Open();
        var today = ChinaTime.Today(ctx.Clock.GetUtcNow());
        var date = NoticeDate(dateText, today);
        var state = store.LoadState();
        var violations = check(state, date, today);
        if (violations.Count > 0) return ctx.Reject(violations);

        var style = new NoticeStyle(format, chinese, paper, format == "pdf" ? FontPath(font) : "");
        var signed = CheckpointSigner.ForBooks(ctx, store, state, keyFiles);
        var notice = render(store, state, date, NoticeBuilder.Verification(signed), style);
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

    /// <summary>The options every notice takes: format (from --format, else the extension of <paramref name="path"/>), language, paper, date, signing keys, font.</summary>
    internal static (string Format, bool Chinese, Paper Paper, string? Date, IReadOnlyList<string> KeyFiles, string? Font) NoticeOptions(Args args, string? path)
    {
        var format = (args.Option("--format") ?? Path.GetExtension(path ?? "").TrimStart('.').ToLowerInvariant()) switch
        {
            "pdf" or "" => "pdf",
            "html" or "htm" => "html",
            "csv" => "csv",
            "json" => "json",
            var other => throw new UsageException($"--format is pdf, html, csv or json, not '{other}'"),
        };
        var chinese = (args.Option("--lang") ?? "zh-CN") switch
        {
            "zh-CN" or "zh" => true,
            "en" => false,
            _ => throw new UsageException("--lang is zh-CN or en"),
        };
        var paper = (args.Option("--paper") ?? "A4").ToUpperInvariant() switch
        {
            "A4" => Paper.A4Portrait,
            "A3" => Paper.A3Landscape,
            _ => throw new UsageException("--paper is A4 or A3"),
        };
        return (format, chinese, paper, args.Option("--date"), args.All("--sign"), args.Option("--font"));
    }

    /// <summary>--date as a day; today (in China) when not given.</summary>
    internal static DateOnly NoticeDate(string? dateText, DateOnly today) =>
        dateText is null ? today
        : IsoDate.TryParse(dateText, out var date) ? date
        : throw new UsageException($"--date must be YYYY-MM-DD, not '{dateText}'");

    internal static DisclosurePeriod Period(Args args)
    {
        var given = new[] { ("month", args.Option("--period")), ("quarter", args.Option("--quarter")), ("year", args.Option("--year")) }
            .Where(g => g.Item2 is not null).ToList();
        if (given.Count != 1) throw new UsageException("give one of --period YYYY-MM, --quarter YYYY-Qn or --year YYYY");
        var (scope, text) = given[0];
        return DisclosurePeriod.TryParse(scope, text!, out var period)
            ? period
            : throw new UsageException($"'{text}' is not a {scope} (YYYY-MM, YYYY-Qn or YYYY)");
    }

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
