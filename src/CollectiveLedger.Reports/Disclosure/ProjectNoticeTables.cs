using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Disclosure;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>
/// The project notice (项目资金公告公示) of one support fund as a <see cref="NoticeDocument"/>: the project's
/// terms, its money to the notice date, each payment, posting and supervision, verification; and the
/// spreadsheet's one table, a row a field, sum or payment, each naming its section.
/// </summary>
public static class ProjectNoticeTables
{
    public static NoticeDocument Document(ProjectNotice n, bool chinese)
    {
        var t = new ProjectNoticeText(chinese);
        var c = t.Common;
        NoticeSection[] sections =
        [
            new(t.BasicsCaption, [new NoticeTable([new(t.Field, 1.3f), new(t.Content, 5f)], NoticeTable.Cells(Basics(n, t)))], KeepTogether: true),
            new(t.MoneyCaption(n),
            [
                new NoticeTable([new(c.Item, 3f), new(c.Amount, 1.4f, Numeric: true)], NoticeTable.Cells(Money(n, t)), TotalRowFrom: 3),
                .. MoneyWords(n, t).Select(line => new NoticeParagraph(line, NoticeParagraphStyle.Emphasis)),
            ], KeepTogether: true),
            new(t.PaymentsCaption,
            [
                new NoticeTable([new(c.Date, 1.6f), new(c.Voucher, 1.9f, NoWrap: true), new(c.Summary, 4f), new(t.ChargedTo, 2.6f), new(c.Amount, 1.8f, Numeric: true)],
                    NoticeTable.Cells(Payments(n, t)), t.NoPayments),
            ]),
            NoticeTables.Review(c, t.SupervisionCaption, Supervision(n, t), n.Settings),
            NoticeTables.Verification(c, t.VerificationCaption, n.Verification),
        ];
        return new NoticeDocument(c, n.Org, t.Name(n), t.Meta(n), t.Heading(n), n.PublicationDate, sections, [new("", Sheet(n, t))]);
    }

    /// <summary>The spreadsheet: the project's fields (the grant among the money), the money, each payment, the supervision lines.</summary>
    private static NoticeTable Sheet(ProjectNotice n, ProjectNoticeText t)
    {
        var rows = new List<IReadOnlyList<NoticeCell>>();
        rows.AddRange(Basics(n, t).Where(r => r[0] != t.Granted).Select(r => (IReadOnlyList<NoticeCell>)[t.BasicsCaption, r[0], r[1], ""]));
        rows.AddRange(new[] { (t.Granted, n.Granted), (t.Received, n.Received), (t.Spent, n.Spent), (t.Balance, n.Balance) }
            .Select(m => (IReadOnlyList<NoticeCell>)[t.MoneyCaption(n), m.Item1, "", NoticeCell.Money(m.Item2)]));
        rows.AddRange(n.Payments.Select(p => (IReadOnlyList<NoticeCell>)
        [
            t.PaymentsCaption, $"{IsoDate.Format(p.Date)} {p.Voucher.Period} {p.Voucher.NumberText}",
            t.PaymentParticulars(p.Summary + (p.Reversal ? t.Common.ReversalMark : ""), p.ChargedTo), NoticeCell.Money(p.Amount),
        ]));
        rows.AddRange(Supervision(n, t).Select(line => (IReadOnlyList<NoticeCell>)[t.SupervisionCaption, "", line, ""]));
        return new NoticeTable([new(t.Section, 1f), new(t.Field, 1f), new(t.Content, 1f), new(t.Common.Amount, 1f, Numeric: true)], rows);
    }

    /// <summary>One row a field DOMAIN.md asks for: the label and what the fund's terms say.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Basics(ProjectNotice n, ProjectNoticeText t) =>
    [
        [t.ProjectName, n.Project],
        [t.Fund, $"{n.FundCode} {n.FundName}"],
        [t.Location, n.Location],
        [t.Tasks, n.Tasks],
        [t.Standard, n.Standard],
        [t.Source, t.SourceText(n)],
        [t.Granted, t.Common.Chinese ? $"{NoticeText.Money(n.Granted)}（{t.Common.Words(n.Granted)}）" : $"{NoticeText.Money(n.Granted)} ({t.Common.Words(n.Granted)})"],
        [t.Period, t.PeriodText(n)],
        [t.Implementer, n.Implementer],
        [t.Responsible, n.Responsible],
        [t.Targets, n.Targets],
        [t.Beneficiaries, n.Beneficiaries],
    ];

    public static IReadOnlyList<IReadOnlyList<string>> Money(ProjectNotice n, ProjectNoticeText t) =>
    [
        [t.Granted, NoticeText.Money(n.Granted)],
        [t.Received, NoticeText.Money(n.Received)],
        [t.Spent, NoticeText.Money(n.Spent)],
        [t.Balance, NoticeText.Money(n.Balance)],
    ];

    public static IReadOnlyList<string> MoneyWords(ProjectNotice n, ProjectNoticeText t) =>
    [
        $"{t.Spent}（{t.Common.InWords}）：{t.Common.Words(n.Spent)}",
        $"{t.Balance}（{t.Common.InWords}）：{t.Common.Words(n.Balance)}",
    ];

    public static IReadOnlyList<IReadOnlyList<string>> Payments(ProjectNotice n, ProjectNoticeText t) =>
        n.Payments.Select(p => (IReadOnlyList<string>)
        [
            IsoDate.Format(p.Date), $"{p.Voucher.Period} {p.Voucher.NumberText}", p.Summary + (p.Reversal ? t.Common.ReversalMark : ""),
            p.ChargedTo, NoticeText.Money(p.Amount),
        ]).ToList();

    /// <summary>The lines of the posting and supervision section, before the signatures.</summary>
    public static IReadOnlyList<string> Supervision(ProjectNotice n, ProjectNoticeText t) =>
        [t.Posting(n), t.Common.ReviewLine(null, n.Settings), t.Common.Objection(n.Settings), t.Hotline];
}
