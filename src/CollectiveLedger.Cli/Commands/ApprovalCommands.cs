using System.CommandLine;
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
    /// <summary>The approval verbs, subcommands of <c>vouchers</c>.</summary>
    public static IEnumerable<Command> Declare(ContextOf context)
    {
        var file = Options.Argument("FILE", "凭证文件，同 vouchers import a voucher file, as for vouchers import");
        var encoding = Convert2004Command.Encoding();
        var draft = new Command("draft", "保存为凭证草稿，待提交审核 saves the file's vouchers as drafts, to be submitted for review") { file, encoding };
        draft.Handle(context, (ctx, p) => Draft(ctx, p.Value(file), p.GetValue(encoding)));
        yield return draft;

        foreach (var (verb, description) in new[]
                 {
                     ("submit", "制单人提交草稿审核 the preparer submits a draft for review"),
                     ("review", "审核（role.reviewer） reviews a draft (role.reviewer)"),
                     ("approve", "审批；最后一人审批后记账 approves a draft; the last approval posts it"),
                     ("reject", "退回制单人 sends a draft back to its preparer"),
                     ("withdraw", "制单人撤回草稿 the preparer withdraws a draft"),
                 })
        {
            var id = Options.Argument("DRAFT", "草稿号：7 或 #7 the draft number: 7 or #7");
            var command = new Command(verb, description) { id };
            Option<string>? role = null, resolution = null, reason = null;
            if (verb == "approve")
            {
                role = Options.Text("--as", "ROLE", "以哪个角色审批（同时担任多个时） the role approved as, for a person holding several");
                resolution = Options.Text("--resolution", "TEXT", "超过审批限额时的会议决议 the meeting's resolution, above the approval limits");
                command.Add(role);
                command.Add(resolution);
            }
            if (verb is "reject" or "withdraw")
            {
                reason = Options.Text("--reason", "TEXT", "原因（必填） why (required)");
                command.Add(reason);
            }
            command.Handle(context, (ctx, p) => Step(ctx, verb, DraftId(p.Value(id)), role is null ? null : p.GetValue(role),
                resolution is null ? null : p.GetValue(resolution), reason is null ? null : p.Required(reason)));
            yield return command;
        }

        var format = Options.Format();
        var pending = new Command("pending", "待办：每张未完成的草稿及其等待的人 what waits for whom: every open draft and the step it needs next") { format };
        pending.Handle(context, (ctx, p) => Pending(ctx, ctx.Format(p, format)));
        yield return pending;
    }

    private static int Draft(Context ctx, string file, string? encodingName)
    {
        if (!InputEncodings.TryParse(encodingName, out var encoding)) throw new UsageException("--encoding is utf-8 or gb18030");
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

    private static int Step(Context ctx, string verb, int id, string? role, string? resolution, string? reason)
    {
        using var store = ctx.Open();
        var decision = store.Apply(ctx.Actor, session => verb switch
        {
            "submit" => ApprovalRules.Submit(id, session.State, ctx.Actor),
            "review" => ApprovalRules.Review(id, session.State, ctx.Actor),
            "approve" => ApprovalRules.Approve(id, role, resolution, session.State, ctx.Actor, session.Today),
            "reject" => ApprovalRules.Reject(id, reason!, session.State, ctx.Actor),
            "withdraw" => ApprovalRules.Withdraw(id, reason!, session.State, ctx.Actor),
            _ => throw new InvalidOperationException($"no approval step {verb}"),
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
    private static int Pending(Context ctx, OutputFormat format)
    {
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
