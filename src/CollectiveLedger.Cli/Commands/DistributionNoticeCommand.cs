using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Distribution;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Reports.Disclosure;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>disclose --distribution YYYY [--date YYYY-MM-DD] [--out FILE] [--format pdf|html|csv|json] [--lang zh-CN|en]
/// [--paper A4|A3] [--sign KEYFILE... | --unsigned] [--font PATH]</c>: the distribution notice (收益分配方案公示) of one
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
    internal static int Run(Context ctx, DiscloseCommand.UnrecordedOptions options, string year) => DiscloseCommand.RunUnrecorded(ctx, options,
        "a distribution notice covers one year's plan",
        (state, date, today) => DistributionNoticeRules.Check(year, date, state, today),
        (_, state, date, verification, style) =>
        {
            var record = YearRules.TryParseYear(year, out var y) ? state.Distribution(y)! : throw new InvalidOperationException("the rules checked the year");
            var notice = DistributionNotice.Compute(state.Ledger.Org, state.Ledger.OrgCode, state.Ledger.Currency, date, DistributionList.Of(record, state),
                state.Settings, verification);
            var bytes = style.Format switch
            {
                "pdf" => NoticePdf.Render(DistributionNoticeTables.Document(notice, style.Chinese), style.Paper, style.FontPath),
                "html" => NoticeHtml.Render(DistributionNoticeTables.Document(notice, style.Chinese)),
                "csv" => NoticeCsv.Render(DistributionNoticeTables.Document(notice, style.Chinese)),
                "xlsx" => NoticeXlsx.Render(DistributionNoticeTables.Document(notice, style.Chinese)),
                _ => DistributionNoticeJson.Render(notice),
            };
            return new DiscloseCommand.UnrecordedNotice(bytes, $" {notice.Year} 年度收益分配方案公示", $"the distribution notice of {notice.Year}");
        });
}
