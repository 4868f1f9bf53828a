using System.CommandLine;
using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Reports;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>settings list</c> / <c>settings set KEY VALUE</c>: locally decided values such as the objection
/// period and signatories. Once the books have a committee chair or a supervisor, <c>settings set</c>
/// of an approval or supervision role files a request, which another committee chair or supervisor
/// approves with <c>settings set KEY VALUE --approve</c> (<see cref="RoleChangeRules"/>).
/// The list shows every key <c>settings set</c> takes (<see cref="SettingRules.Keys"/>: disclosure, posting days, roles and
/// approval limits), unset ones as the default (null in JSON).
/// </summary>
public static class SettingsCommand
{
    public static Command Declare(ContextOf context)
    {
        var format = Options.Format();
        var list = new Command("list", "每项设置及其值（未设的显示默认） every setting and its value (unset ones as the default)") { format };
        list.Handle(context, (ctx, p) => Run(ctx, "list", format: ctx.Format(p, format)));
        var key = Options.Argument("KEY", "设置项，如 role.supervisor、disclosure.objection_days the setting, e.g. role.supervisor");
        var value = Options.Argument("VALUE", "值 the value");
        var approve = Options.Flag("--approve", "批准他人对审批或监督角色的修改申请 approves another's request to change an approval or supervision role");
        var set = new Command("set", "设置；审批和监督角色的修改须另一人批准 sets a value; a change of who approves or supervises needs a second person's approval") { key, value, approve };
        set.Handle(context, (ctx, p) => Run(ctx, "set", p.Value(key), p.Value(value), p.Flag(approve)));
        return new Command("settings", "本地规则和角色 local rules and roles") { list, set };
    }

    private static int Run(Context ctx, string verb, string name = "", string text = "", bool approve = false, OutputFormat format = OutputFormat.Table)
    {
        switch (verb)
        {
            case "list":
                using (var store = ctx.Open())
                {
                    var settings = store.LoadState().Settings;
                    var rows = SettingRules.Keys.Select(k => (Key: k, Value: settings.GetValueOrDefault(k))).ToList();
                    ctx.Render(new Grid(["设置 key", "值 value"], rows.Select(r => (IReadOnlyList<GridCell>)[r.Key, r.Value ?? "(默认 default)"]).ToList()),
                        format, () => Json.Write(w =>
                        {
                            w.WriteStartObject();
                            foreach (var (key, value) in rows) w.WriteString(key, value);
                            w.WriteEndObject();
                        }));
                }
                return ExitCodes.Done;
            case "set":
                Core.Ledger.Decision decision;
                using (var store = ctx.Open())
                {
                    // Who approves and supervises changes with a second person's approval (RoleChangeRules).
                    decision = store.Apply(ctx.Actor, session => approve
                        ? RoleChangeRules.Approve(name, text, session.State, ctx.Actor)
                        : SettingRules.Set(name, text, session.State, ctx.Actor));
                    if (!decision.Accepted) return ctx.Reject(decision.Violations);
                }
                ctx.Out.WriteLine(decision.Event switch
                {
                    RoleChangeRequested r => ctx.Say(
                        $"已申请将 {name} 改为「{r.Value}」，待委员会主任或监督委员会成员中的另一人批准（settings set {name} {r.Value} --approve）。",
                        $"asked to set {name} to \"{r.Value}\"; a committee chair or supervisor other than you approves with: settings set {name} {r.Value} --approve"),
                    RoleChangeApproved a => ctx.Say($"已批准：{name} 现为「{a.Value}」。", $"approved: {name} is now \"{a.Value}\"."),
                    _ => ctx.Say($"已设置 {name}。", $"{name} set."),
                });
                return ExitCodes.Done;
            default:
                throw new InvalidOperationException($"no settings {verb}");
        }
    }
}
