using System.Collections.Immutable;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Assets;

/// <summary>
/// The asset register as of any day, from its dated entries: <see cref="LedgerState"/> keeps the
/// register as it stands now, but a notice for June printed in December must show June. Each entry
/// has a date: an asset its acquisition date, a month's depreciation the month's last day, a
/// disposal or a herd change its own date. The register as of a day is the entries dated on or
/// before it, applied in log order exactly as <see cref="LedgerState.Apply"/> applies them.
/// </summary>
/// <remarks>
/// The rules keep this consistent: nothing happens to an asset before its acquisition date, it is
/// depreciated only in months after it, and it is not disposed of before a month already
/// depreciated. So leaving out the entries dated after a day never leaves an entry without its asset.
/// </remarks>
public sealed class AssetHistory
{
    private readonly ImmutableArray<LedgerEvent> _entries;

    /// <param name="entries">The register's entries (asset.added, asset.depreciated, asset.disposed, herd.changed, asset.reared, herd.matured) in log order.</param>
    /// <exception cref="InvalidOperationException">An entry is not one of the register's (a bug in the caller).</exception>
    public AssetHistory(IEnumerable<LedgerEvent> entries)
    {
        _entries = [.. entries];
        foreach (var e in _entries)
            Precondition.Require(IsRegisterEntry(e), "the asset history holds the register's entries only");
    }

    public static readonly AssetHistory Empty = new([]);

    /// <summary>The entries that change the register.</summary>
    public static bool IsRegisterEntry(LedgerEvent e) => e is AssetAdded or AssetsDepreciated or AssetDisposed or HerdChanged or AssetReared or HerdMatured;

    /// <summary>The day an entry of the register takes effect.</summary>
    public static DateOnly DateOf(LedgerEvent e) => e switch
    {
        AssetAdded a => a.Asset.Acquired,
        AssetsDepreciated d => d.Period.LastDay,
        AssetDisposed d => d.Date,
        HerdChanged h => h.Date,
        AssetReared r => r.Date,
        HerdMatured m => m.Date,
        _ => throw new InvalidOperationException($"{e.Kind} is not an entry of the asset register"),
    };

    /// <summary>
    /// Every asset acquired by the end of <paramref name="day"/>, in code order, with the depreciation
    /// of the months ended by then, its head count then, and its disposal if it came by then (a
    /// disposed asset stays in the list, as in the register, with <see cref="AssetStatus.Disposed"/> set).
    /// </summary>
    public IReadOnlyList<AssetStatus> AsOf(DateOnly day)
    {
        var assets = new SortedDictionary<string, AssetStatus>(StringComparer.Ordinal);
        foreach (var e in _entries.Where(e => DateOf(e) <= day)) Apply(assets, e);
        return [.. assets.Values];
    }

    /// <summary>
    /// How one entry changes the register: the one place that says it, for the register as it
    /// stands (<see cref="LedgerState"/>) and as of a day (<see cref="AsOf"/>).
    /// </summary>
    internal static void Apply(IDictionary<string, AssetStatus> assets, LedgerEvent e)
    {
        switch (e)
        {
            case AssetAdded a:
                assets[a.Asset.Code] = new AssetStatus(a.Asset, a.Asset.OpeningDepreciation, a.Asset.OpeningMonths, a.Asset.Head, null, null);
                break;
            case AssetsDepreciated d:
                foreach (var line in d.Lines)
                {
                    var s = assets[line.Asset];
                    assets[line.Asset] = s with { Depreciated = s.Depreciated + line.Amount, Months = s.Months + 1, LastDepreciated = d.Period };
                }
                break;
            case AssetDisposed d:
                assets[d.Asset] = assets[d.Asset] with { Disposed = d.Date };
                break;
            case HerdChanged { WriteOff: { } w } h:
                assets[h.Asset] = assets[h.Asset].Moved(-w.Cost, -w.Depreciation, h.Change.Sign() * h.Head);
                break;
            case HerdChanged h:
                assets[h.Asset] = assets[h.Asset] with { Head = checked(assets[h.Asset].Head + h.Change.Sign() * h.Head) };
                break;
            case AssetReared r:
                assets[r.Asset] = assets[r.Asset].Moved(r.Amount, Amount.Zero, 0);
                break;
            case HerdMatured m:
                assets[m.From] = assets[m.From].Moved(-m.Amount, Amount.Zero, -m.Head);
                assets[m.To] = assets[m.To].Moved(m.Amount, Amount.Zero, m.Head);
                break;
            default:
                throw new InvalidOperationException($"{e.Kind} is not an entry of the asset register");
        }
    }

    /// <summary>The head count changes dated from <paramref name="from"/> to <paramref name="to"/> inclusive, in log order.</summary>
    public IEnumerable<HerdChanged> HerdChanges(DateOnly from, DateOnly to) =>
        _entries.OfType<HerdChanged>().Where(h => h.Date >= from && h.Date <= to);

    /// <summary>
    /// What moved <paramref name="code"/>'s cost after registration, dated from <paramref name="from"/> to
    /// <paramref name="to"/> inclusive: cost in (rearing, maturity into it), cost out (maturity out of it,
    /// deaths written off) and accumulated depreciation out (deaths written off).
    /// </summary>
    public (Amount In, Amount Out, Amount DepreciationOut) CostMoves(string code, DateOnly from, DateOnly to)
    {
        var (costIn, costOut, depreciationOut) = (Amount.Zero, Amount.Zero, Amount.Zero);
        foreach (var e in _entries.Where(e => DateOf(e) >= from && DateOf(e) <= to))
            switch (e)
            {
                case AssetReared r when r.Asset == code: costIn += r.Amount; break;
                case HerdMatured m when m.To == code: costIn += m.Amount; break;
                case HerdMatured m when m.From == code: costOut += m.Amount; break;
                case HerdChanged { WriteOff: { } w } h when h.Asset == code: costOut += w.Cost; depreciationOut += w.Depreciation; break;
            }
        return (costIn, costOut, depreciationOut);
    }

    /// <summary>The maturity transfers dated from <paramref name="from"/> to <paramref name="to"/> inclusive, in log order.</summary>
    public IEnumerable<HerdMatured> Maturities(DateOnly from, DateOnly to) =>
        _entries.OfType<HerdMatured>().Where(m => m.Date >= from && m.Date <= to);
}
