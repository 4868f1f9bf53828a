using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>
/// Every phrase a notice prints, in Chinese (the default, for the notice board) or English. One place
/// for the wording, so the PDF, HTML and CSV say the same thing.
/// </summary>
public sealed class NoticeText(bool chinese)
{
    public bool Chinese { get; } = chinese;

    private string T(string zh, string en) => Chinese ? zh : en;

    public string Title => T("财务公开榜", "Financial Disclosure Notice");
    public string PeriodLabel(DisclosurePeriod p) => Chinese ? p.LabelZh : p.LabelEn;
    public string Heading(DisclosureNotice n) => $"{n.Org}  {PeriodLabel(n.Period)}{Title}";
    /// <summary>The date line; a notice nobody reviewed in the books says first that it is a draft (草稿，未经审核).</summary>
    public string Published(DisclosureNotice n) => n.Review is null ? $"{Draft}　{Published(n.PublicationDate)}" : Published(n.PublicationDate);
    public string Draft => T("【草稿，未经审核，不得张贴】", "[DRAFT, NOT REVIEWED: NOT TO BE POSTED]");
    public string Published(DateOnly date) => T($"公布日期：{NoticeText.ChineseDate(date)}", $"Published {IsoDate.Format(date)}");
    public string Unit(DisclosureNotice n) => Unit(n.Currency);
    public string Unit(string currency) => T($"单位：元（{currency}）", $"Amounts in yuan ({currency})");

    public string SummaryCaption => T("一、收支总表", "1. Summary");
    public string OpeningCash => T("期初库存现金及银行存款", "Cash and bank at the start");
    public string IncomeHeader => T("本期收入", "Income");
    public string ExpenditureHeader => T("本期支出", "Expenditure");
    public string IncomeTotal => T("收入合计", "Total income");
    public string ExpenditureTotal => T("支出合计", "Total expenditure");
    public string ClosingCash => T("期末库存现金及银行存款", "Cash and bank at the end");
    public string MovementsHeader => T("不属于收支的现金变动及不付现金的支出", "Cash movements that are not income or expenditure, and expenditure that paid no cash");
    public string Plus => T("加：", "Add: ");
    public string Minus => T("减：", "Less: ");
    public string ClosingCheck => T("期初 + 收入合计 − 支出合计 + 加项 − 减项 = 期末", "start + income − expenditure + additions − deductions = end");

    /// <summary>What a <see cref="CashMovement"/> group is, for a villager: net of its two directions.</summary>
    public string Movement(string group) => group switch
    {
        CashMovements.NonCashExpenditure => T("支出中未付现金的部分（折旧、摊销、计提未付的报酬等）", "Expenditure that paid no cash (depreciation, pay accrued but unpaid…)"),
        CashMovements.NonCashIncome => T("收入中未收到现金的部分（应收未收、预收转入等）", "Income that brought no cash (receivable, earned from rent received before…)"),
        "grants" => T("收到上级专项资金（专项应付款）", "Grant money received (241)"),
        "one_matter" => T("一事一议筹资及奖补资金", "One-matter-one-discussion money raised and awarded (231)"),
        "construction" => T("在建工程支付", "Construction in progress paid (153)"),
        "fixed_assets" => T("购置或处置固定资产", "Fixed assets bought or sold (151, 154)"),
        "biological_assets" => T("购入或出售生物资产", "Livestock and forest bought or sold (131-134)"),
        "inventory" => T("库存物资及生产成本", "Inventory and production cost (121, 401)"),
        "intangible_assets" => T("无形资产及长期待摊费用", "Intangible assets and long-term prepaid expenses (161, 171)"),
        "investments" => T("对外投资（投出减去收回）", "Investments made less recovered (111, 141)"),
        "receivables" => T("应收款（收回或借出）", "Receivables collected or lent (112)"),
        "internal" => T("内部往来（成员及村民小组）", "Accounts with members and groups (113)"),
        "payables" => T("应付款（收到或偿还）", "Payables received or paid (211)"),
        "wages" => T("发放以前计提的工资及劳务费", "Wages and labour accrued before, paid (212, 213)"),
        "taxes" => T("缴纳税费", "Taxes paid (214)"),
        "loans" => T("借款（借入减去归还）", "Loans borrowed less repaid (201, 221)"),
        "pending" => T("待处理财产损溢", "Assets pending disposal (181)"),
        "capital" => T("资本及公积公益金", "Capital and accumulation fund (301, 311)"),
        "distribution" => T("收益分配（付给成员）", "Income distributed (321, 322)"),
        _ => T("其他", "Other"),
    };
    public string Item => T("项目", "Item");
    public string Amount => T("金额", "Amount");
    public string InWords => T("大写", "In words");

