using System.Globalization;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Vouchers;

/// <summary>
/// The rules a voucher's fields obey on their own, before the ledger is consulted, as plain functions
/// that add <see cref="Violation"/>s like every other rule of Core. Within one field the first failure
/// is enough (a missing date is not also an invalid one); every field and every line is checked.
/// <see cref="Ledger.VoucherRules"/> orders the violations by precedence.
/// </summary>
public static class VoucherInputRules
{
    public const int MaxLines = 500;

    /// <summary>Adds what is wrong with <paramref name="input"/>'s fields, and with each line's, to <paramref name="violations"/>.</summary>
    public static void Check(VoucherInput input, List<Violation> violations)
    {
        var place = input.Place;
        if (input.Ref is { } reference && !(reference.Length is > 0 and <= TextRules.RefMax && reference.Trim() == reference && !reference.Any(char.IsControl)))
            violations.Add(new Violation(ViolationCode.RefInvalid, place.WithField("ref"), reference));
        if (input.Date is null)
            violations.Add(new Violation(ViolationCode.FieldMissing, place.WithField("date"), "date"));
        else if (!IsoDate.TryParse(input.Date, out _))
            violations.Add(new Violation(ViolationCode.DateInvalid, place.WithField("date"), input.Date));
        if (!VoucherKinds.TryParseInput(input.Kind, out _))
            violations.Add(new Violation(ViolationCode.KindInvalid, place.WithField("kind"), input.Kind ?? ""));
        if (string.IsNullOrWhiteSpace(input.Summary))
            violations.Add(new Violation(ViolationCode.SummaryRequired, place.WithField("summary")));
        if (input.Attachments is { } attachments && !(int.TryParse(attachments, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 9999))
            violations.Add(new Violation(ViolationCode.AttachmentsInvalid, place.WithField("attachments"), attachments));
        if (LineCountProblem(input.Lines.Count, place.WithField("lines")) is { } count)
            violations.Add(count);
        foreach (var line in input.Lines)
            CheckLine(line, violations);
    }

    private static void CheckLine(VoucherLineInput line, List<Violation> violations)
    {
        if (string.IsNullOrWhiteSpace(line.Account))
            violations.Add(new Violation(ViolationCode.FieldMissing, line.Place.WithField("account"), "account"));
        else if (!TextRules.IsCode(line.Account))
            violations.Add(new Violation(ViolationCode.CodeInvalid, line.Place.WithField("account"), line.Account));
        var debitGiven = !string.IsNullOrEmpty(line.Debit);
        if (debitGiven == !string.IsNullOrEmpty(line.Credit))
            violations.Add(new Violation(ViolationCode.LineMustHaveOneSide, line.Place));
        else if (AmountProblem(debitGiven ? line.Debit! : line.Credit!) is { } amount)
            violations.Add(amount with { Place = line.Place.WithField(debitGiven ? "debit" : "credit") });
        CheckCode(line.Fund, "fund");
        CheckCode(line.Member, "member");
        CheckCode(line.Counterparty, "counterparty");

        void CheckCode(string? code, string field)
        {
            if (code is not null && !TextRules.IsCode(code))
                violations.Add(new Violation(ViolationCode.CodeInvalid, line.Place.WithField(field), code));
        }
    }

    /// <summary>A voucher has 2 to <see cref="MaxLines"/> lines; <paramref name="place"/> is its lines field.</summary>
    public static Violation? LineCountProblem(int count, Place place) =>
        count < 2 ? new Violation(ViolationCode.TooFewLines, place, Text(count))
        : count > MaxLines ? new Violation(ViolationCode.TooManyLines, place, Text(MaxLines), Text(count))
        : null;

    /// <summary>Why an input amount is unacceptable, or null when it is a positive amount within bounds.</summary>
    public static Violation? AmountProblem(string text) => Amount.TryParse(text, allowNegative: false, out var amount) switch
    {
        AmountParse.Ok => AmountProblem(amount, text),
        AmountParse.TooManyDecimals => new Violation(ViolationCode.AmountTooManyDecimals, Place.None, text),
        AmountParse.NotPositive => new Violation(ViolationCode.AmountNotPositive, Place.None, text),
        AmountParse.TooLarge => new Violation(ViolationCode.AmountTooLarge, Place.None, text, Amount.MaxLine.ToString()),
        _ => new Violation(ViolationCode.AmountInvalid, Place.None, text),
    };

    /// <summary>
    /// Why a line's amount is out of bounds, or null when it is positive and at most <see cref="Amount.MaxLine"/>;
    /// <paramref name="text"/> is the amount as the violation names it.
    /// </summary>
    public static Violation? AmountProblem(Amount amount, string text) =>
        amount <= Amount.Zero ? new Violation(ViolationCode.AmountNotPositive, Place.None, text)
        : amount > Amount.MaxLine ? new Violation(ViolationCode.AmountTooLarge, Place.None, text, Amount.MaxLine.ToString())
        : null;

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
