using System.CommandLine;
using System.Text.Json;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Import;
using CollectiveLedger.Reports;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>accounts convert-2004 FILE.csv --out OPENING.json [--encoding utf-8|gb18030]</c>: 新旧科目对照
/// (财会〔2023〕20号). Reads a 2023-12-31 科目余额表 kept in the 2004 chart and writes the 2024-01-01
/// opening balances in the 2023 chart as a voucher file (one voucher of kind opening, each line with
/// its account_name) that <c>vouchers import</c> takes into a ledger starting 2024-01. Needs no
/// ledger; writes nothing when any row is refused.
/// </summary>
public static class Convert2004Command
{
    public const string OpeningDate = "2024-01-01";
    public const string Ref = "convert-2004-opening";

    public static Command Declare(ContextOf context)
    {
        var file = Options.Argument("BALANCES.csv", "2004 制度的 2023-12-31 科目余额表 the 2023-12-31 trial balance in the 2004 chart");
        var output = Options.Text("--out", "OPENING.json", "期初余额凭证文件（必填） the opening voucher file to write (required)");
        var encoding = Encoding();
        var command = new Command("convert-2004", "新旧科目对照：2004 科目余额表转为 2024-01-01 期初凭证（不需账套） converts a 2004-chart trial balance to 2024-01-01 opening vouchers (no ledger needed)")
            { file, output, encoding };
        command.Handle(context, (ctx, p) => Run(ctx, p.Value(file), p.Required(output), p.GetValue(encoding)));
        return command;
    }

    /// <summary><c>--encoding utf-8|gb18030</c> of an input file.</summary>
    public static Option<string> Encoding() =>
        Options.Text("--encoding", "utf-8|gb18030", "文件编码（默认 utf-8；中文表格软件保存的用 gb18030） the file's encoding (utf-8 by default; gb18030 for Chinese spreadsheets)");

    private static int Run(Context ctx, string file, string output, string? encodingName)
    {
        if (!InputEncodings.TryParse(encodingName, out var encoding)) throw new UsageException("--encoding is utf-8 or gb18030");
        var problems = new List<Violation>();
        var rows = BalanceFileReader.Read(file, encoding, problems);
        if (problems.Count > 0)
        {
            ctx.Reject(problems);
            return problems.Any(p => p.Code == ViolationCode.FileNotFound) ? ExitCodes.Usage : ExitCodes.Rejected;
        }
        var conversion = Opening2004.Convert(rows);
        if (!conversion.Ok)
        {
            ctx.Reject(conversion.Violations);
            ctx.Error.WriteLine(ctx.Say($"余额表 {file} 有 {conversion.Violations.Count} 个问题，未生成期初余额文件。",
                $"{file} has {conversion.Violations.Count} problems; no opening balances were written."));
            return ExitCodes.Rejected;
        }
        Files.WriteAtomically(output, stream =>
        {
            stream.Write(Json.Write(w => Write(w, conversion)));
            return 0;
        });
        ctx.Out.WriteLine(ctx.Say(
            $"已按新旧科目对照生成 {OpeningDate} 期初余额：{conversion.Lines.Count} 个科目，借贷合计各 {conversion.TotalDebit}，写入 {output}。请核对后用 vouchers import 导入（账套须从 2024-01 启用）。",
            $"wrote the {OpeningDate} opening balances to {output}: {conversion.Lines.Count} accounts, debit and credit {conversion.TotalDebit} each. Check them, then import with vouchers import (the ledger must start 2024-01)."));
        return ExitCodes.Done;
    }

    private static void Write(Utf8JsonWriter w, Conversion2004 conversion)
    {
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("ref", Ref);
        w.WriteString("date", OpeningDate);
        w.WriteString("summary", "新旧制度衔接：2023年12月31日科目余额表转入新账期初余额");
        w.WriteString("kind", "opening");
        w.WriteStartArray("lines");
        foreach (var line in conversion.Lines)
        {
            w.WriteStartObject();
            w.WriteString("account", line.Account);
            w.WriteString("account_name", line.Name);
            if (!line.Debit.IsZero) w.WriteString("debit", line.Debit.ToString());
            else w.WriteString("credit", line.Credit.ToString());
            w.WriteString("summary", $"原科目 {line.From}");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
    }
}
