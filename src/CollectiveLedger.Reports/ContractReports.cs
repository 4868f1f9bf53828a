using CollectiveLedger.Core.Contracts;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Reports;

/// <summary>What each resource contract has due, received and overdue (<c>contracts due</c>), as a grid and JSON.</summary>
public static class ContractReports
{
    public static Grid Due(IReadOnlyList<ContractDue> rows, DateOnly asOf, bool forDisplay) => new(
        ["合同 contract", "承包方 party", "资源 resource", "面积(亩/平方米) area", "年租金 rent", "起 from", "止 to", "方式 schedule",
         "应收 due", "已收 received", "逾期 overdue"],
        rows.Select(r => (IReadOnlyList<GridCell>)[r.Contract.Number, r.Contract.Party, r.Contract.Resource,
            new GridCell(new Amount(r.Contract.AreaHundredthMu).ToString(), true), GridCell.Money(r.Contract.Rent, forDisplay),
            IsoDate.Format(r.Contract.From), IsoDate.Format(r.Contract.To), r.Contract.Schedule,
            GridCell.Money(r.Due, forDisplay), GridCell.Money(r.Received, forDisplay), GridCell.Money(r.Overdue, forDisplay)]).ToList(),
        forDisplay ? $"承包费应收 contract rent due as of {IsoDate.Format(asOf)}" : null);

    public static byte[] DueJson(IReadOnlyList<ContractDue> rows, DateOnly asOf) => Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("as_of", IsoDate.Format(asOf));
        w.WriteStartArray("contracts");
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteString("number", r.Contract.Number);
            w.WriteString("party", r.Contract.Party);
            w.WriteString("resource", r.Contract.Resource);
            w.WriteString("area", new Amount(r.Contract.AreaHundredthMu).ToString());
            w.WriteString("rent", r.Contract.Rent.ToString());
            w.WriteString("from", IsoDate.Format(r.Contract.From));
            w.WriteString("to", IsoDate.Format(r.Contract.To));
            w.WriteString("schedule", r.Contract.Schedule);
            w.WriteString("due", r.Due.ToString());
            w.WriteString("received", r.Received.ToString());
            w.WriteString("overdue", r.Overdue.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
