using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// A change of ledger state. Each one becomes exactly one audit entry; its <see cref="Kind"/> is the
/// entry's <c>kind</c> (schemas/audit-log.md lists them all with their data).
/// </summary>
public abstract record LedgerEvent
{
    public abstract string Kind { get; }
}

/// <summary>Entry 0: names the ledger.</summary>
public sealed record LedgerCreated(string LedgerId, string Org, string OrgCode, string Currency, string Chart, Period StartPeriod, int FormatVersion)
    : LedgerEvent
{
    public const int CurrentFormatVersion = 1;
    public override string Kind => "ledger.created";
}

/// <summary>A user sub-account (明细科目) below an existing account.</summary>
public sealed record AccountAdded(string Code, string Name, string Parent) : LedgerEvent
{
    public override string Kind => "account.added";
}

/// <summary>
/// A fund, member or counterparty registered so that voucher lines may name it; a fund may come with
/// its grant's terms, a member household with its details (shares, private numbers).
/// </summary>
public sealed record DimensionAdded(DimensionKind Dimension, string Code, string Name, FundTerms? Terms = null, MemberDetails? Details = null) : LedgerEvent
{
    public override string Kind => Dimension.ToText() + ".added";
}

/// <param name="Origin">How the voucher came to be posted; null only in entries written before it was recorded.</param>
public sealed record VoucherPosted(Voucher Voucher, VoucherOrigin? Origin) : LedgerEvent
{
    public override string Kind => "voucher.posted";
}

/// <summary>
/// How a voucher reached the books: <c>import</c> (direct import, for migrating historic books),
/// <c>approval</c> (the last approval of draft <see cref="Draft"/>), <c>reversal</c> (vouchers reverse),
/// <c>year_close</c> (the closing vouchers of year close), <c>assets</c> (the asset register's vouchers),
/// <c>distribution</c> (the vouchers of <c>distribution post</c> and <c>distribution pay</c>).
/// A cash or bank voucher names its cashier (出纳).
/// </summary>
public sealed record VoucherOrigin(string Source, int? Draft, string? Cashier)
{
    public const string Import = "import";
    public const string Approval = "approval";
    public const string Reversal = "reversal";
    public const string YearClose = "year_close";

    /// <summary>The asset register's own vouchers: acquisition, monthly depreciation, disposal.</summary>
    public const string Assets = "assets";
    public const string Distribution = "distribution";

    /// <summary>The contract register's own vouchers: rent received and prepaid rent recognized.</summary>
    public const string Contracts = "contracts";
    public static readonly IReadOnlyList<string> Sources = [Import, Approval, Reversal, YearClose, Assets, Distribution, Contracts];
}

/// <summary>
/// A voucher prepared for approval (制单), or a new version of a draft sent back for changes. Its
/// voucher is unnumbered: the number is given when it is posted.
/// </summary>
public sealed record VoucherDrafted(int Draft, Voucher Voucher, string Preparer, string? Cashier) : LedgerEvent
{
    public override string Kind => "voucher.drafted";
}

/// <summary>One step of a draft through approval, taken by <see cref="By"/> (the entry's actor) in <see cref="Role"/>.</summary>
/// <param name="Note">The reason of a rejection or withdrawal; the resolution number of an approval above the committees' limit.</param>
public sealed record DraftStepTaken(int Draft, DraftAction Action, string By, string? Role, string? Note) : LedgerEvent
{
    public override string Kind => "voucher." + Action.ToText();
}

/// <summary>A draft not posted by the end of its month, moved to the first day of the next month so that the month can close.</summary>
public sealed record DraftCarriedForward(int Draft, DateOnly Date, string By) : LedgerEvent
{
    public override string Kind => "voucher.carried_forward";
}

/// <summary>A request to reopen a closed month, with its reason; the month reopens once someone else approves it.</summary>
public sealed record PeriodReopenRequested(Period Period, string Reason, string By) : LedgerEvent
{
    public override string Kind => "period.reopen_requested";
}

public sealed record PeriodReopened(Period Period, string By, string Role) : LedgerEvent
{
    public override string Kind => "period.reopened";
}

/// <summary>A month locked, with the SHA-256 of its closing balances (null only in entries written before it was recorded).</summary>
public sealed record PeriodClosed(Period Period, string? BalancesSha256) : LedgerEvent
{
    public override string Kind => "period.closed";
}

/// <summary>A ledger setting changed (disclosure contact, objection period, signatories...); the latest value counts.</summary>
public sealed record SettingChanged(string Key, string Value) : LedgerEvent
{
    public override string Kind => "setting.changed";
}

/// <summary>A public key that may sign checkpoints (ECDSA P-256, DER SubjectPublicKeyInfo). No secret is ever logged.</summary>
public sealed record KeyRegistered(string Name, uint KeyId, byte[] PublicKey) : LedgerEvent
{
    public override string Kind => "key.registered";

    /// <summary>The key ID as printed on notices: eight hex digits.</summary>
    public string KeyIdHex => KeyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>SHA-256 of the public key in groups of four hex digits, for people to compare.</summary>
    public string Fingerprint => string.Join(' ', Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(PublicKey)).Chunk(4).Take(8).Select(c => new string(c)));
}

/// <summary>
/// A notice was published: its months, date, the signed checkpoint it carries and the SHA-256 of every
/// file produced; <see cref="Notice"/> is the prepared and reviewed notice it publishes (null only in
/// entries written before notices were prepared and reviewed in the books).
/// </summary>
public sealed record DisclosurePublished(string Scope, Periods.Period From, Periods.Period To, DateOnly Date, string Checkpoint,
    System.Collections.Immutable.ImmutableArray<PublishedFile> Files, int? Notice = null) : LedgerEvent
{
    public override string Kind => "disclosure.published";
}

public sealed record PublishedFile(string Name, string Format, string Sha256);
