using System.Collections.Immutable;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using static CollectiveLedger.Core.Audit.EventData;

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
    public static readonly EventKind Definition = new("distribution.planned", d => new DistributionPlanned(YearOf(d), Int(d, "reserve_percent"),
        AmountOf(d, "distributable"), AmountOf(d, "reserve"), Int(d, "total_shares"), AmountOf(d, "per_share"), AmountOf(d, "distributed"),
        AmountOf(d, "undistributed"), [.. Items(d, "households").Select(h => new DistributionShare(Str(h, "member"), Int(h, "shares"), AmountOf(h, "amount")))],
        Str(d, "by"), OptAmount(d, "reserve_base"), OptAmount(d, "to_share"), PlanOf(d)));

    public override string Kind => Definition.Name;

    public override string? ActedBy => By;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        ProblemsOf(DistributionRules.Plan(Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ReservePercent.ToString(System.Globalization.CultureInfo.InvariantCulture), state, By, Shared?.ToString(),
            reserveOnDistributable: ReserveBase is null));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("by", By);
        w.Property("distributable", Distributable.ToString());
        w.Property("distributed", Distributed.ToString());
        w.Name("households");
        w.BeginArray();
        foreach (var h in Households)
        {
            w.BeginObject();
            w.Property("amount", h.Amount.ToString());
            w.Property("member", h.Member);
            w.Property("shares", h.Shares);
            w.EndObject();
        }
        w.EndArray();
        w.Property("per_share", PerShare.ToString());
        if (Plan != 1) w.Property("plan", Plan);
        w.Property("reserve", Reserve.ToString());
        if (ReserveBase is { } reserveBase) w.Property("reserve_base", reserveBase.ToString());
        w.Property("reserve_percent", ReservePercent);
        if (Shared is { } shared) w.Property("to_share", shared.ToString());
        w.Property("total_shares", TotalShares);
        w.Property("undistributed", Undistributed.ToString());
        w.Property("year", Year);
    }

    internal override void ApplyTo(LedgerState state) => state.Plan(this);

    public override IEnumerable<ProjectedRow> Rows(long seq)
    {
        yield return new ProjectedRow("distributions", [(long)Year, (long)Plan, seq, By, (long)ReservePercent, Distributable.Fen, Reserve.Fen, (long)TotalShares,
            PerShare.Fen, Distributed.Fen, Undistributed.Fen, ReserveBase?.Fen, Shared?.Fen]);
        foreach (var h in Households)
            yield return new ProjectedRow("distribution_households", [(long)Year, (long)Plan, h.Member, (long)h.Shares, h.Amount.Fen]);
    }

    /// <summary>A distribution plan's number (audit-log.md 7.15): absent means 1, and 1 is never written.</summary>
    internal static int PlanOf(System.Text.Json.JsonElement d) =>
        OptInt(d, "plan") is not { } plan ? 1 : plan >= 2 ? plan : throw new FormatException("plan is written only from 2 on");

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
    public static readonly EventKind Definition = new("distribution.approved",
        d => new DistributionApproved(YearOf(d), Str(d, "resolution"), Str(d, "by"), Str(d, "role"), DistributionPlanned.PlanOf(d)));

    public override string Kind => Definition.Name;

    public override string? ActedBy => By;

    /// <summary>The plan an approval names (absent: plan 1) must be the year's current plan.</summary>
    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        ProblemsOf(DistributionRules.Approve(Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Resolution, state, By, Plan.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("by", By);
        if (Plan != 1) w.Property("plan", Plan);
        w.Property("resolution", Resolution);
        w.Property("role", Role);
        w.Property("year", Year);
    }

    internal override void ApplyTo(LedgerState state) => state.ChangeDistribution(Year, d => d with { Approval = this });

    public override IEnumerable<ProjectedRow> Rows(long seq) =>
        [new("distribution_steps", [seq, (long)Year, "approved", By, Role, Resolution, null, null, null, (long)Plan])];
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
    public static readonly EventKind Definition = new("distribution.posted",
        d => new DistributionPosted(YearOf(d), DateOf(d, "date"), Str(d, "payable_account"), Str(d, "by"), Added(d, "reserve_account")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => By;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        ProblemsOf(DistributionRules.Post(Year.ToString(System.Globalization.CultureInfo.InvariantCulture), IsoDate.Format(Date), PayableAccount, state, By, today, ReserveAccount));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("by", By);
        w.Property("date", IsoDate.Format(Date));
        w.Property("payable_account", PayableAccount);
        if (ReserveAccount is { } reserveAccount) w.Property("reserve_account", reserveAccount);
        w.Property("year", Year);
    }

    internal override void ApplyTo(LedgerState state) => state.ChangeDistribution(Year, d => d with { Posting = this });

    public override IEnumerable<ProjectedRow> Rows(long seq) =>
        [new("distribution_steps", [seq, (long)Year, "posted", By, null, null, IsoDate.Format(Date), PayableAccount, ReserveAccount, null])];
}

/// <summary>The households paid (Dr the payable account per household / Cr <see cref="Account"/>, cash or bank): the voucher follows at once.</summary>
public sealed record DistributionPaid(int Year, DateOnly Date, string Account, string By) : LedgerEvent
{
    public static readonly EventKind Definition = new("distribution.paid", d => new DistributionPaid(YearOf(d), DateOf(d, "date"), Str(d, "account"), Str(d, "by")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => By;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        ProblemsOf(DistributionRules.Pay(Year.ToString(System.Globalization.CultureInfo.InvariantCulture), IsoDate.Format(Date), Account, state, By, today));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("account", Account);
        w.Property("by", By);
        w.Property("date", IsoDate.Format(Date));
        w.Property("year", Year);
    }

    internal override void ApplyTo(LedgerState state) => state.ChangeDistribution(Year, d => d with { Payment = this });

    public override IEnumerable<ProjectedRow> Rows(long seq) =>
        [new("distribution_steps", [seq, (long)Year, "paid", By, null, null, IsoDate.Format(Date), Account, null, null])];
}

/// <summary>A year's distribution as far as it has gone: its current plan and the steps taken on it.</summary>
public sealed record DistributionRecord(DistributionPlanned Plan, DistributionApproved? Approval, DistributionPosted? Posting, DistributionPaid? Payment)
{
    /// <summary>The year's earlier plans, superseded by <see cref="Plan"/> before any was approved, oldest first.</summary>
    public ImmutableArray<DistributionPlanned> Superseded { get; init; } = [];
}
