using System.Text;

namespace CollectiveLedger.Core.Money;

/// <summary>
/// 大写金额, the uppercase amount printed under totals so that figures cannot be altered by adding a
/// stroke: 1004.56 = 人民币壹仟零肆元伍角陆分, 101.50 = 人民币壹佰零壹元伍角整 (DOMAIN.md). One 零 stands for
/// a run of zeros; 整 follows 元 or 角 when no 分 follows.
/// </summary>
public static class ChineseUppercase
{
    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] PlaceUnits = ["", "拾", "佰", "仟"];
    private static readonly string[] GroupUnits = ["", "万", "亿", "万亿", "亿亿"];

    public static string Format(Amount amount)
    {
        var sb = new StringBuilder("人民币");
        if (amount.IsNegative) sb.Append('负');
        var fen = Math.Abs(amount.Fen);
        var yuan = fen / 100;
        var jiao = (int)(fen / 10 % 10);
        var cents = (int)(fen % 10);

        if (yuan > 0) AppendYuan(sb, yuan);
        if (yuan == 0 && jiao == 0 && cents == 0) return sb.Append("零元整").ToString();
        if (yuan > 0) sb.Append('元');
        if (jiao > 0) sb.Append(Digits[jiao]).Append('角');
        else if (cents > 0 && yuan > 0) sb.Append('零');
        return cents > 0 ? sb.Append(Digits[cents]).Append('分').ToString() : sb.Append('整').ToString();
    }

    /// <summary>
    /// Digits with 仟佰拾 inside groups of four (个, 万, 亿...). A run of zeros between two non-zero
    /// digits becomes one 零, whether or not it crosses a group: 1000,5000 = 壹仟万零伍仟.
    /// </summary>
    private static void AppendYuan(StringBuilder sb, long yuan)
    {
        var digits = yuan.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lastNonZero = -1;
        var groupHasDigit = false;
        for (var i = 0; i < digits.Length; i++)
        {
            var position = digits.Length - 1 - i;
            var digit = digits[i] - '0';
            if (digit != 0)
            {
                if (lastNonZero > position + 1) sb.Append('零');
                sb.Append(Digits[digit]).Append(PlaceUnits[position % 4]);
                lastNonZero = position;
                groupHasDigit = true;
            }
            if (position % 4 == 0)
            {
                if (groupHasDigit) sb.Append(GroupUnits[position / 4]);
                groupHasDigit = false;
            }
        }
    }
}
