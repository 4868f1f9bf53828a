using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Distribution;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>The complete distribution notice model as JSON (schemas/distribution-notice.schema.json); amounts are strings.</summary>
public static class DistributionNoticeJson
{
    public static byte[] Render(DistributionNotice n) => Json.Write(w =>
    {
        w.WriteStartObject();
        NoticeJson.Header(w, n.Org, n.OrgCode, n.Currency, n.PublicationDate);
        w.WriteNumber("year", n.Year);
        if (n.Plan != 1) w.WriteNumber("plan", n.Plan);
        w.WriteString("status", n.Status);
        w.WriteString("resolution", n.Resolution);
        w.WriteNumber("posting_days", n.PostingDays);
        w.WriteString("posted_until", IsoDate.Format(n.PostedUntil));
        w.WriteString("distributable", n.Distributable.ToString());
        w.WriteString("distributable_in_words", ChineseUppercase.Format(n.Distributable));
        w.WriteString("reserve_base", n.ReserveBase.ToString());
        w.WriteNumber("reserve_percent", n.ReservePercent);
        w.WriteString("reserve", n.Reserve.ToString());
        w.WriteString("to_share", n.ToShare.ToString());
        w.WriteNumber("total_shares", n.TotalShares);
        w.WriteString("per_share", n.PerShare.ToString());
        w.WriteString("per_share_in_words", ChineseUppercase.Format(n.PerShare));
        w.WriteString("distributed", n.Distributed.ToString());
        w.WriteString("distributed_in_words", ChineseUppercase.Format(n.Distributed));
        w.WriteString("undistributed", n.Undistributed.ToString());
        w.WriteString("rounding", DistributionList.RoundingEn);
        w.WriteString("rounding_zh", DistributionList.RoundingZh);
        w.WriteStartArray("households");
        foreach (var h in n.Households)
        {
            w.WriteStartObject();
            w.WriteString("member", h.Member);
            w.WriteString("name", h.Name);
            w.WriteString("head", h.Head);
            w.WriteNumber("shares", h.Shares);
            // No id_card, bank_account or phone: a public list shows the household, its shares and its amount only.
            w.WriteString("amount", h.Amount.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        NoticeJson.Review(w, n.Settings);
        NoticeJson.Verification(w, n.Verification);
        w.WriteEndObject();
    });
}
