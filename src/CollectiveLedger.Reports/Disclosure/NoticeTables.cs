using CollectiveLedger.Core.Disclosure;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>The notice's tables as rows of text, shared by the PDF and HTML renderers so they cannot differ.</summary>
public static class NoticeTables
{
    public static IReadOnlyList<IReadOnlyList<string>> Summary(DisclosureNotice n, NoticeText t)
    {
        var rows = new List<IReadOnlyList<string>> { new[] { t.OpeningCash, NoticeText.Money(n.CashAndBankOpening) } };
        rows.Add([t.IncomeHeader, ""]);
        rows.AddRange(n.Income.Select(c => (IReadOnlyList<string>)[$"    {c.Name}", NoticeText.Money(c.Amount)]));
        rows.Add([t.IncomeTotal, NoticeText.Money(n.IncomeTotal)]);
        rows.Add([t.ExpenditureHeader, ""]);
        rows.AddRange(n.Expenditure.Select(c => (IReadOnlyList<string>)[$"    {c.Name}", NoticeText.Money(c.Amount)]));
        rows.Add([t.ExpenditureTotal, NoticeText.Money(n.ExpenditureTotal)]);
        rows.Add([t.ClosingCash, NoticeText.Money(n.CashAndBankClosing)]);
        return rows;
    }

    public static IReadOnlyList<string> SummaryWords(DisclosureNotice n, NoticeText t) =>
    [
        $"{t.IncomeTotal}（{t.InWords}）：{t.Words(n.IncomeTotal)}",
        $"{t.ExpenditureTotal}（{t.InWords}）：{t.Words(n.ExpenditureTotal)}",
        $"{t.ClosingCash}（{t.InWords}）：{t.Words(n.CashAndBankClosing)}",
    ];

    public static readonly string[] ItemColumns = ["date", "voucher", "summary", "party", "account", "amount"];

