using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Disclosure;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>
/// The financial disclosure notice (财务公开榜) of a month, quarter or year as a <see cref="NoticeDocument"/>:
/// every section, its tables' columns and rows, and what its CSV holds. The one place its layout is
/// decided; <see cref="NoticePdf"/>, <see cref="NoticeHtml"/> and <see cref="NoticeCsv"/> write it.
/// The parts every notice shares (the review with its signatures, the verification) are built here too.
/// </summary>
public static class NoticeTables
{
    public static NoticeDocument Document(DisclosureNotice n, bool chinese)
    {
        var t = new NoticeText(chinese);
        NoticeColumn[] itemColumns =
        [
            new(t.Date, 1.6f), new(t.Voucher, 1.9f, NoWrap: true), new(t.Summary, 4f), new(t.Party, 2.2f), new(t.Account, 2.4f), new(t.Amount, 1.8f, Numeric: true),
        ];
        var assets = new NoticeTable(AssetColumns(t), Assets(n, t), t.None, n.Assets.Rows.IsEmpty ? null : n.Assets.Rows.Length);
        var herds = new NoticeTable(HerdColumns(t, Matures(n)), NoticeTable.Cells(Herds(n, t)), t.None);
        var contracts = new NoticeTable(ContractColumns(t), Contracts(n, t), t.None, n.Contracts.Rows.IsEmpty ? null : n.Contracts.Rows.Length);
        var feedback = new NoticeTable(FeedbackColumns(t), NoticeTable.Cells(Feedback(n, t)), t.None);
        var sections = new List<NoticeSection>
        {
            new(t.SummaryCaption,
            [
                new NoticeTable([new(t.Item, 3f), new(t.Amount, 1.4f, Numeric: true)], NoticeTable.Cells(Summary(n, t))),
                .. SummaryWords(n, t).Select(line => new NoticeParagraph(line, NoticeParagraphStyle.Emphasis)),
            ]), // not kept together: a long summary (many categories, every movement) breaks with its header repeated rather than leaving page 1 blank

            new(t.IncomeItemsCaption, [new NoticeTable(itemColumns, NoticeTable.Cells(Items(n.IncomeItems, t)), t.None)]),
            new(t.ExpenditureItemsCaption, [new NoticeTable(itemColumns, NoticeTable.Cells(Items(n.ExpenditureItems, t)), t.None)]),
            new(t.FundsCaption,
            [
                new NoticeTable([new(t.Fund, 3f), new(t.Received, 1.5f, true), new(t.Spent, 1.5f, true), new(t.SpentInPeriod, 1.5f, true), new(t.Balance, 1.5f, true)],
                    NoticeTable.Cells(Funds(n)), t.None),
            ]),
            new(t.ClaimsCaption, [new NoticeTable([new(t.Item, 1.5f), new(t.Account, 3f), new(t.Amount, 1.5f, true)], NoticeTable.Cells(Claims(n, t)), t.None)]),
            new(t.AssetsCaption, n.Assets.Rows.IsEmpty ? [assets]
                : [assets, new NoticeParagraph(HasHerds(n) ? t.AssetsNote + t.HerdCostNote : t.AssetsNote, NoticeParagraphStyle.Note)]),
            new(t.HerdsCaption, [herds]),
            new(t.ContractsCaption, [contracts]),
        };
        var annexes = Annexes(n, t);
        sections.AddRange(annexes.Select(a => new NoticeSection(a.Caption,
            a.Note is null || a.Table.Rows.Count == 0 ? [a.Table] : [a.Table, new NoticeParagraph(a.Note, NoticeParagraphStyle.Note)])));
        // Feedback is an annex of the months in which villagers asked; without any the section is left out.
        if (!n.Feedback.IsEmpty) sections.Add(new(t.FeedbackCaption, [feedback]));
        sections.Add(Review(t, t.ReviewCaption, [t.ReviewLine(n.Review, n.Settings), t.Objection(n.Settings)], n.Settings));
        sections.Add(Verification(t, t.VerificationCaption, n.Verification));
        // The receipts come last, only when the notice shows them (setting notice.attachments): a notice that does not is unchanged.
        var attachments = n.Attachments is { } shown ? AttachmentList(shown, t) : null;
        if (n.Attachments is { } files)
            sections.Add(new(t.AttachmentsCaption,
            [
                attachments!, new NoticeParagraph(t.AttachmentsNote, NoticeParagraphStyle.Note),
                .. files.Files.Where(f => f.File.IsImage && !f.File.Image.IsEmpty)
                    .Select(f => new NoticeImage(f.File.Image, f.File.MediaType, t.AttachmentCaption(f.Voucher, f.File.FileName, f.File.Sha256))),
            ]));

        List<NoticeSheetTable> sheet =
        [
            new("", ItemList(n, t)),
            new(t.AssetsCaption, assets), new(t.HerdsCaption, herds), new(t.ContractsCaption, contracts),
        ];
        sheet.AddRange(annexes.Select(a => new NoticeSheetTable(a.Caption, a.Table)));
        if (!n.Feedback.IsEmpty) sheet.Add(new(t.FeedbackCaption, feedback));
        if (attachments is not null) sheet.Add(new(t.AttachmentsCaption, attachments));
        return new NoticeDocument(t, n.Org, t.PeriodLabel(n.Period) + t.Title, $"{t.Published(n)}　{t.Unit(n)}", t.Heading(n), n.PublicationDate,
            sections, sheet);
    }

