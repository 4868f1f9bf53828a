using System.Collections.Immutable;
using System.Globalization;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// The year end (DOMAIN.md: income and expense close into 321 本年收益, which closes into 322 收益分配).
/// <c>year close YYYY</c> is three steps in one write transaction: <see cref="Close"/> decides the
/// closing vouchers (结转, kind closing, dated 31 December), <see cref="PeriodRules.Close"/> closes
/// December with every check a month close has, and <see cref="Record"/> appends year.closed.
/// Until a year is closed, the next one takes postings only once <see cref="Open"/> declared it.
/// </summary>
public static class YearRules
{
    /// <summary>本年收益: where income and expense close.</summary>
    public const string CurrentYearSurplus = "321";

    /// <summary>收益分配: where 本年收益 closes.</summary>
    public const string SurplusDistribution = "322";

    /// <summary>The name of the sub-account of 322 that takes 本年收益 at year close, when 322 has sub-accounts.</summary>
    public const string UndistributedName = "未分配收益";

    /// <summary>The name of the sub-account of 322 that takes the distribution's entries, when 322 has sub-accounts.</summary>
    public const string DistributionsName = "各项分配";

    /// <summary>Accounts a closing voucher may touch: income and expense (class income_expense), 321 and 322 (or below it).</summary>
    public static bool IsClosingAccount(string code, LedgerState state) =>
        code == CurrentYearSurplus || code.StartsWith(SurplusDistribution, StringComparison.Ordinal)
        || (state.Accounts.TryGetValue(code, out var a) && a.Class == AccountClass.IncomeExpense);

    /// <summary>
    /// The leaf account of 322 收益分配 named <paramref name="name"/>: 322 itself while it has no
    /// sub-accounts; otherwise the one leaf account below 322 whose name contains <paramref name="name"/>
    /// (the standard split 32201 各项分配 / 32202 未分配收益), or null when there is none or more than one.
    /// </summary>
    public static string? SurplusAccount(LedgerState state, string name)
    {
        if (state.IsLeaf(SurplusDistribution)) return SurplusDistribution;
        var found = state.Accounts.Values
            .Where(a => IsSurplusLeaf(a.Code, state) && a.Name.Contains(name, StringComparison.Ordinal))
            .Select(a => a.Code).ToList();
        return found.Count == 1 ? found[0] : null;
    }

    private static bool IsSurplusLeaf(string code, LedgerState state) =>
        code.Length > SurplusDistribution.Length && code.StartsWith(SurplusDistribution, StringComparison.Ordinal) && state.IsLeaf(code);

    /// <summary>
    /// PriorYearNotClosed: a voucher dated in year Y+1 while year Y lies within the ledger's life, is
    /// not closed, and the opening of Y+1 was not declared.
    /// </summary>
    public static Violation? CheckPriorYear(DateOnly date, Place place, LedgerState state)
    {
        var prior = date.Year - 1;
        if (prior < state.Ledger.StartPeriod.Year || state.IsYearClosed(prior) || state.IsYearOpened(date.Year)) return null;
        return new Violation(ViolationCode.PriorYearNotClosed, place, Text(prior), Text(date.Year));
    }

    /// <summary>
    /// <c>period close</c> for every month but December, which closes only with its year (so that a
    /// year can always still be closed). Otherwise the month close's own rules.
    /// </summary>
    public static Decision CloseMonth(string periodText, LedgerState state, DateOnly today) =>
        Period.TryParse(periodText, out var period) && period.Month == 12
            ? Decision.Reject(new Violation(ViolationCode.DecemberClosesWithYear, new Place(Field: "period"), Text(period.Year)))
            : PeriodRules.Close(periodText, state, today);

