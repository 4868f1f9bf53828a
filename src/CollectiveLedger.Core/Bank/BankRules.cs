using System.Collections.Immutable;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Bank;

/// <summary>
/// 银行对账 (issue 17): which accounts take bank statements, importing a statement (idempotent by the
/// bank's serials: the same lines again are "already imported", an overlap with different lines is
/// refused), matching statement lines with postings one to one, and undoing a match. Each decision
/// is made again by verify on replay (<see cref="Recheck(BankStatementImported, LedgerState, DateOnly)"/>,
/// <see cref="Recheck(BankMatched, LedgerState)"/>); that a matched posting exists with that amount is
/// Storage's <c>Verification/BankReplay</c>, which sees the vouchers as they pass.
/// </summary>
public static class BankRules
{
    /// <summary>银行存款: the level-1 account of every account a statement is imported into.</summary>
    public const string BankDeposits = "102";

    /// <summary>The setting of the matching window in days (<c>bank match --days</c> overrides it).</summary>
    public const string WindowSetting = "bank.match_days";

    /// <summary>The matching window when the setting is not given: five days either side.</summary>
    public const int DefaultWindowDays = 5;

    /// <summary>The widest window the setting takes: a month.</summary>
    public const int MaxWindowDays = 31;

    /// <summary>Whether <paramref name="code"/> is 102 银行存款 or one of its sub-accounts in these books.</summary>
    public static bool IsBankAccount(LedgerState state, string code)
    {
        for (var account = state.Accounts.GetValueOrDefault(code); account is not null; account = account.Parent is { } p ? state.Accounts.GetValueOrDefault(p) : null)
            if (account.Code == BankDeposits) return true;
        return false;
    }

    /// <summary>Whether a posting on <paramref name="posted"/> counts for the bank account <paramref name="account"/>: the account itself or a sub-account of it.</summary>
    public static bool IsUnder(LedgerState state, string posted, string account)
    {
        for (var a = state.Accounts.GetValueOrDefault(posted); a is not null; a = a.Parent is { } p ? state.Accounts.GetValueOrDefault(p) : null)
            if (a.Code == account) return true;
        return false;
    }

