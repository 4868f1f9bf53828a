using System.Text;
using CollectiveLedger.Reports;

namespace CollectiveLedger.Cli.Commands;

/// <summary><c>export hledger --out FILE</c>: the books as an hledger journal, for an independent check.</summary>
public static class ExportCommand
{
    public static int Run(Context ctx, Args args)
    {
        if (args.Positional(1, "export hledger") != "hledger") throw new UsageException("export hledger --out FILE");
        var path = args.Required("--out");
        args.Done(2);
        using var store = ctx.Open();
        var state = store.LoadState();
        Files.WriteAtomically(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            HledgerJournal.Write(writer, state.Ledger, state.Accounts, store.AllVouchersByDate().Select(v => v.Voucher));
            return 0;
        });
        ctx.Out.WriteLine(ctx.Say($"已导出 hledger 日记账到 {path}。", $"exported the hledger journal to {path}."));
        return ExitCodes.Done;
    }
}
