namespace CollectiveLedger.Core.Audit;

/// <summary>
/// What <c>verify --log FILE</c> found in an exported log, full or public: the verify report (chain,
/// encoding, Merkle root, checkpoints) and the balances replayed from the file. <see cref="Withheld"/>
/// entries were stubs (audit-log.md 14), <see cref="WithheldVouchers"/> of them vouchers, which the balances leave out.
/// </summary>
public sealed record LogFileReport(VerifyReport Report, LogBalances Balances, int Withheld, int WithheldVouchers);