    /// <summary>
    /// The review section every notice ends its content with: its lines, then the three signatures
    /// (accountant, chair, supervision), kept on one page.
    /// </summary>
    public static NoticeSection Review(NoticeText t, string caption, IEnumerable<string> lines, DisclosureSettings s) => new(caption,
    [
        .. lines.Select(line => new NoticeParagraph(line)),
        new NoticeSignatures([t.AccountantSign(s) + t.SignHere, t.ChairSign(s) + t.SignHere, t.SupervisionSign(s) + t.SignHere]),
    ], KeepTogether: true);

    /// <summary>The verification section every notice ends with: the checkpoint, its QR code and how to check, kept on one page.</summary>
    public static NoticeSection Verification(NoticeText t, string caption, NoticeVerification v) => new(caption,
    [
        new NoticeCheck(new NoticeTable([new(t.Item, 1.2f), new("", 4f, Code: true)], NoticeTable.Cells(Verification(v, t))), v.SignedNote, t.HowToCheck) { QrText = v.QrText },
    ], KeepTogether: true);

    /// <summary>
    /// The spreadsheet's item list: income then expenditure in one table, each row naming its kind and
    /// the account code apart from its name, so the sheet can be filtered and summed.
    /// </summary>
    private static NoticeTable ItemList(DisclosureNotice n, NoticeText t) => new(
        [new(t.Kind, 1f), new(t.Date, 1f), new(t.Voucher, 1f, NoWrap: true), new(t.Summary, 1f), new(t.Party, 1f), new(t.AccountCode, 1f), new(t.Account, 1f),
         new(t.Amount, 1f, Numeric: true)],
        [
            .. n.IncomeItems.Select(i => (Kind: t.IncomeKind, Item: i)).Concat(n.ExpenditureItems.Select(i => (Kind: t.ExpenditureKind, Item: i)))
                .Select(x => (IReadOnlyList<NoticeCell>)
                [
                    x.Kind, IsoDate.Format(x.Item.Date), $"{x.Item.Voucher.Period} {x.Item.Voucher.NumberText}",
                    x.Item.Summary + (x.Item.Reversal ? t.ReversalMark : ""), x.Item.Party, x.Item.AccountCode, x.Item.AccountName, NoticeCell.Money(x.Item.Amount),
                ]),
        ]);

    /// <summary>
    /// The receipts' list: each voucher the notice names with how many files it keeps, then each file's name, type and
    /// full SHA-256, one row a file (a voucher with none has one row saying 0).
    /// </summary>
    private static NoticeTable AttachmentList(DisclosureAttachments a, NoticeText t) => new(
        [new(t.Voucher, 1.6f, NoWrap: true), new(t.AttachmentFiles, 0.8f, Numeric: true), new(t.AttachmentFile, 2.2f), new(t.AttachmentType, 1.3f), new("SHA-256", 4f, Code: true)],
        NoticeTable.Cells(a.Vouchers.SelectMany(v => v.Files.IsEmpty
            ? [[$"{v.Voucher.Period} {v.Voucher.NumberText}", "0", "", "", ""]]
            : v.Files.Select((f, i) => (IReadOnlyList<string>)
            [
                $"{v.Voucher.Period} {v.Voucher.NumberText}", i == 0 ? v.Files.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
                f.FileName, f.MediaType, f.Sha256,
            ]))),
        t.None);

