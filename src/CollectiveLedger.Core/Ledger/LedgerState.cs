using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// What the rules need to know about a ledger to decide on a command: its chart, registers, closed
/// months, the last voucher number of each month and which accounts have postings. It evolves only
/// through <see cref="Apply"/>, the same way whether it was loaded from the tables or rebuilt by
/// replaying the log. Small by design: its size depends on the chart and the registers, never on the
/// number of vouchers, so importing or replaying any number of them runs in bounded memory.
/// </summary>
public sealed class LedgerState
{
    private readonly Dictionary<string, Account> _accounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _parents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _postedAccounts = new(StringComparer.Ordinal);
    private readonly Dictionary<DimensionKind, Dictionary<string, string>> _dimensions =
        DimensionKinds.All.ToDictionary(k => k, _ => new Dictionary<string, string>(StringComparer.Ordinal));
    private readonly SortedSet<Period> _closed = [];
    private readonly Dictionary<Period, int> _lastNumber = [];
    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, uint Id), KeyRegistered> _keys = [];
    private readonly Dictionary<string, FundBalance> _funds = new(StringComparer.Ordinal);
    private readonly SortedSet<int> _closedYears = [];
    private readonly SortedSet<int> _openedYears = [];

    public LedgerCreated Ledger { get; private set; } = null!;
    public DateOnly StartDate => Ledger.StartPeriod.FirstDay;

    public IReadOnlyDictionary<string, Account> Accounts => _accounts;
    public bool IsLeaf(string code) => _accounts.ContainsKey(code) && !_parents.Contains(code);
    public bool HasPostings(string code) => _postedAccounts.Contains(code);
    public bool HasDimension(DimensionKind kind, string code) => _dimensions[kind].ContainsKey(code);
    public string? DimensionName(DimensionKind kind, string code) => _dimensions[kind].GetValueOrDefault(code);
    public bool IsClosed(Period period) => _closed.Contains(period);
    public Period? LastClosed => _closed.Count == 0 ? null : _closed.Max;
    public int LastNumber(Period period) => _lastNumber.GetValueOrDefault(period);
    public string? Setting(string key) => _settings.GetValueOrDefault(key);
    public IReadOnlyDictionary<string, string> Settings => _settings;
    public KeyRegistered? Key(string name, uint id) => _keys.GetValueOrDefault((name, id));
    public IEnumerable<KeyRegistered> Keys => _keys.Values;

    /// <summary>What a fund has received and spent through cash and bank so far.</summary>
    public FundBalance Fund(string code) => _funds.GetValueOrDefault(code);

    /// <summary>Whether year close has run for <paramref name="year"/> (its closing vouchers posted, December closed).</summary>
    public bool IsYearClosed(int year) => _closedYears.Contains(year);

    /// <summary>Whether <c>year open</c> declared that <paramref name="year"/> may take postings before the year before it is closed.</summary>
    public bool IsYearOpened(int year) => _openedYears.Contains(year);

    /// <summary>Evolves the state by one event. Events come from the log, so they are already valid.</summary>
    public void Apply(LedgerEvent e)
    {
        switch (e)
        {
            case LedgerCreated c:
                Ledger = c;
                foreach (var a in StandardChart.Accounts) _accounts[a.Code] = a;
                break;
            case AccountAdded a:
                var parent = _accounts[a.Parent];
                _accounts[a.Code] = new Account(a.Code, a.Name, a.Parent, parent.Class, parent.Side);
                _parents.Add(a.Parent);
                break;
            case DimensionAdded d:
                _dimensions[d.Dimension][d.Code] = d.Name;
                break;
            case VoucherPosted p:
                var v = p.Voucher;
                Precondition.Require(v.Number == LastNumber(v.Period) + 1, "voucher numbers are gapless per month");
                _lastNumber[v.Period] = v.Number;
                foreach (var line in v.Lines) _postedAccounts.Add(line.Account);
                foreach (var (fund, change) in FundRules.Changes(v)) _funds[fund] = Fund(fund) + change;
                break;
            case PeriodClosed c:
                _closed.Add(c.Period);
                break;
            case SettingChanged c:
                _settings[c.Key] = c.Value;
                break;
            case KeyRegistered k:
                _keys[(k.Name, k.KeyId)] = k;
                break;
            case DisclosurePublished:
                break;
            case YearClosed y:
                _closedYears.Add(y.Year);
                break;
            case YearOpened y:
                _openedYears.Add(y.Year);
                break;
            default:
                throw new InvalidOperationException($"No state change for {e.GetType().Name}.");
        }
    }

    /// <summary>Loading shortcuts for the storage shell, which reads these facts from the tables.</summary>
    public void RestoreLastNumber(Period period, int number) => _lastNumber[period] = number;
    public void RestorePosting(string account) => _postedAccounts.Add(account);
    public void RestoreFund(string code, FundBalance balance) => _funds[code] = balance;
}

/// <summary>A ref already in the books: which voucher carries it, and the hash of its content.</summary>
public sealed record PostedRef(VoucherKey Voucher, string ContentSha256);
