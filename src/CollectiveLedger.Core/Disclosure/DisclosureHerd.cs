using System.Collections.Immutable;
using CollectiveLedger.Core.Assets;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// One herd on the notice (畜群存栏): head at the start of the period, each kind of change within it,
/// head at the end. HeadAtStart + Registered + births + purchases - sales - deaths + Matured - Disposed = HeadAtEnd.
/// </summary>
/// <param name="Matured">Head moved by maturity (herd.matured) within the period: into a breeding herd (+), out of young stock (-).</param>
/// <param name="Registered">The head it was registered with, when it came into the register within the period.</param>
/// <param name="Changes">The head counted by each <see cref="HerdChange"/> within the period, every kind present (0 when none).</param>
/// <param name="Disposed">The head that left with the herd when it was disposed of within the period.</param>
public sealed record DisclosureHerd(string Code, string Name, string Species, int HeadAtStart, int Registered,
    ImmutableSortedDictionary<HerdChange, int> Changes, int Disposed, int HeadAtEnd, int Matured = 0)
{
    /// <summary>Every herd the collective kept at some time in the period, in code order (see <see cref="DisclosureAssets.Compute"/>).</summary>
    public static ImmutableArray<DisclosureHerd> Compute(AssetHistory history, DisclosurePeriod period)
    {
        var (first, last) = (period.From.FirstDay, period.To.LastDay);
        var atStart = history.AsOf(first.AddDays(-1)).ToDictionary(s => s.Asset.Code, StringComparer.Ordinal);
        var changes = history.HerdChanges(first, last).ToList();
        var maturities = history.Maturities(first, last).ToList();
        return [.. history.AsOf(last).Where(s => s.Asset.Category.IsHerd() && (s.Disposed is null || s.Disposed >= first)).Select(end =>
        {
            var a = end.Asset;
            var start = atStart.GetValueOrDefault(a.Code);
            var byKind = Enum.GetValues<HerdChange>().ToImmutableSortedDictionary(kind => kind,
                kind => changes.Where(h => h.Asset == a.Code && h.Change == kind).Sum(h => h.Head));
            var disposed = end.Disposed is null ? 0 : end.Head;
            var matured = maturities.Sum(m => m.To == a.Code ? m.Head : m.From == a.Code ? -m.Head : 0);
            var herd = new DisclosureHerd(a.Code, PersonalData.Mask(a.Name), a.Species ?? "", start?.Head ?? 0, start is null ? a.Head : 0,
                byKind, disposed, end.Head - disposed, matured);
            Precondition.Require(herd.HeadAtStart + herd.Registered + byKind.Sum(c => c.Key.Sign() * c.Value) + herd.Matured - herd.Disposed == herd.HeadAtEnd,
                "a herd's head count rolls forward");
            return herd;
        })];
    }
}
