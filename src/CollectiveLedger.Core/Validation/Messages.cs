using System.Collections.Frozen;

namespace CollectiveLedger.Core.Validation;

/// <summary>
/// The message of every violation code in Chinese and English. Templates take the violation's
/// arguments as {0}, {1}...; every code has both languages (a test checks it).
/// </summary>
public static class Messages
{
    private static readonly FrozenDictionary<ViolationCode, (string Zh, string En)> Templates =
        new Dictionary<ViolationCode, (string, string)>
        {
            [ViolationCode.FileNotFound] = ("找不到文件 {0}", "file {0} not found"),
            [ViolationCode.EncodingInvalid] = ("文件不是有效的 {0} 编码；若由中文电子表格软件保存，请加 --encoding gb18030", "the file is not valid {0}; if a Chinese spreadsheet program saved it, add --encoding gb18030"),
            [ViolationCode.MalformedJson] = ("JSON 格式错误：{0}", "malformed JSON: {0}"),
            [ViolationCode.MalformedCsv] = ("CSV 格式错误：{0}", "malformed CSV: {0}"),
            [ViolationCode.TooManyProblems] = ("问题太多，只列出前 {0} 个", "too many problems; only the first {0} are listed"),
            [ViolationCode.FieldMissing] = ("缺少必填字段 {0}", "required field {0} is missing"),
            [ViolationCode.FieldInvalid] = ("字段 {0} 的值无效：{1}", "field {0} has an invalid value: {1}"),
            [ViolationCode.FieldUnknown] = ("未知字段 {0}", "unknown field {0}"),
            [ViolationCode.TextTooLong] = ("文字过长：最多 {0} 个字符，实际 {1} 个", "text too long: at most {0} characters, got {1}"),
            [ViolationCode.ControlCharacter] = ("文字中含有控制字符", "text contains a control character"),
            [ViolationCode.CodeInvalid] = ("编码 {0} 无效：只能使用字母、数字、- 和 _，最多 32 个字符", "code {0} is invalid: letters, digits, - and _ only, at most 32 characters"),
            [ViolationCode.RefInvalid] = ("凭证参考号 {0} 无效", "voucher ref {0} is invalid"),
            [ViolationCode.DateInvalid] = ("日期 {0} 无效，应为 YYYY-MM-DD", "date {0} is invalid; expected YYYY-MM-DD"),
            [ViolationCode.KindInvalid] = ("凭证类型 {0} 无效，应为 normal 或 opening（结转凭证 closing 只由年终结账生成）", "voucher kind {0} is invalid; expected normal or opening (closing vouchers are made only by year close)"),
            [ViolationCode.SummaryRequired] = ("凭证摘要不能为空", "the voucher needs a summary"),
            [ViolationCode.AttachmentsInvalid] = ("附件张数 {0} 无效，应为 0 到 9999 的整数", "attachments {0} is invalid; expected a whole number from 0 to 9999"),
            [ViolationCode.TooFewLines] = ("凭证至少要有两条分录，实际 {0} 条", "a voucher needs at least two lines, got {0}"),
            [ViolationCode.TooManyLines] = ("凭证最多 {0} 条分录，实际 {1} 条", "a voucher has at most {0} lines, got {1}"),
            [ViolationCode.LineMustHaveOneSide] = ("每条分录必须且只能填写借方或贷方之一", "each line needs exactly one of debit or credit"),
            [ViolationCode.AmountInvalid] = ("金额 {0} 格式无效", "amount {0} is not a valid amount"),
            [ViolationCode.AmountTooManyDecimals] = ("金额 {0} 超过两位小数", "amount {0} has more than two decimals"),
            [ViolationCode.AmountNotPositive] = ("金额 {0} 必须大于零", "amount {0} must be greater than zero"),
            [ViolationCode.AmountTooLarge] = ("金额 {0} 过大，单笔最多 {1}", "amount {0} is too large; at most {1} per line"),
            [ViolationCode.RefExistsWithDifferentContent] = ("凭证参考号 {0} 已记账（{1}），但内容不同", "voucher ref {0} was already posted ({1}) with different content"),
            [ViolationCode.DateBeforeLedgerStart] = ("日期 {0} 早于账套启用日期 {1}", "date {0} is before the ledger starts ({1})"),
            [ViolationCode.DateInFuture] = ("日期 {0} 晚于今天 {1}", "date {0} is after today ({1})"),
            [ViolationCode.OpeningDateMustBeLedgerStart] = ("期初凭证的日期必须是账套启用日 {1}，实际 {0}", "an opening voucher must be dated on the ledger's first day {1}, got {0}"),
            [ViolationCode.PeriodClosed] = ("{0} 月已结账，不能再记账", "period {0} is closed"),
            [ViolationCode.AccountNotFound] = ("科目 {0} 不存在", "account {0} does not exist"),
            [ViolationCode.AccountNotLeaf] = ("科目 {0} 有下级科目，只能记入末级科目", "account {0} has sub-accounts; post to a leaf account"),
            [ViolationCode.FundNotFound] = ("资金 {0} 未登记", "fund {0} is not registered"),
            [ViolationCode.MemberNotFound] = ("成员 {0} 未登记", "member {0} is not registered"),
            [ViolationCode.CounterpartyNotFound] = ("往来单位 {0} 未登记", "counterparty {0} is not registered"),
            [ViolationCode.EntryMustBalance] = ("借贷不平衡：借方合计 {0}，贷方合计 {1}", "debits and credits do not balance: debit {0}, credit {1}"),
            [ViolationCode.FundOverspent] = ("资金 {0} 将被超支：结余 {1}，缺口 {2}（专款专用，支出不得超过收到的资金）", "fund {0} would be overspent: balance {1}, shortfall {2} (spending may not exceed what the fund received)"),
            [ViolationCode.FundMustBalance] = ("资金 {0} 的分录借贷不平衡：借方 {1}，贷方 {2}（涉及专项资金的分录须在该资金内平衡）", "the lines of fund {0} do not balance: debit {1}, credit {2} (fund money must balance within the fund)"),
            [ViolationCode.FundPurposeViolation] = ("资金 {0} 不得列支到科目 {1}：只能用于 {2}（专款专用）", "fund {0} may not be spent on account {1}; it may be spent only on {2}"),
            [ViolationCode.FundExpired] = ("资金 {0} 已过使用期限：凭证日期 {1}，截止 {2}", "fund {0} has expired: the voucher is dated {1}, the fund ended on {2}"),
            [ViolationCode.CodeExists] = ("编码 {0} 已存在", "code {0} already exists"),
            [ViolationCode.ParentNotFound] = ("上级科目 {0} 不存在", "parent account {0} does not exist"),
            [ViolationCode.CodeMustExtendParent] = ("科目编码 {0} 必须是上级科目 {1} 的编码加两位数字", "account code {0} must be its parent's code {1} followed by two digits"),
            [ViolationCode.AccountHasPostings] = ("科目 {0} 已有发生额，不能再增设下级科目", "account {0} already has postings; it cannot get sub-accounts"),
            [ViolationCode.PeriodInvalid] = ("期间 {0} 无效，应为 YYYY-MM", "period {0} is invalid; expected YYYY-MM"),
            [ViolationCode.PeriodBeforeLedgerStart] = ("期间 {0} 早于账套启用期间 {1}", "period {0} is before the ledger starts ({1})"),
            [ViolationCode.PeriodAlreadyClosed] = ("{0} 月已经结账", "period {0} is already closed"),
            [ViolationCode.PeriodNotEnded] = ("{0} 月尚未结束，不能结账", "period {0} has not ended yet"),
            [ViolationCode.EarlierPeriodOpen] = ("请先结账 {0} 月", "close period {0} first"),
            [ViolationCode.DraftsOpen] = ("{0} 月还有未完成审批的凭证草稿 {1}：请完成审批，或用 --carry-forward 结转到下月", "period {0} still has draft {1} in approval: finish it, or carry it forward with --carry-forward"),
            [ViolationCode.TrialBalanceUnbalanced] = ("{0} 月科目余额表不平衡，差额 {1}", "the trial balance of {0} does not balance: difference {1}"),
            [ViolationCode.PeriodNotClosed] = ("{0} 月尚未结账", "period {0} is not closed"),
            [ViolationCode.ReopenLaterPeriodFirst] = ("只能反结账最后一个已结账的月份 {1}，不能反结账 {0} 月", "only the last closed period ({1}) can be reopened, not {0}"),
            [ViolationCode.ReopenNotRequested] = ("{0} 月没有待批准的反结账申请", "there is no request to reopen period {0} to approve"),
            [ViolationCode.VoucherNotFound] = ("凭证 {0} 不存在", "voucher {0} does not exist"),
            [ViolationCode.VoucherAlreadyReversed] = ("凭证 {0} 已被 {1} 冲销", "voucher {0} was already reversed by {1}"),
            [ViolationCode.ReversalCannotBeReversed] = ("凭证 {0} 本身是冲销凭证，不能再冲销", "voucher {0} is itself a reversal and cannot be reversed"),
            [ViolationCode.ReversalBeforeOriginal] = ("冲销日期 {0} 早于原凭证日期 {1}", "the reversal date {0} is before the original voucher's date {1}"),
            [ViolationCode.SettingUnknown] = ("没有名为 {0} 的设置项，可用：{1}", "there is no setting {0}; the settings are: {1}"),
            [ViolationCode.SettingInvalid] = ("设置 {0} 的值无效：{1}", "setting {0} has an invalid value: {1}"),
            [ViolationCode.KeyNameInvalid] = ("密钥名称 {0} 无效：不能为空，不能含空格或加号", "key name {0} is invalid: not empty, no spaces or '+'"),
            [ViolationCode.KeyExists] = ("密钥 {0} 已登记", "key {0} is already registered"),
            [ViolationCode.ReasonRequired] = ("请填写原因", "a reason is required"),
            [ViolationCode.DraftNotFound] = ("凭证草稿 {0} 不存在或已记账、已撤回", "draft {0} does not exist, or was posted or withdrawn"),
            [ViolationCode.DraftNotInStatus] = ("凭证草稿 {0} 当前状态为“{1}”，此操作需要状态“{2}”", "draft {0} is {1}; this step needs it {2}"),
            [ViolationCode.DraftRefInUse] = ("凭证参考号 {0} 已被 {1} 使用", "voucher ref {0} is already used by {1}"),
            [ViolationCode.NotThePreparer] = ("只有制单人 {1} 能对凭证草稿 {0} 执行此操作", "only the preparer {1} may do this with draft {0}"),
            [ViolationCode.SelfApproval] = ("{0} 是制单人（或申请人），不能审核或审批自己的凭证/申请", "{0} prepared (or requested) it and may not review or approve it"),
            [ViolationCode.NotInRole] = ("{0} 不是 {1}（见设置 role.*），不能执行此步骤", "{0} does not hold the role {1} (see the role.* settings) this step needs"),
            [ViolationCode.AlreadyApproved] = ("{0} 已经审批过凭证草稿 {1}", "{0} already approved draft {1}"),
            [ViolationCode.ApprovalNotConfigured] = ("尚未设置 {0}：请先用 cledger settings set 设定审批规则", "the setting {0} is not set: set the approval rules first with cledger settings set"),
            [ViolationCode.ResolutionRequired] = ("金额 {0} 超过 {1}，须注明村民（代表）会议决议编号（--resolution）", "the amount {0} is above {1}: give the number of the villagers' (representative) meeting resolution (--resolution)"),
            [ViolationCode.CashierRequired] = ("涉及现金或银行存款的凭证须注明出纳（cashier），且须是设置 role.cashier 中的人员", "a cash or bank voucher must name its cashier, one of the role.cashier setting"),
            [ViolationCode.PriorYearNotClosed] = ("{0} 年尚未年终结账，{1} 年还不能记账：请先运行 cledger year close {0}，或用 cledger year open {1} 声明新年度开始记账",
                "year {0} is not closed, so {1} cannot take postings yet: run cledger year close {0}, or declare the opening with cledger year open {1}"),
            [ViolationCode.YearInvalid] = ("年度 {0} 无效，应为 YYYY", "year {0} is invalid; expected YYYY"),
            [ViolationCode.YearBeforeLedgerStart] = ("{0} 年早于账套启用年度 {1}", "year {0} is before the ledger starts ({1})"),
            [ViolationCode.YearAlreadyClosed] = ("{0} 年已经年终结账", "year {0} is already closed"),
            [ViolationCode.YearNotEnded] = ("{0} 年尚未结束，12 月 31 日之后才能年终结账", "year {0} has not ended yet; it closes after 31 December"),
            [ViolationCode.ClosingAccountNotLeaf] = ("结转科目 {0} 有下级科目；年终结转要记入末级科目 {0}", "the closing account {0} has sub-accounts; year close posts to {0} itself"),
            [ViolationCode.DecemberClosesWithYear] = ("12 月随年终结账一起结账：请运行 cledger year close {0}", "December closes with the year: run cledger year close {0}"),
            [ViolationCode.YearOpeningNotNeeded] = ("无需声明：{0} 年已年终结账或早于账套启用，{1} 年本来就可以记账", "nothing to declare: year {0} is closed or before the ledger, so {1} can already take postings"),
            [ViolationCode.YearAlreadyOpened] = ("{0} 年已声明开始记账", "the opening of year {0} is already declared"),
            [ViolationCode.YearNotBegun] = ("{0} 年尚未开始（今天 {1}）", "year {0} has not begun (today is {1})"),
            [ViolationCode.YearCloseLeftBalance] = ("年终结转后科目 {0} 仍有余额 {1}", "account {0} still has a balance of {1} after the year-end closing"),
            [ViolationCode.ClosingVoucherCannotBeReversed] = ("凭证 {0} 是年终结转凭证，不能冲销", "voucher {0} is a year-end closing voucher and cannot be reversed"),
            [ViolationCode.FundTermsMissing] = ("资金 {0} 缺少项目公告公示所需的登记信息：{1}（登记资金时用 cledger funds add 的这些选项填写）", "fund {0} lacks what its project notice must show: {1} (the options of cledger funds add that register them)"),
        }.ToFrozenDictionary();

    public static string Format(ViolationCode code, Language language, IReadOnlyList<string> args)
    {
        var (zh, en) = Templates[code];
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, language == Language.ZhCN ? zh : en, [.. args]);
    }
}
