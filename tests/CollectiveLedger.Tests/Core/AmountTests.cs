using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Tests.Core;

public class AmountTests
{
    [TestCase("12000", 1200000)]
    [TestCase("12000.5", 1200050)]
    [TestCase("12000.05", 1200005)]
    [TestCase("0.01", 1)]
    [TestCase("007.10", 710)]
    public void Input_amounts_parse_to_exact_fen(string text, long fen)
    {
        var result = Amount.TryParse(text, allowNegative: false, out var amount);

        Assert.That(result, Is.EqualTo(AmountParse.Ok));
        Assert.That(amount.Fen, Is.EqualTo(fen));
    }

    [TestCase("1.234", AmountParse.TooManyDecimals)]
    [TestCase("-5.00", AmountParse.NotPositive)]
    [TestCase("1e5", AmountParse.Malformed)]
    [TestCase("1,000.00", AmountParse.Malformed)]
    [TestCase(" 5", AmountParse.Malformed)]
    [TestCase("5.", AmountParse.Malformed)]
    [TestCase(".5", AmountParse.Malformed)]
    [TestCase("", AmountParse.Malformed)]
    [TestCase("99999999999999999999", AmountParse.TooLarge)]
    public void Bad_amounts_say_why(string text, AmountParse expected)
    {
        Assert.That(Amount.TryParse(text, allowNegative: false, out _), Is.EqualTo(expected));
    }

    [TestCase(1200000, "12000.00", "12,000.00")]
    [TestCase(-5000, "-50.00", "-50.00")]
    [TestCase(1, "0.01", "0.01")]
    [TestCase(-1, "-0.01", "-0.01")]
    [TestCase(0, "0.00", "0.00")]
    public void Amounts_format_for_files_and_for_people(long fen, string file, string display)
    {
        var amount = new Amount(fen);

        Assert.That(amount.ToString(), Is.EqualTo(file));
        Assert.That(amount.ToDisplayString(), Is.EqualTo(display));
        Assert.That(Amount.ParseCanonical(file), Is.EqualTo(amount));
    }

    [Test]
    public void Overflow_throws_instead_of_wrapping()
    {
        var big = new Amount(long.MaxValue);

        Assert.Throws<OverflowException>(() => _ = big + new Amount(1));
    }
}
