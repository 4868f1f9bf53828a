using CollectiveLedger.Core.Contracts;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// The contract register checked again on replay (<see cref="RegisterReplay"/>): each contract entry
/// is decided again by <see cref="ContractRules"/>; a receipt or recognition is followed at once by
/// its voucher (source <c>contracts</c>).
/// </summary>
internal static class ContractReplay
{
    public static RegisterReplay Create() => new("contract", VoucherOrigin.Contracts,
        e => e is ContractAdded or ContractReceived or ContractsRecognized,
        (e, state, today) => e switch
        {
            ContractAdded a => ContractRules.Add(a.Contract.Number, a.Contract.Party, a.Contract.Resource,
                new Core.Money.Amount(a.Contract.AreaHundredthMu).ToString(), a.Contract.Rent.ToString(), IsoDate.Format(a.Contract.From),
                IsoDate.Format(a.Contract.To), a.Contract.Schedule, a.Contract.IncomeAccount, a.Contract.PrepaidAccount, state),
            ContractReceived r => ContractRules.Receive(r.Contract, IsoDate.Format(r.Date), r.Amount.ToString(), r.Account, state, today,
                r.Attachments?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ContractsRecognized y => ContractRules.Recognize(y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), state, today),
            _ => null,
        },
        // Records with arrays compare by reference; the recognition lines compare item by item.
        (decided, logged) => (decided, logged) switch
        {
            (ContractsRecognized a, ContractsRecognized b) => a.Year == b.Year && a.Lines.SequenceEqual(b.Lines),
            _ => decided == logged,
        });
}
