using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Reports.Disclosure;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>disclose --fund CODE [--date YYYY-MM-DD] [--out FILE] [--format pdf|html|csv|json] [--lang zh-CN|en]
/// [--paper A4|A3] [--sign KEYFILE... | --unsigned] [--font PATH]</c>: the project notice (项目资金公告公示) of one
/// support fund, carrying the books' signed checkpoint like the financial disclosure notice. Without
/// --out the bytes go to stdout.
/// </summary>
/// <remarks>
/// Unlike <c>disclose --period</c>, this does not append a disclosure.published entry: that entry's
/// scope, months and files are normative (audit-log.md 7.9, verify_log.py, the disclosures table's
/// CHECK) and name no fund, so recording a project notice needs a format change that verifiers held
/// by auditors would reject. The notice still prints the checkpoint, which anyone can hold the books
/// against with verify --checkpoint; the SHA-256 of the file is printed for the accountant to keep.
/// </remarks>
public static class ProjectNoticeCommand
{
    internal static int Run(Context ctx, DiscloseCommand.UnrecordedOptions options, string fund) => DiscloseCommand.RunUnrecorded(ctx, options,
        "a project notice covers its fund to --date",
        (state, date, today) => ProjectNoticeRules.Check(fund, date, state, today),
        (store, state, date, verification, style) =>
        {
            var (entry, received, spent) = store.Disclosure.ProjectNoticeMoney(fund, state.Ledger.StartPeriod, date)
                ?? throw new InvalidOperationException($"fund {fund} is in the state but not in the fund report");
            var notice = ProjectNotice.Compute(state.Ledger.Org, state.Ledger.OrgCode, state.Ledger.Currency, date, entry, received, spent, state.Settings,
                verification);
            var bytes = style.Format switch
            {
                "pdf" => NoticePdf.Render(ProjectNoticeTables.Document(notice, style.Chinese), style.Paper, style.FontPath),
                "html" => NoticeHtml.Render(ProjectNoticeTables.Document(notice, style.Chinese)),
                "csv" => NoticeCsv.Render(ProjectNoticeTables.Document(notice, style.Chinese)),
                "xlsx" => NoticeXlsx.Render(ProjectNoticeTables.Document(notice, style.Chinese)),
                _ => ProjectNoticeJson.Render(notice),
            };
            return new DiscloseCommand.UnrecordedNotice(bytes, $"资金 {fund} 的项目资金公告公示", $"the project notice of fund {fund}",
                $"，公示至 {IsoDate.Format(notice.PostedUntil)}", $", posted until {IsoDate.Format(notice.PostedUntil)}");
        });
}
