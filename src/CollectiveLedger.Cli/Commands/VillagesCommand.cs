using System.CommandLine;
using CollectiveLedger.Reports;
using CollectiveLedger.Storage.Engines;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>villages add CODE --name NAME [--township T] [--county C]</c> and <c>villages list</c>: the villages
/// of a PostgreSQL database of many (a SQLite file is one village's books and has no such list); <c>villages grant|revoke
/// USER (--sees CODE | --township T --county C | --county C)</c> and <c>villages access [USER]</c>: which other villages a
/// user of the home village (<c>--village</c>) sees in the township and county views (the registry of access).
/// </summary>
public static class VillagesCommand
{
    public static Command Declare(ContextOf context)
    {
        var code = Options.Argument("CODE", "村代码（字母、数字、_） the village's code (letters, digits, _)");
        var name = Options.Text("--name", "NAME", "村集体经济组织名称（必填） the village collective's name (required)");
        var township = Options.Text("--township", "NAME", "所属乡镇 the township it belongs to");
        var county = Options.Text("--county", "NAME", "所属县（旗） the county (banner) it belongs to");
        var add = new Command("add", "登记一个村（账套由 init --village 创建） registers a village (init --village makes its books)") { code, name, township, county };
        add.Handle(context, (ctx, p) => Add(ctx, p.Value(code), p.Required(name), p.GetValue(township), p.GetValue(county)));
        var format = Options.Format();
        var list = new Command("list", "数据库中的村 the villages of the database") { format };
        list.Handle(context, (ctx, p) => List(ctx, ctx.Format(p, format)));
        var holder = Options.Argument("USER", "只列此用户的授权 only this user's grants");
        holder.Arity = ArgumentArity.ZeroOrOne;
        var accessFormat = Options.Format();
        var history = new Option<bool>("--history") { Description = "列出每次授权和收回（谁、何时） every grant and revoke, by whom and when" };
        var access = new Command("access", "本村（--village）用户可查看的其他村 which villages the users of the home village (--village) may see") { holder, history, accessFormat };
        access.Handle(context, (ctx, p) => p.GetValue(history)
            ? AccessLog(ctx, p.GetValue(holder), ctx.Format(p, accessFormat))
            : Access(ctx, p.GetValue(holder), ctx.Format(p, accessFormat)));
        return new Command("villages", "PostgreSQL 数据库中的多个村 the villages of a PostgreSQL database")
        {
            add, list,
            Scoped("grant", "让本村（--village）的用户在乡镇、县视图中查看其他村 lets a user of the home village (--village) see other villages in the township and county views", context, Grant),
            Scoped("revoke", "收回 grant 给出的查看权限（立即生效） takes back what grant gave (at once)", context, Revoke),
            access,
        };
    }

    /// <summary><c>grant</c> or <c>revoke</c>: USER and the scope, one of a village (--sees), a township (--township with --county) or a county (--county).</summary>
    private static Command Scoped(string verb, string description, ContextOf context, Func<Context, string, AccessScope, int> run)
    {
        var user = Options.Argument("USER", "本村（--village）的用户名 a user name of the home village (--village)");
        var sees = Options.Text("--sees", "CODE", "一个村的代码 one village, by its code");
        var township = Options.Text("--township", "NAME", "一个乡镇的全部村（与 --county 同用） every village of a township (with --county)");
        var county = Options.Text("--county", "NAME", "一个县的全部村，或 --township 所在的县 every village of a county, or the county of --township");
        var command = new Command(verb, description) { user, sees, township, county };
        command.Handle(context, (ctx, p) => run(ctx, p.Value(user), (p.GetValue(sees), p.GetValue(township), p.GetValue(county)) switch
        {
            ({ } code, null, null) => AccessScope.OneVillage(code),
            (null, { } t, { } c) => AccessScope.WholeTownship(c, t),
            (null, null, { } c) => AccessScope.WholeCounty(c),
            (null, { }, null) => throw new UsageException("--township 需要 --county（两个县可能各有同名乡镇） --township needs --county (two counties may each have a township of that name)"),
            _ => throw new UsageException("请给出 --sees CODE、--township NAME --county NAME 或 --county NAME 之一 give one of --sees CODE, --township NAME --county NAME or --county NAME"),
        }));
        return command;
    }

    private static void RefuseFile(Context ctx)
    {
        if (!Server.IsAddress(ctx.Db))
            throw new UsageException($"{ctx.Db} 是单个村的 SQLite 账套；多个村用 PostgreSQL（--db postgres://…） {ctx.Db} is one village's SQLite books: many villages live in PostgreSQL (--db postgres://...)");
    }

    /// <summary>Township views are for a PostgreSQL database of many villages, and a grant's home is the village named with --village.</summary>
    private static string Home(Context ctx)
    {
        if (!Server.IsAddress(ctx.Db))
            throw new UsageException($"只有存放多个村的 PostgreSQL 数据库才有乡镇、县视图：{ctx.Db} 是单个村的 SQLite 账套 "
                                     + $"only a PostgreSQL database of many villages has township views: {ctx.Db} is one village's SQLite books");
        return ctx.Village ?? throw new UsageException("请用 --village CODE（或 $CLEDGER_VILLAGE）指明用户所在的本村 name the user's home village with --village CODE (or $CLEDGER_VILLAGE)");
    }

    private static int Refuse(Context ctx, string zh, string en)
    {
        ctx.Error.WriteLine(ctx.Say(zh, en));
        return ExitCodes.Rejected;
    }

