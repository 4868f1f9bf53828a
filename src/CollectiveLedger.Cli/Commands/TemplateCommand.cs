using System.CommandLine;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Reports.Xlsx;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>template FILE.xlsx</c>: writes the village's voucher workbook (<see cref="VoucherTemplate"/>) with
/// its postable accounts, funds, members and counterparties as drop-down lists, for the accountant to
/// fill and <c>vouchers import</c> to read. Refuses an existing file (exit 2): it may be one already filled.
/// Nothing is recorded.
/// </summary>
public static class TemplateCommand
{
    public static Command Declare(ContextOf context)
    {
        var file = Options.Argument("FILE", "要写入的 .xlsx 文件（新文件） the .xlsx file to write (a new file)");
        var command = new Command("template", "写出本村的凭证导入模板（.xlsx，科目、资金、成员为下拉列表） writes the village's voucher template (.xlsx, accounts, funds and members as drop-down lists)") { file };
        command.Handle(context, (ctx, p) => Run(ctx, p.Value(file)));
        return command;
    }

    private static int Run(Context ctx, string path)
    {
        if (!path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"模板是 .xlsx 工作簿：{path} the template is an .xlsx workbook: name the file FILE.xlsx");
        if (File.Exists(path)) throw new UsageException($"{path} 已存在，不会覆盖 {path} already exists and is not overwritten");
        using var store = ctx.Open();
        var state = store.LoadChart();
        var accounts = state.Accounts.Values.Where(a => state.IsLeaf(a.Code)).OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => $"{a.Code} {a.Name}").ToList();
        List<string> Listed(DimensionKind kind) => [.. store.Books.Dimensions(kind).Select(d => $"{d.Code} {d.Name}")];
        var (funds, members, counterparties) = (Listed(DimensionKind.Fund), Listed(DimensionKind.Member), Listed(DimensionKind.Counterparty));
        try
        {
            Files.WriteNew(path, stream => VoucherTemplate.Write(stream, state.Ledger.Org, accounts, funds, members, counterparties));
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new UsageException($"{path} 已存在，不会覆盖 {path} already exists and is not overwritten");
        }
        ctx.Out.WriteLine(ctx.Say($"已写出凭证模板 {path}：末级科目 {accounts.Count} 个，专项资金 {funds.Count} 个，成员 {members.Count} 个，往来单位 {counterparties.Count} 个。",
            $"wrote the voucher template {path}: {accounts.Count} postable accounts, {funds.Count} funds, {members.Count} members, {counterparties.Count} counterparties."));
        return ExitCodes.Done;
    }
}