    /// <summary>
    /// The first step of year close: checks the preconditions, in this order: the year is a year, not
    /// before the ledger, not closed yet, over (31 December before today), every month from the
    /// ledger's start to November closed, December open, 321 a leaf account and 322 either a leaf
    /// account or with exactly one 未分配收益 leaf below it (<see cref="SurplusAccount"/>); then builds the
    /// closing vouchers from the balances at the end of December (<see cref="LedgerState.BalancesAtEndOf"/>:
    /// every voucher dated up to 31 December, none of the next year's).
    /// </summary>
    public static YearCloseDecision Close(string yearText, LedgerState state, DateOnly today)
    {
        var place = new Place(Field: "year");
        if (!TryParseYear(yearText, out var year))
            return YearCloseDecision.Reject(new Violation(ViolationCode.YearInvalid, place, yearText));
        var startYear = state.Ledger.StartPeriod.Year;
        if (year < startYear)
            return YearCloseDecision.Reject(new Violation(ViolationCode.YearBeforeLedgerStart, place, yearText, Text(startYear)));
        if (state.IsYearClosed(year))
            return YearCloseDecision.Reject(new Violation(ViolationCode.YearAlreadyClosed, place, yearText));
        var december = new Period(year, 12);
        if (december.LastDay >= today)
            return YearCloseDecision.Reject(new Violation(ViolationCode.YearNotEnded, place, yearText));
        var firstOpen = state.LastClosed is { } last ? last.Next : state.Ledger.StartPeriod;
        if (firstOpen < december)
            return YearCloseDecision.Reject(new Violation(ViolationCode.EarlierPeriodOpen, place, firstOpen.ToString()));
        if (state.IsClosed(december))
            return YearCloseDecision.Reject(new Violation(ViolationCode.PeriodAlreadyClosed, place, december.ToString()));
        var violations = new List<Violation>();
        if (!state.IsLeaf(CurrentYearSurplus)) violations.Add(new Violation(ViolationCode.ClosingAccountNotLeaf, place, CurrentYearSurplus));
        if (SurplusAccount(state, UndistributedName) is null)
            violations.Add(new Violation(ViolationCode.SurplusSubAccountMissing, place, SurplusDistribution, UndistributedName));
        if (violations.Count > 0) return new YearCloseDecision(year, [], violations);
        return new YearCloseDecision(year, ClosingVouchers(year, state, state.BalancesAtEndOf(december)), []);
    }

    /// <summary>
    /// The closing vouchers of <paramref name="year"/>, numbered after December's last voucher: first
    /// every income and expense leaf account with a balance, zeroed against 321 本年收益 (Dr income /
    /// Cr 321, Dr 321 / Cr expense, one line per account in code order and one 321 line for the net);
    /// then 321's resulting balance zeroed against 322 收益分配 (its 未分配收益 sub-account when 322 has
    /// sub-accounts, <see cref="SurplusAccount"/>; 322 while that is not decided); then, when 322 has
    /// sub-accounts, each other leaf below it with a balance (各项分配, 以前年度损益调整), in code order, zeroed
    /// against 未分配收益 in a voucher of its own. A voucher with nothing to move is left
    /// out, so a year without income or expense closes with no voucher at all. Verify rebuilds them
    /// with this same function and compares.
    /// </summary>
    public static ImmutableArray<Voucher> ClosingVouchers(int year, LedgerState state, IReadOnlyDictionary<string, long> yearEndNet)
    {
        var date = new DateOnly(year, 12, 31);
        var number = state.LastNumber(new Period(year, 12));
        var vouchers = ImmutableArray.CreateBuilder<Voucher>();

        var lines = ImmutableArray.CreateBuilder<VoucherLine>();
        var moved = Amount.Zero; // net (debit minus credit) carried into 321
        foreach (var (code, fen) in yearEndNet.Where(b => b.Value != 0 && IsIncomeOrExpense(b.Key, state)).OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            var net = new Amount(fen);
            lines.Add(Zeroing(code, net));
            moved += net;
        }
        if (!moved.IsZero) lines.Add(Carrying(CurrentYearSurplus, moved));
        if (lines.Count > 0)
            vouchers.Add(new Voucher(++number, date, VoucherKind.Closing, null, $"结转{year}年收入和支出到本年收益", 0, null, lines.ToImmutable()));

        var surplus = new Amount(yearEndNet.GetValueOrDefault(CurrentYearSurplus)) + moved;
        if (!surplus.IsZero)
            vouchers.Add(new Voucher(++number, date, VoucherKind.Closing, null, $"结转{year}年本年收益到收益分配", 0, null,
                [Zeroing(CurrentYearSurplus, surplus), Carrying(SurplusAccount(state, UndistributedName) ?? SurplusDistribution, surplus)]));

        // 322 split: every other leaf below 322 (各项分配, what the year distributed; 以前年度损益调整, the
        // corrections of earlier years) closes into 未分配收益, so that each starts the next year at zero.
        if (SurplusAccount(state, UndistributedName) is { } undistributed && undistributed != SurplusDistribution)
            foreach (var (code, fen) in yearEndNet.Where(b => b.Value != 0 && b.Key != undistributed && IsSurplusLeaf(b.Key, state))
                         .OrderBy(b => b.Key, StringComparer.Ordinal))
                vouchers.Add(new Voucher(++number, date, VoucherKind.Closing, null, $"结转{year}年{state.Accounts[code].Name}到未分配收益", 0, null,
                    [Zeroing(code, new Amount(fen)), Carrying(undistributed, new Amount(fen))]));
        return vouchers.ToImmutable();

        // A line that brings an account with net balance `net` to zero, and the line that takes it over.
        static VoucherLine Zeroing(string code, Amount net) =>
            net.IsNegative ? new VoucherLine(code, -net, Amount.Zero) : new VoucherLine(code, Amount.Zero, net);
        static VoucherLine Carrying(string code, Amount net) =>
            net.IsNegative ? new VoucherLine(code, Amount.Zero, -net) : new VoucherLine(code, net, Amount.Zero);
    }