    private static int Grant(Context ctx, string user, AccessScope scope)
    {
        var home = Home(ctx);
        var villages = Server.Villages(ctx.Db);
        if (villages.All(v => v.Code != home))
            return Refuse(ctx, $"本村 {home} 未登记（先运行 cledger villages add {home}）", $"the home village {home} is not registered (run cledger villages add {home} first)");
        if (!villages.Any(scope.Covers))
            return Refuse(ctx, $"没有登记这样的村：{scope}（见 cledger villages list）", $"no registered village is in {scope} (see cledger villages list)");
        using (var store = ctx.Open())
            if (store.Credentials.FindCredential(user) is null)
                return Refuse(ctx, $"村 {home} 没有用户 {user}（先运行 cledger --village {home} users add {user}）",
                    $"village {home} has no user {user} (run cledger --village {home} users add {user} first)");
        var granted = Server.Grant(ctx.Db, home, user, scope, ctx.Actor, ctx.Clock.GetUtcNow());
        ctx.Out.WriteLine(granted
            ? ctx.Say($"村 {home} 的 {user} 现在可以查看 {scope}。", $"{user} of village {home} now sees {scope}.")
            : ctx.Say($"村 {home} 的 {user} 已可查看 {scope}，未作改动。", $"{user} of village {home} already sees {scope}; nothing changed."));
        return ExitCodes.Done;
    }

    private static int Revoke(Context ctx, string user, AccessScope scope)
    {
        var home = Home(ctx);
        if (!Server.Revoke(ctx.Db, home, user, scope, ctx.Actor, ctx.Clock.GetUtcNow()))
            return Refuse(ctx, $"村 {home} 的 {user} 没有 {scope} 的查看权限（见 cledger villages access {user}）",
                $"{user} of village {home} holds no grant of {scope} (see cledger villages access {user})");
        ctx.Out.WriteLine(ctx.Say($"已收回村 {home} 的 {user} 对 {scope} 的查看权限。", $"{user} of village {home} no longer sees {scope}."));
        return ExitCodes.Done;
    }

    private static int Access(Context ctx, string? user, OutputFormat format)
    {
        var home = Home(ctx);
        var grants = Server.Grants(ctx.Db, home, user);
        ctx.Render(new Grid(["用户 user", "范围 kind", "县 county", "村或乡镇或县 scope", "授权人 granted by", "授权时间 granted at"],
                grants.Select(g => (IReadOnlyList<GridCell>)[g.User, g.Kind, g.County, g.Name, g.GrantedBy, g.GrantedAt]).ToList()),
            format, () => Json.Write(w =>
            {
                w.WriteStartArray();
                foreach (var g in grants)
                {
                    w.WriteStartObject();
                    WriteWhoAndScope(w, home, g.User, g.Scope);
                    w.WriteString("granted_by", g.GrantedBy);
                    w.WriteString("granted_at", g.GrantedAt);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }));
        return ExitCodes.Done;
    }

    private static int AccessLog(Context ctx, string? user, OutputFormat format)
    {
        var home = Home(ctx);
        var changes = Server.AccessLog(ctx.Db, home, user);
        ctx.Render(new Grid(["时间 at", "操作人 by", "操作 action", "用户 user", "范围 kind", "县 county", "村或乡镇或县 scope"],
                changes.Select(c => (IReadOnlyList<GridCell>)[c.At, c.Actor, c.Action, c.User, c.Kind, c.County, c.Name]).ToList()),
            format, () => Json.Write(w =>
            {
                w.WriteStartArray();
                foreach (var c in changes)
                {
                    w.WriteStartObject();
                    w.WriteString("at", c.At);
                    w.WriteString("by", c.Actor);
                    w.WriteString("action", c.Action);
                    WriteWhoAndScope(w, home, c.User, c.Scope);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }));
        return ExitCodes.Done;
    }

    /// <summary>A grant's person and scope as both JSON listings write them: the scope's name under its kind, a township's county beside it.</summary>
    private static void WriteWhoAndScope(System.Text.Json.Utf8JsonWriter w, string home, string user, AccessScope scope)
    {
        w.WriteString("home", home);
        w.WriteString("user", user);
        w.WriteString("kind", scope.Kind);
        w.WriteString(scope.Kind, scope.Name);
        if (scope.Kind == "township") w.WriteString("county", scope.County);
    }

    private static int Add(Context ctx, string code, string name, string? township, string? county)
    {
        RefuseFile(ctx);
        Server.AddVillage(ctx.Db, code, name, township, county);
        ctx.Out.WriteLine(ctx.Say($"已登记村 {code}：{name}。", $"registered village {code}: {name}."));
        return ExitCodes.Done;
    }

    private static int List(Context ctx, OutputFormat format)
    {
        RefuseFile(ctx);
        var villages = Server.Villages(ctx.Db);
        ctx.Render(new Grid(["县 county", "乡镇 township", "代码 code", "名称 name", "账套 books"],
                villages.Select(v => (IReadOnlyList<GridCell>)[v.County ?? "", v.Township ?? "", v.Code, v.Name, v.HasBooks ? ctx.Say("有", "yes") : ctx.Say("无", "none")]).ToList()),
            format, () => Json.Write(w =>
            {
                w.WriteStartArray();
                foreach (var v in villages)
                {
                    w.WriteStartObject();
                    w.WriteString("code", v.Code);
                    w.WriteString("name", v.Name);
                    w.WriteString("township", v.Township);
                    w.WriteString("county", v.County);
                    w.WriteBoolean("has_books", v.HasBooks);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }));
        return ExitCodes.Done;
    }
}
