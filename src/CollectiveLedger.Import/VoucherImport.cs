using CollectiveLedger.Core.Transactions;

namespace CollectiveLedger.Import;

/// <summary>
/// A voucher file into the books, all or nothing, in one pass inside the caller's write session:
/// each voucher as <see cref="VoucherFileReader"/> reads it goes into one <see cref="VoucherBatch"/>
/// (posted, or drafted for approval with asDrafts). A crash mid-way leaves the
/// books as they were, and since vouchers carry refs, running the same import again completes it.
/// </summary>
public static class VoucherImport
{
    public static ImportResult Run(ILedgerSession session, string path, InputEncoding encoding, bool dryRun, bool asDrafts = false, IProgress<int>? progress = null)
    {
        var batch = new VoucherBatch(session, asDrafts);
        var read = 0;
        foreach (var parsed in VoucherFileReader.Read(path, encoding, batch.Violations))
        {
            batch.Add(parsed.Input, parsed.Problems);
            if (++read % 1000 == 0) progress?.Report(read);
            if (batch.Full) break;
        }
        return batch.Finish(dryRun);
    }
}
