using System.CommandLine;
using CollectiveLedger.Reports;
using CollectiveLedger.Storage.Engines;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>villages add CODE --name NAME [--township T] [--county C]</c> and <c>villages list</c>: the villages
/// of a PostgreSQL database of many (a SQLite file is one village's books and has no such list).
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
        return new Command("villages", "PostgreSQL 数据库中的多个村 the villages of a PostgreSQL database") { add, list };
    }

    private static void RefuseFile(Context ctx)
    {
        if (!Server.IsAddress(ctx.Db))
            throw new UsageException($"{ctx.Db} 是单个村的 SQLite 账套；多个村用 PostgreSQL（--db postgres://…） {ctx.Db} is one village's SQLite books: many villages live in PostgreSQL (--db postgres://...)");
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
