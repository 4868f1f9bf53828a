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
    public const string OrgTypeKey = "org.type";

    /// <summary>The public site's address (http or https): when set, a notice's QR code carries the phone page there (<see cref="Audit.CheckLink"/>).</summary>
    public const string PublicUrlKey = "disclosure.public_url";

    public static readonly IReadOnlyList<string> Keys = [AccountantKey, CommitteeChairKey, SupervisionChairKey, ObjectionDaysKey, ContactKey, OrgTypeKey, PublicUrlKey];

    /// <summary>The organization type as set (股份经济合作社, 经济合作社, 村民委员会): it decides who signs; "" when never set.</summary>
    public string OrgType { get; init; } = "";

    public static DisclosureSettings From(IReadOnlyDictionary<string, string> settings) => new(
        settings.GetValueOrDefault(AccountantKey, ""), settings.GetValueOrDefault(CommitteeChairKey, ""),
        settings.GetValueOrDefault(SupervisionChairKey, ""),
        int.TryParse(settings.GetValueOrDefault(ObjectionDaysKey), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) ? days : 7,
        settings.GetValueOrDefault(ContactKey, "村务监督委员会")) { OrgType = settings.GetValueOrDefault(OrgTypeKey, "") };

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
    ImmutableArray<NoticeKey> Keys, string SignedNote)
{
    /// <summary>
    /// The phone page's address with the checkpoint and the signers' keys (<see cref="Audit.CheckLink"/>) when
    /// <c>disclosure.public_url</c> is set; null otherwise, and the QR code carries <see cref="SignedNote"/> itself.
    /// </summary>
    public string? CheckUrl { get; init; }

    /// <summary>What the QR code carries.</summary>
    public string QrText => CheckUrl ?? SignedNote;

    /// <summary>
    /// The witnesses' cosignature lines of this checkpoint (audit-log.md 12.6), as kept when the notice is
    /// built: "— name base64". Not part of the notice's fixed content (a cosignature may arrive after
    /// preparation); each line is checked by itself against the checkpoint with the witness's key.
    /// </summary>
    public ImmutableArray<string> Cosignatures { get; init; } = [];
}

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
    ImmutableArray<FundUsage> Funds,
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

    /// <summary>
    /// The 原始凭证 of the vouchers it names, when the setting <see cref="DisclosureAttachments.SettingKey"/> showed them as
    /// the notice was prepared; null otherwise, and then no format says anything of attachments.
    /// </summary>
    public DisclosureAttachments? Attachments { get; init; }

    private static readonly string[] CashAndBank = ["101", "102"];

    /// <summary>
    /// Cash and bank movements that are not income or expenditure, and expenditure that paid no cash,
    /// which with income and expenditure take the opening cash and bank to the closing (<see cref="CashMovements"/>).
    /// </summary>
    public ImmutableArray<CashMovement> Movements { get; init; } = [];

    /// <summary>The supervision committee's review as its notice.reviewed entry records it (the reviewer's name de-identified); null on a draft.</summary>
    public NoticeReview? Review { get; init; }

    /// <summary>This notice with its review (<see cref="Review"/>), masked as every text on a notice is.</summary>
    public DisclosureNotice Reviewed(NoticeReviewed review) =>
        this with { Review = new NoticeReview(PersonalData.Mask(review.By), review.Date, PersonalData.Mask(review.Opinion)) };

    /// <param name="tb">The trial balance of exactly the notice's months (for balances: cash and bank, claims and debts).</param>
    /// <param name="items">Lines on income (50x) and expense (51x, 52x) accounts of the months' normal vouchers, in date order: the categories and totals are their sums, so the year-end closing vouchers never count.</param>
    /// <param name="cashVouchers">Per leaf account, credit minus debit on the months' normal vouchers that move cash or bank (for <see cref="Movements"/>).</param>
    /// <param name="nonCashVouchers">Per normal voucher of the months that moves no cash or bank, credit minus debit of its lines that are not income or expenditure.</param>
    /// <param name="assets">The asset register's entries, for its state at the start and end of the months.</param>
    /// <param name="registers">The ledger's state, for the accounts, the resource contracts and their parties' names.</param>
    /// <param name="feedback">Feedback received or answered in the months (masked here).</param>
    public static DisclosureNotice Compute(string org, string orgCode, string currency, DisclosurePeriod period, DateOnly date, TrialBalance tb,
        IEnumerable<DisclosureItem> items, IEnumerable<KeyValuePair<string, Amount>> cashVouchers, IEnumerable<Amount> nonCashVouchers, IEnumerable<FundUsage> funds, AssetHistory assets, LedgerState registers,
        DisclosureSettings settings, NoticeVerification verification, IEnumerable<FeedbackRecord>? feedback = null)
    {
        Precondition.Require(tb.From == period.From && tb.To == period.To, "the trial balance covers the notice's months");
        var rows = tb.Rows;
        Amount Net(Func<TrialBalanceRow, Amount> debit, Func<TrialBalanceRow, Amount> credit, IEnumerable<string> codes) =>
            rows.Where(r => r.Level == 1 && codes.Contains(r.Code)).Aggregate(Amount.Zero, (a, r) => a + debit(r) - credit(r));

        var itemList = items.ToList();
        var income = CategoriesOf(itemList.Where(i => i.IsIncome), registers.Accounts);
        var expenditure = CategoriesOf(itemList.Where(i => !i.IsIncome), registers.Accounts);
        var incomeTotal = income.Aggregate(Amount.Zero, (a, c) => a + c.Amount);
        var expenditureTotal = expenditure.Aggregate(Amount.Zero, (a, c) => a + c.Amount);
        var movements = CashMovements.Compute(cashVouchers, nonCashVouchers);
        var (opening, closing) = (Net(r => r.OpeningDebit, r => r.OpeningCredit, CashAndBank), Net(r => r.ClosingDebit, r => r.ClosingCredit, CashAndBank));
        Precondition.Require(opening + incomeTotal - expenditureTotal + movements.Aggregate(Amount.Zero, (a, m) => a + m.Amount) == closing,
            "the summary takes opening cash and bank to closing exactly (every voucher balances)");

        var all = itemList.Select(i => i with { Summary = Mask(i.Summary), Party = Mask(i.Party), AccountName = Mask(i.AccountName) }).ToList();
        return new DisclosureNotice(Mask(org), orgCode, currency, period, date,
            opening, income, incomeTotal, expenditure, expenditureTotal, closing,
            [.. all.Where(i => i.IsIncome)], [.. all.Where(i => !i.IsIncome)],
            [.. funds.Select(f => f with { Name = Mask(f.Name) })],
            DisclosureAssets.Compute(assets, period), DisclosureHerd.Compute(assets, period), DisclosureContracts.Compute(registers, period),
            settings.Masked(),
            verification) { Feedback = [.. (feedback ?? []).Select(f => f.Masked())], Movements = movements };

        static string Mask(string text) => PersonalData.Mask(text);
    }

    /// <summary>
    /// The items summed by category (a second-level account, or a first-level one without
    /// sub-accounts) in code order, zero categories left out: the totals are the item lists' sums.
    /// </summary>
    private static ImmutableArray<CategoryAmount> CategoriesOf(IEnumerable<DisclosureItem> items, IReadOnlyDictionary<string, Account> accounts) =>
        [.. items
            .GroupBy(i => CategoryOf(accounts[i.AccountCode], accounts).Code, StringComparer.Ordinal)
            .Select(g => new CategoryAmount(g.Key, PersonalData.Mask(accounts[g.Key].Name), g.Aggregate(Amount.Zero, (a, i) => a + i.Amount)))
            .Where(c => !c.Amount.IsZero)
            .OrderBy(c => c.Code, StringComparer.Ordinal)];

    private static Account CategoryOf(Account account, IReadOnlyDictionary<string, Account> accounts)
    {
        while (account.Level > 2) account = accounts[account.Parent!];
        return account;
    }
}