    public static IReadOnlyList<IReadOnlyList<string>> Summary(DisclosureNotice n, NoticeText t)
    {
        var rows = new List<IReadOnlyList<string>> { new[] { t.OpeningCash, NoticeText.Money(n.CashAndBankOpening) } };
        rows.Add([t.IncomeHeader, ""]);
        rows.AddRange(n.Income.Select(c => (IReadOnlyList<string>)[$"    {c.Name}", NoticeText.Money(c.Amount)]));
        rows.Add([t.IncomeTotal, NoticeText.Money(n.IncomeTotal)]);
        rows.Add([t.ExpenditureHeader, ""]);
        rows.AddRange(n.Expenditure.Select(c => (IReadOnlyList<string>)[$"    {c.Name}", NoticeText.Money(c.Amount)]));
        rows.Add([t.ExpenditureTotal, NoticeText.Money(n.ExpenditureTotal)]);
        if (!n.Movements.IsEmpty)
        {
            // Signs in words, not on the numbers: a villager adds the 加 lines and subtracts the 减 lines.
            rows.Add([t.MovementsHeader, ""]);
            rows.AddRange(n.Movements.Select(m => (IReadOnlyList<string>)
                [$"    {(m.Amount.IsNegative ? t.Minus : t.Plus)}{t.Movement(m.Group)}", NoticeText.Money(m.Amount.IsNegative ? -m.Amount : m.Amount)]));
        }
        rows.Add([t.ClosingCash, NoticeText.Money(n.CashAndBankClosing)]);
        return rows;
    }

    public static IReadOnlyList<string> SummaryWords(DisclosureNotice n, NoticeText t) =>
    [
        $"{t.IncomeTotal}（{t.InWords}）：{t.Words(n.IncomeTotal)}",
        $"{t.ExpenditureTotal}（{t.InWords}）：{t.Words(n.ExpenditureTotal)}",
        $"{t.ClosingCash}（{t.InWords}）：{t.Words(n.CashAndBankClosing)}",
    ];

    public static IReadOnlyList<IReadOnlyList<string>> Items(IEnumerable<DisclosureItem> items, NoticeText t) =>
        items.Select(i => (IReadOnlyList<string>)
        [
            IsoDate.Format(i.Date), $"{i.Voucher.Period} {i.Voucher.NumberText}", i.Summary + (i.Reversal ? t.ReversalMark : ""), i.Party,
            $"{i.AccountCode} {i.AccountName}", NoticeText.Money(i.Amount),
        ]).ToList();

    public static IReadOnlyList<IReadOnlyList<string>> Funds(DisclosureNotice n) =>
        n.Funds.Select(f => (IReadOnlyList<string>)
        [
            $"{f.Code} {f.Name}", NoticeText.Money(f.ReceivedToDate), NoticeText.Money(f.SpentToDate), NoticeText.Money(f.SpentInPeriod), NoticeText.Money(f.Balance),
        ]).ToList();

    /// <summary>
    /// Claims, their total, debts, their total (<see cref="DisclosureClaims"/>): each balance on the side
    /// it stands on, so no amount is negative. No rows when there are neither claims nor debts.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Claims(DisclosureNotice n, NoticeText t)
    {
        var c = n.Claims;
        if (c.Receivables.IsEmpty && c.Payables.IsEmpty) return [];
        return
        [
            .. c.Receivables.Select(r => (IReadOnlyList<string>)[t.Receivable, $"{r.Code} {r.Name}", NoticeText.Money(r.Amount)]),
            [t.ReceivablesTotal, "", NoticeText.Money(c.ReceivablesTotal)],
            .. c.Payables.Select(r => (IReadOnlyList<string>)[t.Payable, $"{r.Code} {r.Name}", NoticeText.Money(r.Amount)]),
            [t.PayablesTotal, "", NoticeText.Money(c.PayablesTotal)],
        ];
    }

