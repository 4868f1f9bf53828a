using System.Globalization;
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
        switch (args.Positional(1, "accounts list|add|import|convert-2004"))
        {
            case "convert-2004":
                return Convert2004Command.Run(ctx, args);
            case "list":
                var format = ctx.Format(args);
                args.Done(2);
                using (var store = ctx.Open())
                {
                    var state = store.LoadState();
                    var accounts = state.Accounts.Values.OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
                    ctx.Render(new Grid(["科目编码 code", "科目名称 name", "上级 parent", "级次 level", "末级 leaf"],
                        accounts.Select(a => (IReadOnlyList<GridCell>)[a.Code, a.Name, a.Parent, a.Level.ToString(CultureInfo.InvariantCulture), state.IsLeaf(a.Code) ? "是 yes" : ""]).ToList()),
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
                throw new UsageException("accounts list|add|import|convert-2004");
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
                if (kind == DimensionKind.Member)
                {
                    MemberList(ctx, format);
                    return ExitCodes.Done;
                }
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
                var terms = kind == DimensionKind.Fund ? FundOptions(args) : kind == DimensionKind.Member ? MemberOptions(args) : null;
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

    /// <summary>A member household's details from options named like the fields (--household-size for household_size...).</summary>
    private static Dictionary<string, string> MemberOptions(Args args)
    {
        var details = new Dictionary<string, string>();
        foreach (var key in MemberDetailsInput.Required.Concat(MemberDetailsInput.Optional))
            if (args.Option("--" + key.Replace('_', '-')) is { } value) details[key] = value;
        return details;
    }

    /// <summary>
    /// <c>members list</c>: code, name and, for households registered with details, the head, size and
    /// shares; ID card, bank account and phone only masked (PersonalData), whatever the format.
    /// </summary>
    private static void MemberList(Context ctx, OutputFormat format)
    {
        using var store = ctx.Open();
        var state = store.LoadState();
        var rows = store.Dimensions(DimensionKind.Member).Select(r => (r.Code, r.Name, Details: state.MemberDetails(r.Code))).ToList();
        static string Masked(string? text) => text is null ? "" : Core.Disclosure.PersonalData.MaskNumber(text);
        ctx.Render(new Grid(["编码 code", "名称 name", "户主 head", "人口 size", "股份 shares", "身份证 ID card", "银行账号 bank account", "电话 phone"],
            rows.Select(r => (IReadOnlyList<GridCell>)[r.Code, r.Name, r.Details?.Head, r.Details?.HouseholdSize.ToString(CultureInfo.InvariantCulture), r.Details?.Shares.ToString(CultureInfo.InvariantCulture),
                Masked(r.Details?.IdCard), Masked(r.Details?.BankAccount), Masked(r.Details?.Phone)]).ToList()), format,
            () => Json.Write(w =>
            {
                w.WriteStartArray();
                foreach (var (code, name, details) in rows)
                {
                    w.WriteStartObject();
                    w.WriteString("code", code);
                    w.WriteString("name", name);
                    if (details is not null)
                    {
                        w.WriteString("head", details.Head);
                        w.WriteNumber("household_size", details.HouseholdSize);
                        w.WriteNumber("shares", details.Shares);
                        w.WriteString("id_card", details.IdCard is null ? null : Masked(details.IdCard));
                        w.WriteString("bank_account", details.BankAccount is null ? null : Masked(details.BankAccount));
                        w.WriteString("phone", details.Phone is null ? null : Masked(details.Phone));
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }));
    }

    private static int Import(Context ctx, string file, DimensionKind? kind)
    {
        var problems = new List<Violation>();
        var records = RegisterFileReader.Read(file, withParent: kind is null, InputEncoding.Utf8, problems);
        foreach (var r in records.Where(r => r.Details is not null && kind is not (DimensionKind.Fund or DimensionKind.Member)))
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
                var terms = r.Details is null || kind != DimensionKind.Fund ? null : new FundTermsInput(r.Details);
                var details = r.Details is null || kind != DimensionKind.Member ? null : new MemberDetailsInput(r.Details);
                if (RegisterRules.AlreadyRegistered(session.State, r.Code, r.Name, r.Parent, kind, terms, details)) { skipped++; continue; }
                var decision = kind is { } k
                    ? RegisterRules.AddDimension(k, r.Code, r.Name, session.State, r.Place, terms, details)
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
