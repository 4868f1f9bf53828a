using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Web;

/// <summary>The villagers' feedback form on a notice: the items it lists to pick from, what was typed, and Core's violations by field.</summary>
public sealed record FeedbackForm(long Seq, IReadOnlyList<string> Items, string? Item, string? OtherItem, string? Question, string? Contact, FieldProblems Problems)
{
    /// <summary>The notice's income and expenditure lines as a villager names one: date, voucher, summary, party, amount (masked as the notice prints them).</summary>
    public static IReadOnlyList<string> ItemsOf(LedgerStore store, DisclosurePeriod period) =>
        [.. store.Disclosure.DisclosureItems(period.From, period.To).Select(i => PersonalData.Mask(
            $"{Core.Periods.IsoDate.Format(i.Date)} {i.Voucher} {i.Summary}{(i.Party.Length > 0 ? " " + i.Party : "")} {i.Amount.ToDisplayString()}"))
            .Select(label => label.Length > FeedbackRules.ItemMax ? label[..FeedbackRules.ItemMax] : label)];
}
