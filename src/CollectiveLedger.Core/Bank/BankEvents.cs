using System.Collections.Immutable;
using System.Text.Json;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using static CollectiveLedger.Core.Audit.EventData;

namespace CollectiveLedger.Core.Bank;

/// <summary>
/// A bank statement (银行对账单) of the bank deposit account <see cref="Account"/> imported from the file
/// <see cref="File"/> (its name and SHA-256) in the layout <see cref="Bank"/> (rcc, psbc, abc or map):
/// its lines, numbered on from the books' last statement line (audit-log.md 7.23).
/// </summary>
public sealed record BankStatementImported(string Account, string Bank, string File, string Sha256, ImmutableArray<BankStatementLine> Lines) : LedgerEvent
{
    public static readonly EventKind Definition = new("bank.statement_imported", Read);

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        ProblemsOf(BankRules.Recheck(this, state, today));

    private static BankStatementImported Read(JsonElement d)
    {
        var account = Str(d, "account");
        var lines = Items(d, "lines").Select(l => new BankStatementLine(Int(l, "id"), account, DateOf(l, "date"), Str(l, "serial"), Str(l, "summary"),
            AmountOf(l, "income"), AmountOf(l, "payment"), AmountOf(l, "balance"), OptStr(l, "counterparty"), Int(l, "row"))).ToImmutableArray();
        return new BankStatementImported(account, Str(d, "bank"), Str(d, "file"), Str(d, "sha256"), lines);
    }

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("account", Account);
        w.Property("bank", Bank);
        w.Property("file", File);
        w.Name("lines");
        w.BeginArray();
        foreach (var l in Lines)
        {
            w.BeginObject();
            w.Property("balance", l.Balance.ToString());
            w.Property("counterparty", l.Counterparty);
            w.Property("date", IsoDate.Format(l.Date));
            w.Property("id", l.Id);
            w.Property("income", l.Income.ToString());
            w.Property("payment", l.Payment.ToString());
            w.Property("row", l.Row);
            w.Property("serial", l.Serial);
            w.Property("summary", l.Summary);
            w.EndObject();
        }
        w.EndArray();
        w.Property("sha256", Sha256);
    }

    internal override void ApplyTo(LedgerState state) => state.ImportBankLines(Lines);

    public override IEnumerable<ProjectedRow> Rows(long seq) =>
    [
        // A statement has lines (BankRules); a forged empty one still projects, for verify to name rather than crash on.
        new("bank_statements", [seq, Account, Bank, File, Sha256, Lines.IsEmpty ? 0L : Lines[0].Id, Lines.IsEmpty ? 0L : Lines[^1].Id]),
        .. Lines.Select(l => new ProjectedRow("bank_lines", [(long)l.Id, seq, l.Account, IsoDate.Format(l.Date), l.Serial, l.Summary,
            l.Income.Fen, l.Payment.Fen, l.Balance.Fen, l.Counterparty, (long)l.Row])),
    ];

    public bool Equals(BankStatementImported? other) =>
        other is not null && Account == other.Account && Bank == other.Bank && File == other.File && Sha256 == other.Sha256 && Lines.SequenceEqual(other.Lines);

    public override int GetHashCode() => HashCode.Combine(Account, File, Sha256, Lines.Length);
}

/// <summary>
/// Statement lines of <see cref="Account"/> paired with postings, one to one, by <see cref="By"/> (the
/// entry's actor): <c>auto</c> by <c>bank match --period</c>'s rule, or <c>manual</c> (audit-log.md 7.23).
/// </summary>
public sealed record BankMatched(string Account, string Method, string By, ImmutableArray<BankMatch> Pairs) : LedgerEvent
{
    public const string Auto = "auto";
    public const string Manual = "manual";

    public static readonly EventKind Definition = new("bank.matched", d => new BankMatched(Str(d, "account"), Str(d, "method"), Str(d, "by"),
        Items(d, "pairs").Select(p => new BankMatch(Int(p, "line"), new PostingKey(PeriodOf(p, "period"), Int(p, "number"), Int(p, "voucher_line")),
            AmountOf(p, "amount"))).ToImmutableArray()));

    public override string Kind => Definition.Name;

    public override string? ActedBy => By;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) => ProblemsOf(BankRules.Recheck(this, state));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("account", Account);
        w.Property("by", By);
        w.Property("method", Method);
        w.Name("pairs");
        w.BeginArray();
        foreach (var p in Pairs)
        {
            w.BeginObject();
            w.Property("amount", p.Amount.ToString());
            w.Property("line", p.Line);
            w.Property("number", p.Posting.Number);
            w.Property("period", p.Posting.Period.ToString());
            w.Property("voucher_line", p.Posting.Line);
            w.EndObject();
        }
        w.EndArray();
    }

    internal override void ApplyTo(LedgerState state)
    {
        foreach (var p in Pairs) state.MatchBankLine(p.Line, p.Posting);
    }

    public override IEnumerable<ProjectedRow> Rows(long seq) => Pairs.Select(p => new ProjectedRow("bank_matches",
        [seq, (long)p.Line, p.Posting.Period.ToString(), (long)p.Posting.Number, (long)p.Posting.Line, p.Amount.Fen, Account, Method, By]));

    public bool Equals(BankMatched? other) =>
        other is not null && Account == other.Account && Method == other.Method && By == other.By && Pairs.SequenceEqual(other.Pairs);

    public override int GetHashCode() => HashCode.Combine(Account, Method, By, Pairs.Length);
}

/// <summary>The match of statement line <see cref="Line"/> with <see cref="Posting"/> undone by <see cref="By"/> (audit-log.md 7.23).</summary>
public sealed record BankUnmatched(int Line, PostingKey Posting, string By) : LedgerEvent
{
    public static readonly EventKind Definition = new("bank.unmatched", d => new BankUnmatched(Int(d, "line"),
        new PostingKey(PeriodOf(d, "period"), Int(d, "number"), Int(d, "voucher_line")), Str(d, "by")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => By;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        ProblemsOf(BankRules.Unmatch(Line, By, state), this);

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("by", By);
        w.Property("line", Line);
        w.Property("number", Posting.Number);
        w.Property("period", Posting.Period.ToString());
        w.Property("voucher_line", Posting.Line);
    }

    internal override void ApplyTo(LedgerState state) => state.UnmatchBankLine(Line);

    public override IEnumerable<ProjectedRow> Rows(long seq) =>
        [new("bank_unmatches", [seq, (long)Line, Posting.Period.ToString(), (long)Posting.Number, (long)Posting.Line, By])];
}
