using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Reporting;
using Dapper;
using System.Data.Common;

namespace CollectiveLedger.Storage.Readers;

// Rows as Dapper fills them: classes with settable properties, since SQLite gives computed
// columns no declared type and Dapper cannot match a record's constructor on an empty result.
internal sealed class AssetRow
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    public string? Location { get; set; }
    public string Acquired { get; set; } = "";
    public long CostFen { get; set; }
    public string? Fund { get; set; }
    public long LifeMonths { get; set; }
    public long ResidualFen { get; set; }
    public string Account { get; set; } = "";
    public string? DepreciationAccount { get; set; }
    public string? ExpenseAccount { get; set; }
    public string? Species { get; set; }
    public long DepreciatedFen { get; set; }
    public long Months { get; set; }
    public long Head { get; set; }
    public string? Disposed { get; set; }
    public long Nominal { get; set; }
}

internal sealed class HerdChangeRow
{
    public string Asset { get; set; } = "";
    public string Date { get; set; } = "";
    public string Change { get; set; } = "";
    public long Head { get; set; }
    public long HeadAfter { get; set; }
    public string? Note { get; set; }
}

internal sealed class RegisterTotalRow
{
    public string Account { get; set; } = "";
    public long LedgerFen { get; set; }
    public long RegisterFen { get; set; }
}

/// <summary>
/// The asset register as it stands, its herd changes and its entries, and the register against the voucher
/// lines. Read through the store's connection (<c>store.Assets</c>).
/// </summary>
public sealed class AssetsReader
{
    private readonly LedgerStore _store;
    private readonly DbConnection _connection;

    internal AssetsReader(LedgerStore store)
    {
        _store = store;
        _connection = store.Connection;
    }

    private const string SelectAssetRegister = """
        SELECT code AS Code, name AS Name, category AS Category, location AS Location, acquired AS Acquired, cost_fen AS CostFen, fund AS Fund,
               life_months AS LifeMonths, residual_fen AS ResidualFen, account AS Account, depreciation_account AS DepreciationAccount,
               expense_account AS ExpenseAccount, species AS Species, depreciated_fen AS DepreciatedFen, months AS Months, head AS Head,
               disposed AS Disposed, (SELECT a.nominal FROM assets a WHERE a.code = r.code) AS Nominal
        FROM asset_register r ORDER BY code
        """;

    // The head count changes and the maturity transfers (matured_out / matured_in), each with the head after it.
    private const string SelectHerdChanges = """
        WITH moves (seq, asset, date, change, head, delta, note) AS (
            SELECT seq, asset, date, change, head, CASE WHEN change IN ('births', 'purchases') THEN head ELSE -head END, note FROM herd_changes
            UNION ALL
            SELECT seq, asset, date, change, abs(head), head, NULL FROM asset_cost_changes WHERE change IN ('matured_out', 'matured_in'))
        SELECT m.asset AS Asset, m.date AS Date, m.change AS Change, m.head AS Head,
               a.head + (SELECT SUM(p.delta) FROM moves p WHERE p.asset = m.asset AND p.seq <= m.seq) AS HeadAfter,
               m.note AS Note
        FROM moves m JOIN assets a ON a.code = m.asset
        ORDER BY m.asset, m.seq
        """;

    // For each level-1 account the register uses, the balance of its voucher lines (credit balance
    // for the accumulated depreciation accounts 133 and 152) and the register's total of the assets
    // not disposed of: their cost, or their accumulated depreciation.
    private const string SelectRegisterTotals = """
        WITH families (account, contra) AS (VALUES ('131', 0), ('132', 0), ('133', 1), ('134', 0), ('151', 0), ('152', 1)),
        used AS (SELECT f.account, f.contra FROM families f
                 WHERE EXISTS (SELECT 1 FROM assets a WHERE substr(CASE f.contra WHEN 1 THEN a.depreciation_account ELSE a.account END, 1, 3) = f.account))
        SELECT u.account AS Account,
               (SELECT COALESCE(SUM(l.debit_fen - l.credit_fen), 0) FROM voucher_lines l WHERE substr(l.account, 1, 3) = u.account)
                 * CASE u.contra WHEN 1 THEN -1 ELSE 1 END AS LedgerFen,
               (SELECT COALESCE(SUM(CASE u.contra WHEN 1 THEN r.depreciated_fen ELSE r.cost_fen END), 0) FROM asset_register r
                WHERE r.disposed IS NULL AND substr(CASE u.contra WHEN 1 THEN r.depreciation_account ELSE r.account END, 1, 3) = u.account) AS RegisterFen
        FROM used u ORDER BY u.account
        """;

    /// <summary>Every registered asset as it stands, in code order.</summary>
    public IReadOnlyList<AssetRegisterLine> AssetRegister() => _store.Read(tx => _connection.Query<AssetRow>(SelectAssetRegister, transaction: tx)
        .Select(r => new AssetRegisterLine(r.Code, r.Name, r.Category, r.Location, IsoDate.Parse(r.Acquired), new Amount(r.CostFen), r.Fund, (int)r.LifeMonths,
            new Amount(r.ResidualFen), r.Account, r.DepreciationAccount, r.ExpenseAccount, r.Species, new Amount(r.DepreciatedFen), (int)r.Months, (int)r.Head,
            r.Disposed is null ? null : IsoDate.Parse(r.Disposed), r.Nominal != 0))
        .ToList());

    /// <summary>Every herd count change, by herd and in log order.</summary>
    public IReadOnlyList<HerdChangeLine> HerdChanges() => _store.Read(tx => _connection.Query<HerdChangeRow>(SelectHerdChanges, transaction: tx)
        .Select(r => new HerdChangeLine(r.Asset, IsoDate.Parse(r.Date), r.Change, (int)r.Head, (int)r.HeadAfter, r.Note)).ToList());

    /// <summary>The asset register's entries in log order, for its state as of any day (<see cref="Core.Assets.AssetHistory"/>).</summary>
    public IReadOnlyList<Core.Ledger.LedgerEvent> AssetEntries() => _store.Read(tx => _connection.Query<byte[]>(LedgerStore.SelectAssetEntries, transaction: tx)
        .Select(entry => Core.Audit.ParsedEntry.Parse(entry).Event).ToList());

    /// <summary>The register against the voucher lines, from the tables themselves (verify uses it to catch edits of either).</summary>
    internal static IReadOnlyList<RegisterTotal> RegisterTotals(DbConnection connection, DbTransaction tx) =>
        connection.Query<RegisterTotalRow>(SelectRegisterTotals, transaction: tx)
            .Select(r => new RegisterTotal(r.Account, r.LedgerFen, r.RegisterFen)).ToList();

    public IReadOnlyList<RegisterTotal> RegisterTotals() => _store.Read(tx => RegisterTotals(_connection, tx));
}
