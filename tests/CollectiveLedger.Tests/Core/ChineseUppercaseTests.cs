using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Tests.Core;

public class ChineseUppercaseTests
{
    [TestCase(100456, "人民币壹仟零肆元伍角陆分")]
    [TestCase(10150, "人民币壹佰零壹元伍角整")]
    [TestCase(0, "人民币零元整")]
    [TestCase(5, "人民币伍分")]
    [TestCase(50, "人民币伍角整")]
    [TestCase(105, "人民币壹元零伍分")]
    [TestCase(1000, "人民币壹拾元整")]
    [TestCase(10000000, "人民币壹拾万元整")]
    [TestCase(10010000, "人民币壹拾万零壹佰元整")]
    [TestCase(100000100, "人民币壹佰万零壹元整")]
    [TestCase(1200000000, "人民币壹仟贰佰万元整")]
    [TestCase(1000500000, "人民币壹仟万零伍仟元整")]
    [TestCase(10000000000, "人民币壹亿元整")]
    [TestCase(10001000000, "人民币壹亿零壹万元整")]
    [TestCase(10000010000, "人民币壹亿零壹佰元整")]
    [TestCase(318049035, "人民币叁佰壹拾捌万零肆佰玖拾元叁角伍分")]
    [TestCase(-12000, "人民币负壹佰贰拾元整")]
    public void Amounts_are_written_in_uppercase_as_on_a_cheque(long fen, string expected)
    {
        Assert.That(ChineseUppercase.Format(new Amount(fen)), Is.EqualTo(expected));
    }
}
