using System.Collections.Immutable;
using System.Globalization;
using CollectiveLedger.Core.Distribution;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Reporting;

/// <summary>An amount of a note: its printed item and the amount.</summary>
public sealed record NoteItem(string Name, Amount Amount);

/// <summary>One part of the notes: a stable key for tools, its title, its sentences and its amounts.</summary>
public sealed record NoteSection(string Key, string Title, ImmutableArray<string> Text, ImmutableArray<NoteItem> Items);

/// <summary>
/// 会计报表附注 of one year: what the 2023 system (财会〔2023〕14号) lists as part of the annual reports
/// beside the two statements, as far as these books can support it. The corpus holds no copy of the
/// 2023 附注 text; the list follows the cooperative system's 附注 (财会〔2021〕37号: 声明, 基本情况,
/// 重要项目说明, 名义金额资产, 财政补助, 收益分配方案...), which the 2023 village system was aligned with:
/// 一 the basis of preparation, 二 the accounting policies this program applies, 三 fixed and productive
/// biological assets with their depreciation, 四 support funds received and used, 五 the distribution,
/// 六 assets carried at a nominal amount of 1.00 (名义金额), 七 other matters (待处理财产损溢 at year
/// end). Chinese, as it is printed; amounts come from the same sums as the statements.
/// </summary>
public sealed record ReportNotes(int Year, bool YearClosed, ImmutableArray<NoteSection> Sections)
{
    /// <summary>名义金额: what an asset that was received for nothing and cannot be measured reliably is carried at.</summary>
    public static readonly Amount NominalAmount = new(100);

    public NoteSection this[string key] => Sections.Single(s => s.Key == key);

