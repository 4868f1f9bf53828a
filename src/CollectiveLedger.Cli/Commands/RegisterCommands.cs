using System.Text.Json;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Import;
using CollectiveLedger.Reports;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>accounts list|add|import</c>, and <c>funds</c>, <c>members</c>, <c>counterparties</c> with the
/// same verbs. An import file is checked whole and added all or nothing; codes already registered
/// under the same name are skipped, so a file can be imported again.
/// </summary>
public static class RegisterCommands
{
    public static int Accounts(Context ctx, Args args)
    {
        switch (args.Positional(1, "accounts list|add|import"))
        {
            case "list":
                var format = ctx.Format(args);
                args.Done(2);
                using (var store = ctx.Open())
                {
                    var state = store.LoadState();
                    var accounts = state.Accounts.Values.OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
                    ctx.Render(new Grid(["科目编码 code", "科目名称 name", "上级 parent", "级次 level", "末级 leaf"],
                        accounts.Select(a => (IReadOnlyList<GridCell>)[a.Code, a.Name, a.Parent, a.Level.ToString(), state.IsLeaf(a.Code) ? "是 yes" : ""]).ToList()),
                        format, () => Json.Write(w =>
                        {
                            w.WriteStartArray();
                            foreach (var a in accounts)
                            {
                                w.WriteStartObject();
                                w.WriteString("code", a.Code);
                                w.WriteString("name", a.Name);
                                w.WriteString("parent", a.Parent);
                                w.WriteNumber("level", a.Level);
                                w.WriteBoolean("leaf", state.IsLeaf(a.Code));
                                w.WriteEndObject();
                            }
                            w.WriteEndArray();
                        }));
                }
                return ExitCodes.Done;
            case "add":
                var code = args.Positional(2, "CODE");
                var name = args.Positional(3, "NAME");
                var parent = args.Required("--parent");
                args.Done(4);
                return Add(ctx, [new RegisterRecord(Place.None, code, name, parent)], null);
            case "import":
                var file = args.Positional(2, "FILE");
                args.Done(3);
                return Import(ctx, file, null);
            default:
                throw new UsageException("accounts list|add|import");
        }
    }

    public static int Dimension(Context ctx, Args args, DimensionKind kind)
    {
        var noun = kind.ToText() switch { "counterparty" => "counterparties", var s => s + "s" };
        switch (args.Positional(1, $"{noun} list|add|import"))
        {
            case "list":
                var format = ctx.Format(args);
                args.Done(2);
                using (var store = ctx.Open())
                {
                    var rows = store.Dimensions(kind);
                    ctx.Render(new Grid(["编码 code", "名称 name"], rows.Select(r => (IReadOnlyList<GridCell>)[r.Code, r.Name]).ToList()), format,
                        () => Json.Write(w =>
                        {
                            w.WriteStartArray();
                            foreach (var (c, n) in rows) { w.WriteStartObject(); w.WriteString("code", c); w.WriteString("name", n); w.WriteEndObject(); }
                            w.WriteEndArray();
                        }));
                }
                return ExitCodes.Done;
            case "add":
                var code = args.Positional(2, "CODE");
                var name = args.Positional(3, "NAME");
                var terms = kind == DimensionKind.Fund ? FundOptions(args) : null;
                args.Done(4);
                return Add(ctx, [new RegisterRecord(Place.None, code, name, null, terms)], kind);
            case "import":
                var file = args.Positional(2, "FILE");
                args.Done(3);
                return Import(ctx, file, kind);
            default:
                throw new UsageException($"{noun} list|add|import");
        }
    }

    /// <summary>A fund's grant terms from options named like the fields (--from and --to for the validity dates).</summary>
    private static Dictionary<string, string> FundOptions(Args args)
    {
        var terms = new Dictionary<string, string>();
        foreach (var key in FundTermsInput.Required.Concat(FundTermsInput.Optional))
        {
            var option = key switch { "valid_from" => "--from", "valid_to" => "--to", _ => "--" + key };
            if (args.Option(option) is { } value) terms[key] = value;
        }
        return terms;
    }

    private static int Import(Context ctx, string file, DimensionKind? kind)
    {
        var problems = new List<Violation>();
        var records = RegisterFileReader.Read(file, withParent: kind is null, InputEncoding.Utf8, problems);
        foreach (var r in records.Where(r => r.Details is not null && kind != DimensionKind.Fund))
            problems.AddRange(r.Details!.Keys.Select(key => new Violation(ViolationCode.FieldUnknown, r.Place.WithField(key), key)));
        return problems.Count > 0 ? ctx.Reject(problems) : Add(ctx, records, kind);
    }

    /// <summary>Adds every record or none; one already registered with the same name is left as it is.</summary>
    private static int Add(Context ctx, IReadOnlyList<RegisterRecord> records, DimensionKind? kind)
    {
        using var store = ctx.Open();
        var (added, skipped, violations) = store.Write(ctx.Actor, session =>
        {
            var violations = new List<Violation>();
            int added = 0, skipped = 0;
            foreach (var r in records)
            {
                var terms = r.Details is null ? null : new FundTermsInput(r.Details);
                if (RegisterRules.AlreadyRegistered(session.State, r.Code, r.Name, r.Parent, kind, terms)) { skipped++; continue; }
                var decision = kind is { } k
                    ? RegisterRules.AddDimension(k, r.Code, r.Name, session.State, r.Place, terms)
                    : RegisterRules.AddAccount(r.Code, r.Name, r.Parent!, session.State, r.Place);
                if (decision.Accepted) { session.Append(decision.Event!); added++; }
                else violations.AddRange(decision.Violations);
            }
            if (violations.Count > 0) session.Abandon();
            return (added, skipped, violations);
        });
        if (violations.Count > 0) return ctx.Reject(violations);
        ctx.Out.WriteLine(ctx.Say($"已登记 {added} 项，已存在 {skipped} 项。", $"added {added}, already registered {skipped}."));
        return ExitCodes.Done;
    }

}
