using System.CommandLine;
using System.Text;
using CollectiveLedger.Reports;

namespace CollectiveLedger.Cli.Commands;

/// <summary><c>export hledger --out FILE</c>: the books as an hledger journal, for an independent check.</summary>
public static class ExportCommand
{
    public static Command Declare(ContextOf context)
    {
        var output = Options.Text("--out", "FILE", "输出文件（必填） the journal file to write (required)");
        var hledger = new Command("hledger", "账簿导出为 hledger 日记账，供独立核对 the books as an hledger journal, for an independent check") { output };
        hledger.Handle(context, (ctx, p) => Hledger(ctx, p.Required(output)));
        return new Command("export", "导出账簿 exports the books") { hledger };
    }

    private static int Hledger(Context ctx, string path)
    {
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