    public static IReadOnlyList<NoticeColumn> AssetColumns(NoticeText t) =>
    [
        new(t.Asset, 2.3f, false), new(t.NetAtStart, 1.3f, true), new(t.AssetIncrease, 1.3f, true), new(t.AssetDepreciation, 1.3f, true),
        new(t.AssetDecrease, 1.3f, true), new(t.CostAtEnd, 1.3f, true), new(t.DepreciatedAtEnd, 1.3f, true), new(t.NetAtEnd, 1.3f, true),
    ];

    /// <summary>Each asset, then the totals row; no rows at all when the register held nothing in the period.</summary>
    public static IReadOnlyList<IReadOnlyList<NoticeCell>> Assets(DisclosureNotice n, NoticeText t)
    {
        var rows = n.Assets.Rows.Select(a => (IReadOnlyList<NoticeCell>)
        [
            $"{a.Code} {a.Name}" + (a.Location is { } l ? $"（{l}）" : "") + (a.Disposed is { } d ? t.DisposedMark(d) : ""),
            Money(a.NetAtStart), Money(a.Increase), Money(a.Depreciation), Money(a.Decrease), Money(a.CostAtEnd), Money(a.DepreciatedAtEnd), Money(a.NetAtEnd),
        ]).ToList();
        if (rows.Count == 0) return rows;
        var s = n.Assets.Total;
        rows.Add([t.Total, Money(s.NetAtStart), Money(s.Increase), Money(s.Depreciation), Money(s.Decrease), Money(s.CostAtEnd), Money(s.DepreciatedAtEnd), Money(s.NetAtEnd)]);
        return rows;
    }

    private static NoticeCell Money(Core.Money.Amount amount) => NoticeCell.Money(amount);

    /// <param name="matured">With the column of maturity transfers (幼畜成龄转群), shown only when the notice has one.</param>
    public static IReadOnlyList<NoticeColumn> HerdColumns(NoticeText t, bool matured = false) =>
    [
        new(t.Herd, 2.2f, false), new(t.Species, 0.9f, false), new(t.HeadAtStart, 1f, true), new(t.Registered, 1f, true),
        .. Enum.GetValues<Core.Assets.HerdChange>().Select(c => new NoticeColumn(t.HerdChangeName(c), 1f, true)),
        .. matured ? [new NoticeColumn(t.HerdMatured, 1f, true)] : Array.Empty<NoticeColumn>(),
        new(t.HerdDisposed, 1f, true), new(t.HeadAtEnd, 1f, true),
    ];

    private static bool HasHerds(DisclosureNotice n) => n.Assets.Rows.Any(r => Core.Assets.AssetCategories.TryParse(r.Category, out var c) && Core.Assets.AssetCategories.IsHerd(c));

    private static bool Matures(DisclosureNotice n) => n.Herds.Any(h => h.Matured != 0);

    /// <summary>
    /// Each herd with its head counts. No totals row: heads of sheep, cattle and camels do not add up;
    /// the asset section above totals the herds' values.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Herds(DisclosureNotice n, NoticeText t) =>
        n.Herds.Select(h => (IReadOnlyList<string>)
        [
            $"{h.Code} {h.Name}", t.SpeciesName(h.Species), Count(h.HeadAtStart), Count(h.Registered),
            .. h.Changes.Values.Select(Count), .. Matures(n) ? [Signed(h.Matured)] : Array.Empty<string>(), Count(h.Disposed), Count(h.HeadAtEnd),
        ]).ToList();

