using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Import;
using CollectiveLedger.Reports;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>vouchers draft FILE | submit | review | approve | reject | withdraw DRAFT | pending</c>: the
/// maker-checker path (<see cref="ApprovalRules"/>). The actor (--actor, CLEDGER_ACTOR or the OS
/// user) is the person taking the step; the roles they hold are ledger settings (role.*).
/// </summary>
public static class ApprovalCommands
{
    public const string Verbs = "draft|submit|review|approve|reject|withdraw|pending";

    public static int Run(Context ctx, Args args, string verb) => verb switch
    {
        "draft" => Draft(ctx, args),
        "pending" => Pending(ctx, args),
        _ => Step(ctx, args, verb),
    };

    private static int Draft(Context ctx, Args args)
    {
        var file = args.Positional(2, "FILE");
        if (!InputEncodings.TryParse(args.Option("--encoding"), out var encoding)) throw new UsageException("--encoding is utf-8 or gb18030");
        args.Done(3);
        using var store = ctx.Open();
        var result = store.Write(ctx.Actor, session => VoucherImport.Run(session, file, encoding, dryRun: false, asDrafts: true));
        if (!result.Ok)
        {
            ctx.Reject(result.Violations);
            ctx.Error.WriteLine(ctx.Say($"文件 {file} 有 {result.Violations.Count} 个问题，未保存任何草稿。", $"{file} has {result.Violations.Count} problems; no draft was saved."));
            return ExitCodes.Rejected;
        }
        ctx.Out.WriteLine(ctx.Say($"已保存 {result.Posted} 张凭证草稿，待提交审核（cledger vouchers pending）。",
            $"saved {result.Posted} drafts, to be submitted for review (cledger vouchers pending)."));
        return ExitCodes.Done;
    }

    private static int Step(Context ctx, Args args, string verb)
    {
        var id = DraftId(args.Positional(2, "DRAFT"));
        var role = verb == "approve" ? args.Option("--as") : null;
        var resolution = verb == "approve" ? args.Option("--resolution") : null;
        var reason = verb is "reject" or "withdraw" ? args.Required("--reason") : null;
        args.Done(3);
        using var store = ctx.Open();
        var decision = store.Apply(ctx.Actor, session => verb switch
        {
            "submit" => ApprovalRules.Submit(id, session.State, ctx.Actor),
            "review" => ApprovalRules.Review(id, session.State, ctx.Actor),
            "approve" => ApprovalRules.Approve(id, role, resolution, session.State, ctx.Actor, session.Today),
            "reject" => ApprovalRules.Reject(id, reason!, session.State, ctx.Actor),
            "withdraw" => ApprovalRules.Withdraw(id, reason!, session.State, ctx.Actor),
            _ => throw new UsageException("vouchers " + Verbs),
        });
        if (!decision.Accepted) return ctx.Reject(decision.Violations);
        var posted = decision.Then.OfType<VoucherPosted>().FirstOrDefault();
        ctx.Out.WriteLine(posted is not null
            ? ctx.Say($"草稿 #{id} 审批完成，已记账为 {posted.Voucher.Key}。", $"draft #{id} is approved and posted as {posted.Voucher.Key}.")
            : ctx.Say($"草稿 #{id}：{Chinese(verb)}。", $"draft #{id}: {verb} done."));
        return ExitCodes.Done;
    }

    private static string Chinese(string verb) => verb switch
    {
        "submit" => "已提交审核",
        "review" => "已审核",
        "approve" => "已审批，等待其他审批人",
        "reject" => "已退回制单人",
        _ => "已撤回",
    };

    private static int DraftId(string text) =>
        int.TryParse(text.TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? id : throw new UsageException($"'{text}' is not a draft number (7 or #7)");

    /// <summary>What waits for whom: every open draft, its status and the step it needs next.</summary>
    private static int Pending(Context ctx, Args args)
    {
        var format = ctx.Format(args);
        args.Done(2);
        using var store = ctx.Open();
        var state = store.LoadState();
        var drafts = state.OpenDrafts.Select(d => (Draft: d, Waiting: ApprovalRules.WaitingFor(d, state))).ToList();
        static string Waiting(IReadOnlyList<(string Step, IReadOnlyList<string> People)> waiting) =>
            string.Join("; ", waiting.Select(w => w.People.Count == 0 ? w.Step : $"{w.Step}: {string.Join("、", w.People)}"));
        var grid = new Grid(["草稿 draft", "日期 date", "摘要 summary", "金额 amount", "制单 preparer", "状态 status", "等待 waiting for"],
            drafts.Select(x => (IReadOnlyList<GridCell>)[$"#{x.Draft.Id}", IsoDate.Format(x.Draft.Voucher.Date), x.Draft.Voucher.Summary,
                GridCell.Money(x.Draft.Voucher.Total, format == OutputFormat.Table), x.Draft.Preparer, x.Draft.Status.ToText(), Waiting(x.Waiting)]).ToList());
        ctx.Render(grid, format, () => Json.Write(w =>
        {
            w.WriteStartArray();
            foreach (var (draft, waiting) in drafts)
            {
                w.WriteStartObject();
                w.WriteNumber("draft", draft.Id);
                w.WriteString("date", IsoDate.Format(draft.Voucher.Date));
                w.WriteString("ref", draft.Voucher.Ref);
                w.WriteString("summary", draft.Voucher.Summary);
                w.WriteString("amount", draft.Voucher.Total.ToString());
                w.WriteString("preparer", draft.Preparer);
                w.WriteString("status", draft.Status.ToText());
                w.WriteStartArray("approvals");
                foreach (var a in draft.Approvals) { w.WriteStartObject(); w.WriteString("role", a.Role.ToText()); w.WriteString("by", a.By); w.WriteEndObject(); }
                w.WriteEndArray();
                w.WriteStartArray("waiting_for");
                foreach (var (step, people) in waiting)
                {
                    w.WriteStartObject();
                    w.WriteString("step", step);
                    w.WriteStartArray("people");
                    foreach (var p in people) w.WriteStringValue(p);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }));
        return ExitCodes.Done;
    }
}