    /// <param name="balances">Each leaf account's sums of the year to 31 December (as for the statements).</param>
    /// <param name="funds">The support funds' usage over the year's twelve months.</param>
    /// <param name="register">The asset register as it stands.</param>
    /// <param name="plan">The distribution of <paramref name="year"/>'s surplus, if planned.</param>
    /// <param name="priorPlan">The distribution of the previous year's surplus, if planned.</param>
    public static ReportNotes Compute(LedgerCreated ledger, int year, bool yearClosed, BalanceSheet sheet, IncomeStatement income,
        IReadOnlyList<AccountYearBalance> balances, FundReport funds, IReadOnlyList<AssetRegisterLine> register,
        DistributionRecord? plan, DistributionRecord? priorPlan)
    {
        Precondition.Require(income.Year == year && sheet.End == new DateOnly(year, 12, 31), "the notes go with the year's statements");
        string Y(int y) => y.ToString(CultureInfo.InvariantCulture);
        var yearEnd = new DateOnly(year, 12, 31);

        var basis = new NoteSection("basis", "一、编制基础",
        [
            $"本附注是{ledger.Org}（代码 {ledger.OrgCode}）{Y(year)}年度资产负债表和收益及收益分配表的组成部分。",
            "会计报表按照《农村集体经济组织会计制度》（财会〔2023〕14号）编制，以持续经营为基础。",
            $"会计年度自{Y(year)}年1月1日起至{Y(year)}年12月31日止；记账本位币为{(ledger.Currency == "CNY" ? "人民币" : ledger.Currency)}，金额单位为元；采用借贷记账法，以权责发生制为基础核算（计提报酬、折旧，预收以后年度的承包费不计入当年收入）。",
            yearClosed ? $"{Y(year)}年度已年终结账，报表数字为结账后的数字。" : $"{Y(year)}年度尚未年终结账，报表数字为截至年末的账面数字，结账后可能变动。",
            "本系统每一笔记录都写入哈希链审计日志，报表数字可由日志重新计算核对。",
        ], []);

        var policies = new NoteSection("policies", "二、重要会计政策",
        [
            "固定资产按取得时的实际成本入账，在资产登记簿逐项登记；按登记的使用年限和残值，采用年限平均法按月计提折旧，取得当月不提、从次月起计提，提足为止；折旧计入登记时确定的成本或费用科目。",
            "生产性生物资产（如基础母畜）按成本入账，同样按年限平均法按月计提折旧；消耗性生物资产和公益性生物资产不计提折旧。",
            $"无偿取得、无法可靠确定价值的资产，按名义金额（{NominalAmount.ToDisplayString()}元）入账，在资产登记簿中列明（见六）。",
            "资源发包收入按承包合同约定的所属期间确认；预收以后年度的承包费先记入应付款（预收资源承包费），到所属年度再转入经营收入。",
            "专项应付款和一事一议资金专款专用，用于形成资产的部分转入公积公益金。",
            "收益分配方案经成员（代表）大会通过后入账；上一年度收益的分配在次年实施并入账时，在收益及收益分配表中列为“分配上年收益”。",
            "财产清查中的盘盈、盘亏和毁损通过待处理财产损溢核算，在期末结账前处理完毕。",
        ], []);

        var byRoot = balances.GroupBy(b => b.Account[..3]).ToDictionary(g => g.Key, g => (
            Debit: g.Aggregate(Amount.Zero, (a, b) => a + b.YearDebit), Credit: g.Aggregate(Amount.Zero, (a, b) => a + b.YearCredit)));
        Amount Debit(string root) => byRoot.TryGetValue(root, out var t) ? t.Debit : Amount.Zero;
        Amount Credit(string root) => byRoot.TryGetValue(root, out var t) ? t.Credit : Amount.Zero;
        var assetItems = ImmutableArray.CreateBuilder<NoteItem>();
        void Asset(string label, string cost, string depreciation, string net, string costRoot, string depreciationRoot)
        {
            assetItems.Add(new($"{label}原值 年初", sheet[cost].YearStart));
            assetItems.Add(new($"{label}原值 本年增加", Debit(costRoot)));
            assetItems.Add(new($"{label}原值 本年减少", Credit(costRoot)));
            assetItems.Add(new($"{label}原值 年末", sheet[cost].End));
            assetItems.Add(new($"{label}累计折旧 年初", sheet[depreciation].YearStart));
            assetItems.Add(new($"{label}累计折旧 本年计提", Credit(depreciationRoot)));
            assetItems.Add(new($"{label}累计折旧 本年减少", Debit(depreciationRoot)));
            assetItems.Add(new($"{label}累计折旧 年末", sheet[depreciation].End));
            assetItems.Add(new($"{label}净值 年末", sheet[net].End));
        }
        Asset("固定资产", "fixed_assets_cost", "accumulated_depreciation", "fixed_assets_net", "151", "152");
        Asset("生产性生物资产", "productive_biological_assets_cost", "productive_biological_assets_depreciation", "productive_biological_assets_net", "132", "133");
        assetItems.Add(new("在建工程 年末", sheet["construction_in_progress"].End));
        var held = register.Where(a => a.Acquired <= yearEnd && (a.Disposed is null || a.Disposed > yearEnd)).ToList();
        var fixedAssets = new NoteSection("fixed_assets", "三、固定资产、生产性生物资产及折旧",
        [
            $"年末资产登记簿在册资产{held.Count.ToString(CultureInfo.InvariantCulture)}项（含已提足折旧仍在使用的资产）；本年减少含出售、报废、死亡等处置。",
        ], assetItems.ToImmutable());

        var fundItems = ImmutableArray.CreateBuilder<NoteItem>();
        foreach (var f in funds.Funds)
        {
            var name = $"{f.Usage.Code} {f.Usage.Name}";
            if (f.Terms is { } terms) fundItems.Add(new($"{name}：批复金额", terms.Granted));
            fundItems.Add(new($"{name}：本年收到", f.ReceivedInPeriod));
            fundItems.Add(new($"{name}：本年支付", f.Usage.SpentInPeriod));
            fundItems.Add(new($"{name}：累计收到", f.Usage.ReceivedToDate));
            fundItems.Add(new($"{name}：累计支付", f.Usage.SpentToDate));
            fundItems.Add(new($"{name}：年末结余", f.Usage.Balance));
        }
        var fundSection = new NoteSection("funds", "四、财政补助等专项资金",
            funds.Funds.IsEmpty ? ["本年无专项资金。"] : ["各项专项资金按资金逐项列示；支付是从现金和银行存款付出的金额，明细见专项资金使用情况表（report funds --items）。"],
            fundItems.ToImmutable());

        var distributionText = ImmutableArray.CreateBuilder<string>();
        if (priorPlan is { Posting: { } priorPosting } && priorPosting.Date.Year == year)
            distributionText.Add($"{Y(priorPlan.Plan.Year)}年收益分配方案（{priorPlan.Approval?.Resolution}）于{Y(year)}年实施入账：提取公积公益金{priorPlan.Plan.Reserve.ToDisplayString()}元（{priorPlan.Plan.ReservePercent.ToString(CultureInfo.InvariantCulture)}%），成员分配{priorPlan.Plan.Distributed.ToDisplayString()}元（每股{priorPlan.Plan.PerShare.ToDisplayString()}元，共{priorPlan.Plan.TotalShares.ToString(CultureInfo.InvariantCulture)}股），列为“分配上年收益”。");
        distributionText.Add(plan switch
        {
            null => $"{Y(year)}年收益的分配方案尚未制定；年末未分配收益留待成员（代表）大会决定。",
            { Posting: { } posting } => $"{Y(year)}年收益分配方案（{plan.Approval?.Resolution}）已于{IsoDateText(posting.Date)}入账：提取公积公益金{plan.Plan.Reserve.ToDisplayString()}元，成员分配{plan.Plan.Distributed.ToDisplayString()}元。",
            { Approval: { } approval } => $"{Y(year)}年收益分配方案已经成员（代表）大会通过（{approval.Resolution}），尚未入账：拟提取公积公益金{plan.Plan.Reserve.ToDisplayString()}元，拟分配{plan.Plan.Distributed.ToDisplayString()}元（每股{plan.Plan.PerShare.ToDisplayString()}元）。",
            _ => $"{Y(year)}年收益分配方案已制定、待成员（代表）大会通过：拟提取公积公益金{plan.Plan.Reserve.ToDisplayString()}元，拟分配{plan.Plan.Distributed.ToDisplayString()}元。",
        });
        var distribution = new NoteSection("distribution", "五、收益分配", distributionText.ToImmutable(),
        [
            new("本年收益", income["net_surplus"].Amount),
            new("年初未分配收益", income["undistributed_at_year_start"].Amount),
            new("分配上年收益", income["prior_year_distributions"].Amount),
            new("提取公积公益金", income["reserve_appropriation"].Amount),
            new("成员分配", income["member_distributions"].Amount),
            new("其他分配", income["other_distributions"].Amount),
            new("年末未分配收益", income["undistributed_at_year_end"].Amount),
        ]);

        var nominal = held.Where(a => a.Nominal).ToList();
        var nominalSection = new NoteSection("nominal_amount", "六、以名义金额计量的资产",
            nominal.Count == 0
                ? ["年末没有以名义金额计量的资产。"]
                : [.. nominal.Select(a => $"{a.Code} {a.Name}（{IsoDateText(a.Acquired)}取得{(a.Location is null ? "" : "，" + a.Location)}）按名义金额{NominalAmount.ToDisplayString()}元入账，" +
                                          "不计提折旧，在资产登记簿中标明。")],
            []);

        var pending = sheet["property_losses_pending"].End;
        var other = new NoteSection("other", "七、其他事项",
        [
            pending.IsZero ? "年末待处理财产损溢已处理完毕，无余额。" : $"年末待处理财产损溢尚有余额{pending.ToDisplayString()}元未处理。",
        ], []);

        return new ReportNotes(year, yearClosed, [basis, policies, fixedAssets, fundSection, distribution, nominalSection, other]);
    }

    private static string IsoDateText(DateOnly date) => Periods.IsoDate.Format(date);
}