    /// <summary>The accounts a statement of <paramref name="account"/> covers: it and its sub-accounts, in code order.</summary>
    public static IReadOnlyList<string> AccountsUnder(LedgerState state, string account) =>
        [.. state.Accounts.Keys.Where(code => IsUnder(state, code, account)).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The posting of a voucher that statement line <paramref name="lineId"/> is matched with when no voucher line is named
    /// (<c>bank match --line ID --voucher PERIOD/NUMBER</c>): the first of <paramref name="voucherPostings"/> on the line's
    /// account with the line's signed amount and not matched yet; else the first on the account, so that <see cref="Match"/>
    /// says what is wrong with it; null when the line is unknown or the voucher has none on the account.
    /// </summary>
    public static BankPosting? PostingFor(int lineId, IEnumerable<BankPosting> voucherPostings, LedgerState state)
    {
        if (state.BankLine(lineId) is not { } line) return null;
        var onAccount = voucherPostings.Where(p => IsUnder(state, p.Account, line.Account)).ToList();
        return onAccount.FirstOrDefault(p => p.Net == line.Net && state.BankLineMatchedWith(p.Key) is null) ?? onAccount.FirstOrDefault();
    }

    /// <summary>The window of <c>bank match</c>: <c>--days</c>, else the setting, else <see cref="DefaultWindowDays"/>.</summary>
    public static int WindowDays(LedgerState state, int? days) =>
        days ?? (int.TryParse(state.Setting(WindowSetting), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : DefaultWindowDays);

    /// <summary>The account must exist and be 102 or under it.</summary>
    public static Violation? CheckAccount(string account, LedgerState state, Place place) =>
        !state.Accounts.ContainsKey(account) ? new Violation(ViolationCode.AccountNotFound, place, account)
        : !IsBankAccount(state, account) ? new Violation(ViolationCode.BankAccountRequired, place, account)
        : null;

    /// <summary>
    /// Imports the lines of one statement file into <paramref name="account"/>: the event, with the lines
    /// numbered on from the books' last; <see cref="BankImport.AlreadyImported"/> when every line is already in
    /// the books with the same content; else the violations (each naming the file's line).
    /// </summary>
    /// <param name="lines">The file's lines as read (their <see cref="BankStatementLine.Id"/> is ignored).</param>
    public static BankImport Import(string account, string bank, string file, string sha256, IReadOnlyList<BankStatementLine> lines,
        LedgerState state, DateOnly today)
    {
        var violations = new List<Violation>();
        if (CheckAccount(account, state, new Place(File: file, Field: "--account")) is { } wrong) return new BankImport.Rejected([wrong]);
        if (lines.Count == 0) return new BankImport.Rejected([new Violation(ViolationCode.BankStatementEmpty, new Place(File: file))]);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var existing = 0;
        foreach (var line in lines)
        {
            var place = new Place(File: file, Line: line.Row);
            CheckLine(line, place, today, violations);
            if (!seen.TryAdd(line.Serial, line.Row))
                violations.Add(new Violation(ViolationCode.BankSerialRepeated, place.WithField("serial"), line.Serial, seen[line.Serial].ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (state.BankLineBySerial(account, line.Serial) is not null) existing++;
        }
        if (violations.Count > 0) return new BankImport.Rejected(violations);
        if (existing > 0)
        {
            var same = lines.All(l => state.BankLineBySerial(account, l.Serial) is { } had && had.SameContent(l with { Account = account }));
            if (same && existing == lines.Count) return new BankImport.AlreadyImported(lines.Count);
            foreach (var line in lines)
                if (state.BankLineBySerial(account, line.Serial) is { } had)
                    violations.Add(new Violation(ViolationCode.BankStatementOverlaps, new Place(File: file, Line: line.Row, Field: "serial"), line.Serial,
                        had.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return new BankImport.Rejected(violations);
        }
        var numbered = lines.Select((l, i) => l with { Id = state.LastBankLine + 1 + i, Account = account }).ToImmutableArray();
        return new BankImport.Accepted(new BankStatementImported(account, bank, file, sha256, numbered));
    }

    private static void CheckLine(BankStatementLine line, Place place, DateOnly today, List<Violation> violations)
    {
        DateRules.CheckNotInFuture(line.Date, place.WithField("date"), today, violations);
        if (line.Income.IsNegative || line.Payment.IsNegative || line.Income.IsZero == line.Payment.IsZero)
            violations.Add(new Violation(ViolationCode.BankLineOneSide, place));
        if (line.Income > Amount.MaxLine || line.Payment > Amount.MaxLine)
            violations.Add(new Violation(ViolationCode.AmountTooLarge, place, (line.Income > Amount.MaxLine ? line.Income : line.Payment).ToString(), Amount.MaxLine.ToString()));
        if (line.Serial.Length == 0) violations.Add(new Violation(ViolationCode.FieldMissing, place.WithField("serial"), "serial"));
        // Text as the books keep it: NFC, no control characters, bounded (TextRules); the reader cleans it so.
        CheckText(line.Serial, TextRules.RefMax, place.WithField("serial"), violations);
        CheckText(line.Summary, TextRules.SummaryMax, place.WithField("summary"), violations);
        if (line.Counterparty is { } counterparty) CheckText(counterparty, TextRules.SummaryMax, place.WithField("counterparty"), violations);
    }

    private static void CheckText(string text, int max, Place place, List<Violation> violations)
    {
        var before = violations.Count;
        if (TextRules.Clean(text, max, place, violations) is { } clean && clean != text && violations.Count == before)
            violations.Add(new Violation(ViolationCode.FieldInvalid, place, place.Field ?? "text", "not NFC"));
    }

    /// <summary>An import decided again on replay: the same rules, and the lines numbered on from the books' last.</summary>
    public static Decision Recheck(BankStatementImported e, LedgerState state, DateOnly today)
    {
        var decision = Import(e.Account, e.Bank, e.File, e.Sha256, e.Lines, state, today);
        return decision switch
        {
            BankImport.Accepted a => Decision.Accept(a.Event),
            BankImport.Rejected r => Decision.Reject([.. r.Violations]),
            _ => Decision.Reject(new Violation(ViolationCode.BankStatementOverlaps, Place.None, e.Lines[0].Serial, e.Lines[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        };
    }

    /// <summary>
    /// Pairs statement lines with postings (<paramref name="pairs"/>: each line with the posting the books hold
    /// under that key, null when there is none): the line and the posting exist, the posting is on the line's
    /// account or under it, their signed amounts are equal, and neither is matched already or twice here.
    /// </summary>
    public static Decision Match(IReadOnlyList<(int Line, PostingKey Key, BankPosting? Posting)> pairs, string method, string by, LedgerState state)
    {
        var violations = new List<Violation>();
        var lines = new HashSet<int>();
        var postings = new HashSet<PostingKey>();
        var matches = ImmutableArray.CreateBuilder<BankMatch>();
        string? account = null;
        foreach (var (lineId, key, posting) in pairs)
        {
            var id = lineId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (state.BankLine(lineId) is not { } line)
            {
                violations.Add(new Violation(ViolationCode.BankLineNotFound, Place.None, id));
                continue;
            }
            account ??= line.Account;
            if (posting is null) violations.Add(new Violation(ViolationCode.BankPostingNotFound, Place.None, key.ToString()));
            else if (!IsUnder(state, posting.Account, line.Account)) violations.Add(new Violation(ViolationCode.BankPostingNotOnAccount, Place.None, key.ToString(), line.Account));
            else if (posting.Net != line.Net) violations.Add(new Violation(ViolationCode.BankAmountsDiffer, Place.None, id, key.ToString(), $"{line.Net} / {posting.Net}"));
            if (state.BankMatchOf(lineId) is { } had || !lines.Add(lineId))
                violations.Add(new Violation(ViolationCode.BankLineAlreadyMatched, Place.None, id, (state.BankMatchOf(lineId) ?? key).ToString()));
            if (state.BankLineMatchedWith(key) is { } other || !postings.Add(key))
                violations.Add(new Violation(ViolationCode.BankPostingAlreadyMatched, Place.None, key.ToString(),
                    (state.BankLineMatchedWith(key) ?? lineId).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (line.Account != account) violations.Add(new Violation(ViolationCode.BankPostingNotOnAccount, Place.None, key.ToString(), account));
            matches.Add(new BankMatch(lineId, key, line.Net));
        }
        if (violations.Count > 0 || account is null) return Decision.Reject([.. violations]);
        return Decision.Accept(new BankMatched(account, method, by, matches.ToImmutable()));
    }

    /// <summary>
    /// A match decided again on replay, from what the entry says of each posting (its key and amount): the
    /// lines, the amounts, one to one. That the posting exists with that amount is checked where the vouchers are.
    /// </summary>
    public static Decision Recheck(BankMatched e, LedgerState state)
    {
        var pairs = e.Pairs.Select(p => (p.Line, p.Posting, (BankPosting?)new BankPosting(p.Posting, e.Account, default, p.Amount, null, ""))).ToList();
        return Match(pairs, e.Method, e.By, state);
    }

    /// <summary>Undoes the match of statement line <paramref name="line"/>, which must be matched.</summary>
    public static Decision Unmatch(int line, string by, LedgerState state)
    {
        var id = line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (state.BankLine(line) is null) return Decision.Reject(new Violation(ViolationCode.BankLineNotFound, Place.None, id));
        return state.BankMatchOf(line) is { } posting
            ? Decision.Accept(new BankUnmatched(line, posting, by))
            : Decision.Reject(new Violation(ViolationCode.BankLineNotMatched, Place.None, id));
    }

    /// <summary>
    /// <c>bank match --account --period</c>: the account's statement lines dated in <paramref name="period"/> and
    /// not yet matched, paired by <see cref="BankMatcher"/> with the postings not yet matched; null when nothing pairs.
    /// </summary>
    /// <param name="postings">The account's postings (the caller reads those within the window of the month).</param>
    public static Decision? AutoMatch(string account, Period period, int days, IEnumerable<BankPosting> postings, string by, LedgerState state)
    {
        var lines = state.BankLinesOf(account).Where(l => Period.Of(l.Date) == period && state.BankMatchOf(l.Id) is null).ToList();
        var open = postings.Where(p => state.BankLineMatchedWith(p.Key) is null).ToList();
        var pairs = BankMatcher.Pair(lines, open, days);
        if (pairs.Count == 0) return null;
        return Match(pairs.Select(p => (p.Line.Id, p.Posting.Key, (BankPosting?)p.Posting)).ToList(), BankMatched.Auto, by, state);
    }
}

/// <summary>What importing a statement comes to.</summary>
public abstract record BankImport
{
    private BankImport() { }

    public sealed record Accepted(BankStatementImported Event) : BankImport;

    /// <summary>Every line is in the books already, the same: nothing to write.</summary>
    public sealed record AlreadyImported(int Lines) : BankImport;

    public sealed record Rejected(IReadOnlyList<Violation> Violations) : BankImport;
}
