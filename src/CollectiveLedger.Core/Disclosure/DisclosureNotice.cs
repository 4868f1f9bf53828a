using CollectiveLedger.Core.Assets;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Ledger;
using System.Collections.Immutable;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Reporting;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>One income or expenditure line of the period, as the notice lists it (逐项逐笔).</summary>
/// <remarks>The amount is income (credit minus debit) or expenditure (debit minus credit); red-ink reversal lines make it negative.</remarks>
public sealed record DisclosureItem(DateOnly Date, VoucherKey Voucher, string Summary, string Party, string AccountCode, string AccountName, Amount Amount, bool Reversal)
{
    public bool IsIncome => StandardChart.IsIncome(AccountCode);
}

/// <summary>An account's total as a category of income, expenditure, claims or debts.</summary>
public sealed record CategoryAmount(string Code, string Name, Amount Amount);

/// <summary>A support fund: received and spent to date (through cash and bank), spent in the period, what is left.</summary>
public sealed record FundUsage(string Code, string Name, Amount ReceivedToDate, Amount SpentToDate, Amount SpentInPeriod)
{
    public Amount Balance => ReceivedToDate - SpentToDate;
}

/// <summary>Who signs the notice and how villagers object, from the ledger's settings.</summary>
public sealed record DisclosureSettings(string Accountant, string CommitteeChair, string SupervisionChair, int ObjectionDays, string Contact)
{
    public const string AccountantKey = "signatory.accountant";
    public const string CommitteeChairKey = "signatory.committee_chair";
    public const string SupervisionChairKey = "signatory.supervision_chair";
    public const string ObjectionDaysKey = "disclosure.objection_days";
    public const string ContactKey = "disclosure.contact";

    public static readonly IReadOnlyList<string> Keys = [AccountantKey, CommitteeChairKey, SupervisionChairKey, ObjectionDaysKey, ContactKey];

    public static DisclosureSettings From(IReadOnlyDictionary<string, string> settings) => new(
        settings.GetValueOrDefault(AccountantKey, ""), settings.GetValueOrDefault(CommitteeChairKey, ""),
        settings.GetValueOrDefault(SupervisionChairKey, ""),
        int.TryParse(settings.GetValueOrDefault(ObjectionDaysKey), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) ? days : 7,
        settings.GetValueOrDefault(ContactKey, "村务监督委员会"));

    /// <summary>The same settings de-identified for printing (<see cref="PersonalData"/>): a contact often carries a phone number.</summary>
    public DisclosureSettings Masked() => this with
    {
        Accountant = PersonalData.Mask(Accountant), CommitteeChair = PersonalData.Mask(CommitteeChair),
        SupervisionChair = PersonalData.Mask(SupervisionChair), Contact = PersonalData.Mask(Contact),
    };
}

/// <summary>The signing key as the notice prints it.</summary>
public sealed record NoticeKey(string Name, string KeyId, string Fingerprint);

/// <summary>The checkpoint printed on the notice: what a villager or auditor checks the books against.</summary>
public sealed record NoticeVerification(long Entries, string RootHex, string RootHexGroups, long HeadSeq, string HeadHash,
    ImmutableArray<NoticeKey> Keys, string SignedNote);

