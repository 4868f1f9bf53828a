using System.Text.Json;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Reporting;

namespace CollectiveLedger.Reports;

/// <summary>The asset register (<c>assets list</c>) and the herd count changes (<c>assets herds</c>) as grids and JSON.</summary>
public static class AssetReports
{
    public static Grid Register(IReadOnlyList<AssetRegisterLine> lines, bool forDisplay) => new(
        ["编码 code", "名称 name", "类别 category", "位置 location", "取得日期 acquired", "原值 cost", "资金 fund", "年限(月) life", "残值 residual",
         "科目 account", "累计折旧 depreciated", "已提月数 months", "净值 book value", "存栏 head", "状态 status"],
        lines.Select(a => (IReadOnlyList<GridCell>)[a.Code, a.Name, a.Category, a.Location, IsoDate.Format(a.Acquired), GridCell.Money(a.Cost, forDisplay), a.Fund,
            a.LifeMonths == 0 ? "" : Text(a.LifeMonths), GridCell.Money(a.Residual, forDisplay), a.Account, GridCell.Money(a.Depreciated, forDisplay),
            Text(a.Months), GridCell.Money(a.BookValue, forDisplay), a.Species is null ? "" : $"{Text(a.Head)} {a.Species}",
            (a.Disposed is { } d ? "已清理 disposed " + IsoDate.Format(d) : "在用 active") + (a.Nominal ? "；名义金额 at nominal amount" : "")]).ToList(),
        forDisplay ? "资产登记簿 asset register" : null);

    public static byte[] RegisterJson(IReadOnlyList<AssetRegisterLine> lines) => Json.Write(w =>
    {
        w.WriteStartArray();
        foreach (var a in lines)
        {
            w.WriteStartObject();
            w.WriteString("code", a.Code);
            w.WriteString("name", a.Name);
            w.WriteString("category", a.Category);
            w.WriteString("location", a.Location);
            w.WriteString("acquired", IsoDate.Format(a.Acquired));
            w.WriteString("cost", a.Cost.ToString());
            w.WriteString("fund", a.Fund);
            w.WriteNumber("life_months", a.LifeMonths);
            w.WriteString("residual", a.Residual.ToString());
            w.WriteString("account", a.Account);
            w.WriteString("depreciation_account", a.DepreciationAccount);
            w.WriteString("expense_account", a.ExpenseAccount);
            w.WriteString("depreciated", a.Depreciated.ToString());
            w.WriteNumber("months", a.Months);
            w.WriteString("book_value", a.BookValue.ToString());
            w.WriteString("species", a.Species);
            if (a.Species is not null) w.WriteNumber("head", a.Head);
            else w.WriteNull("head");
            w.WriteString("status", a.Status);
            w.WriteString("disposed", a.Disposed is { } d ? IsoDate.Format(d) : null);
            w.WriteBoolean("nominal", a.Nominal);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public static Grid Herds(IReadOnlyList<HerdChangeLine> lines) => new(
        ["畜群 herd", "日期 date", "变动 change", "头数 head", "变动后存栏 head after", "说明 note"],
        lines.Select(h => (IReadOnlyList<GridCell>)[h.Asset, IsoDate.Format(h.Date), h.Change, new GridCell(Text(h.Head), true),
            new GridCell(Text(h.HeadAfter), true), h.Note]).ToList(),
        null);

    public static byte[] HerdsJson(IReadOnlyList<HerdChangeLine> lines) => Json.Write(w =>
    {
        w.WriteStartArray();
        foreach (var h in lines)
        {
            w.WriteStartObject();
            w.WriteString("asset", h.Asset);
            w.WriteString("date", IsoDate.Format(h.Date));
            w.WriteString("change", h.Change);
            w.WriteNumber("head", h.Head);
            w.WriteNumber("head_after", h.HeadAfter);
            w.WriteString("note", h.Note);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    private static string Text(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
