using CollectiveLedger.Storage;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Distribution;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Reports.Disclosure;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>disclose --distribution YYYY [--date YYYY-MM-DD] [--out FILE] [--format pdf|html|csv|json] [--lang zh-CN|en]
/// [--paper A4|A3] [--sign KEYFILE]... [--font PATH]</c>: the distribution notice (收益分配方案公示) of one
/// year's plan and its per-household list, private numbers masked, carrying the books' signed
/// checkpoint like the other notices. Without --out the bytes go to stdout.
/// </summary>
/// <remarks>
/// Like the project notice (<see cref="ProjectNoticeCommand"/>) and for the same reason, this does
/// not append a disclosure.published entry: that entry's scope, months and files are normative
/// (audit-log.md 7.9, verify_log.py, the disclosures table's CHECK) and name no distribution, so
/// recording this notice needs a format change that verifiers held by auditors would reject. The
/// notice still prints the checkpoint, which anyone can hold the books against with verify
/// --checkpoint; the SHA-256 of the file is printed for the accountant to keep.
/// </remarks>
public static class DistributionNoticeCommand
{
    public static int Run(Context ctx, Args args, string year)
    {
        foreach (var other in new[] { "--period", "--quarter", "--year", "--fund" })
            if (args.Option(other) is not null) throw new UsageException($"--distribution does not go with {other}: a distribution notice covers one year's plan");
        var path = args.Option("--out");
        var (format, chinese, paper, dateText, keyFiles, font) = DiscloseCommand.NoticeOptions(args, path);
        args.Done(1);

        using var store = ctx.Open();
        var today = ChinaTime.Today(ctx.Clock.GetUtcNow());
        var date = DiscloseCommand.NoticeDate(dateText, today);
        var state = store.LoadState();
        var violations = DistributionNoticeRules.Check(year, date, state, today);
        if (violations.Count > 0) return ctx.Reject(violations);

        var fontPath = format == "pdf" ? DiscloseCommand.FontPath(font) : "";
        var signed = CheckpointSigner.ForBooks(ctx, store, state, keyFiles);
        var record = YearRules.TryParseYear(year, out var y) ? state.Distribution(y)! : throw new InvalidOperationException("the rules checked the year");
        var notice = DistributionNotice.Compute(state.Ledger.Org, state.Ledger.OrgCode, state.Ledger.Currency, date, DistributionList.Of(record, state),
            state.Settings, NoticeBuilder.Verification(signed));
        var bytes = format switch
        {
            "pdf" => DistributionNoticePdf.Render(notice, chinese, paper, fontPath),
            "html" => DistributionNoticeHtml.Render(notice, chinese),
            "csv" => DistributionNoticeCsv.Render(notice, chinese),
            _ => DistributionNoticeJson.Render(notice),
        };
        return DiscloseCommand.WriteUnrecorded(ctx, path, bytes, signed, $" {notice.Year} 年度收益分配方案公示", $"the distribution notice of {notice.Year}");
    }
}
