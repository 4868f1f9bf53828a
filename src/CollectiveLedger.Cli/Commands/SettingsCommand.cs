using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Reports;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>settings list</c> / <c>settings set KEY VALUE</c>: locally decided values such as the objection period and signatories.
/// The list shows every key <c>settings set</c> takes (<see cref="SettingRules.Keys"/>: disclosure, posting days, roles and
/// approval limits), unset ones as the default (null in JSON).
/// </summary>
public static class SettingsCommand
{
    public static int Run(Context ctx, Args args)
    {
        switch (args.Positional(1, "settings list|set"))
        {
            case "list":
                var format = ctx.Format(args);
                args.Done(2);
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
                var name = args.Positional(2, "KEY");
                var text = args.Positional(3, "VALUE");
                args.Done(4);
                using (var store = ctx.Open())
                {
                    var decision = store.Apply(ctx.Actor, session => SettingRules.Change(name, text, session.State));
                    if (!decision.Accepted) return ctx.Reject(decision.Violations);
                }
                ctx.Out.WriteLine(ctx.Say($"已设置 {name}。", $"{name} set."));
                return ExitCodes.Done;
            default:
                throw new UsageException("settings list|set KEY VALUE");
        }
    }
}
