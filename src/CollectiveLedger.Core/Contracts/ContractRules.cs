using System.Collections.Immutable;
using System.Globalization;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Contracts;

/// <summary>
/// The resource contract register (资源发包合同登记) and its postings. A receipt is applied to the
/// contract years in order; the part for years that have begun by the receipt's calendar year is
/// income at once, the rest waits on the prepaid account and is recognized year by year by
/// <see cref="Recognize"/>, never all in the year received.
/// </summary>
public static class ContractRules
{
    public const string Annual = "annual";
    public const string Once = "once";
    public static readonly IReadOnlyList<string> Schedules = [Annual, Once];
    public static readonly IReadOnlyList<string> Resources = ["grassland", "farmland", "water_surface", "building"];
    public const string DefaultIncomeAccount = "501";
    public const string DefaultPrepaidAccount = "211";

    /// <summary><c>contracts add</c>: registers a contract; dates in order, area and rent positive, the party known, the number new.</summary>
    public static Decision Add(string number, string? party, string? resource, string? area, string? rent, string? from, string? to, string? schedule,
        string? incomeAccount, string? prepaidAccount, LedgerState state)
    {
        var v = new List<Violation>();
        var place = Place.None;
        if (!TextRules.IsCode(number)) v.Add(new Violation(ViolationCode.CodeInvalid, place.WithField("number"), number));
        else if (state.Contract(number) is not null) v.Add(new Violation(ViolationCode.CodeExists, place.WithField("number"), number));
        if (party is null) v.Add(new Violation(ViolationCode.FieldMissing, place.WithField("party"), "party"));
        else if (!state.HasDimension(DimensionKind.Member, party) && !state.HasDimension(DimensionKind.Counterparty, party))
            v.Add(new Violation(ViolationCode.ContractPartyNotFound, place.WithField("party"), party));
        resource = resource?.Replace(' ', '_');
        if (resource is null || !Resources.Contains(resource))
            v.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("resource"), "resource", string.Join(", ", Resources)));
        schedule ??= Annual;
        if (!Schedules.Contains(schedule)) v.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("schedule"), "schedule", string.Join(", ", Schedules)));
        var areaAmount = Positive("area", area);
        var rentAmount = Positive("rent", rent);
        DateOnly fromDate = default, toDate = default;
        var datesOk = Date("from", from, out fromDate) & Date("to", to, out toDate);
        if (datesOk && toDate < fromDate) v.Add(new Violation(ViolationCode.ContractDatesOutOfOrder, place.WithField("to"), IsoDate.Format(fromDate), IsoDate.Format(toDate)));
        incomeAccount = Leaf("income_account", incomeAccount ?? DefaultIncomeAccount, "501");
        prepaidAccount = Leaf("prepaid_account", prepaidAccount ?? DefaultPrepaidAccount, "211");
        if (v.Count > 0) return Decision.Reject([.. VoucherRules.Ordered(v)]);
        var contract = new Contract(number, party!, resource!, areaAmount!.Value.Fen, rentAmount!.Value, fromDate, toDate, schedule, incomeAccount!, prepaidAccount!);
        if (contract.Years > 100 || rentAmount.Value.Fen > Amount.MaxLine.Fen / contract.Years)
            return Decision.Reject(new Violation(ViolationCode.FieldInvalid, place.WithField("to"), "to", "at most 100 contract years"));
        return Decision.Accept(new ContractAdded(contract));

        Amount? Positive(string field, string? text)
        {
            if (text is null) { v.Add(new Violation(ViolationCode.FieldMissing, place.WithField(field), field)); return null; }
            if (Amount.TryParse(text, allowNegative: false, out var amount) != AmountParse.Ok) { v.Add(new Violation(ViolationCode.AmountInvalid, place.WithField(field), text)); return null; }
            if (amount.IsZero) { v.Add(new Violation(ViolationCode.AmountNotPositive, place.WithField(field), text)); return null; }
            if (amount > Amount.MaxLine) { v.Add(new Violation(ViolationCode.AmountTooLarge, place.WithField(field), text, Amount.MaxLine.ToString())); return null; }
            return amount;
        }
        bool Date(string field, string? text, out DateOnly date)
        {
            date = default;
            if (text is null) { v.Add(new Violation(ViolationCode.FieldMissing, place.WithField(field), field)); return false; }
            if (IsoDate.TryParse(text, out date)) return true;
            v.Add(new Violation(ViolationCode.DateInvalid, place.WithField(field), text));
            return false;
        }
        string? Leaf(string field, string code, string under)
        {
            if (!state.Accounts.ContainsKey(code)) { v.Add(new Violation(ViolationCode.AccountNotFound, place.WithField(field), code)); return null; }
            if (!state.IsLeaf(code)) { v.Add(new Violation(ViolationCode.AccountNotLeaf, place.WithField(field), code)); return null; }
            if (!code.StartsWith(under, StringComparison.Ordinal)) { v.Add(new Violation(ViolationCode.AssetAccountInvalid, place.WithField(field), code, under)); return null; }
            return code;
        }
    }

    /// <summary>
    /// How a receipt of <paramref name="amount"/> on <paramref name="date"/> is applied: to the
    /// contract years not yet paid, in order; a year that begins in the receipt's calendar year or
    /// earlier is income now, a later one is prepaid for its year.
    /// </summary>
    public static (Amount Income, ImmutableSortedDictionary<int, Amount> Prepaid) Split(ContractStatus status, DateOnly date, Amount amount)
    {
        var paidBefore = status.Received.Fen;
        var left = amount.Fen;
        var income = 0L;
        var prepaid = ImmutableSortedDictionary<int, Amount>.Empty;
        foreach (var instalment in status.Contract.Instalments())
        {
            if (left == 0) break;
            var covered = Math.Min(paidBefore, instalment.Rent.Fen);
            paidBefore -= covered;
            var share = Math.Min(left, instalment.Rent.Fen - covered);
            if (share == 0) continue;
            left -= share;
            if (instalment.Year <= date.Year) income += share;
            else prepaid = prepaid.SetItem(instalment.Year, prepaid.GetValueOrDefault(instalment.Year) + new Amount(share));
        }
        Precondition.Require(left == 0, "a receipt is at most what the contract has still to receive");
        return (new Amount(income), prepaid);
    }

    /// <summary><c>contracts receive NUMBER --date D --amount X --account A</c>: the receipt into cash or bank (101, 102) and its voucher.</summary>
    /// <param name="attachmentsText">附件张数 of the receipt voucher, 0 to 9999; null records none.</param>
    public static Decision Receive(string number, string? dateText, string? amountText, string? account, LedgerState state, DateOnly today,
        string? attachmentsText = null)
    {
        var v = new List<Violation>();
        var place = Place.None;
        var attachments = VoucherRules.Attachments(attachmentsText, place, v);
        var status = state.Contract(number);
        if (status is null) return Decision.Reject(new Violation(ViolationCode.ContractNotFound, place.WithField("number"), number));
        DateOnly date = default;
        if (dateText is null || !IsoDate.TryParse(dateText, out date)) v.Add(new Violation(ViolationCode.DateInvalid, place.WithField("date"), dateText ?? ""));
        Amount amount = default;
        if (amountText is null || Amount.TryParse(amountText, allowNegative: false, out amount) != AmountParse.Ok)
            v.Add(new Violation(ViolationCode.AmountInvalid, place.WithField("amount"), amountText ?? ""));
        else if (amount.IsZero) v.Add(new Violation(ViolationCode.AmountNotPositive, place.WithField("amount"), amountText));
        else if (amount > status.Contract.TotalRent - status.Received)
            v.Add(new Violation(ViolationCode.ContractOverpaid, place.WithField("amount"), number, (status.Contract.TotalRent - status.Received).ToString()));
        if (account is null || !state.Accounts.ContainsKey(account)) v.Add(new Violation(ViolationCode.AccountNotFound, place.WithField("account"), account ?? ""));
        else if (!state.IsLeaf(account)) v.Add(new Violation(ViolationCode.AccountNotLeaf, place.WithField("account"), account));
        else if (!StandardChart.IsCashOrBank(account))
            v.Add(new Violation(ViolationCode.AssetAccountInvalid, place.WithField("account"), account, "101 / 102"));
        if (v.Count > 0) return Decision.Reject([.. VoucherRules.Ordered(v)]);
        var received = new ContractReceived(number, date, amount, account!, attachments);
        var voucher = ReceiptVoucher(received, state);
        v.AddRange(VoucherRules.Recheck(voucher, state, today, place));
        if (v.Count > 0) return Decision.From(received, v);
        return Decision.Accept(received) with { Then = [Posted(voucher)] };
    }

    /// <summary>
    /// The receipt voucher, dated the receipt: Dr the account received into / Cr the income account
    /// for the years begun, Cr the prepaid account for later years; each line names the party.
    /// </summary>
    public static Voucher ReceiptVoucher(ContractReceived received, LedgerState state)
    {
        var status = state.Contract(received.Contract)!;
        var c = status.Contract;
        var (income, prepaid) = Split(status, received.Date, received.Amount);
        var prepaidTotal = prepaid.Values.Aggregate(Amount.Zero, (sum, a) => sum + a);
        var (member, counterparty) = Party(c, state);
        var summary = $"收取承包费：{c.Number}";
        var lines = new List<VoucherLine> { new(received.Account, received.Amount, Amount.Zero, summary: c.Number) };
        if (!income.IsZero) lines.Add(new VoucherLine(c.IncomeAccount, Amount.Zero, income, member: member, counterparty: counterparty));
        if (!prepaidTotal.IsZero) lines.Add(new VoucherLine(c.PrepaidAccount, Amount.Zero, prepaidTotal, member: member, counterparty: counterparty, summary: "预收以后年度承包费"));
        return new Voucher(state.LastNumber(Period.Of(received.Date)) + 1, received.Date, VoucherKind.Normal, null, summary, received.Attachments ?? 0, null, [.. lines]);
    }

    /// <summary>
    /// <c>contracts recognize --year YYYY</c>: every contract's rent prepaid for that year in an
    /// earlier year moves from the prepaid account to income, in one voucher dated 1 January.
    /// Refused for a year recognized before, or when nothing was prepaid for it.
    /// </summary>
    public static Decision Recognize(string yearText, LedgerState state, DateOnly today)
    {
        var place = new Place(Field: "year");
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 9998)
            return Decision.Reject(new Violation(ViolationCode.FieldInvalid, place, "year", yearText));
        if (state.IsContractYearRecognized(year))
            return Decision.Reject(new Violation(ViolationCode.ContractYearAlreadyRecognized, place, yearText));
        var lines = state.Contracts.Select(s => new ContractRecognition(s.Contract.Number,
                s.Receipts.Aggregate(Amount.Zero, (sum, r) => sum + r.Prepaid.GetValueOrDefault(year))))
            .Where(l => !l.Amount.IsZero).ToImmutableArray();
        if (lines.IsEmpty) return Decision.Reject(new Violation(ViolationCode.NothingToRecognize, place, yearText));
        var recognized = new ContractsRecognized(year, lines);
        var voucher = RecognitionVoucher(recognized, state);
        var violations = VoucherRules.Recheck(voucher, state, today, place);
        if (violations.Count > 0) return Decision.From(recognized, violations);
        return Decision.Accept(recognized) with { Then = [Posted(voucher)] };
    }

    /// <summary>Per contract: Dr its prepaid account / Cr its income account, the year's prepaid rent, naming the party.</summary>
    public static Voucher RecognitionVoucher(ContractsRecognized recognized, LedgerState state)
    {
        var date = new DateOnly(recognized.Year, 1, 1);
        var summary = $"结转{recognized.Year}年预收承包费";
        var lines = new List<VoucherLine>();
        foreach (var l in recognized.Lines)
        {
            var c = state.Contract(l.Contract)!.Contract;
            var (member, counterparty) = Party(c, state);
            lines.Add(new VoucherLine(c.PrepaidAccount, l.Amount, Amount.Zero, member: member, counterparty: counterparty, summary: c.Number));
            lines.Add(new VoucherLine(c.IncomeAccount, Amount.Zero, l.Amount, member: member, counterparty: counterparty, summary: c.Number));
        }
        return new Voucher(state.LastNumber(Period.Of(date)) + 1, date, VoucherKind.Normal, null, summary, 0, null, [.. lines]);
    }

    /// <summary>What each contract has due by <paramref name="asOf"/>, received by then, and overdue (due less received, not below zero).</summary>
    public static IReadOnlyList<ContractDue> Due(LedgerState state, DateOnly asOf) => state.Contracts.Select(s =>
    {
        var due = s.Contract.Instalments().Where(i => i.Due <= asOf).Aggregate(Amount.Zero, (sum, i) => sum + i.Rent);
        var received = s.Receipts.Where(r => r.Date <= asOf).Aggregate(Amount.Zero, (sum, r) => sum + r.Amount);
        var overdue = due > received ? due - received : Amount.Zero;
        return new ContractDue(s.Contract, due, received, overdue);
    }).ToList();

    private static (string? Member, string? Counterparty) Party(Contract c, LedgerState state) =>
        state.HasDimension(DimensionKind.Member, c.Party) ? (c.Party, null) : (null, c.Party);

    private static VoucherPosted Posted(Voucher voucher) => new(voucher, new VoucherOrigin(VoucherOrigin.Contracts, null, null));
}

/// <summary>One row of <c>contracts due</c>.</summary>
public sealed record ContractDue(Contract Contract, Amount Due, Amount Received, Amount Overdue);
