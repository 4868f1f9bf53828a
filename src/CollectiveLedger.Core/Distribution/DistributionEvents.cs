using System.Collections.Immutable;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Distribution;

/// <summary>One household's line of a distribution plan: its shares and what it receives (shares x per-share amount).</summary>
public sealed record DistributionShare(string Member, int Shares, Amount Amount);

/// <summary>
/// The income distribution plan (收益分配方案) of a closed year, as <see cref="DistributionRules.Plan"/>
/// computes it: the distributable income (322 收益分配's credit balance at 31 December, after the
/// year-end closing), the amount set aside to 311 公积公益金, the per-share amount, each household's
/// amount and what stays undistributed. Distributable = reserve + distributed + undistributed.
/// </summary>
/// <param name="ReserveBase">
/// What the reserve percentage applies to: the year's surplus (<see cref="Ledger.LedgerState.YearSurplus"/>),
/// at least 0 and at most <see cref="Distributable"/>. Null in plans written before it existed
/// (audit-log.md 7.15, optional key <c>reserve_base</c>), whose reserve is on the whole distributable.
/// </param>
/// <param name="Shared">
/// The amount the members' meeting chose to divide by shares (<c>--distribute</c>, optional key
/// <c>to_share</c>), at most distributable minus reserve; null when everything after the reserve is divided.
/// </param>
/// <param name="Plan">
/// The plan's number within its year: 1, then 2, 3... for a plan made again before the members' meeting
/// approved the last one (optional key <c>plan</c>, written only when it is not 1; absent in every
/// older entry, where the year had one plan). The latest plan supersedes the earlier ones.
/// </param>
public sealed record DistributionPlanned(int Year, int ReservePercent, Amount Distributable, Amount Reserve, int TotalShares, Amount PerShare,
    Amount Distributed, Amount Undistributed, ImmutableArray<DistributionShare> Households, string By, Amount? ReserveBase = null, Amount? Shared = null,
    int Plan = 1)
    : LedgerEvent
{
    public override string Kind => "distribution.planned";

    /// <summary>The amount divided by shares: what the meeting chose, or all that is left after the reserve.</summary>
    public Amount ToShare => Shared ?? Distributable - Reserve;

    // Value equality over the households too (ImmutableArray compares by reference): replay compares
    // the plan Core computes again with the one the log holds.
    public bool Equals(DistributionPlanned? other) =>
        other is not null && Year == other.Year && ReservePercent == other.ReservePercent && Distributable == other.Distributable && Reserve == other.Reserve
        && TotalShares == other.TotalShares && PerShare == other.PerShare && Distributed == other.Distributed && Undistributed == other.Undistributed
        && By == other.By && ReserveBase == other.ReserveBase && Shared == other.Shared && Plan == other.Plan && Households.SequenceEqual(other.Households);

    public override int GetHashCode() => HashCode.Combine(Year, Distributable, Households.Length);
}

/// <summary>The members' meeting (成员大会/成员代表会议) approved the plan: its resolution, recorded by <see cref="By"/> in <see cref="Role"/>.</summary>
/// <param name="Plan">The plan approved, which is the year's current plan (optional key <c>plan</c>, written only when it is not 1).</param>
public sealed record DistributionApproved(int Year, string Resolution, string By, string Role, int Plan = 1) : LedgerEvent
{
    public override string Kind => "distribution.approved";
}

/// <summary>
/// The approved plan posted (Dr 322 / Cr 311 for the reserve; Dr 322 / Cr <see cref="PayableAccount"/>
/// with one line per household): the vouchers follow this entry at once, in the same transaction.
/// </summary>
/// <param name="ReserveAccount">
/// Where the reserve goes when 311 公积公益金 has sub-accounts (<c>--reserve-account</c>, optional key
/// <c>reserve_account</c>): 311 or a leaf account below it; null for 311 itself.
/// </param>
public sealed record DistributionPosted(int Year, DateOnly Date, string PayableAccount, string By, string? ReserveAccount = null) : LedgerEvent
{
    public override string Kind => "distribution.posted";
}

/// <summary>The households paid (Dr the payable account per household / Cr <see cref="Account"/>, cash or bank): the voucher follows at once.</summary>
public sealed record DistributionPaid(int Year, DateOnly Date, string Account, string By) : LedgerEvent
{
    public override string Kind => "distribution.paid";
}

/// <summary>A year's distribution as far as it has gone: its current plan and the steps taken on it.</summary>
public sealed record DistributionRecord(DistributionPlanned Plan, DistributionApproved? Approval, DistributionPosted? Posting, DistributionPaid? Payment)
{
    /// <summary>The year's earlier plans, superseded by <see cref="Plan"/> before any was approved, oldest first.</summary>
    public ImmutableArray<DistributionPlanned> Superseded { get; init; } = [];
}