    private static string Signed(int head) => head.ToString("+#;-#;0", System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<NoticeColumn> FeedbackColumns(NoticeText t) =>
    [
        new(t.FeedbackNumber, 0.6f, true), new(t.FeedbackReceived, 1.1f, false), new(t.FeedbackNotice, 1.1f, false), new(t.FeedbackItem, 2f, false),
        new(t.FeedbackQuestion, 2.4f, false), new(t.FeedbackContact, 1.2f, false), new(t.FeedbackAnswer, 2.6f, false),
    ];

    /// <summary>The feedback of the period, one row each; the notice's texts are masked already.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Feedback(DisclosureNotice n, NoticeText t) =>
        n.Feedback.Select(f => (IReadOnlyList<string>)
        [
            f.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), IsoDate.Format(f.Received),
            t.PeriodLabel(f.Notice), f.Item, f.Question, f.Contact ?? "",
            f.Answered is { } on ? f.Answer + t.FeedbackAnsweredBy(f.AnsweredBy ?? "", on) : t.FeedbackUnanswered,
        ]).ToList();

    public static IReadOnlyList<NoticeColumn> ContractColumns(NoticeText t) =>
    [
        new(t.ContractNumber, 1.5f, false), new(t.Contractor, 1.4f, false), new(t.Resource, 0.8f, false), new(t.Area, 1.0f, true), new(t.AreaUnitHeader, 0.8f, false),
        new(t.Rent, 1.3f, true), new(t.Term, 1.7f, false), new(t.ReceivedInPeriod, 1.3f, true), new(t.ReceivedToDate, 1.3f, true),
        new(t.Overdue, 1.3f, true),
    ];

    /// <summary>
    /// Each contract with its area in its resource's unit, then the totals row, whose area is given once
    /// per unit (one per line), never summed across units; no rows at all when no contract ran in the period.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<NoticeCell>> Contracts(DisclosureNotice n, NoticeText t)
    {
        var rows = n.Contracts.Rows.Select(c => (IReadOnlyList<NoticeCell>)
        [
            c.Number, c.Party, t.ResourceName(c.Resource), Area(c.AreaHundredths), t.AreaUnitName(c.Unit), Money(c.Rent), t.TermText(c.From, c.To),
            Money(c.ReceivedInPeriod), Money(c.ReceivedToDate), Money(c.Overdue),
        ]).ToList();
        if (rows.Count == 0) return rows;
        var s = n.Contracts.Total;
        var (area, unit) = s.Areas.Length == 1
            ? (Area(s.Areas[0].AreaHundredths), t.AreaUnitName(s.Areas[0].Unit))
            : (new NoticeCell(string.Join("\n", s.Areas.Select(t.AreaWithUnit))), (NoticeCell)"");
        rows.Add([t.Total, "", "", area, unit, Money(s.Rent), "", Money(s.ReceivedInPeriod), Money(s.ReceivedToDate), Money(s.Overdue)]);
        return rows;
    }

    /// <summary>An area with two decimals in whatever unit it is kept in, grouped like an amount (1,200.50) on paper, plain (1200.50) in the spreadsheet.</summary>
    public static NoticeCell Area(long hundredths) => NoticeCell.Money(new Core.Money.Amount(hundredths));

    /// <summary>
    /// The annexes (附表) after the resource contracts, in order: asset overview, resource inventory, fund
    /// balances net of what they still owe, 一事一议 items, cadre pay per person. A section without rows
    /// prints its caption and <see cref="NoticeText.None"/>.
    /// </summary>
    public static IReadOnlyList<(string Caption, NoticeTable Table, string? Note)> Annexes(DisclosureNotice n, NoticeText t) =>
        [AssetOverview(n, t), Resources(n, t), FundBalances(n, t), OneMatter(n, t), CadrePay(n, t)];

    private static (string, NoticeTable, string?) AssetOverview(DisclosureNotice n, NoticeText t)
    {
        var rows = new List<IReadOnlyList<NoticeCell>>();
        foreach (var line in n.AssetOverview.Lines)
        {
            rows.Add([line.Code == DisclosureAssetOverview.RegisterCode ? t.RegisterLine : $"{line.Code} {line.Name}", Money(line.Amount)]);
            rows.AddRange(line.Parts.Select(p => (IReadOnlyList<NoticeCell>)[$"    {p.Code} {p.Name}", Money(p.Amount)]));
        }
        if (rows.Count > 0) rows.Add([t.Total, Money(n.AssetOverview.Total)]);
        return (t.AssetOverviewCaption, new NoticeTable([new(t.AssetOverviewItem, 4f), new(t.AssetOverviewBalance, 1.5f, true)], rows, t.None,
            rows.Count > 0 ? rows.Count - 1 : null), t.AssetOverviewNote);
    }

