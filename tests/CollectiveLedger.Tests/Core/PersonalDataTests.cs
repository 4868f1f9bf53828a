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

    // Issue 12, item 6: the same numbers typed with full-width digits or with dots, slashes, dashes and
    // (ideographic) spaces between the digits follow the same rule, on their digit sequence.
    [TestCase("联系电话１３９１２３４５６７８", "联系电话139****5678")]
    [TestCase("电话 139.1234.5678", "电话 139****5678")]
    [TestCase("电话 139/1234/5678", "电话 139****5678")]
    [TestCase("电话 １３９－１２３４－５６７８。", "电话 139****5678。")]
    [TestCase("电话 139\u30001234\u30005678", "电话 139****5678")]
    [TestCase("身份证 １５０１０２１９８００１０１１２３Ｘ", "身份证 1501**********123X")]
    [TestCase("身份证 150102 19800101 1234", "身份证 1501**********1234")]
    [TestCase("身份证 150102-19800101-1234", "身份证 1501**********1234")]
    [TestCase("账号 ６２２８４８００１２３４５６７８９０１", "账号 6228***********8901")]
    [TestCase("账号 6228-4800-1234-5678-901", "账号 6228***********8901")]
    [TestCase("账号 6228.4800.1234.5678.901", "账号 6228***********8901")]
    [TestCase("账号 ６２２８　４８００　１２３４　５６７８　９０１", "账号 6228***********8901")]
    public void Full_width_and_separated_numbers_are_masked_like_plain_ones(string text, string masked)
    {
        Assert.That(PersonalData.Mask(text), Is.EqualTo(masked));
    }

    [TestCase("13912345678", "139****5678")]
    [TestCase("139-1234-5678", "139****5678")]
    [TestCase("１３９ １２３４ ５６７８", "139****5678")]
    [TestCase("0477-8123456", "*********56")]
    [TestCase("０４７７－８１２３４５６", "*********56")]
    [TestCase("0477-81234567", "**********67")]
    [TestCase("+86 139 1234 5678", "8613*****5678")]
    [TestCase("11010519491231002X", "1101**********002X")]
    [TestCase("6228 4800 1234 5678 901", "6228***********8901")]
    [TestCase("12317", "***17")]
    public void A_private_number_shows_what_its_rule_says_whatever_its_form(string value, string masked)
    {
        Assert.That(PersonalData.MaskNumber(value), Is.EqualTo(masked));
    }

    [TestCase("收取2025年草场承包费 12000.00 元")]
    [TestCase("凭证 2025-06-0099 记-0014")]
    [TestCase("合同 草-2026-007 号，面积 3500 亩")]
    [TestCase("承包期 2026-01-01 2026-12-31")]
    [TestCase("承包期 2026.01.01—2026.12.31")]
    [TestCase("承包期 ２０２６－０１－０１ ２０２６－１２－３１")]
    [TestCase("2025/06/01 至 2025/12/31 共 183 天")]
    public void Amounts_dates_and_references_are_left_alone(string text)
    {
        Assert.That(PersonalData.Mask(text), Is.EqualTo(text));
    }
}
