using System.Collections.Immutable;
using CollectiveLedger.Core.Distribution;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// 收益分配方案公示: the public notice of a year's income distribution plan and its per-household list
/// (收益分配到户清单), with the plan's numbers, how they were rounded, the members' meeting resolution
/// when the plan is approved, and how far it has gone (planned, approved, posted, paid). Numbers and
/// texts only; every text is de-identified (<see cref="PersonalData"/>) and no private number is in it,
/// and renderers lay it out and add nothing.
/// </summary>
/// <param name="Status">planned, approved, posted or paid (<see cref="DistributionList"/>).</param>
/// <param name="Resolution">The members' meeting resolution when the plan is approved, else null.</param>
/// <param name="Households">Every household of the plan, in the plan's order, names de-identified, without ID card, bank account or phone numbers.</param>
public sealed record DistributionNotice(
    string Org, string OrgCode, string Currency, DateOnly PublicationDate, int Year, string Status, string? Resolution,
    int ReservePercent, Amount Distributable, Amount Reserve, Amount ToShare, int TotalShares, Amount PerShare,
    Amount Distributed, Amount Undistributed, ImmutableArray<DistributionListRow> Households,
    DisclosureSettings Settings, NoticeVerification Verification)
{
    /// <summary>
    /// Ledger setting: the days the plan is posted before the members' meeting decides on it (DOMAIN.md:
    /// the plan reaches members 10 days before the meeting), <see cref="ProjectNotice.MinimumPostingDays"/>..<see cref="ProjectNotice.MaximumPostingDays"/>.
    /// </summary>
    public const string PostingDaysKey = "disclosure.distribution_posting_days";

    /// <summary>
    /// The number of the plan noticed, the year's current plan: 1, or 2, 3... for a plan made again
    /// before approval, which is posted again for its own period (the notice names it so that the
    /// meeting approves the plan it was shown).
    /// </summary>
    public int Plan { get; init; } = 1;

    /// <summary>What the reserve percentage applies to: the year's surplus (the whole distributable for a plan written before that rule).</summary>
    public Amount ReserveBase { get; init; }

    /// <summary>How many days the notice is posted (公示期), the publication day counting as the first.</summary>
    public int PostingDays { get; init; } = ProjectNotice.MinimumPostingDays;

    /// <summary>The last day of the posting period: the members' meeting decides after it.</summary>
    public DateOnly PostedUntil => PublicationDate.AddDays(PostingDays - 1);

    /// <summary>The notice of <paramref name="list"/> as of <paramref name="date"/>.</summary>
    public static DistributionNotice Compute(string org, string orgCode, string currency, DateOnly date, DistributionList list,
        IReadOnlyDictionary<string, string> settings, NoticeVerification verification)
    {
        var p = list.Plan;
        var households = list.Rows.Select(r => r with
        {
            Name = PersonalData.Mask(r.Name), Head = r.Head is null ? null : PersonalData.Mask(r.Head),
            // A public list shows the household, its shares and its amount: not even a masked fragment of a private number.
            IdCardMasked = null, BankAccountMasked = null, PhoneMasked = null,
        }).ToImmutableArray();
        Precondition.Require(households.Aggregate(Amount.Zero, (a, h) => a + h.Amount) == p.Distributed, "the households add up to what the plan distributes");
        return new DistributionNotice(PersonalData.Mask(org), orgCode, currency, date, p.Year, list.Status,
            list.Resolution is null ? null : PersonalData.Mask(list.Resolution),
            p.ReservePercent, p.Distributable, p.Reserve, p.ToShare, p.TotalShares, p.PerShare, p.Distributed, p.Undistributed, households,
            DisclosureSettings.From(settings).Masked(), verification) { PostingDays = ProjectNotice.PostingDaysFrom(settings, PostingDaysKey), ReserveBase = p.ReserveBase ?? p.Distributable, Plan = p.Plan };
    }
}