    public string IncomeItemsCaption => T("二、收入明细（逐项逐笔）", "2. Income, item by item");
    public string ExpenditureItemsCaption => T("三、支出明细（逐项逐笔）", "3. Expenditure, item by item");
    public string Date => T("日期", "Date");
    public string Voucher => T("凭证号", "Voucher");
    public string Summary => T("摘要", "Summary");
    public string Party => T("往来单位或成员", "Counterparty or member");
    public string Account => T("科目", "Account");
    public string ReversalMark => T("（红字冲销）", " (red-ink reversal)");
    public string None => T("本期无", "None in this period");
    public string Kind => T("类别", "kind");
    public string IncomeKind => T("收入", "income");
    public string ExpenditureKind => T("支出", "expenditure");
    public string AccountCode => T("科目编码", "account code");

    public string FundsCaption => T("四、专项资金使用情况", "4. Support funds");
    public string Fund => T("资金名称", "Fund");
    public string Received => T("累计收到", "Received to date");
    public string Spent => T("累计支出", "Spent to date");
    public string SpentInPeriod => T("本期支出", "Spent this period");
    public string Balance => T("结余", "Balance");

    public string ClaimsCaption => T("五、债权债务（期末余额）", "5. Claims and debts at the end of the period");
    public string Receivable => T("应收（债权）", "Receivable (claim)");
    public string Payable => T("应付（债务）", "Payable (debt)");
    public string ReceivablesTotal => T("债权合计", "Total claims");
    public string PayablesTotal => T("债务合计", "Total debts");

    public string AssetsCaption => T("六、资产情况", "6. Assets");
    public string Asset => T("资产", "Asset");
    public string NetAtStart => T("期初净值", "Net value at start");
    public string AssetIncrease => T("本期增加", "Acquired");
    public string AssetDepreciation => T("本期折旧", "Depreciation");
    public string AssetDecrease => T("本期减少", "Disposed of");
    public string CostAtEnd => T("期末原值", "Cost at end");
    public string DepreciatedAtEnd => T("累计折旧", "Accumulated depreciation");
    public string NetAtEnd => T("期末净值", "Net value at end");
    public string Total => T("合计", "Total");
    public string AssetsNote => T("本期增加为本期购置或在建工程转入资产的原值，本期减少为本期清理资产的净值：期初净值＋本期增加－本期折旧－本期减少＝期末净值。",
        "Acquired: the cost of assets bought or transferred in from construction in the period; disposed of: the net value of assets that left. Net value at start + acquired - depreciation - disposed of = net value at end.");

    /// <summary>Printed after <see cref="AssetsNote"/> when a herd's cost moved in the period (rearing, maturity, deaths written off).</summary>
    public string HerdCostNote => T("畜群的本期增加含计入的饲养成本和成龄转入的幼畜成本，本期减少含成龄转出的幼畜成本和死亡核销的账面价值。",
        " For herds, acquired includes rearing cost and young stock matured in; disposed of includes young stock matured out and the book value of deaths written off.");
    public string DisposedMark(DateOnly date) => T($"（{IsoDate.Format(date)}清理）", $" (disposed of {IsoDate.Format(date)})");

