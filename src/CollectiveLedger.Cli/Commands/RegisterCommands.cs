using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Transactions;
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
    public static Command DeclareAccounts(ContextOf context)
    {
        var format = Options.Format();
        var list = new Command("list", "列出会计科目 lists the chart of accounts") { format };
        list.Handle(context, (ctx, p) => ListAccounts(ctx, ctx.Format(p, format)));

        var code = Options.Argument("CODE", "科目编码，以上级编码开头 the account's code, starting with its parent's");
        var name = Options.Argument("NAME", "科目名称 the account's name");
        var parent = Options.Text("--parent", "CODE", "上级科目（必填） the parent account (required)");
        var add = new Command("add", "增设明细科目 adds a sub-account") { code, name, parent };
        add.Handle(context, (ctx, p) => Add(ctx, [new RegisterRecord(Place.None, p.Value(code), p.Value(name), p.Required(parent))], null));

        var file = Options.Argument("FILE", "JSON 数组 [{\"code\", \"name\", \"parent\"}] a JSON array of accounts");
        var import = new Command("import", "从文件增设科目（全部或全不） adds the accounts of a file, all or none") { file };
        import.Handle(context, (ctx, p) => Import(ctx, p.Value(file), null));

        return new Command("accounts", "会计科目 the chart of accounts") { list, add, import, Convert2004Command.Declare(context) };
    }

    public static Command DeclareDimension(ContextOf context, DimensionKind kind)
    {
        var noun = kind.ToText() switch { "counterparty" => "counterparties", var s => s + "s" };
        var format = Options.Format();
        var list = new Command("list", kind == DimensionKind.Member
            ? "列出成员户（身份证、银行账号、电话打码） lists the members (ID card, bank account and phone masked)"
            : "列出代码和名称 lists the codes and names") { format };
        list.Handle(context, (ctx, p) => List(ctx, kind, ctx.Format(p, format)));

        var code = Options.Argument("CODE", "代码 the code");
        var name = Options.Argument("NAME", "名称 the name");
        var add = new Command("add", kind switch
        {
            DimensionKind.Fund => "登记专项资金及其拨付文件 registers a support fund and its grant terms",
            DimensionKind.Member => "登记成员户及其户籍信息 registers a member household and its details",
            _ => "登记往来单位 registers a counterparty",
        }) { code, name };
        var details = kind switch
        {
            DimensionKind.Fund => FundTermsInput.Required.Concat(FundTermsInput.Optional)
                .Select(key => (Key: key, Option: DetailOption(key switch { "valid_from" => "--from", "valid_to" => "--to", _ => "--" + key }, key, FundTermsInput.Required.Contains(key)))).ToList(),
            DimensionKind.Member => MemberDetailsInput.Required.Concat(MemberDetailsInput.Optional)
                .Select(key => (Key: key, Option: DetailOption("--" + key.Replace('_', '-'), key, MemberDetailsInput.Required.Contains(key)))).ToList(),
            _ => [],
        };
        foreach (var (_, option) in details) add.Add(option);
        add.Handle(context, (ctx, p) =>
        {
            var given = details.Where(d => p.GetValue(d.Option) is not null).ToDictionary(d => d.Key, d => p.GetValue(d.Option)!);
            return Add(ctx, [new RegisterRecord(Place.None, p.Value(code), p.Value(name), null, kind is DimensionKind.Fund or DimensionKind.Member ? given : null)], kind);
        });

        var file = Options.Argument("FILE", "JSON 数组 a JSON array of records");
        var import = new Command("import", "从文件登记（全部或全不） registers the records of a file, all or none") { file };
        import.Handle(context, (ctx, p) => Import(ctx, p.Value(file), kind));

        return new Command(noun, kind switch
        {
            DimensionKind.Fund => "专项资金 support funds",
            DimensionKind.Member => "成员户 member households",
            _ => "往来单位 counterparties",
        }) { list, add, import };
    }

    /// <summary>A fund's or member's detail as an option named like its field.</summary>
    private static Option<string> DetailOption(string name, string key, bool required) => Options.Text(name, key.ToUpperInvariant(), key switch
    {
        "kind" => "资金类别，如 衔接资金 kind of fund",
        "agency" => "拨款单位 the granting agency",
        "document" => "拨款文件文号 the grant document's number",
        "granted" => "批复金额 the amount granted",
        "purpose" => "资金用途 what it is for",
        "accounts" => "可列支的科目，逗号分隔 accounts its money may be spent on, comma-separated",
        "project" => "项目名称 the project",
        "valid_from" => "有效期起 valid from (YYYY-MM-DD)",
        "valid_to" => "有效期止 valid to (YYYY-MM-DD)",
        "location" => "建设地点 location",
        "tasks" => "建设任务 tasks",
        "standard" => "补助标准 the subsidy standard",
        "implementer" => "实施单位 implementer",
        "responsible" => "责任人 person responsible",
        "targets" => "绩效目标 targets",
        "beneficiaries" => "受益对象 beneficiaries",
        "head" => "户主 head of household",
        "household_size" => "家庭人口 household size",
        "shares" => "股份 shares",
        "id_card" => "身份证号 ID card number",
        "bank_account" => "银行账号 bank account",
        "phone" => "电话 phone",
        _ => key,
    } + (required ? "（必填） (required)" : ""));

    private static int ListAccounts(Context ctx, OutputFormat format)
    {
        using var store = ctx.Open();
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
        return ExitCodes.Done;
    }

    private static int List(Context ctx, DimensionKind kind, OutputFormat format)
    {
        if (kind == DimensionKind.Member)
        {
            MemberList(ctx, format);
            return ExitCodes.Done;
        }
        using var store = ctx.Open();
        var rows = store.Books.Dimensions(kind);
        ctx.Render(new Grid(["编码 code", "名称 name"], rows.Select(r => (IReadOnlyList<GridCell>)[r.Code, r.Name]).ToList()), format,
            () => Json.Write(w =>
            {
                w.WriteStartArray();
                foreach (var (c, n) in rows) { w.WriteStartObject(); w.WriteString("code", c); w.WriteString("name", n); w.WriteEndObject(); }
                w.WriteEndArray();
            }));
        return ExitCodes.Done;
    }

    /// <summary>
    /// <c>members list</c>: code, name and, for households registered with details, the head, size and
    /// shares; ID card, bank account and phone only masked (PersonalData), whatever the format.
    /// </summary>
    private static void MemberList(Context ctx, OutputFormat format)
    {
        using var store = ctx.Open();
        var state = store.LoadState();
        var rows = store.Books.Dimensions(DimensionKind.Member).Select(r => (r.Code, r.Name, Details: state.MemberDetails(r.Code))).ToList();
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
        var outcome = store.Write(ctx.Actor, session => Registering.AddAll(session, records, kind));
        if (!outcome.Accepted) return ctx.Reject(outcome.Violations);
        var (added, skipped) = outcome.Value;
        ctx.Out.WriteLine(ctx.Say($"已登记 {added} 项，已存在 {skipped} 项。", $"added {added}, already registered {skipped}."));
        return ExitCodes.Done;
    }

}
