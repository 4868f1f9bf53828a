using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>The complete project notice model as JSON (schemas/project-notice.schema.json); amounts are strings.</summary>
public static class ProjectNoticeJson
{
    public static byte[] Render(ProjectNotice n) => Json.Write(w =>
    {
        w.WriteStartObject();
        NoticeJson.Header(w, n.Org, n.OrgCode, n.Currency, n.PublicationDate);
        w.WriteString("fund_code", n.FundCode);
        w.WriteString("fund_name", n.FundName);
        w.WriteString("project", n.Project);
        w.WriteString("location", n.Location);
        w.WriteString("tasks", n.Tasks);
        w.WriteString("standard", n.Standard);
        w.WriteString("kind", n.Kind);
        w.WriteString("agency", n.Agency);
        w.WriteString("document", n.Document);
        w.WriteString("granted", n.Granted.ToString());
        w.WriteString("granted_in_words", ChineseUppercase.Format(n.Granted));
        w.WriteString("valid_from", IsoDate.Format(n.ValidFrom));
        w.WriteString("valid_to", IsoDate.Format(n.ValidTo));
        w.WriteString("implementer", n.Implementer);
        w.WriteString("responsible", n.Responsible);
        w.WriteString("targets", n.Targets);
        w.WriteString("beneficiaries", n.Beneficiaries);
        w.WriteString("received", n.Received.ToString());
        w.WriteString("spent", n.Spent.ToString());
        w.WriteString("balance", n.Balance.ToString());
        FundReports.SpendingItems(w, "payments", n.Payments);
        w.WriteStartObject("posting");
        w.WriteString("from", IsoDate.Format(n.PublicationDate));
        w.WriteString("to", IsoDate.Format(n.PostedUntil));
        w.WriteNumber("days", n.PostingDays);
        w.WriteString("hotline", ProjectNotice.Hotline);
        w.WriteEndObject();
        NoticeJson.Review(w, n.Settings);
        NoticeJson.Verification(w, n.Verification);
        w.WriteEndObject();
    });
}
