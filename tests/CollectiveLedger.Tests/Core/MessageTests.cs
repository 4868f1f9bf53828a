using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Tests.Core;

public class MessageTests
{
    [Test]
    public void Every_violation_code_has_a_chinese_and_an_english_message()
    {
        foreach (var code in Enum.GetValues<ViolationCode>())
        {
            var args = Enumerable.Range(0, 3).Select(i => $"<{i}>").ToArray();
            var zh = Messages.Format(code, Language.ZhCN, args);
            var en = Messages.Format(code, Language.En, args);

            Assert.That(zh, Does.Match(@"\p{IsCJKUnifiedIdeographs}"), $"{code} in Chinese");
            Assert.That(en, Does.Match("^[\\x20-\\x7e]+$"), $"{code} in English");
        }
    }
}
