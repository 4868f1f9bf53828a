using System.Collections.Immutable;
using CollectiveLedger.Core.Distribution;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using Dapper;
using System.Data.Common;

namespace CollectiveLedger.Storage;

/// <summary>Income distribution: the plans and their steps, read back into the state the rules decide against.</summary>
public sealed partial class LedgerStore
{
    private const string SelectDistributions = """
        SELECT year, plan, by, reserve_percent, distributable_fen, reserve_fen, total_shares, per_share_fen, distributed_fen, undistributed_fen,
               reserve_base_fen, to_share_fen
        FROM distributions ORDER BY year, plan
        """;
    private const string SelectDistributionHouseholds = "SELECT member, shares, amount_fen FROM distribution_households WHERE year = @Year AND plan = @Plan ORDER BY member";
    private const string SelectDistributionSteps = "SELECT year, action, by, role, resolution, date, account, reserve_account, plan FROM distribution_steps ORDER BY seq";

    private void LoadDistributions(Core.Ledger.LedgerState state, DbTransaction tx)
    {
        // Plans in order, so that each later plan of a year supersedes the one before, as in the log.
        foreach (var plan in _connection.Query<(long Year, long Plan, string By, long Percent, long Distributable, long Reserve, long Shares, long PerShare, long Distributed,
                     long Undistributed, long? ReserveBase, long? Shared)>(SelectDistributions, transaction: tx).ToList())
        {
            var households = _connection.Query<(string Member, long Shares, long Amount)>(SelectDistributionHouseholds, new { plan.Year, plan.Plan }, tx)
                .Select(h => new DistributionShare(h.Member, (int)h.Shares, new Amount(h.Amount))).ToImmutableArray();
            state.Apply(new DistributionPlanned((int)plan.Year, (int)plan.Percent, new Amount(plan.Distributable), new Amount(plan.Reserve), (int)plan.Shares,
                new Amount(plan.PerShare), new Amount(plan.Distributed), new Amount(plan.Undistributed), households, plan.By,
                plan.ReserveBase is { } b ? new Amount(b) : null, plan.Shared is { } s ? new Amount(s) : null, (int)plan.Plan));
        }
        foreach (var s in _connection.Query<(long Year, string Action, string By, string? Role, string? Resolution, string? Date, string? Account, string? ReserveAccount,
                     long? Plan)>(
                     SelectDistributionSteps, transaction: tx))
        {
            state.Apply(s.Action switch
            {
                "approved" => new DistributionApproved((int)s.Year, s.Resolution!, s.By, s.Role!, (int)s.Plan!.Value),
                "posted" => (Core.Ledger.LedgerEvent)new DistributionPosted((int)s.Year, IsoDate.Parse(s.Date!), s.Account!, s.By, s.ReserveAccount),
                _ => new DistributionPaid((int)s.Year, IsoDate.Parse(s.Date!), s.Account!, s.By),
            });
        }
    }
}
