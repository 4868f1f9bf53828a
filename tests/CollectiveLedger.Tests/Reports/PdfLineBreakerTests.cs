using CollectiveLedger.Reports.Pdf;

namespace CollectiveLedger.Tests.Reports;

/// <summary>Line breaking with every character one unit wide, so widths are character counts.</summary>
public class PdfLineBreakerTests
{
    private static float OneUnitPerCharacter(string text) => text.Length;

    [Test]
    public void Latin_words_break_at_spaces()
    {
        var lines = LineBreaker.Wrap("alpha beta gamma", 11f, OneUnitPerCharacter);

        Assert.That(lines, Is.EqualTo(new[] { "alpha beta", "gamma" }));
    }

    [Test]
    public void Chinese_breaks_between_any_two_characters()
    {
        var lines = LineBreaker.Wrap("财务公开榜收入", 3f, OneUnitPerCharacter);

        Assert.That(lines, Is.EqualTo(new[] { "财务公", "开榜收", "入" }));
    }

    [Test]
    public void Closing_punctuation_never_starts_a_line_and_opening_punctuation_never_ends_one()
    {
        var lines = LineBreaker.Wrap("收入，支出（合计）", 2f, OneUnitPerCharacter);

        Assert.That(lines, Is.EqualTo(new[] { "收", "入，", "支出", "（合", "计）" }));
    }

    [Test]
    public void A_hash_longer_than_the_line_breaks_anywhere_and_loses_nothing()
    {
        var lines = LineBreaker.Wrap("哈希 " + PdfNotices.Hash, 20f, OneUnitPerCharacter);

        Assert.That(lines.Select(line => line.Length), Is.EqualTo(new[] { 2, 20, 20, 20, 4 }));
        Assert.That(string.Concat(lines.Skip(1)), Is.EqualTo(PdfNotices.Hash));
    }

    [Test]
    public void Line_feeds_start_new_lines_and_empty_text_is_one_empty_line()
    {
        var lines = LineBreaker.Wrap("主任：\r\n\n委员：", 10f, OneUnitPerCharacter);

        Assert.That(lines, Is.EqualTo(new[] { "主任：", "", "委员：" }));
        Assert.That(LineBreaker.Wrap("", 10f, OneUnitPerCharacter), Is.EqualTo(new[] { "" }));
    }
}
