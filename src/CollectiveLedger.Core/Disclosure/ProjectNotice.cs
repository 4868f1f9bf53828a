using System.Collections.Immutable;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Reporting;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// 项目资金公告公示: the public notice of one support fund's project, as DOMAIN.md lists its content
/// (project name, location, tasks, subsidy standard, fund source and amount, period, implementing
/// unit and responsible person, performance targets, how households benefit, the 12317 supervision
/// hotline, posted at least 10 days), with the money so far: received, spent, what is left and every
/// payment, to the notice's date. Numbers and texts only; every text is already de-identified
/// (<see cref="PersonalData"/>), and renderers lay it out and add nothing.
/// </summary>
/// <param name="Payments">Every payment out of the fund on or before the publication date, in date order (red-ink reversals negative).</param>
/// <param name="PostingDays">How many days the notice stays posted (公示期), at least <see cref="MinimumPostingDays"/>.</param>
public sealed record ProjectNotice(
    string Org, string OrgCode, string Currency, DateOnly PublicationDate,
    string FundCode, string FundName, string Project, string Location, string Tasks, string Standard,
    string Kind, string Agency, string Document, Amount Granted, DateOnly ValidFrom, DateOnly ValidTo,
    string Implementer, string Responsible, string Targets, string Beneficiaries,
    Amount Received, Amount Spent, ImmutableArray<FundSpendingItem> Payments,
    int PostingDays, DisclosureSettings Settings, NoticeVerification Verification)
{
    /// <summary>
    /// The national supervision and complaints hotline printed on every project notice of
    /// 衔接推进乡村振兴补助资金. It was the 国务院扶贫办 hotline, then 国家乡村振兴局's, and is run by
    /// 农业农村部 since 国家乡村振兴局 was merged into it (2023). County notices still print it as
    /// "监督电话：12317", e.g. 泽库县 2023年第一批省级财政衔接推进乡村振兴补助资金分配计划公告
    /// (zeku.gov.cn/contents/show/1363, June 2023). No primary text found in the search corpora
    /// gives the hotline a newer official name, so the notice calls it by what it does
    /// (监督举报电话) rather than by an agency's name that may change again.
    /// </summary>
    public const string Hotline = "12317";

    /// <summary>DOMAIN.md: a project notice is "posted at least 10 days"; the ledger's setting may lengthen it, never shorten it.</summary>
    public const int MinimumPostingDays = 10;

    public const int MaximumPostingDays = 90;

    /// <summary>Ledger setting: days the project notice stays posted, <see cref="MinimumPostingDays"/>..<see cref="MaximumPostingDays"/>.</summary>
    public const string PostingDaysKey = "disclosure.project_posting_days";

    /// <summary>The fund terms a project notice prints beyond the ones every fund has, as keys of <see cref="FundTermsInput"/>.</summary>
    public static readonly IReadOnlyList<string> ProjectTerms =
        ["project", "location", "tasks", "standard", "valid_from", "valid_to", "implementer", "responsible", "targets", "beneficiaries"];

    public Amount Balance => Received - Spent;

    /// <summary>The last day of the posting period: the publication day counts as the first.</summary>
    public DateOnly PostedUntil => PublicationDate.AddDays(PostingDays - 1);

    /// <summary>The posting period in force: the setting when it is a valid number of days, else the minimum.</summary>
    public static int PostingDaysFrom(IReadOnlyDictionary<string, string> settings, string key = PostingDaysKey) =>
        int.TryParse(settings.GetValueOrDefault(key), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var days)
            ? Math.Clamp(days, MinimumPostingDays, MaximumPostingDays)
            : MinimumPostingDays;

    /// <summary>The project terms a fund lacks for its notice (keys of <see cref="ProjectTerms"/>); all of them when it has no terms.</summary>
    public static IReadOnlyList<string> MissingTerms(FundTerms? terms)
    {
        if (terms is null) return ProjectTerms;
        var present = new Dictionary<string, bool>
        {
            ["project"] = !string.IsNullOrWhiteSpace(terms.Project), ["location"] = !string.IsNullOrWhiteSpace(terms.Location),
            ["tasks"] = !string.IsNullOrWhiteSpace(terms.Tasks), ["standard"] = !string.IsNullOrWhiteSpace(terms.Standard),
            ["valid_from"] = terms.ValidFrom is not null, ["valid_to"] = terms.ValidTo is not null,
            ["implementer"] = !string.IsNullOrWhiteSpace(terms.Implementer), ["responsible"] = !string.IsNullOrWhiteSpace(terms.Responsible),
            ["targets"] = !string.IsNullOrWhiteSpace(terms.Targets), ["beneficiaries"] = !string.IsNullOrWhiteSpace(terms.Beneficiaries),
        };
        return [.. ProjectTerms.Where(key => !present[key])];
    }

    /// <summary>The notice of fund <paramref name="fund"/> as of <paramref name="date"/>.</summary>
    /// <param name="fund">The fund's usage report entry over the months from the ledger's start to the month of <paramref name="date"/>.</param>
    /// <param name="received">What the fund received through cash and bank on or before <paramref name="date"/>.</param>
    /// <param name="spent">What it paid out through cash and bank on or before <paramref name="date"/>: the sum of its payments to that day.</param>
    /// <exception cref="InvalidOperationException">The fund lacks project terms (<see cref="ProjectNoticeRules"/> rejects that first), or the payments do not add up to <paramref name="spent"/>.</exception>
    public static ProjectNotice Compute(string org, string orgCode, string currency, DateOnly date, FundReportEntry fund, Amount received, Amount spent,
        IReadOnlyDictionary<string, string> settings, NoticeVerification verification)
    {
        var terms = fund.Terms;
        Precondition.Require(terms is not null && MissingTerms(terms).Count == 0, "the fund has every project term");
        var payments = fund.Items.Where(p => p.Date <= date)
            .Select(p => p with { Summary = Mask(p.Summary), ChargedTo = Mask(p.ChargedTo) }).ToImmutableArray();
        Precondition.Require(payments.Aggregate(Amount.Zero, (a, p) => a + p.Amount) == spent, "the payments to the date add up to what the fund spent to the date");
        return new ProjectNotice(Mask(org), orgCode, currency, date, fund.Usage.Code, Mask(fund.Usage.Name),
            Mask(terms!.Project), Mask(terms.Location), Mask(terms.Tasks), Mask(terms.Standard),
            Mask(terms.Kind), Mask(terms.Agency), Mask(terms.Document), terms.Granted, terms.ValidFrom!.Value, terms.ValidTo!.Value,
            Mask(terms.Implementer), Mask(terms.Responsible), Mask(terms.Targets), Mask(terms.Beneficiaries),
            received, spent, payments, PostingDaysFrom(settings),
            DisclosureSettings.From(settings).Masked(),
            verification);

        static string Mask(string? text) => PersonalData.Mask(text);
    }
}
