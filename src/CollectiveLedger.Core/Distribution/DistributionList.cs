using System.Collections.Immutable;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Distribution;

/// <summary>
/// The per-household list of a year's distribution (收益分配到户清单) as it may be shown or posted
/// publicly: every household with its shares and amount, and its private numbers masked
/// (<see cref="PersonalData.MaskNumber"/>): nothing in this model holds them in full.
/// </summary>
public sealed record DistributionList(DistributionPlanned Plan, string Status, string? Resolution, ImmutableArray<DistributionListRow> Rows)
{
    /// <summary>The year's earlier plans that <see cref="Plan"/> superseded before approval (history, not in force).</summary>
    public ImmutableArray<DistributionPlanned> Superseded { get; init; } = [];

    /// <summary>How the amounts were rounded, as the plan output says it (see <see cref="DistributionRules.Plan"/>).</summary>
    public const string RoundingZh = "每股分配额向下取整到分，各户分配额 = 股数 × 每股分配额，尾差留作未分配收益";
    public const string RoundingEn = "per-share amount rounded down to the fen; each household receives shares x per-share amount; the remainder stays undistributed";

    public static DistributionList Of(DistributionRecord record, LedgerState state)
    {
        var status = record.Payment is not null ? "paid" : record.Posting is not null ? "posted" : record.Approval is not null ? "approved" : "planned";
        var rows = record.Plan.Households.Select(h =>
        {
            var d = state.MemberDetails(h.Member);
            return new DistributionListRow(h.Member, state.DimensionName(DimensionKind.Member, h.Member) ?? h.Member, d?.Head, d?.HouseholdSize, h.Shares, h.Amount,
                Masked(d?.IdCard), Masked(d?.BankAccount), Masked(d?.Phone));
        }).ToImmutableArray();
        return new DistributionList(record.Plan, status, record.Approval?.Resolution, rows) { Superseded = record.Superseded };

        static string? Masked(string? value) => value is null ? null : PersonalData.MaskNumber(value);
    }
}

/// <summary>One household of the list; the numbers are masked already.</summary>
public sealed record DistributionListRow(string Member, string Name, string? Head, int? HouseholdSize, int Shares, Amount Amount,
    string? IdCardMasked, string? BankAccountMasked, string? PhoneMasked);
