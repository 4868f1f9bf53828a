using CollectiveLedger.Core.Ledger;

namespace CollectiveLedger.Storage;

/// <summary>
/// The projection tables: their columns (key columns first) and the SQL that inserts and reads
/// them. Every table but audit_log and those of <see cref="OutsideTheBooks"/> is listed here, and
/// verify compares each one in full.
/// </summary>
/// <param name="InsertHead">The insert up to its rows (<c>INSERT INTO name (columns) VALUES </c>), for a statement of many rows.</param>
/// <param name="SelectByKey">
/// One row's columns: verify compares a table's rows by their signatures (<see cref="SelectSignatures"/>)
/// and reads the columns one by one only for a row that differs.
/// </param>
/// <param name="SelectInKeyOrder">
/// Every column of every row in key order, for the tables verify streams: it spells their signatures
/// itself from the column bytes (<see cref="Cell.WriteQuotedText"/>),
/// which costs less than SQLite's format() for every row.
/// </param>
public sealed record Table(string Name, string[] Columns, int KeyColumns, string InsertHead, string Insert, string SelectByKey, string SelectInKeyOrder)
{
    public static readonly Table Ledger = Define("ledger", 1, "id", "org", "org_code", "currency", "chart", "start_period", "format_version");
    public static readonly Table Accounts = Define("accounts", 1, "code", "name", "parent", "class", "normal_side", "level", "added_seq");
    public static readonly Table Funds = Define("funds", 1, "code", "name", "added_seq", "terms");
    public static readonly Table Members = Define("members", 1, "code", "name", "added_seq", "details");
    public static readonly Table Counterparties = Define("counterparties", 1, "code", "name", "added_seq");
    public static readonly Table ClosedPeriods = Define("closed_periods", 2, "period", "closed_seq", "balances_sha256");
    public static readonly Table Vouchers = Define("vouchers", 1, "seq", "period", "number", "date", "kind", "ref", "summary",
        "attachments", "reverses_period", "reverses_number", "source", "draft", "cashier", "attachments_reason");
    public static readonly Table VoucherLines = Define("voucher_lines", 2, "voucher_seq", "line_no", "account", "debit_fen", "credit_fen",
        "fund", "member", "counterparty", "summary");

    public static readonly Table Settings = Define("settings", 2, "key", "seq", "value");
    public static readonly Table SigningKeys = Define("signing_keys", 2, "name", "key_id", "public_key", "added_seq");
    public static readonly Table Disclosures = Define("disclosures", 1, "seq", "scope", "from_period", "to_period", "date", "checkpoint");
    public static readonly Table DisclosureFiles = Define("disclosure_files", 2, "disclosure_seq", "file_no", "name", "format", "sha256");

    public static readonly Table Drafts = Define("drafts", 1, "seq", "draft", "preparer", "cashier", "date", "ref", "summary", "total_fen");
    public static readonly Table DraftSteps = Define("draft_steps", 1, "seq", "draft", "action", "by", "role", "note");
    public static readonly Table PeriodReopens = Define("period_reopens", 1, "seq", "period", "action", "by", "role", "reason");
    public static readonly Table RoleChanges = Define("role_changes", 1, "seq", "key", "action", "by", "role", "value");

    public static readonly Table Years = Define("years", 2, "year", "status", "seq");

    public static readonly Table Assets = Define("assets", 1, "code", "name", "category", "location", "acquired", "cost_fen", "fund", "life_months",
        "residual_fen", "account", "depreciation_account", "expense_account", "species", "head", "opening_depreciation_fen", "opening_months",
        "paid_from", "added_seq", "nominal");
    public static readonly Table AssetDepreciation = Define("asset_depreciation", 2, "seq", "asset", "period", "amount_fen");
    public static readonly Table AssetDisposals = Define("asset_disposals", 1, "seq", "asset", "date", "proceeds_fen", "proceeds_account",
        "gain_loss_account", "reason");
    public static readonly Table HerdChanges = Define("herd_changes", 1, "seq", "asset", "date", "change", "head", "note");
    public static readonly Table AssetCostChanges = Define("asset_cost_changes", 2, "seq", "asset", "date", "change", "head", "cost_fen", "depreciation_fen", "account");

