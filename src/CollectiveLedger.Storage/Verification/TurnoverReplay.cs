using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// The month sums of <see cref="Table.AccountTurnover"/> as the log has them: every replayed voucher's
/// lines added up by month, account, the voucher's kind and fund ('' for none), exactly as the
/// database's trigger adds up the lines it inserts; and <see cref="Table.FundDays"/>, each fund's cash
/// and bank lines by day. A few hundred sums a year, held until the end.
/// </summary>
internal sealed class TurnoverReplay
{
    private readonly Dictionary<(Period Period, string Account, VoucherKind Kind, string Fund), (long Debit, long Credit)> _sums = [];
    private readonly Dictionary<(string Fund, DateOnly Date), (long Debit, long Credit)> _fundDays = [];

    public void Add(Voucher v)
    {
        foreach (var line in v.Lines)
        {
            var key = (v.Period, line.Account, v.Kind, line.Fund ?? "");
            var (debit, credit) = _sums.GetValueOrDefault(key);
            _sums[key] = (debit + line.Debit.Fen, credit + line.Credit.Fen);
            if (line.Fund is not { } fund || !StandardChart.IsCashOrBank(line.Account)) continue;
            var (received, spent) = _fundDays.GetValueOrDefault((fund, v.Date));
            _fundDays[(fund, v.Date)] = (received + line.Debit.Fen, spent + line.Credit.Fen);
        }
    }

    public IEnumerable<Row> Rows() => _sums.Select(s =>
            new Row(Table.AccountTurnover, [s.Key.Period.ToString(), s.Key.Account, s.Key.Kind.ToText(), s.Key.Fund, s.Value.Debit, s.Value.Credit]))
        .Concat(_fundDays.Select(d => new Row(Table.FundDays, [d.Key.Fund, IsoDate.Format(d.Key.Date), d.Value.Debit, d.Value.Credit])));
}