    public static IReadOnlyList<IReadOnlyList<string>> Items(IEnumerable<DisclosureItem> items, NoticeText t) =>
        items.Select(i => (IReadOnlyList<string>)
        [
            i.Date.ToString("yyyy-MM-dd"), $"{i.Voucher.Period} {i.Voucher.NumberText}", i.Summary + (i.Reversal ? t.ReversalMark : ""), i.Party,
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

    /// <summary>A column of one of the register sections: its header, its share of the width on paper, whether it holds numbers.</summary>
    public sealed record Column(string Header, float Weight, bool Numeric);

    public static IReadOnlyList<Column> AssetColumns(NoticeText t) =>
    [
        new(t.Asset, 2.3f, false), new(t.NetAtStart, 1.3f, true), new(t.AssetIncrease, 1.3f, true), new(t.AssetDepreciation, 1.3f, true),
        new(t.AssetDecrease, 1.3f, true), new(t.CostAtEnd, 1.3f, true), new(t.DepreciatedAtEnd, 1.3f, true), new(t.NetAtEnd, 1.3f, true),
    ];

    /// <summary>Each asset, then the totals row; no rows at all when the register held nothing in the period.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Assets(DisclosureNotice n, NoticeText t)
    {
        var rows = n.Assets.Rows.Select(a => (IReadOnlyList<string>)
        [
            $"{a.Code} {a.Name}" + (a.Location is { } l ? $"（{l}）" : "") + (a.Disposed is { } d ? t.DisposedMark(d) : ""),
            NoticeText.Money(a.NetAtStart), NoticeText.Money(a.Increase), NoticeText.Money(a.Depreciation), NoticeText.Money(a.Decrease),
            NoticeText.Money(a.CostAtEnd), NoticeText.Money(a.DepreciatedAtEnd), NoticeText.Money(a.NetAtEnd),
        ]).ToList();
        if (rows.Count == 0) return rows;
        var s = n.Assets.Total;
        rows.Add([t.Total, NoticeText.Money(s.NetAtStart), NoticeText.Money(s.Increase), NoticeText.Money(s.Depreciation), NoticeText.Money(s.Decrease),
            NoticeText.Money(s.CostAtEnd), NoticeText.Money(s.DepreciatedAtEnd), NoticeText.Money(s.NetAtEnd)]);
        return rows;
    }

    public static IReadOnlyList<Column> HerdColumns(NoticeText t) =>
    [
        new(t.Herd, 2.2f, false), new(t.Species, 0.9f, false), new(t.HeadAtStart, 1f, true), new(t.Registered, 1f, true),
        .. Enum.GetValues<Core.Assets.HerdChange>().Select(c => new Column(t.HerdChangeName(c), 1f, true)),
        new(t.HerdDisposed, 1f, true), new(t.HeadAtEnd, 1f, true),
    ];

    /// <summary>
    /// Each herd with its head counts. No totals row: heads of sheep, cattle and camels do not add up;
    /// the asset section above totals the herds' values.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Herds(DisclosureNotice n, NoticeText t) =>
        n.Herds.Select(h => (IReadOnlyList<string>)
        [
            $"{h.Code} {h.Name}", t.SpeciesName(h.Species), Count(h.HeadAtStart), Count(h.Registered),
            .. h.Changes.Values.Select(Count), Count(h.Disposed), Count(h.HeadAtEnd),
        ]).ToList();

    public static IReadOnlyList<Column> FeedbackColumns(NoticeText t) =>
    [
        new(t.FeedbackNumber, 0.6f, true), new(t.FeedbackReceived, 1.1f, false), new(t.FeedbackNotice, 1.1f, false), new(t.FeedbackItem, 2f, false),
        new(t.FeedbackQuestion, 2.4f, false), new(t.FeedbackContact, 1.2f, false), new(t.FeedbackAnswer, 2.6f, false),
    ];

    /// <summary>The feedback of the period, one row each; the notice's texts are masked already.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Feedback(DisclosureNotice n, NoticeText t) =>
        n.Feedback.Select(f => (IReadOnlyList<string>)
        [
            f.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Received.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            t.PeriodLabel(f.Notice), f.Item, f.Question, f.Contact ?? "",
            f.Answered is { } on ? f.Answer + t.FeedbackAnsweredBy(f.AnsweredBy ?? "", on) : t.FeedbackUnanswered,
        ]).ToList();

    public static IReadOnlyList<Column> ContractColumns(NoticeText t) =>
    [
        new(t.ContractNumber, 1.5f, false), new(t.Contractor, 1.4f, false), new(t.Resource, 0.8f, false), new(t.Area, 1.0f, true), new(t.AreaUnitHeader, 0.8f, false),
        new(t.Rent, 1.3f, true), new(t.Term, 1.7f, false), new(t.ReceivedInPeriod, 1.3f, true), new(t.ReceivedToDate, 1.3f, true),
        new(t.Overdue, 1.3f, true),
    ];

    /// <summary>
    /// Each contract with its area in its resource's unit, then the totals row, whose area is given once
    /// per unit (one per line), never summed across units; no rows at all when no contract ran in the period.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Contracts(DisclosureNotice n, NoticeText t)
    {
        var rows = n.Contracts.Rows.Select(c => (IReadOnlyList<string>)
        [
            c.Number, c.Party, t.ResourceName(c.Resource), Area(c.AreaHundredths), t.AreaUnitName(c.Unit), NoticeText.Money(c.Rent), t.TermText(c.From, c.To),
            NoticeText.Money(c.ReceivedInPeriod), NoticeText.Money(c.ReceivedToDate), NoticeText.Money(c.Overdue),
        ]).ToList();
        if (rows.Count == 0) return rows;
        var s = n.Contracts.Total;
        var (area, unit) = s.Areas.Length == 1 ? (Area(s.Areas[0].AreaHundredths), t.AreaUnitName(s.Areas[0].Unit)) : (string.Join("\n", s.Areas.Select(t.AreaWithUnit)), "");
        rows.Add([t.Total, "", "", area, unit, NoticeText.Money(s.Rent), "", NoticeText.Money(s.ReceivedInPeriod),
            NoticeText.Money(s.ReceivedToDate), NoticeText.Money(s.Overdue)]);
        return rows;
    }

    /// <summary>An area with two decimals, grouped like an amount (1,200.50), in whatever unit it is kept in.</summary>
    public static string Area(long hundredths) => new Core.Money.Amount(hundredths).ToDisplayString();

    /// <summary>
    /// A section of the notice as one piece: caption, columns, rows (the last one the totals when
    /// <paramref name="TotalRow"/>), and a note printed under it when there are rows.
    /// </summary>
    public sealed record Section(string Caption, IReadOnlyList<Column> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, bool TotalRow, string? Note);

    /// <summary>
    /// The annexes (附表) after the resource contracts, in order: asset overview, resource inventory, fund
    /// balances net of what they owe, 一事一议 items, cadre pay per person (issue 11). A section without
    /// rows prints its caption and <see cref="NoticeText.None"/>. <paramref name="money"/> formats amounts:
    /// for display by default, the file formats' way (1234.50) for CSV.
    /// </summary>
    public static IReadOnlyList<Section> Annexes(DisclosureNotice n, NoticeText t, Func<Core.Money.Amount, string>? money = null)
    {
        var m = money ?? NoticeText.Money;
        return [AssetOverview(n, t, m), Resources(n, t, m), FundBalances(n, t, m), OneMatter(n, t, m), CadrePay(n, t, m)];
    }

    private static Section AssetOverview(DisclosureNotice n, NoticeText t, Func<Core.Money.Amount, string> m)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var line in n.AssetOverview.Lines)
        {
            rows.Add([line.Code == DisclosureAssetOverview.RegisterCode ? t.RegisterLine : $"{line.Code} {line.Name}", m(line.Amount)]);
            rows.AddRange(line.Parts.Select(p => (IReadOnlyList<string>)[$"    {p.Code} {p.Name}", m(p.Amount)]));
        }
        if (rows.Count > 0) rows.Add([t.Total, m(n.AssetOverview.Total)]);
        return new(t.AssetOverviewCaption, [new(t.AssetOverviewItem, 4f, false), new(t.AssetOverviewBalance, 1.5f, true)], rows, TotalRow: true, t.AssetOverviewNote);
    }