    public static readonly Table Distributions = Define("distributions", 2, "year", "plan", "planned_seq", "by", "reserve_percent", "distributable_fen", "reserve_fen",
        "total_shares", "per_share_fen", "distributed_fen", "undistributed_fen", "reserve_base_fen", "to_share_fen");
    public static readonly Table DistributionHouseholds = Define("distribution_households", 3, "year", "plan", "member", "shares", "amount_fen");
    public static readonly Table DistributionSteps = Define("distribution_steps", 1, "seq", "year", "action", "by", "role", "resolution", "date", "account",
        "reserve_account", "plan");

    public static readonly Table Contracts = Define("contracts", 1, "number", "party", "resource", "area_hundredth_mu", "rent_fen", "starts", "ends",
        "schedule", "income_account", "prepaid_account", "added_seq");
    public static readonly Table ContractReceipts = Define("contract_receipts", 1, "seq", "contract", "date", "amount_fen", "account");
    public static readonly Table ContractRecognitions = Define("contract_recognitions", 2, "seq", "contract", "year", "amount_fen");

    public static readonly Table Feedback = Define("feedback", 1, "number", "seq", "scope", "from_period", "to_period", "date", "item", "question", "contact");
    public static readonly Table FeedbackAnswers = Define("feedback_answers", 1, "feedback", "seq", "date", "by", "answer");
    public static readonly Table Notices = Define("notices", 1, "number", "seq", "scope", "from_period", "to_period", "date", "checkpoint", "content_sha256", "by");
    public static readonly Table NoticeReviews = Define("notice_reviews", 1, "notice", "seq", "content_sha256", "date", "opinion", "by");
    public static readonly Table NoticePublications = Define("notice_publications", 1, "disclosure_seq", "notice");

    /// <summary>The files of 原始凭证 kept with each voucher (Schema/023, attachment.added): the bytes are in <see cref="Files"/>.</summary>
    public static readonly Table VoucherAttachments = Define("voucher_attachments", 1, "seq", "period", "number", "sha256", "media_type", "size_bytes", "pages", "file_name");
    /// <summary>Bank statements, their lines, and the matches made and undone (Schema/024, issue 17).</summary>
    public static readonly Table BankStatements = Define("bank_statements", 1, "seq", "account", "bank", "file", "sha256", "first_line", "last_line");
    public static readonly Table BankLines = Define("bank_lines", 1, "id", "seq", "account", "date", "serial", "summary", "income_fen", "payment_fen",
        "balance_fen", "counterparty", "source_row");
    public static readonly Table BankMatches = Define("bank_matches", 2, "seq", "line", "period", "number", "voucher_line", "amount_fen", "account", "method", "by");
    public static readonly Table BankUnmatches = Define("bank_unmatches", 1, "seq", "line", "period", "number", "voucher_line", "by");

    /// <summary>Who created every sign-in credential and who issued each enrolment code (Schema/014): names only.</summary>
    public static readonly Table UserCredentials = Define("user_credentials", 1, "seq", "user", "action", "by", "via");

    /// <summary>
    /// The month sums of the voucher lines by account, kind and fund (Schema/011): kept by a trigger, not by any entry's rows;
    /// verify adds the log's lines up the same way and compares.
    /// </summary>
    public static readonly Table AccountTurnover = Define("account_turnover", 4, "period", "account", "kind", "fund", "debit_fen", "credit_fen");

    /// <summary>A support fund's money through cash and bank by day (Schema/018): kept by a trigger, compared like <see cref="AccountTurnover"/>.</summary>
    public static readonly Table FundDays = Define("fund_days", 2, "fund", "date", "debit_fen", "credit_fen");

    public static readonly IReadOnlyList<Table> All = [Ledger, Accounts, Funds, Members, Counterparties, ClosedPeriods, Vouchers, VoucherLines,
        Settings, SigningKeys, Disclosures, DisclosureFiles, Drafts, DraftSteps, PeriodReopens, RoleChanges, Years,
        Assets, AssetDepreciation, AssetDisposals, HerdChanges, AssetCostChanges, Distributions, DistributionHouseholds, DistributionSteps,
        Contracts, ContractReceipts, ContractRecognitions, Feedback, FeedbackAnswers, Notices, NoticeReviews, NoticePublications, UserCredentials, VoucherAttachments,
        BankStatements, BankLines, BankMatches, BankUnmatches, AccountTurnover, FundDays];

