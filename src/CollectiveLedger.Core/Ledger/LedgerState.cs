using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Assets;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Contracts;
using CollectiveLedger.Core.Distribution;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// What the rules need to know about a ledger to decide on a command: its chart, registers, closed
/// months, the last voucher number of each month, which accounts have postings, each month's net
/// postings per account, the funds' money and the drafts in approval. It evolves only
/// through <see cref="Apply"/>, the same way whether it was loaded from the tables or rebuilt by
/// replaying the log. Small by design: its size depends on the chart, the registers and the days a fund
/// moved money (one entry per fund and day), never on the
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
    private readonly Dictionary<string, SortedDictionary<DateOnly, FundBalance>> _fundDays = new(StringComparer.Ordinal);
    private readonly SortedDictionary<Period, Dictionary<string, long>> _turnover = [];
    private readonly Dictionary<string, FundTerms> _fundTerms = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, Draft> _drafts = [];
    private readonly Dictionary<Period, PeriodReopenRequested> _reopenRequests = [];
    private readonly Dictionary<string, Approval.RoleChangeRequested> _roleRequests = [];
    private readonly SortedSet<int> _closedYears = [];
    private readonly HashSet<(string Scope, Period From, Period To)> _published = [];
    private readonly Dictionary<int, Disclosure.PreparedNotice> _notices = [];
    private readonly Dictionary<int, bool> _feedback = [];
    private readonly SortedSet<int> _openedYears = [];
    private readonly SortedDictionary<string, AssetStatus> _assets = new(StringComparer.Ordinal);
    private readonly SortedSet<Period> _depreciated = [];
    private readonly SortedDictionary<string, ContractStatus> _contracts = new(StringComparer.Ordinal);
    private readonly SortedSet<int> _recognizedContractYears = [];
    private readonly Dictionary<string, MemberDetails> _memberDetails = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, DistributionRecord> _distributions = [];
    private readonly Dictionary<int, long> _yearSurplus = [];
    private readonly HashSet<string> _pendingEnrolments = new(StringComparer.Ordinal);
    private readonly Dictionary<VoucherKey, VoucherKey> _reversedBy = [];
    private readonly Dictionary<VoucherKey, List<string>> _attachments = [];
    // Bank statements (issue 17): the imported lines and the current matches. It grows with the statement lines
    // imported (a village's bank transactions), which the matching rules need to know one by one, not with vouchers.
    private readonly Dictionary<int, Bank.BankStatementLine> _bankLines = [];
    private readonly Dictionary<(string Account, string Serial), int> _bankSerials = [];
    private readonly Dictionary<int, Bank.PostingKey> _bankMatches = [];
    private readonly Dictionary<Bank.PostingKey, int> _matchedPostings = [];

    public LedgerCreated Ledger { get; private set; } = null!;
    public DateOnly StartDate => Ledger.StartPeriod.FirstDay;

    public IReadOnlyDictionary<string, Account> Accounts => _accounts;
    public bool IsLeaf(string code) => _accounts.ContainsKey(code) && !_parents.Contains(code);
    public bool HasPostings(string code) => _postedAccounts.Contains(code);
    public bool HasDimension(DimensionKind kind, string code) => _dimensions[kind].ContainsKey(code);
    public string? DimensionName(DimensionKind kind, string code) => _dimensions[kind].GetValueOrDefault(code);

    /// <summary>The names of every fund, member and counterparty.</summary>
    public IEnumerable<string> DimensionNames => _dimensions.Values.SelectMany(d => d.Values);
    public bool IsClosed(Period period) => _closed.Contains(period);
    public Period? LastClosed => _closed.Count == 0 ? null : _closed.Max;
    public int LastNumber(Period period) => _lastNumber.GetValueOrDefault(period);

    /// <summary>The voucher that reverses <paramref name="voucher"/> in red ink, if any.</summary>
    public VoucherKey? ReversedBy(VoucherKey voucher) => _reversedBy.TryGetValue(voucher, out var by) ? by : null;

    /// <summary>The SHA-256 of each file of 原始凭证 kept with <paramref name="voucher"/> (attachment.added), in the order attached.</summary>
    public IReadOnlyList<string> AttachmentsOf(VoucherKey voucher) => _attachments.TryGetValue(voucher, out var files) ? files : [];
    public string? Setting(string key) => _settings.GetValueOrDefault(key);
    public IReadOnlyDictionary<string, string> Settings => _settings;
    public KeyRegistered? Key(string name, uint id) => _keys.GetValueOrDefault((name, id));
    public IEnumerable<KeyRegistered> Keys => _keys.Values;

    /// <summary>What a fund has received and spent through cash and bank so far.</summary>
    public FundBalance Fund(string code) => _funds.GetValueOrDefault(code);
    public IEnumerable<(string Code, FundBalance Balance)> Funds => _funds.Select(f => (f.Key, f.Value));

    /// <summary>
    /// A fund's money moved per day (received and spent through cash and bank on that day), in date
    /// order: what the balance as of any date is made of. One entry per fund and day with fund money
    /// moving, so it grows with the days a fund is used, never with the number of vouchers.
    /// </summary>
    public IReadOnlyDictionary<DateOnly, FundBalance> FundDays(string code) =>
        _fundDays.TryGetValue(code, out var days) ? days : EmptyDays;

    private static readonly SortedDictionary<DateOnly, FundBalance> EmptyDays = [];

    /// <summary>What a fund has received and spent through cash and bank up to and including <paramref name="date"/>.</summary>
    public FundBalance FundAsOf(string code, DateOnly date)
    {
        var total = default(FundBalance);
        foreach (var (day, change) in FundDays(code))
        {
            if (day > date) break;
            total += change;
        }
        return total;
    }

    /// <summary>The grant's terms of a fund registered with them.</summary>
    public FundTerms? FundTerms(string code) => _fundTerms.GetValueOrDefault(code);

    /// <summary>A member household's details (shares, private numbers), when registered with them.</summary>
    public MemberDetails? MemberDetails(string code) => _memberDetails.GetValueOrDefault(code);
    public IEnumerable<(string Code, MemberDetails Details)> MemberDetailsAll => _memberDetails.Select(m => (m.Key, m.Value));

    /// <summary>A year's income distribution as far as it has gone (planned, approved, posted, paid), or null.</summary>
    public DistributionRecord? Distribution(int year) => _distributions.GetValueOrDefault(year);

    /// <summary>
    /// The year's surplus (本年收益, negative for a loss) as year close carried it from 321 into 322: credit
    /// minus debit on 322 and its sub-accounts over the year's closing vouchers. Zero before year close.
    /// </summary>
    public Amount YearSurplus(int year) => new(_yearSurplus.GetValueOrDefault(year));

    /// <summary>Restores <see cref="YearSurplus"/> as the store holds it (the closing vouchers' lines on 322).</summary>
    public void RestoreYearSurplus(int year, long fen) => _yearSurplus[year] = fen;

    /// <summary>Drafts in approval, by id. Posted and withdrawn drafts leave, so this stays small.</summary>
    public IEnumerable<Draft> OpenDrafts => _drafts.Values;
    public bool TryGetDraft(int id, out Draft draft) => _drafts.TryGetValue(id, out draft!);
    public int LastDraftId { get; private set; }

    public PeriodReopenRequested? ReopenRequest(Period period) => _reopenRequests.GetValueOrDefault(period);

    /// <summary>The pending request to change who holds a role (role.* key), if any.</summary>
    public Approval.RoleChangeRequested? RoleChangeRequest(string key) => _roleRequests.GetValueOrDefault(key);

    public IEnumerable<Approval.RoleChangeRequested> RoleChangeRequests => _roleRequests.Values;

    /// <summary>
    /// Net balances (debit minus credit, fen) of the accounts with postings as of the end of
    /// <paramref name="period"/>. Kept as each month's net postings per account, so the state stays
    /// bounded by the chart and the number of months, never by the number of vouchers.
    /// </summary>
    public SortedDictionary<string, long> BalancesAtEndOf(Period period)
    {
        var balances = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (month, turnover) in _turnover)
        {
            if (month > period) break;
            foreach (var (account, net) in turnover) balances[account] = checked(balances.GetValueOrDefault(account) + net);
        }
        return balances;
    }

    /// <summary>Net balances as of the end of the last closed month (empty before the first close).</summary>
    public SortedDictionary<string, long> ClosedBalances => LastClosed is { } last ? BalancesAtEndOf(last) : new(StringComparer.Ordinal);

    /// <summary>Whether year close has run for <paramref name="year"/> (its closing vouchers posted, December closed).</summary>
    public bool IsYearClosed(int year) => _closedYears.Contains(year);

    /// <summary>Whether <c>year open</c> declared that <paramref name="year"/> may take postings before the year before it is closed.</summary>
    public bool IsYearOpened(int year) => _openedYears.Contains(year);

    /// <summary>The asset register, in code order: few rows (a village's assets), so the state stays small.</summary>
    public IEnumerable<AssetStatus> Assets => _assets.Values;
    public bool HasAssets => _assets.Count > 0;
    public AssetStatus? Asset(string code) => _assets.GetValueOrDefault(code);

    /// <summary>Whether <c>assets depreciate</c> ran for <paramref name="period"/>.</summary>
    public bool IsDepreciated(Period period) => _depreciated.Contains(period);

    /// <summary>The resource contracts with their receipts, in number order.</summary>
    public IEnumerable<ContractStatus> Contracts => _contracts.Values;
    public ContractStatus? Contract(string number) => _contracts.GetValueOrDefault(number);

    /// <summary>Whether <c>contracts recognize</c> ran for <paramref name="year"/>.</summary>
    public bool IsContractYearRecognized(int year) => _recognizedContractYears.Contains(year);

    /// <summary>Whether a notice of exactly these months has been published (disclosure.published).</summary>
    public bool IsPublished(Disclosure.DisclosurePeriod notice) => _published.Contains((notice.Scope, notice.From, notice.To));

    /// <summary>A notice prepared for review (notice.prepared), with its review and whether it was published.</summary>
    public Disclosure.PreparedNotice? Notice(int number) => _notices.GetValueOrDefault(number);

    /// <summary>The number of the last notice prepared (0 before the first).</summary>
    public int LastNotice { get; private set; }

    /// <summary>The number of the last feedback received (0 before the first).</summary>
    public int LastFeedback { get; private set; }

    /// <summary>How many questions from the public page still wait for their answer.</summary>
    public int UnansweredFeedback => _feedback.Values.Count(answered => !answered);

    /// <summary>Whether feedback <paramref name="number"/> was answered; null when there is no such feedback.</summary>
    public bool? FeedbackAnswered(int number) => _feedback.TryGetValue(number, out var answered) ? answered : null;

    /// <summary>
    /// Whether an enrolment code was issued for <paramref name="user"/> (user.enrolment_issued) and no
    /// credential has been set for them since: the code may still be used, once.
    /// </summary>
    public bool EnrolmentPending(string user) => _pendingEnrolments.Contains(user);

    /// <summary>
    /// Evolves the state by one event: each kind says what it changes (its <c>ApplyTo</c>, in the
    /// vocabulary below). Events come from the log, so they are already valid.
    /// </summary>
    public void Apply(LedgerEvent e) => e.ApplyTo(this);

    /// <summary>The number of the last statement line imported (0 before any).</summary>
    public int LastBankLine { get; private set; }

    public Bank.BankStatementLine? BankLine(int id) => _bankLines.GetValueOrDefault(id);

    /// <summary>The line of <paramref name="account"/>'s statements with the bank's serial <paramref name="serial"/>, if imported.</summary>
    public Bank.BankStatementLine? BankLineBySerial(string account, string serial) =>
        _bankSerials.TryGetValue((account, serial), out var id) ? _bankLines[id] : null;

    /// <summary>Every statement line of <paramref name="account"/>, by date then number.</summary>
    public IEnumerable<Bank.BankStatementLine> BankLinesOf(string account) =>
        _bankLines.Values.Where(l => l.Account == account).OrderBy(l => l.Date).ThenBy(l => l.Id);

    /// <summary>The posting statement line <paramref name="line"/> is matched with now, if any.</summary>
    public Bank.PostingKey? BankMatchOf(int line) => _bankMatches.TryGetValue(line, out var key) ? key : null;

    /// <summary>The statement line <paramref name="posting"/> is matched with now, if any.</summary>
    public int? BankLineMatchedWith(Bank.PostingKey posting) => _matchedPostings.TryGetValue(posting, out var line) ? line : null;

    internal void ImportBankLines(IEnumerable<Bank.BankStatementLine> lines)
    {
        foreach (var line in lines)
        {
            _bankLines.Add(line.Id, line);
            _bankSerials.Add((line.Account, line.Serial), line.Id);
            LastBankLine = Math.Max(LastBankLine, line.Id);
        }
    }

    internal void MatchBankLine(int line, Bank.PostingKey posting)
    {
        _bankMatches.Add(line, posting);
        _matchedPostings.Add(posting, line);
    }

    internal void UnmatchBankLine(int line)
    {
        _matchedPostings.Remove(_bankMatches[line]);
        _bankMatches.Remove(line);
    }

    internal void Start(LedgerCreated c)
    {
        Ledger = c;
        foreach (var a in StandardChart.Accounts) _accounts[a.Code] = a;
    }

    internal void AddAccount(string code, string name, string parentCode)
    {
        var parent = _accounts[parentCode];
        _accounts[code] = new Account(code, name, parentCode, parent.Class, parent.Side);
        _parents.Add(parentCode);
    }

    internal void AddDimension(DimensionKind kind, string code, string name, FundTerms? terms, MemberDetails? details)
    {
        _dimensions[kind][code] = name;
        if (terms is not null) _fundTerms[code] = terms;
        if (details is not null) _memberDetails[code] = details;
    }

    internal void Post(VoucherPosted p)
    {
        var v = p.Voucher;
        Precondition.Require(v.Number == LastNumber(v.Period) + 1, "voucher numbers are gapless per month");
        _lastNumber[v.Period] = v.Number;
        if (v.Reverses is { } reversed) _reversedBy[reversed] = v.Key;
        foreach (var line in v.Lines)
        {
            _postedAccounts.Add(line.Account);
            AddTurnover(v.Period, line.Account, checked(line.Debit.Fen - line.Credit.Fen));
            if (v.Kind == VoucherKind.Closing && line.Account.StartsWith(YearRules.SurplusDistribution, StringComparison.Ordinal))
                _yearSurplus[v.Date.Year] = checked(_yearSurplus.GetValueOrDefault(v.Date.Year) + line.Credit.Fen - line.Debit.Fen);
        }
        foreach (var (fund, change) in FundRules.Changes(v)) AddFundDay(fund, v.Date, change);
        if (p.Origin?.Draft is { } posted) _drafts.Remove(posted);
    }

    internal void Attach(AttachmentAdded a)
    {
        if (!_attachments.TryGetValue(a.Voucher, out var files)) _attachments[a.Voucher] = files = [];
        files.Add(a.Sha256);
    }

    /// <summary>Puts a draft in approval, new or changed; a new one raises <see cref="LastDraftId"/>.</summary>
    internal void PutDraft(Draft draft)
    {
        _drafts[draft.Id] = draft;
        LastDraftId = Math.Max(LastDraftId, draft.Id);
    }

    /// <summary>An open draft; throws <see cref="KeyNotFoundException"/> when there is none, which verify reports.</summary>
    internal Draft DraftOf(int id) => _drafts[id];

    /// <summary>A draft leaves approval without being posted (withdrawn).</summary>
    internal void RemoveDraft(int id) => _drafts.Remove(id);

    internal void RequestReopen(PeriodReopenRequested r) => _reopenRequests[r.Period] = r;

    internal void Reopen(Period period)
    {
        _closed.Remove(period);
        _reopenRequests.Remove(period);
    }

    internal void Close(Period period) => _closed.Add(period);

    internal void Set(string key, string value) => _settings[key] = value;

    internal void RequestRoleChange(Approval.RoleChangeRequested r) => _roleRequests[r.Key] = r;

    internal void ApproveRoleChange(string key, string value)
    {
        _settings[key] = value;
        _roleRequests.Remove(key);
    }

    internal void Register(KeyRegistered k) => _keys[(k.Name, k.KeyId)] = k;

    internal void Prepare(Disclosure.NoticePrepared n)
    {
        Precondition.Require(n.Number == LastNotice + 1, "notices are numbered without gaps");
        _notices[n.Number] = new Disclosure.PreparedNotice(n, null, false);
        LastNotice = n.Number;
    }

    internal void Review(Disclosure.NoticeReviewed r)
    {
        Precondition.Require(_notices.ContainsKey(r.Notice), "a reviewed notice was prepared");
        _notices[r.Notice] = _notices[r.Notice] with { Review = r };
    }

    internal void Receive(Disclosure.FeedbackReceived f)
    {
        Precondition.Require(f.Number == LastFeedback + 1, "feedback is numbered without gaps");
        _feedback[f.Number] = false;
        LastFeedback = f.Number;
    }

    internal void Answer(int feedback)
    {
        Precondition.Require(_feedback.ContainsKey(feedback), "answered feedback was received");
        _feedback[feedback] = true;
    }

    internal void CloseYear(int year) => _closedYears.Add(year);

    internal void OpenYear(int year) => _openedYears.Add(year);

    /// <summary>A change of the asset register (<see cref="AssetHistory.Apply"/>); a month's depreciation runs once.</summary>
    internal void ChangeAssets(LedgerEvent e)
    {
        if (e is AssetsDepreciated d) Precondition.Require(_depreciated.Add(d.Period), "a month is depreciated once");
        AssetHistory.Apply(_assets, e);
    }

    internal void AddContract(Contract contract) => _contracts.Add(contract.Number, new ContractStatus(contract, []));

    internal void ReceiveRent(ContractReceived r)
    {
        var status = _contracts[r.Contract];
        var (income, prepaid) = ContractRules.Split(status, r.Date, r.Amount);
        _contracts[r.Contract] = status with { Receipts = status.Receipts.Add(new ContractReceipt(r.Date, r.Amount, r.Account, income, prepaid)) };
    }

    internal void RecognizeContracts(int year) =>
        Precondition.Require(_recognizedContractYears.Add(year), "a year's prepaid rent is recognized once");

    /// <summary>A plan made again before approval supersedes the year's plan; the earlier ones stay as history.</summary>
    internal void Plan(DistributionPlanned p) =>
        _distributions[p.Year] = _distributions.TryGetValue(p.Year, out var earlier)
            ? new DistributionRecord(p, null, null, null) { Superseded = earlier.Superseded.Add(earlier.Plan) }
            : new DistributionRecord(p, null, null, null);

    /// <summary>A step on the year's distribution (approved, posted, paid).</summary>
    internal void ChangeDistribution(int year, Func<DistributionRecord, DistributionRecord> step) => _distributions[year] = step(_distributions[year]);

    internal void IssueEnrolment(string user) => _pendingEnrolments.Add(user);

    /// <summary>Any password stored for the user ends the code issued before: it was for a first password.</summary>
    internal void SetCredential(string user) => _pendingEnrolments.Remove(user);

    /// <summary>Loading shortcuts for the storage shell, which reads these facts from the tables.</summary>
    public void RestoreLastNumber(Period period, int number) => _lastNumber[period] = number;
    public void RestoreReversal(VoucherKey original, VoucherKey reversal) => _reversedBy[original] = reversal;
    public void RestorePublished(string scope, Period from, Period to) => _published.Add((scope, from, to));
    public void RestoreNoticePublished(int number)
    {
        Precondition.Require(_notices.ContainsKey(number), "a published notice was prepared");
        _notices[number] = _notices[number] with { Published = true };
    }
    public void RestoreFeedback(int number, bool answered)
    {
        _feedback[number] = answered;
        LastFeedback = Math.Max(LastFeedback, number);
    }
    public void RestorePosting(string account) => _postedAccounts.Add(account);

    /// <summary>Restores what a fund received and spent through cash and bank on one day (the books keep them as voucher lines).</summary>
    public void RestoreFundDay(string code, DateOnly date, FundBalance change) => AddFundDay(code, date, change);

    private void AddFundDay(string fund, DateOnly date, FundBalance change)
    {
        _funds[fund] = Fund(fund) + change;
        if (!_fundDays.TryGetValue(fund, out var days)) _fundDays[fund] = days = [];
        days[date] = days.GetValueOrDefault(date) + change;
    }

    /// <summary>Restores one month's net postings on one account (the books keep them as month sums).</summary>
    public void RestoreTurnover(Period period, string account, long net) => AddTurnover(period, account, net);
    public void RestoreLastDraftId(int id) => LastDraftId = Math.Max(LastDraftId, id);

    private void AddTurnover(Period period, string account, long net)
    {
        if (!_turnover.TryGetValue(period, out var turnover)) _turnover[period] = turnover = new(StringComparer.Ordinal);
        turnover[account] = checked(turnover.GetValueOrDefault(account) + net);
    }
}

/// <summary>A ref already in the books: which voucher carries it, and the hash of its content.</summary>
public sealed record PostedRef(VoucherKey Voucher, string ContentSha256);