    public string HerdsCaption => T("七、畜群存栏（头、只）", "7. Herds (head)");
    public string Herd => T("畜群", "Herd");
    public string Species => T("畜种", "Species");
    public string HeadAtStart => T("期初存栏", "Head at start");
    public string Registered => T("本期登记", "Registered");
    public string HerdDisposed => T("整群清理", "Herd disposed of");
    public string HerdMatured => T("成龄转群", "Matured");
    public string HeadAtEnd => T("期末存栏", "Head at end");
    public string HerdChangeName(Core.Assets.HerdChange c) => c switch
    {
        Core.Assets.HerdChange.Births => T("繁殖", "Births"),
        Core.Assets.HerdChange.Purchases => T("购入", "Purchases"),
        Core.Assets.HerdChange.Sales => T("出售", "Sales"),
        _ => T("死亡", "Deaths"),
    };
    public string SpeciesName(string species) => species switch
    {
        "sheep" => T("绵羊", "sheep"),
        "goats" => T("山羊", "goats"),
        "cattle" => T("牛", "cattle"),
        "camels" => T("骆驼", "camels"),
        "horses" => T("马", "horses"),
        _ => species,
    };

    public string ContractsCaption => T("八、资源发包合同（草场、耕地等）", "8. Resource contracts (grassland, farmland...)");
    public string ContractNumber => T("合同号", "Contract");
    public string Contractor => T("承包方", "Party");
    public string Resource => T("资源", "Resource");
    public string Area => T("面积", "Area");
    public string AreaUnitHeader => T("单位", "Unit");
    public string AreaUnitName(string unit) => unit switch
    {
        Core.Contracts.AreaUnit.Mu => T("亩", "mu"),
        Core.Contracts.AreaUnit.SquareMetre => T("平方米", "m²"),
        _ => unit,
    };
    /// <summary>An area with its unit, e.g. 2,400.00亩; areas in different units one per line, never summed.</summary>
    public string AreaWithUnit(ResourceArea a) => T($"{NoticeTables.Area(a.AreaHundredths)}{AreaUnitName(a.Unit)}", $"{NoticeTables.Area(a.AreaHundredths)} {AreaUnitName(a.Unit)}");
    public string Rent => T("年承包费", "Yearly rent");
    public string Term => T("承包期限", "Term");
    public string TermText(DateOnly from, DateOnly to) => T($"{IsoDate.Format(from)}至{IsoDate.Format(to)}", $"{IsoDate.Format(from)} to {IsoDate.Format(to)}");
    public string ReceivedInPeriod => T("本期收取", "Received this period");
    public string ReceivedToDate => T("累计收取", "Received to date");
    public string Overdue => T("逾期未收", "Overdue");
    public string ResourceName(string resource) => resource switch
    {
        "grassland" => T("草场", "grassland"),
        "farmland" => T("耕地", "farmland"),
        "water_surface" => T("水面", "water surface"),
        "building" => T("房屋", "building"),
        _ => resource,
    };

    // The annexes (附表) of issue 11: parts of 财务公开规定's 8 classes the numbered sections above do not cover.
    public string AssetOverviewCaption => T("附表一、资产概况（账面余额）", "Annex 1. Assets from the books");
    public string AssetOverviewItem => T("资产项目", "Asset");
    public string AssetOverviewBalance => T("期末余额", "Balance at end");
    public string RegisterLine => T("资产登记簿（固定资产、生物资产）期末净值", "Asset register (fixed and biological assets), net value at end");
    public string AssetOverviewNote => T("在建工程为尚未完工交付的工程支出，多为项目资金；完工后转入固定资产。应收款项见五、债权债务。",
        "Construction in progress is spending on works not yet completed, mostly project funds; it moves to fixed assets when completed. Receivables are under 5.");

    public string ResourcesCaption => T("附表二、资源台账（已发包资源）", "Annex 2. Resources under contract");
    public string ResourceContracts => T("合同数", "Contracts");
    public string ResourceParties => T("承包方", "Parties");
    public string ResourcesNote => T("本表依据资源发包合同登记，只列期末在承包期内的已发包资源，未发包或集体自用的资源不在其中；各类资源面积按其单位分别列示，不相加。",
        "From the contract register: only resources let under contracts in force at the end of the period; resources not let or used by the collective are not listed. Areas are given per type in their own unit and never added.");