/// <summary>
/// 财务公开榜: the report model of a public disclosure notice, numbers and texts only. Every text is
/// already de-identified (<see cref="PersonalData"/>); renderers lay it out and add nothing. Besides
/// the money it shows the collective's assets and resources (DOMAIN.md, Disclosure): the asset
/// register, the herds' head counts and the resource contracts, each as of the notice's period.
/// </summary>
public sealed record DisclosureNotice(
    string Org, string OrgCode, string Currency, DisclosurePeriod Period, DateOnly PublicationDate,
    Amount CashAndBankOpening, ImmutableArray<CategoryAmount> Income, Amount IncomeTotal,
    ImmutableArray<CategoryAmount> Expenditure, Amount ExpenditureTotal, Amount CashAndBankClosing,
    ImmutableArray<DisclosureItem> IncomeItems, ImmutableArray<DisclosureItem> ExpenditureItems,
    ImmutableArray<FundUsage> Funds, ImmutableArray<CategoryAmount> Receivables, ImmutableArray<CategoryAmount> Payables,
    DisclosureAssets Assets, ImmutableArray<DisclosureHerd> Herds, DisclosureContracts Contracts,
    DisclosureSettings Settings, NoticeVerification Verification)
{
    /// <summary>
    /// The villagers' feedback received or answered in the notice's months (contact masked), in the
    /// order received; empty when there was none, and then the renderers leave the section out.
    /// </summary>
    public ImmutableArray<FeedbackRecord> Feedback { get; init; } = [];

    /// <summary>债权债务 by the side each balance stands on, with 231/241 and loans (<see cref="DisclosureDetails"/>); empty until set.</summary>
    public DisclosureClaims Claims { get; init; } = DisclosureClaims.Empty;

    /// <summary>资产概况 from the books at the period's end, beside the register; empty until set.</summary>
    public DisclosureAssetOverview AssetOverview { get; init; } = DisclosureAssetOverview.Empty;

    /// <summary>资源台账: contracted area per type of resource, in its own unit; empty until set.</summary>
    public DisclosureResources Resources { get; init; } = DisclosureResources.Empty;

    /// <summary>Each fund's balance less what it still owes (质保金); empty until set.</summary>
    public ImmutableArray<DisclosureFundBalance> FundBalances { get; init; } = [];

    /// <summary>干部报酬 per person from 212 应付工资; empty until set.</summary>
    public DisclosureCadrePay CadrePay { get; init; } = DisclosureCadrePay.Empty;

    /// <summary>一事一议 (231) item by item; empty until set.</summary>
    public DisclosureOneMatter OneMatter { get; init; } = DisclosureOneMatter.Empty;

    private static readonly string[] CashAndBank = ["101", "102"];
    private static readonly string[] ReceivableRoots = ["112", "113"];
    private static readonly string[] PayableRoots = ["201", "211", "212", "213", "214", "221"];

    /// <param name="tb">The trial balance of exactly the notice's months.</param>
    /// <param name="items">Lines on income (50x) and expense (51x, 52x) accounts in the months, in date order.</param>
    /// <param name="assets">The asset register's entries, for its state at the start and end of the months.</param>
    /// <param name="registers">The ledger's state, for the resource contracts and their parties' names.</param>
    /// <param name="feedback">Feedback received or answered in the months (masked here).</param>
    public static DisclosureNotice Compute(string org, string orgCode, string currency, DisclosurePeriod period, DateOnly date, TrialBalance tb,
        IEnumerable<DisclosureItem> items, IEnumerable<FundUsage> funds, AssetHistory assets, LedgerState registers,
        DisclosureSettings settings, NoticeVerification verification, IEnumerable<FeedbackRecord>? feedback = null)
    {
        Precondition.Require(tb.From == period.From && tb.To == period.To, "the trial balance covers the notice's months");
        var rows = tb.Rows;
        Amount Net(Func<TrialBalanceRow, Amount> debit, Func<TrialBalanceRow, Amount> credit, IEnumerable<string> codes) =>
            rows.Where(r => r.Level == 1 && codes.Contains(r.Code)).Aggregate(Amount.Zero, (a, r) => a + debit(r) - credit(r));

        // A category is a second-level account, or a first-level one without sub-accounts.
        IEnumerable<TrialBalanceRow> Categories(Func<string, bool> root) =>
            rows.Where(r => root(r.Code[..3]) && (r.Level == 2 || (r.Level == 1 && r.Leaf)));
        var income = Categories(StandardChart.IsIncome)
            .Select(r => new CategoryAmount(r.Code, Mask(r.Name), r.PeriodCredit - r.PeriodDebit)).Where(c => !c.Amount.IsZero).ToImmutableArray();
        var expenditure = Categories(StandardChart.IsExpenditure)
            .Select(r => new CategoryAmount(r.Code, Mask(r.Name), r.PeriodDebit - r.PeriodCredit)).Where(c => !c.Amount.IsZero).ToImmutableArray();
        var receivables = Categories(ReceivableRoots.Contains)
            .Select(r => new CategoryAmount(r.Code, Mask(r.Name), r.ClosingDebit - r.ClosingCredit)).Where(c => !c.Amount.IsZero).ToImmutableArray();
        var payables = Categories(PayableRoots.Contains)
            .Select(r => new CategoryAmount(r.Code, Mask(r.Name), r.ClosingCredit - r.ClosingDebit)).Where(c => !c.Amount.IsZero).ToImmutableArray();

        var all = items.Select(i => i with { Summary = Mask(i.Summary), Party = Mask(i.Party), AccountName = Mask(i.AccountName) }).ToList();
        return new DisclosureNotice(Mask(org), orgCode, currency, period, date,
            Net(r => r.OpeningDebit, r => r.OpeningCredit, CashAndBank),
            income, income.Aggregate(Amount.Zero, (a, c) => a + c.Amount),
            expenditure, expenditure.Aggregate(Amount.Zero, (a, c) => a + c.Amount),
            Net(r => r.ClosingDebit, r => r.ClosingCredit, CashAndBank),
            [.. all.Where(i => i.IsIncome)], [.. all.Where(i => !i.IsIncome)],
            [.. funds.Select(f => f with { Name = Mask(f.Name) })], receivables, payables,
            DisclosureAssets.Compute(assets, period), DisclosureHerd.Compute(assets, period), DisclosureContracts.Compute(registers, period),
            settings.Masked(),
            verification) { Feedback = [.. (feedback ?? []).Select(f => f.Masked())] };

        static string Mask(string text) => PersonalData.Mask(text);
    }
}
