namespace CollectiveLedger.Core.Validation;

/// <summary>
/// Stable codes of the rules input can break. The order of the members is the documented order of
/// precedence: for one voucher, violations are reported in this order (the file's shape first, then
/// each field, then the ledger's state, then the balance). Never renumber or rename: tools match on them.
/// </summary>
public enum ViolationCode
{
    // The file as a whole.
    FileNotFound,
    EncodingInvalid,
    MalformedJson,
    MalformedCsv,
    TooManyProblems,

    // One record's shape.
    FieldMissing,
    FieldInvalid,
    FieldUnknown,
    TextTooLong,
    ControlCharacter,
    InvisibleCharacter,
    CodeInvalid,

    // A voucher's own fields.
    RefInvalid,
    DateInvalid,
    KindInvalid,
    SummaryRequired,
    AttachmentsInvalid,
    TooFewLines,
    TooManyLines,
    LineMustHaveOneSide,
    AmountInvalid,
    AmountTooManyDecimals,
    AmountNotPositive,
    AmountTooLarge,

    // Against the ledger's state.
    RefExistsWithDifferentContent,
    DateBeforeLedgerStart,
    DateInFuture,
    OpeningDateMustBeLedgerStart,
    PeriodClosed,
    PriorYearNotClosed,
    AccountNotFound,
    AccountNotLeaf,
    FundNotFound,
    MemberNotFound,
    CounterpartyNotFound,

    // The voucher as a whole.
    EntryMustBalance,
    FundMustBalance,
    FundPurposeViolation,
    FundExpired,
    FundOverspent,

    // Registers and periods.
    CodeExists,
    NameConfusable,
    ParentNotFound,
    CodeMustExtendParent,
    AccountHasPostings,
    PeriodInvalid,
    PeriodBeforeLedgerStart,
    PeriodAlreadyClosed,
    PeriodNotEnded,
    EarlierPeriodOpen,
    DraftsOpen,
    TrialBalanceUnbalanced,
    PeriodNotClosed,
    ReopenLaterPeriodFirst,
    ReopenNotRequested,

    // Reversal.
    VoucherNotFound,
    VoucherAlreadyReversed,
    ReversalCannotBeReversed,
    ReasonRequired,
    ReversalBeforeOriginal,

    // Settings and keys.
    SettingUnknown,
    SettingInvalid,
    KeyNameInvalid,
    KeyExists,

    // Approval (maker-checker).
    DraftNotFound,
    DraftNotInStatus,
    DraftRefInUse,
    NotThePreparer,
    SelfApproval,
    NotInRole,
    AlreadyApproved,
    ApprovalNotConfigured,
    ResolutionRequired,
    CashierRequired,

    // Year end.
    YearInvalid,
    YearBeforeLedgerStart,
    YearAlreadyClosed,
    YearNotEnded,
    ClosingAccountNotLeaf,
    SurplusSubAccountMissing,
    DecemberClosesWithYear,
    YearOpeningNotNeeded,
    YearAlreadyOpened,
    YearNotBegun,
    ClosingVoucherCannotBeReversed,
    YearCloseLeftBalance,

    // Project notice (项目资金公告公示).
    FundTermsMissing,

    // Asset register.
    AssetCategoryInvalid,
    AssetAccountInvalid,
    AssetLifeInvalid,
    ResidualExceedsCost,
    AssetNotFound,
    AssetNotAHerd,
    AssetAlreadyDisposed,
    DateBeforeAcquisition,
    AssetDepreciatedAfterDisposal,
    HerdCountNegative,
    DepreciationAlreadyRun,
    NothingToDepreciate,
    ConstructionBalanceShort,
    AssetCostNotInBooks,
    AssetRegisterIncomplete,
    RegisterAccountNeedsAssetCommand,

    // Resource contracts.
    ContractNotFound,
    ContractPartyNotFound,
    ContractDatesOutOfOrder,
    ContractOverpaid,
    ContractYearAlreadyRecognized,
    NothingToRecognize,

    // Income distribution.
    DistributionYearNotClosed,
    DistributionAlreadyDone,
    NothingToDistribute,
    NoShares,
    DistributionNotPlanned,
    DistributionNotApproved,
    DistributionNotPosted,
    DistributionDateInYear,
    DistributionNoticeAfterApproval,

    // Feedback on published notices.
    NoticeNotPublished,
    FeedbackNotFound,
    FeedbackAlreadyAnswered,

    // Notices prepared, reviewed and published.
    NoticeNotFound,
    NoticeAlreadyReviewed,
    NoticeNotReviewed,
    NoticeAlreadyPublished,
    NoticeContentChanged,

    // Changes of who approves and supervises (a second person consents).
    RoleChangeNeedsApproval,
    RoleChangeNothing,
    RoleChangeNotRequested,
    RoleChangeValueDiffers,
    RoleChangeLeavesNoApprover,
    PublisherReviewedNotice,

    // Accounting review (issue 13): 专款专用 by date, corrections across years, 待处理财产损溢 at close.
    FundNotStarted,
    FundOverspentLater,
    FundOverspentInPeriod,
    ReversalAcrossYears,
    PendingLossesNotCleared,

    // Sign-in credentials (audit-log.md 7.21).
    EnrolmentNotIssued,
    CredentialExists,

    // Charts: names that disagree with the chart, and the conversion of 2004 balances.
    AccountNameMismatch,
    AccountNameIs2004,
    Balance2004AccountUnknown,
    Balance2004NameMismatch,
    Balance2004NeedsDecision,
    Balance2004NotClosed,
    Balance2004Unbalanced,
    Balance2004ParentMissing,

    // Livestock as biological assets (issue 13, 财会〔2023〕14号): births into 131, maturity into 132.
    HerdBirthsOnBreedingHerd,
    RearingNeedsYoungStock,
    MaturityNeedsYoungStockAndHerd,
    // 原始凭证 (issue 13): a cash or bank voucher has attachments or says why not; plans are redone before approval.
    AttachmentsRequired,
    DistributionPlanSuperseded,

    // Workbooks (issue 17): a .xlsx that cannot be read as one (not a zip, encrypted, parts missing).
    MalformedXlsx,

    // 原始凭证 kept as files (issue 17): JPEG, PNG or PDF, 10 MB a file, 20 files a voucher, each file once.
    AttachmentTypeUnsupported,
    AttachmentTooLarge,
    TooManyAttachments,
    AttachmentExists,
    AttachmentImageInvalid,

    // Bank statements and their reconciliation (issue 17, audit-log.md 7.23).
    BankAccountRequired,
    BankStatementEmpty,
    BankLineOneSide,
    BankSerialRepeated,
    BankStatementOverlaps,
    BankLineNumbering,
    BankLineNotFound,
    BankPostingNotFound,
    BankPostingNotOnAccount,
    BankAmountsDiffer,
    BankLineAlreadyMatched,
    BankPostingAlreadyMatched,
    BankLineNotMatched,
}
