using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Reports;

namespace CollectiveLedger.Cli.Commands;

/// <summary><c>keys generate --name NAME --out FILE</c> (the public key is registered in the log) and <c>keys list</c>.</summary>
public static class KeyCommands
{
    public static int Run(Context ctx, Args args)
    {
        switch (args.Positional(1, "keys generate|list"))
        {
            case "generate":
                var name = args.Required("--name");
                var path = args.Required("--out");
                args.Done(2);
                if (File.Exists(path)) throw new UsageException($"{path} already exists; it will not be overwritten");
                using (var store = ctx.Open())
                using (var key = SigningKeyFile.Generate(name))
                {
                    // Asked before the write lock is taken: a person may take their time typing.
                    var passphrase = SigningKeyFile.Passphrase(ctx, ctx.Say("为私钥设置口令：", "passphrase for the private key: "), confirm: true);
                    if (passphrase.Length < 8) throw new UsageException("the passphrase needs at least 8 characters");
                    // The key file is written before the entry commits and removed if it does not: a
                    // registered key always has its private half, and an unregistered file never stays.
                    Decision decision;
                    try
                    {
                        decision = store.Apply(ctx.Actor, session =>
                        {
                            var d = SettingRules.RegisterKey(name, key.PublicKey, session.State);
                            if (d.Accepted) key.Save(path, passphrase);
                            return d;
                        });
                    }
                    catch
                    {
                        File.Delete(path);
                        throw;
                    }
                    if (!decision.Accepted) return ctx.Reject(decision.Violations);
                    var registered = (KeyRegistered)decision.Event!;
                    ctx.Out.WriteLine(ctx.Say($"已生成签名密钥 {name}（{registered.KeyIdHex}），私钥保存在 {path}，公钥已登记到审计日志。指纹：{registered.Fingerprint}",
                        $"generated signing key {name} ({registered.KeyIdHex}); private key in {path}, public key registered in the log. Fingerprint: {registered.Fingerprint}"));
                }
                return ExitCodes.Done;
            case "list":
                var format = ctx.Format(args);
                args.Done(2);
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
            default:
                throw new UsageException("keys generate|list");
        }
    }
}
