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

/// <summary>A fund, member or counterparty registered so that voucher lines may name it.</summary>
public sealed record DimensionAdded(DimensionKind Dimension, string Code, string Name) : LedgerEvent
{
    public override string Kind => Dimension.ToText() + ".added";
}

public sealed record VoucherPosted(Voucher Voucher) : LedgerEvent
{
    public override string Kind => "voucher.posted";
}

public sealed record PeriodClosed(Period Period) : LedgerEvent
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

/// <summary>A notice was published: its months, date, the signed checkpoint it carries and the SHA-256 of every file produced.</summary>
public sealed record DisclosurePublished(string Scope, Periods.Period From, Periods.Period To, DateOnly Date, string Checkpoint,
    System.Collections.Immutable.ImmutableArray<PublishedFile> Files) : LedgerEvent
{
    public override string Kind => "disclosure.published";
}

public sealed record PublishedFile(string Name, string Format, string Sha256);
