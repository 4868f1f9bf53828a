using System.CommandLine;
using CollectiveLedger.Publishing;
using CollectiveLedger.Reports;

namespace CollectiveLedger.Cli.Commands;

/// <summary><c>report trial-balance|journal|ledger|funds</c> over --period or --from/--to (default: every month with vouchers); the annual statements are in <see cref="StatementCommands"/>.</summary>
public static class ReportCommands
{
    public static Command Declare(ContextOf context)
    {
        var report = new Command("report", "账簿和报表（只读） books and statements (read-only)");
        foreach (var (which, description) in new[]
                 {
                     ("trial-balance", "科目余额表 the trial balance"),
                     ("journal", "序时账 the journal"),
                     ("ledger", "明细账（--account 必填） an account's ledger (--account required)"),
                     ("funds", "专项资金：批复、到位、支出、结余 support funds: granted, received, spent, balance"),
                 })
        {
            var format = Options.Format();
            var range = new RangeOptions();
            var command = range.AddTo(new Command(which, description) { format });
            var account = which == "ledger" ? Options.Text("--account", "CODE", "科目编码（必填） the account (required)") : null;
            var items = which == "funds" ? Options.Flag("--items", "列出每笔收支 each receipt and payment") : null;
            if (account is not null) command.Add(account);
            if (items is not null) command.Add(items);
            command.Handle(context, (ctx, p) => Run(ctx, which, ctx.Format(p, format), account is null ? null : p.Required(account), items is not null && p.Flag(items),
                store => range.Read(p, store)));
            report.Add(command);
        }
        foreach (var statement in StatementCommands.Declare(context)) report.Add(statement);
        return report;
    }

    private static int Run(Context ctx, string which, OutputFormat format, string? account, bool items,
        Func<Storage.LedgerStore, (Core.Periods.Period From, Core.Periods.Period To)?> months)
    {
        using var store = ctx.Open();
        var range = months(store);
        var ledger = store.LoadChart().Ledger;
        var (from, to) = range ?? (ledger.StartPeriod, ledger.StartPeriod);
        switch (which)
        {
            case "trial-balance":
                ctx.Render(BookReport.TrialBalance(store, ledger, from, to), format);
                return ExitCodes.Done;
            case "journal":
                var vouchers = store.Books.Vouchers(from, to).Select(v => v.Voucher).ToList();
                ctx.Render(VoucherReports.Lines(vouchers, format == OutputFormat.Table, format == OutputFormat.Table ? $"{ledger.Org}  序时账 journal  {from} ~ {to}" : null),
                    format, () => Json.Write(w =>
                    {
                        w.WriteStartArray();
                        foreach (var v in vouchers) VoucherReports.WriteJson(w, v, null);
                        w.WriteEndArray();
                    }));
                return ExitCodes.Done;
            case "ledger":
                if (store.Books.AccountLedger(account!, from, to) is not { } accountLedger)
                    return ctx.Reject([new Core.Validation.Violation(Core.Validation.ViolationCode.AccountNotFound, new Core.Validation.Place(Field: "--account"), account!)]);
                ctx.Render(VoucherReports.Ledger(accountLedger, format == OutputFormat.Table), format, () => Json.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("code", accountLedger.Code);
                    w.WriteString("name", accountLedger.Name);
                    w.WriteString("from", from.ToString());
                    w.WriteString("to", to.ToString());
                    w.WriteString("opening", accountLedger.Opening.ToString());
                    w.WriteStartArray("rows");
                    foreach (var r in accountLedger.Rows)
                    {
                        w.WriteStartObject();
                        w.WriteString("date", Core.Periods.IsoDate.Format(r.Posting.Date));
                        w.WriteString("period", r.Posting.Voucher.Period.ToString());
                        w.WriteNumber("number", r.Posting.Voucher.Number);
                        w.WriteString("account", r.Posting.Line.Account);
                        w.WriteString("summary", r.Posting.Line.Summary ?? r.Posting.VoucherSummary);
                        w.WriteString("debit", r.Posting.Line.Debit.ToString());
                        w.WriteString("credit", r.Posting.Line.Credit.ToString());
                        w.WriteString("balance", r.Balance.ToString());
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteString("period_debit", accountLedger.PeriodDebit.ToString());
                    w.WriteString("period_credit", accountLedger.PeriodCredit.ToString());
                    w.WriteString("closing", accountLedger.Closing.ToString());
                    w.WriteEndObject();
                }));
                return ExitCodes.Done;
            case "funds":
                ctx.Render(BookReport.Funds(store, from, to, items), format);
                return ExitCodes.Done;
            default:
                throw new InvalidOperationException($"no report {which}");
        }
    }
}
