using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Bank;

/// <summary>
/// One line of a bank statement (银行对账单) of a bank deposit account, as imported: numbered
/// <see cref="Id"/> in the books (1, 2, 3... across all statements), with the bank's serial
/// (流水号/凭证号, or one made from the line when the bank gives none: the statement reader in Import),
/// exactly one of <see cref="Income"/> and <see cref="Payment"/> above zero, and the balance after it.
/// <see cref="Row"/> is the line's row in the file it came from, for messages.
/// </summary>
public sealed record BankStatementLine(int Id, string Account, DateOnly Date, string Serial, string Summary, Amount Income, Amount Payment,
    Amount Balance, string? Counterparty, int Row)
{
    /// <summary>Income minus payment: positive for money the bank received, as a debit on the bank account is.</summary>
    public Amount Net => Income - Payment;

    /// <summary>The same line, whatever its number: what a re-import of the same file compares.</summary>
    public bool SameContent(BankStatementLine other) =>
        Account == other.Account && Date == other.Date && Serial == other.Serial && Summary == other.Summary && Income == other.Income
        && Payment == other.Payment && Balance == other.Balance && Counterparty == other.Counterparty;
}
