using System.CommandLine;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Reports;

namespace CollectiveLedger.Cli.Commands;

/// <summary><c>keys generate --name NAME --out FILE</c> (the public key is registered in the log) and <c>keys list</c>.</summary>
public static class KeyCommands
{
    public static Command Declare(ContextOf context)
    {
        var name = Options.Text("--name", "NAME", "密钥名称，如 gacha.example/accountant（必填） the key's name (required)");
        var output = Options.Text("--out", "FILE", "私钥文件（不覆盖，必填） the private key file, never overwritten (required)");
        var generate = new Command("generate", "生成签名密钥，公钥登记到审计日志（询问口令） generates a signing key; its public key is registered in the log (asks for a passphrase)")
            { name, output };
        generate.Handle(context, (ctx, p) => Generate(ctx, p.Required(name), p.Required(output)));
        var format = Options.Format();
        var list = new Command("list", "登记的签名密钥 the registered signing keys") { format };
        list.Handle(context, (ctx, p) => List(ctx, ctx.Format(p, format)));
        return new Command("keys", "签名密钥 signing keys") { generate, list };
    }

    private static int Generate(Context ctx, string name, string path)
    {
        if (File.Exists(path)) throw new UsageException($"{path} already exists; it will not be overwritten");
        using var store = ctx.Open();
        // Asked before the write lock is taken: a person may take their time typing.
        var passphrase = SigningKeyFile.Passphrase(ctx, ctx.Say("为私钥设置口令：", "passphrase for the private key: "), confirm: true);
        var (decision, key) = SigningKeyFile.Create(ctx, store, name, path, passphrase);
        if (!decision.Accepted) return ctx.Reject(decision.Violations);
        key!.Dispose();
        return ExitCodes.Done;
    }

    private static int List(Context ctx, OutputFormat format)
    {
        using (var store = ctx.Open())
        {
            var keys = store.LoadState().Keys.OrderBy(k => k.Name, StringComparer.Ordinal).ToList();
            ctx.Render(new Grid(["名称 name", "密钥ID key id", "指纹 fingerprint"], keys.Select(k => (IReadOnlyList<GridCell>)[k.Name, k.KeyIdHex, k.Fingerprint]).ToList()),
                format, () => Json.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var k in keys)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", k.Name);
                        w.WriteString("key_id", k.KeyIdHex);
                        w.WriteString("fingerprint", k.Fingerprint);
                        w.WriteString("public_key", Convert.ToBase64String(k.PublicKey));
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }));
        }
        return ExitCodes.Done;
    }
}
