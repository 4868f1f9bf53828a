using CollectiveLedger.Core.Disclosure;

namespace CollectiveLedger.Tests.Core;

public class PersonalDataTests
{
    [TestCase("户主身份证150102198001011234领取", "户主身份证1501**********1234领取")]
    [TestCase("身份证号 15010219800101123X", "身份证号 1501**********123X")]
    [TestCase("联系电话13912345678", "联系电话139****5678")]
    [TestCase("转入账户 6228480012345678901", "转入账户 6228***********8901")]
    [TestCase("账号 6228 4800 1234 5678 901", "账号 6228***********8901")]
    [TestCase("办公室 0479-8123456", "办公室 0479-8123456")]
    [TestCase("电话 139-1234-5678", "电话 139****5678")]
    [TestCase("电话 139 1234 5678", "电话 139****5678")]
    public void Identity_card_bank_account_and_phone_numbers_are_never_shown_in_full(string text, string masked)
    {
        Assert.That(PersonalData.Mask(text), Is.EqualTo(masked));
    }

    [TestCase("收取2025年草场承包费 12000.00 元")]
    [TestCase("凭证 2025-06-0099 记-0014")]
    [TestCase("合同 草-2026-007 号，面积 3500 亩")]
    [TestCase("承包期 2026-01-01 2026-12-31")]
    public void Amounts_dates_and_references_are_left_alone(string text)
    {
        Assert.That(PersonalData.Mask(text), Is.EqualTo(text));
    }
}