    public string FundBalancesCaption => T("附表三、专项资金应付未付及可用结余", "Annex 3. Support funds: still payable and available");
    public string StillPayable => T("应付未付（含质保金）", "Still payable (incl. retention)");
    public string Available => T("可用结余", "Available");
    public string FundBalancesNote => T("结余为累计收到减累计支出；应付未付为以该资金列支、尚未支付的应付款项（如工程质保金）；可用结余＝结余－应付未付。",
        "Balance = received - spent to date; still payable: bills charged to the fund and not yet paid (such as retention money); available = balance - still payable.");

    public string OneMatterCaption => T("附表四、一事一议筹资筹劳及使用（逐项逐笔）", "Annex 4. One-matter-one-discussion funds and labour, item by item");
    public string Raised => T("筹集", "Raised");
    public string Used => T("使用或结转", "Used or transferred");

    public string CadrePayCaption => T("附表五、干部报酬及工资（应付工资，按人员）", "Annex 5. Cadre pay and wages (212), by person");
    public string Person => T("人员", "Person");
    public string Accrued => T("本期应发", "Accrued");
    public string Paid => T("本期实发", "Paid");
    public string NoPerson => T("（未注明人员）", "(no person named)");
    public string CadrePayNote => T("依据应付工资科目的本期发生额，按凭证行注明的人员汇总。", "From this period's entries on 212 wages payable, summed per person named on the entries.");

    public string ReviewCaption => T("九、审核与监督", "9. Review and objection");
    /// <summary>
    /// Who reviewed the notice, when and with what opinion, as its notice.reviewed entry records; without
    /// one the notice claims no review and leaves the lines blank for the committee to fill in on paper.
    /// </summary>
    public string ReviewLine(NoticeReview? review, DisclosureSettings s) => review is { } r
        ? T($"本公开内容已经{SupervisionBody(s)}审核。审核人：{r.By}；审核日期：{NoticeText.ChineseDate(r.Date)}；审核意见：{r.Opinion}。",
            $"This notice was reviewed by the {SupervisionBody(s)}: reviewed by {r.By} on {IsoDate.Format(r.Date)}, opinion: {r.Opinion}.")
        : T($"{SupervisionBody(s)}审核意见：＿＿＿＿＿＿＿＿　审核人（签字）：＿＿＿＿＿＿　日期：＿＿＿＿年＿＿月＿＿日",
            $"Opinion of the {SupervisionBody(s)}: ____________  reviewed by (signature): __________  date: __________");

    /// <summary>Who reviews before posting: the cooperative's board of supervisors, else the village affairs supervision committee.</summary>
    public string SupervisionBody(DisclosureSettings s) => Cooperative(s)
        ? T("监事会", "board of supervisors")
        : T("村务监督委员会", "village affairs supervision committee");
    public string Objection(DisclosureSettings s) => T(
        $"村民对公开内容有疑问的，请在公布之日起 {s.ObjectionDays} 日内向{s.Contact}提出，将在规定期限内答复。",
        $"Villagers with questions may raise them with {s.Contact} within {s.ObjectionDays} days of publication; they will be answered in time.");
    public string AccountantSign(DisclosureSettings s) => T($"会计：{s.Accountant}", $"Accountant: {s.Accountant}");
    public string ChairSign(DisclosureSettings s) => Cooperative(s)
        ? T($"理事长：{s.CommitteeChair}", $"Chair of the board: {s.CommitteeChair}")
        : T($"村委会主任：{s.CommitteeChair}", $"Village committee director: {s.CommitteeChair}");
    public string SupervisionSign(DisclosureSettings s) => Cooperative(s)
        ? T($"监事会：{s.SupervisionChair}", $"Board of supervisors: {s.SupervisionChair}")
        : T($"村务监督委员会：{s.SupervisionChair}", $"Village affairs supervision committee: {s.SupervisionChair}");