    private static Section Resources(DisclosureNotice n, NoticeText t, Func<Core.Money.Amount, string> m) =>
        new(t.ResourcesCaption,
            [new(t.Resource, 1f, false), new(t.Area, 1.2f, true), new(t.AreaUnitHeader, 0.8f, false), new(t.ResourceContracts, 0.8f, true), new(t.ResourceParties, 4f, false)],
            [.. n.Resources.Rows.Select(r => (IReadOnlyList<string>)
            [
                t.ResourceName(r.Resource), m(new Core.Money.Amount(r.AreaHundredths)), t.AreaUnitName(r.Unit), r.Contracts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join(t.Chinese ? "、" : ", ", r.Parties),
            ])],
            TotalRow: false, t.ResourcesNote);

    private static Section FundBalances(DisclosureNotice n, NoticeText t, Func<Core.Money.Amount, string> m) =>
        new(t.FundBalancesCaption,
            [new(t.Fund, 3f, false), new(t.Balance, 1.5f, true), new(t.StillPayable, 1.5f, true), new(t.Available, 1.5f, true)],
            [.. n.FundBalances.Select(f => (IReadOnlyList<string>)[$"{f.Code} {f.Name}", m(f.Balance), m(f.StillPayable), m(f.Available)])],
            TotalRow: false, t.FundBalancesNote);

    private static Section OneMatter(DisclosureNotice n, NoticeText t, Func<Core.Money.Amount, string> m)
    {
        var rows = n.OneMatter.Items.Select(i => (IReadOnlyList<string>)
        [
            i.Date.ToString("yyyy-MM-dd"), $"{i.Voucher.Period} {i.Voucher.NumberText}", i.Summary + (i.Reversal ? t.ReversalMark : ""), i.Party,
            $"{i.AccountCode} {i.AccountName}", i.Credit.IsZero ? "" : m(i.Credit), i.Debit.IsZero ? "" : m(i.Debit),
        ]).ToList();
        if (rows.Count > 0) rows.Add([t.Total, "", "", "", "", m(n.OneMatter.RaisedTotal), m(n.OneMatter.UsedTotal)]);
        return new(t.OneMatterCaption,
            [new(t.Date, 1.4f, false), new(t.Voucher, 1.6f, false), new(t.Summary, 3f, false), new(t.Party, 1.6f, false), new(t.Account, 2f, false),
                new(t.Raised, 1.3f, true), new(t.Used, 1.3f, true)],
            rows, TotalRow: true, null);
    }

    private static Section CadrePay(DisclosureNotice n, NoticeText t, Func<Core.Money.Amount, string> m)
    {
        var rows = n.CadrePay.Rows.Select(r => (IReadOnlyList<string>)[r.Person.Length == 0 ? t.NoPerson : r.Person, m(r.Accrued), m(r.Paid)]).ToList();
        if (rows.Count > 0) rows.Add([t.Total, m(n.CadrePay.AccruedTotal), m(n.CadrePay.PaidTotal)]);
        return new(t.CadrePayCaption, [new(t.Person, 3f, false), new(t.Accrued, 1.5f, true), new(t.Paid, 1.5f, true)], rows, TotalRow: true, t.CadrePayNote);
    }

    private static string Count(int head) => head.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<IReadOnlyList<string>> Verification(NoticeVerification v, NoticeText t) =>
    [
        [t.Entries, v.Entries.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        [t.Root, v.RootHexGroups],
        [t.Head, $"{v.HeadSeq}: {v.HeadHash}"],
        [t.Keys, v.Keys.Length == 0 ? t.Unsigned : string.Join("\n", v.Keys.Select(k => $"{k.Name} ({k.KeyId}) {k.Fingerprint}"))],
    ];
}
