using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using CollectiveLedger.Core.Bank;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;
using CollectiveLedger.Import;
using CollectiveLedger.Reports;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>bank import|match|unmatch|unmatched|reconcile</c>: 银行对账 (issue 17). Statements are read by Import's
/// <see cref="BankStatementReader"/>, decided by Core's <see cref="BankRules"/> in one write transaction (all or
/// nothing), and reconciled by <see cref="BankReconciliation"/>; the reports are Reports' <see cref="BankReports"/>.
/// </summary>
public static class BankCommands
{
    public static Command Declare(ContextOf context)
    {
        var file = Options.Argument("FILE", "对账单文件（.csv 或 .xlsx） the statement file (.csv or .xlsx)");
        var account = Options.Text("--account", "CODE", "银行存款科目（102 或其下级，必填） the bank deposit account (102 or under it; required)");
        var bank = Options.Text("--bank", "rcc|psbc|abc", "银行格式：农商行/信用社、邮储、农行（默认自动识别） the bank's layout (detected by default)");
        var map = Options.Text("--map", "MAP.json", "其他银行的列对照文件（schemas/bank-map.schema.json） a column map for another bank");
        var encoding = Convert2004Command.Encoding();
        var import = new Command("import", "导入银行对账单 imports a bank statement") { file, account, bank, map, encoding };
        import.Handle(context, (ctx, p) => Import(ctx, p.Value(file), p.Required(account), p.GetValue(bank), p.GetValue(map), p.GetValue(encoding)));

        var matchAccount = Options.Text("--account", "CODE", "银行存款科目（自动勾对） the bank account (automatic matching)");
        var period = Options.Text("--period", "YYYY-MM", "月份（自动勾对） the month (automatic matching)");
        var days = Options.Text("--days", "N", "日期相差的天数上限 0-31（默认设置 bank.match_days 或 5） the window in days, 0-31 (setting bank.match_days, else 5)");
        var line = Options.Text("--line", "ID", "对账单行号（手工勾对） the statement line (manual matching)");
        var voucher = Options.Text("--voucher", "PERIOD/NUMBER[/LINE]", "凭证及分录（手工勾对） the voucher and its line (manual matching)");
        var match = new Command("match", "勾对对账单与账簿：按月自动，或手工指定一行 matches statement lines with postings: a month automatically, or one line by hand")
            { matchAccount, period, days, line, voucher };
        match.Handle(context, (ctx, p) => Match(ctx, p.GetValue(matchAccount), p.GetValue(period), p.GetValue(days), p.GetValue(line), p.GetValue(voucher)));

        var unmatchLine = Options.Text("--line", "ID", "对账单行号（必填） the statement line (required)");
        var unmatch = new Command("unmatch", "取消一行的勾对 undoes the match of a statement line") { unmatchLine };
        unmatch.Handle(context, (ctx, p) => Unmatch(ctx, p.Required(unmatchLine)));

        var listAccount = Options.Text("--account", "CODE", "银行存款科目（必填） the bank deposit account (required)");
        var listPeriod = Options.Text("--period", "YYYY-MM", "月份（必填） the month (required)");
        var listFormat = Options.Format();
        var unmatched = new Command("unmatched", "月末两方的未达账项 the items outstanding on both sides at the month's end") { listAccount, listPeriod, listFormat };
        unmatched.Handle(context, (ctx, p) => Unmatched(ctx, p.Required(listAccount), p.Required(listPeriod), ctx.Format(p, listFormat)));

        var recAccount = Options.Text("--account", "CODE", "银行存款科目（必填） the bank deposit account (required)");
        var recPeriod = Options.Text("--period", "YYYY-MM", "月份（必填） the month (required)");
        var recFormat = Options.Format();
        var pdf = Options.Text("--pdf", "FILE.pdf", "另存为可打印的 PDF also writes a printable PDF");
        var font = Options.Text("--font", "PATH", "能显示中文的字体 a font covering Chinese");
        var reconcile = new Command("reconcile", "银行存款余额调节表 the bank reconciliation statement at the month's end") { recAccount, recPeriod, recFormat, pdf, font };
        reconcile.Handle(context, (ctx, p) => Reconcile(ctx, p.Required(recAccount), p.Required(recPeriod), ctx.Format(p, recFormat), p.GetValue(pdf), p.GetValue(font)));

        return new Command("bank", "银行对账 bank statements and reconciliation") { import, match, unmatch, unmatched, reconcile };
    }