    /// <summary>
    /// The last step of year close: December is closed (and is the last closed month) and the year
    /// not yet recorded. The closing vouchers left every income and expense account and 321 at zero
    /// in the closed balances; verify replays this rule, so a log that says otherwise is named.
    /// </summary>
    public static Decision Record(int year, LedgerState state)
    {
        var place = new Place(Field: "year");
        var december = new Period(year, 12);
        if (state.IsYearClosed(year)) return Decision.Reject(new Violation(ViolationCode.YearAlreadyClosed, place, Text(year)));
        if (!state.IsClosed(december) || state.LastClosed != december)
            return Decision.Reject(new Violation(ViolationCode.EarlierPeriodOpen, place, december.ToString()));
        var open = NotClosedOut(state.ClosedBalances, state).ToList();
        return open.Count == 0
            ? Decision.Accept(new YearClosed(year))
            : Decision.Reject([.. open.Select(a => new Violation(ViolationCode.YearCloseLeftBalance, place, a.Account, new Amount(a.Net).ToString()))]);
    }

    /// <summary>Income and expense accounts and 321 with a balance left in <paramref name="balances"/>.</summary>
    public static IEnumerable<(string Account, long Net)> NotClosedOut(IReadOnlyDictionary<string, long> balances, LedgerState state) =>
        balances.Where(b => b.Value != 0 && (b.Key == CurrentYearSurplus || IsIncomeOrExpense(b.Key, state)))
            .OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => (b.Key, b.Value));

    /// <summary>
    /// <c>year open YYYY</c>: declares that <paramref name="yearText"/> may post before the year
    /// before it is closed. Only when that is needed (the year before lies in the ledger's life and
    /// is not closed), once, and once the year has begun.
    /// </summary>
    public static Decision Open(string yearText, LedgerState state, DateOnly today)
    {
        var place = new Place(Field: "year");
        if (!TryParseYear(yearText, out var year))
            return Decision.Reject(new Violation(ViolationCode.YearInvalid, place, yearText));
        if (year - 1 < state.Ledger.StartPeriod.Year || state.IsYearClosed(year - 1))
            return Decision.Reject(new Violation(ViolationCode.YearOpeningNotNeeded, place, Text(year - 1), yearText));
        if (state.IsYearOpened(year))
            return Decision.Reject(new Violation(ViolationCode.YearAlreadyOpened, place, yearText));
        if (today.Year < year)
            return Decision.Reject(new Violation(ViolationCode.YearNotBegun, place, yearText, IsoDate.Format(today)));
        return Decision.Accept(new YearOpened(year));
    }

    public static bool TryParseYear(string? text, out int year)
    {
        year = 0;
        return text is { Length: 4 } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1900 and <= 9998;
    }

    private static bool IsIncomeOrExpense(string code, LedgerState state) =>
        state.Accounts.TryGetValue(code, out var a) && a.Class == AccountClass.IncomeExpense;

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the first step of year close decided: the closing vouchers to post, or why not.</summary>
public sealed record YearCloseDecision(int Year, ImmutableArray<Voucher> Vouchers, IReadOnlyList<Violation> Violations)
{
    public bool Accepted => Violations.Count == 0;

    /// <summary>The closing vouchers as the events to append, in order.</summary>
    public IEnumerable<VoucherPosted> Events => Vouchers.Select(v => new VoucherPosted(v, new VoucherOrigin(VoucherOrigin.YearClose, null, null)));

    public static YearCloseDecision Reject(Violation violation) => new(0, [], [violation]);
}