    /// <summary>
    /// Who signs follows the organization type (setting org.type): a cooperative (股份经济合作社, 经济合作社)
    /// by the chair of its board (理事长) and its board of supervisors (监事会); a village committee
    /// (村民委员会), and a ledger that never set the type, by the committee's director and the village
    /// affairs supervision committee.
    /// </summary>
    private static bool Cooperative(DisclosureSettings s) => s.OrgType.EndsWith("经济合作社", StringComparison.Ordinal);
    public string SignHere => T("（签字）", "(signature)");

    public string AttachmentsCaption => T("附、原始凭证（Receipts）", "Appendix: Receipts (原始凭证)");
    public string AttachmentFiles => T("文件数", "Files");
    public string AttachmentFile => T("文件名", "File");
    public string AttachmentType => T("类型", "Type");
    public string AttachmentsNote => T("以上为各笔凭证所附原始凭证的电子文件，按凭证号排列；SHA-256 是文件的指纹，村民可凭凭证号向会计或村务监督委员会要求查看纸质原件，并核对电子文件的指纹。照片附后，PDF 文件只列出不印。",
        "The files of source documents kept with each voucher, by voucher number. The SHA-256 is each file's fingerprint: villagers may ask the accountant or the supervision committee to see the paper by its voucher number, and check a copy of the file against it. Photos follow; PDF files are listed, not printed.");

    /// <summary>What a receipt photo is captioned with: its voucher, its file name and the first 16 hex digits of its SHA-256.</summary>
    public string AttachmentCaption(Core.Vouchers.VoucherKey voucher, string fileName, string sha256) =>
        $"{voucher.Period} {voucher.NumberText}　{fileName}　SHA-256 {sha256[..16]}…";

    public string FeedbackCaption => T("附、本期村民意见及答复", "Annex: villagers' questions and answers in this period");
    public string FeedbackNumber => T("编号", "No.");
    public string FeedbackReceived => T("收到日期", "Received");
    public string FeedbackNotice => T("所问公开榜", "Notice");
    public string FeedbackItem => T("所问事项", "Item");
    public string FeedbackQuestion => T("意见", "Question");
    public string FeedbackContact => T("联系电话", "Contact");
    public string FeedbackAnswer => T("答复", "Answer");
    public string FeedbackUnanswered => T("尚未答复", "not answered yet");
    public string FeedbackAnsweredBy(string by, DateOnly date) => T($"（{by}，{IsoDate.Format(date)}）", $" ({by}, {IsoDate.Format(date)})");
    public string VerificationCaption => T("十、账目核验", "10. Verification");
    public string Entries => T("审计日志条目数", "Audit log entries");
    public string Root => T("日志根哈希", "Log root hash");
    public string Head => T("最新条目哈希", "Head hash");
    public string Keys => T("签名公钥", "Signing keys");
    public string Cosignatures => T("见证人副署", "Witness cosignatures");

    /// <summary>
    /// What an unsigned checkpoint is worth, in its own row of the checkpoint block: the Chinese notice
    /// says it in English too, as verify does, so that nobody takes the QR code for a signature.
    /// </summary>
    public string Unsigned => T("未签名：只能核对与账簿一致，不能证明由谁发布 unsigned: can be checked against the books, does not prove who issued it",
        "unsigned: can be checked against the books, does not prove who issued it");
    public string HowToCheck => T(
        "核验方法：扫描二维码或抄下上面的数字，交给乡镇经管站或审计人员运行 cledger verify --checkpoint，结果为\u201c一致\u201d即说明账目自公布后未被改动。",
        "How to check: scan the QR code or copy the numbers above and have the township office or an auditor run cledger verify --checkpoint; \"consistent\" means the books are unchanged since publication.");

    public string Footer => T("第 {page} 页 共 {pages} 页", "Page {page} of {pages}");

    public static string Money(Amount a) => a.ToDisplayString();

    /// <summary>A day as Chinese writes it (2025年7月5日), in the Gregorian calendar whatever the machine's culture.</summary>
    public static string ChineseDate(DateOnly d) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日");
    public string Words(Amount a) => ChineseUppercase.Format(a);
}