    /// <summary><c>bank import FILE --account CODE [--bank rcc|psbc|abc] [--map MAP.json] [--encoding utf-8|gb18030]</c>.</summary>
    private static int Import(Context ctx, string path, string account, string? bankName, string? mapPath, string? encodingName)
    {
        if (!InputEncodings.TryParse(encodingName, out var encoding)) throw new UsageException("--encoding is utf-8 or gb18030");
        if (bankName is not null && mapPath is not null) throw new UsageException("give --bank or --map, not both");
        IReadOnlyList<BankColumnMap> maps;
        if (mapPath is not null)
        {
            if (!File.Exists(mapPath)) throw new UsageException($"no such map file {mapPath}");
            try
            {
                maps = [BankColumnMap.Parse(File.ReadAllText(mapPath))];
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
            {
                return ctx.Reject([new Violation(ViolationCode.FieldInvalid, new Place(File: Path.GetFileName(mapPath)), "--map", e.Message)]);
            }
        }
        else if (bankName is not null) maps = [BankColumnMap.Named(bankName) ?? throw new UsageException("--bank is rcc, psbc or abc")];
        else maps = BankColumnMap.BuiltIn;

        // Without --bank, the first built-in layout whose header the file has.
        var problems = new List<Violation>();
        var lines = BankStatementReader.Read(path, encoding, maps, problems, out var headers, out var used);
        if (problems.Count > 0) return ctx.Reject(problems);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        var name = Path.GetFileName(path);
        using var store = ctx.Open();
        var outcome = BankStatements.Import(store, ctx.Actor, account, used.Bank, name, sha256, lines);
        switch (outcome)
        {
            case BankImport.Accepted a:
                ctx.Out.WriteLine(ctx.Say($"已导入对账单 {name}：{a.Event.Lines.Length} 行（对账单行 {a.Event.Lines[0].Id}–{a.Event.Lines[^1].Id}）。",
                    $"imported the statement {name}: {a.Event.Lines.Length} lines (statement lines {a.Event.Lines[0].Id}-{a.Event.Lines[^1].Id})."));
                return ExitCodes.Done;
            case BankImport.AlreadyImported already:
                ctx.Out.WriteLine(ctx.Say($"对账单 {name} 已导入过（{already.Lines} 行），未做任何更改。", $"the statement {name} was already imported ({already.Lines} lines): nothing changed."));
                return ExitCodes.Done;
            case BankImport.Rejected r:
                return ctx.Reject(BankStatementReader.NamingColumns(r.Violations, headers));
            default:
                throw new InvalidOperationException("an import decision of no known kind");
        }
    }

    /// <summary><c>bank match --account CODE --period YYYY-MM [--days N]</c>, or <c>bank match --line ID --voucher PERIOD/NUMBER[/LINE]</c>.</summary>
    private static int Match(Context ctx, string? account, string? periodText, string? daysText, string? lineText, string? voucherText)
    {
        if (lineText is not null || voucherText is not null)
        {
            if (account is not null || periodText is not null || daysText is not null)
                throw new UsageException("give --line and --voucher (by hand), or --account and --period (automatically), not both");
            var line = ParseLine(lineText ?? throw new UsageException("--line is required with --voucher"));
            var (key, lineGiven) = ParseVoucher(voucherText ?? throw new UsageException("--voucher is required with --line"));
            return ctx.Post(session =>
            {
                var posting = lineGiven ? session.BankPosting(key) : FindLine(session, key.Period, key.Number, line);
                return BankRules.Match([(line, posting?.Key ?? key, posting)], BankMatched.Manual, session.Actor, session.State);
            }, ctx.Say($"已勾对对账单行 {line}", $"matched statement line {line}"));
        }
        if (account is null || periodText is null) throw new UsageException("--account and --period are required (or --line and --voucher)");
        var period = Context.ParsePeriod(periodText, "--period");
        int? days = daysText is null ? null
            : int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d <= BankRules.MaxWindowDays ? d : throw new UsageException($"--days is a whole number of days from 0 to {BankRules.MaxWindowDays}");
        using var store = ctx.Open();
        var decision = BankStatements.AutoMatch(store, ctx.Actor, account, period, days, new Place(Field: "--account"), out var pairs);
        if (!decision.Accepted && decision.Violations.Count > 0) return ctx.Reject(decision.Violations);
        ctx.Out.WriteLine(ctx.Say($"{account} {period}：勾对 {pairs} 对。", $"{account} {period}: matched {pairs} pairs."));
        return ExitCodes.Done;
    }

    /// <summary>
    /// A voucher given without its line: its line on the statement line's account with the statement line's amount, not
    /// yet matched; else its first line on the account (the rule then names the difference); null when it has none.
    /// </summary>
    /// <summary>Voucher <paramref name="number"/>'s postings as the books hold them; Core picks the one statement line <paramref name="lineId"/> goes with.</summary>
    private static BankPosting? FindLine(WriteSession session, Period period, int number, int lineId) =>
        session.FindVoucher(new VoucherKey(period, number)) is { } stored
            ? BankRules.PostingFor(lineId, Enumerable.Range(1, stored.Voucher.Lines.Length)
                .Select(i => session.BankPosting(new PostingKey(period, number, i))).OfType<BankPosting>(), session.State)
            : null;

    private static int Unmatch(Context ctx, string lineText)
    {
        var line = ParseLine(lineText);
        return ctx.Post(session => BankRules.Unmatch(line, session.Actor, session.State), ctx.Say($"已取消对账单行 {line} 的勾对", $"unmatched statement line {line}"));
    }

    private static int Unmatched(Context ctx, string account, string periodText, OutputFormat format)
    {
        if (Reconciliation(ctx, account, periodText) is not { } r) return ExitCodes.Rejected;
        ctx.Render(BankReports.Unmatched(r, format == OutputFormat.Table), format, () => BankReports.UnmatchedJson(r));
        return ExitCodes.Done;
    }

    private static int Reconcile(Context ctx, string account, string periodText, OutputFormat format, string? pdf, string? font)
    {
        if (pdf is not null && !pdf.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) throw new UsageException($"--pdf must end in .pdf, not '{pdf}'");
        var fontPath = pdf is null ? null : DiscloseCommand.FontPath(font);
        if (Reconciliation(ctx, account, periodText, out var org) is not { } r) return ExitCodes.Rejected;
        ctx.Render(BankReports.Reconciliation(r, format == OutputFormat.Table), format, () => BankReports.ReconciliationJson(r));
        if (pdf is not null)
        {
            File.WriteAllBytes(pdf, BankReports.ReconciliationPdf(r, org, fontPath!, ctx.Clock.GetUtcNow()));
            ctx.Error.WriteLine(ctx.Say($"已写入 {pdf}", $"wrote {pdf}"));
        }
        if (r.Balances) return ExitCodes.Done;
        var (zh, en) = BankReports.NotBalancing(r);
        ctx.Error.WriteLine(ctx.Say(zh, en));
        return ExitCodes.Rejected;
    }

    private static BankReconciliation? Reconciliation(Context ctx, string account, string periodText) => Reconciliation(ctx, account, periodText, out _);

    private static BankReconciliation? Reconciliation(Context ctx, string account, string periodText, out string org)
    {
        var period = Context.ParsePeriod(periodText, "--period");
        using var store = ctx.Open();
        var state = store.LoadState();
        org = state.Ledger.Org;
        if (BankRules.CheckAccount(account, state, new Place(Field: "--account")) is { } wrong)
        {
            ctx.Reject([wrong]);
            return null;
        }
        var r = store.Bank.Reconciliation(state, account, period, out _);
        if (r is null)
            ctx.Error.WriteLine(ctx.Say($"{account} 在 {IsoDate.Format(period.LastDay)} 以前没有导入的对账单行：先用 cledger bank import 导入对账单。",
                $"{account} has no statement line imported up to {IsoDate.Format(period.LastDay)}: import the statement first (cledger bank import)."));
        return r;
    }

    /// <summary>The account and its sub-accounts, whose postings count for it.</summary>
    private static int ParseLine(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var line) && line >= 1 ? line : throw new UsageException($"--line is a statement line's number, not '{text}'");

    private static (PostingKey Key, bool LineGiven) ParseVoucher(string text)
    {
        var parts = text.Split('/');
        if (parts.Length is 2 or 3 && Period.TryParse(parts[0], out var period) && VoucherKey.TryParseNumber(parts[1], out var number))
        {
            if (parts.Length == 2) return (new PostingKey(period, number, 1), false);
            if (int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var line) && line >= 1) return (new PostingKey(period, number, line), true);
        }
        throw new UsageException($"--voucher is PERIOD/NUMBER[/LINE] (2025-03/12 or 2025-03/12/2), not '{text}'");
    }
}