    private static (string, NoticeTable, string?) Resources(DisclosureNotice n, NoticeText t) =>
        (t.ResourcesCaption, new NoticeTable(
            [new(t.Resource, 1f), new(t.Area, 1.2f, true), new(t.AreaUnitHeader, 0.8f), new(t.ResourceContracts, 0.8f, true), new(t.ResourceParties, 4f)],
            [.. n.Resources.Rows.Select(r => (IReadOnlyList<NoticeCell>)
            [
                t.ResourceName(r.Resource), Area(r.AreaHundredths), t.AreaUnitName(r.Unit), r.Contracts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join(t.Chinese ? "、" : ", ", r.Parties),
            ])], t.None), t.ResourcesNote);

    private static (string, NoticeTable, string?) FundBalances(DisclosureNotice n, NoticeText t) =>
        (t.FundBalancesCaption, new NoticeTable(
            [new(t.Fund, 3f), new(t.Balance, 1.5f, true), new(t.StillPayable, 1.5f, true), new(t.Available, 1.5f, true)],
            [.. n.FundBalances.Select(f => (IReadOnlyList<NoticeCell>)[$"{f.Code} {f.Name}", Money(f.Balance), Money(f.StillPayable), Money(f.Available)])],
            t.None), t.FundBalancesNote);

    private static (string, NoticeTable, string?) OneMatter(DisclosureNotice n, NoticeText t)
    {
        var rows = n.OneMatter.Items.Select(i => (IReadOnlyList<NoticeCell>)
        [
            IsoDate.Format(i.Date), $"{i.Voucher.Period} {i.Voucher.NumberText}", i.Summary + (i.Reversal ? t.ReversalMark : ""), i.Party,
            $"{i.AccountCode} {i.AccountName}", i.Credit.IsZero ? "" : Money(i.Credit), i.Debit.IsZero ? "" : Money(i.Debit),
        ]).ToList();
        if (rows.Count > 0) rows.Add([t.Total, "", "", "", "", Money(n.OneMatter.RaisedTotal), Money(n.OneMatter.UsedTotal)]);
        return (t.OneMatterCaption, new NoticeTable(
            [new(t.Date, 1.4f), new(t.Voucher, 1.6f, NoWrap: true), new(t.Summary, 3f), new(t.Party, 1.6f), new(t.Account, 2f), new(t.Raised, 1.3f, true), new(t.Used, 1.3f, true)],
            rows, t.None, rows.Count > 0 ? rows.Count - 1 : null), null);
    }

    private static (string, NoticeTable, string?) CadrePay(DisclosureNotice n, NoticeText t)
    {
        var rows = n.CadrePay.Rows.Select(r => (IReadOnlyList<NoticeCell>)[r.Person.Length == 0 ? t.NoPerson : r.Person, Money(r.Accrued), Money(r.Paid)]).ToList();
        if (rows.Count > 0) rows.Add([t.Total, Money(n.CadrePay.AccruedTotal), Money(n.CadrePay.PaidTotal)]);
        return (t.CadrePayCaption, new NoticeTable([new(t.Person, 3f), new(t.Accrued, 1.5f, true), new(t.Paid, 1.5f, true)], rows, t.None,
            rows.Count > 0 ? rows.Count - 1 : null), t.CadrePayNote);
    }

    private static string Count(int head) => head.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<IReadOnlyList<string>> Verification(NoticeVerification v, NoticeText t) =>
    [
        [t.Entries, v.Entries.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        [t.Root, v.RootHexGroups],
        [t.Head, $"{v.HeadSeq}: {v.HeadHash}"],
        [t.Keys, v.Keys.Length == 0 ? t.Unsigned : string.Join("\n", v.Keys.Select(k => $"{k.Name} ({k.KeyId}) {k.Fingerprint}"))],
        .. v.Cosignatures.IsEmpty ? Array.Empty<IReadOnlyList<string>>() : [[t.Cosignatures, string.Join("\n", v.Cosignatures)]],
    ];
}
