using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using FluentValidation;

namespace CollectiveLedger.Core.Vouchers;

/// <summary>
/// The rules a voucher's fields obey on their own, before the ledger is consulted. Each rule carries
/// its <see cref="ViolationCode"/> as the error code and a <see cref="Violation"/> as its state, so the
/// failures map one to one onto violations. Rules run in the documented order of precedence.
/// </summary>
public sealed class VoucherInputValidator : AbstractValidator<VoucherInput>
{
    public const int MaxLines = 500;

    public static readonly VoucherInputValidator Instance = new();

    private VoucherInputValidator()
    {
        // Within one rule the first failure is enough (a missing date is not also an invalid one);
        // across rules, and across the lines of RuleForEach, every failure is reported.
        RuleLevelCascadeMode = CascadeMode.Stop;
        ClassLevelCascadeMode = CascadeMode.Continue;

        RuleFor(v => v.Ref)
            .Must(r => r is null || (r.Length is > 0 and <= TextRules.RefMax && r.Trim() == r && !r.Any(char.IsControl)))
            .Fail(ViolationCode.RefInvalid, (v, r) => new Violation(ViolationCode.RefInvalid, v.Place.WithField("ref"), r ?? ""));
        RuleFor(v => v.Date)
            .NotNull().Fail(ViolationCode.FieldMissing, (v, _) => new Violation(ViolationCode.FieldMissing, v.Place.WithField("date"), "date"))
            .Must(d => IsoDate.TryParse(d, out _))
            .Fail(ViolationCode.DateInvalid, (v, d) => new Violation(ViolationCode.DateInvalid, v.Place.WithField("date"), d ?? ""));
        RuleFor(v => v.Kind)
            .Must(k => VoucherKinds.TryParseInput(k, out _))
            .Fail(ViolationCode.KindInvalid, (v, k) => new Violation(ViolationCode.KindInvalid, v.Place.WithField("kind"), k ?? ""));
        RuleFor(v => v.Summary)
            .Must(s => !string.IsNullOrWhiteSpace(s))
            .Fail(ViolationCode.SummaryRequired, (v, _) => new Violation(ViolationCode.SummaryRequired, v.Place.WithField("summary")));
        RuleFor(v => v.Attachments)
            .Must(a => a is null || (int.TryParse(a, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n <= 9999))
            .Fail(ViolationCode.AttachmentsInvalid, (v, a) => new Violation(ViolationCode.AttachmentsInvalid, v.Place.WithField("attachments"), a ?? ""));
        RuleFor(v => v.Lines.Count)
            .GreaterThanOrEqualTo(2)
            .Fail(ViolationCode.TooFewLines, (v, n) => new Violation(ViolationCode.TooFewLines, v.Place.WithField("lines"), Text(n)))
            .LessThanOrEqualTo(MaxLines)
            .Fail(ViolationCode.TooManyLines, (v, n) => new Violation(ViolationCode.TooManyLines, v.Place.WithField("lines"), Text(MaxLines), Text(n)));
        RuleForEach(v => v.Lines).Cascade(CascadeMode.Continue).SetValidator(new LineValidator());
    }

    private sealed class LineValidator : AbstractValidator<VoucherLineInput>
    {
        public LineValidator()
        {
            RuleLevelCascadeMode = CascadeMode.Stop;
            RuleFor(l => l.Account)
                .NotEmpty().Fail(ViolationCode.FieldMissing, (l, _) => new Violation(ViolationCode.FieldMissing, l.Place.WithField("account"), "account"))
                .Must(TextRules.IsCode).Fail(ViolationCode.CodeInvalid, (l, a) => new Violation(ViolationCode.CodeInvalid, l.Place.WithField("account"), a ?? ""));
            RuleFor(l => l)
                .Must(l => string.IsNullOrEmpty(l.Debit) != string.IsNullOrEmpty(l.Credit))
                .Fail(ViolationCode.LineMustHaveOneSide, (l, _) => new Violation(ViolationCode.LineMustHaveOneSide, l.Place))
                .Must(l => AmountProblem(Side(l)) is null)
                .Fail(ViolationCode.AmountInvalid, (l, _) => AmountProblem(Side(l))! with { Place = l.Place.WithField(SideName(l)) })
                .OverridePropertyName("line");
            RuleFor(l => l.Fund).Must(c => c is null || TextRules.IsCode(c))
                .Fail(ViolationCode.CodeInvalid, (l, c) => new Violation(ViolationCode.CodeInvalid, l.Place.WithField("fund"), c ?? ""));
            RuleFor(l => l.Member).Must(c => c is null || TextRules.IsCode(c))
                .Fail(ViolationCode.CodeInvalid, (l, c) => new Violation(ViolationCode.CodeInvalid, l.Place.WithField("member"), c ?? ""));
            RuleFor(l => l.Counterparty).Must(c => c is null || TextRules.IsCode(c))
                .Fail(ViolationCode.CodeInvalid, (l, c) => new Violation(ViolationCode.CodeInvalid, l.Place.WithField("counterparty"), c ?? ""));
        }

        private static string Side(VoucherLineInput l) => string.IsNullOrEmpty(l.Debit) ? l.Credit! : l.Debit;
        private static string SideName(VoucherLineInput l) => string.IsNullOrEmpty(l.Debit) ? "credit" : "debit";
    }

    /// <summary>Why an input amount is unacceptable, or null when it is a positive amount within bounds.</summary>
    public static Violation? AmountProblem(string text) => Amount.TryParse(text, allowNegative: false, out var amount) switch
    {
        AmountParse.Ok when amount.IsZero => new Violation(ViolationCode.AmountNotPositive, Place.None, text),
        AmountParse.Ok when amount > Amount.MaxLine => new Violation(ViolationCode.AmountTooLarge, Place.None, text, Amount.MaxLine.ToString()),
        AmountParse.Ok => null,
        AmountParse.TooManyDecimals => new Violation(ViolationCode.AmountTooManyDecimals, Place.None, text),
        AmountParse.NotPositive => new Violation(ViolationCode.AmountNotPositive, Place.None, text),
        AmountParse.TooLarge => new Violation(ViolationCode.AmountTooLarge, Place.None, text, Amount.MaxLine.ToString()),
        _ => new Violation(ViolationCode.AmountInvalid, Place.None, text),
    };

    private static string Text(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

internal static class RuleBuilderExtensions
{
    /// <summary>Tags the preceding rule with its violation: the code as error code, the violation as state.</summary>
    public static IRuleBuilderOptions<T, TProperty> Fail<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule,
        ViolationCode code, Func<T, TProperty, Violation> violation) =>
        rule.WithErrorCode(code.ToString()).WithState(violation);
}