    /// <summary>
    /// Tables that are not books: no entry writes them, replay does not rebuild them, verify does not
    /// compare them, and no export reads them. <c>credentials</c> holds the web workspace's password
    /// hashes and lockout counters, <c>verify_runs</c> the results of verify runs started there (Schema/008), <c>notice_files</c> the bytes of the notices published there, each checked against the SHA-256 its entry records (Schema/009), <c>enrolment_codes</c> the hashes of the one-time enrolment codes waiting to be used (Schema/014), <c>witness_cosignatures</c> the witnesses' cosignatures of the books' checkpoints, each checkable with the witness's key (Schema/022); a test checks that every other table is in <see cref="All"/>.
    /// </summary>
    public static readonly IReadOnlyList<string> OutsideTheBooks = ["credentials", "verify_runs", "notice_files", "enrolment_codes", "witness_cosignatures"];

    /// <summary>
    /// The books' files: <c>attachment_files</c> holds the bytes of every file of 原始凭证 (Schema/023), written in the
    /// transaction of its attachment.added entry, which records its SHA-256 and size. They are not in the log and
    /// replay does not rebuild them; verify holds every stored file to its entries' hash and size instead, and names a file
    /// missing, altered or kept without an entry. <c>log export --attachments DIR</c> writes them, <c>restore --attachments DIR</c> reads them back.
    /// </summary>
    public static readonly IReadOnlyList<string> Files = ["attachment_files"];

    private static readonly System.Collections.Frozen.FrozenDictionary<string, Table> ByName = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(All, t => t.Name, StringComparer.Ordinal);

    /// <summary>The table an entry's row names (<see cref="ProjectedRow.Table"/>); a name that is no table is a bug and throws.</summary>
    public static Table Named(string name) =>
        ByName.TryGetValue(name, out var table) ? table : throw new InvalidOperationException($"no table {name} in the books");

    public static Table For(DimensionKind kind) => kind switch
    {
        DimensionKind.Fund => Funds,
        DimensionKind.Member => Members,
        _ => Counterparties,
    };

    /// <summary>Tables that grow with the log: verify streams them in key (= seq) order instead of holding them.</summary>
    public bool Streamed => this == Vouchers || this == VoucherLines;

    /// <summary>Lines whose voucher is not in the vouchers table.</summary>
    public const string SelectOrphanLines =
        "SELECT voucher_seq, line_no FROM voucher_lines WHERE voucher_seq NOT IN (SELECT seq FROM vouchers) ORDER BY voucher_seq, line_no";

    /// <summary>
    /// The key columns and one text per row that spells out every column's bytes: each as printf's %Q
    /// writes it (text in single quotes with '' for ', NULL bare) and its length in bytes
    /// (<see cref="Engines.Engine.Signature"/>): %Q stops at a NUL character, the byte length does not, so
    /// nothing in a value can hide from the comparison. Verify compares that text with the replayed row's.
    /// </summary>
    internal string SelectSignatures(Engines.Engine engine) =>
        $"SELECT {string.Join(", ", Columns.Take(KeyColumns).Select(Quote))}, {engine.Signature(Columns.Select(Quote).ToList())} FROM {Name} ORDER BY {string.Join(", ", Columns.Take(KeyColumns).Select(Quote))}";

    /// <summary>
    /// A column as the SQL says it: quoted, as both engines read a quoted name (user_credentials.user is
    /// a word of PostgreSQL's own, where a bare <c>user</c> is the connected user, not the column).
    /// </summary>
    private static string Quote(string column) => $"\"{column}\"";

    private static Table Define(string name, int keyColumns, params string[] names)
    {
        var columns = names.Select(Quote).ToArray();
        var keys = columns.Take(keyColumns).ToArray();
        var head = $"INSERT INTO {name} ({string.Join(", ", columns)}) VALUES ";
        return new Table(name, names, keyColumns, head, $"{head}({string.Join(", ", columns.Select((_, i) => "@p" + i))})",
            $"SELECT {string.Join(", ", columns)} FROM {name} WHERE {string.Join(" AND ", keys.Select((k, i) => $"{k} IS NOT DISTINCT FROM @p{i}"))}",
            $"SELECT {string.Join(", ", columns)} FROM {name} ORDER BY {string.Join(", ", keys)}");
    }
}
