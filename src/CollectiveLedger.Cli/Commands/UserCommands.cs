using System.CommandLine;
using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Reports;
using CollectiveLedger.Web;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>users add NAME [--password-stdin] | password NAME [--password-stdin] | list | remove NAME</c>:
/// who can sign in to the web workspace. The password comes from <c>CLEDGER_PASSWORD</c>, from
/// standard input with <c>--password-stdin</c>, or is asked for on the terminal; only its salted
/// slow hash is stored, in the credentials table outside the books, and the log records who set it
/// (<c>user.credential_set</c>, via <c>server</c>, by the actor: never the password or its hash). This is
/// the only way to set another person's password; the web workspace issues one-time enrolment codes
/// instead. What a user may do is not here: it is the role.* settings (<c>settings set role.accountant NAME</c>), in the log.
/// </summary>
public static class UserCommands
{
    public static Command Declare(ContextOf context)
    {
        var users = new Command("users", "网页工作台的登录用户 who can sign in to the web workspace");
        foreach (var (verb, description) in new[]
                 {
                     ("add", "新增用户并设置密码（密码来自 --password-stdin、CLEDGER_PASSWORD 或终端） adds a user with a password (from --password-stdin, CLEDGER_PASSWORD or the terminal)"),
                     ("password", "重设用户密码 sets a user's password again"),
                 })
        {
            var name = UserName();
            var stdin = Options.Flag("--password-stdin", "从标准输入读一行作为密码 read the password as one line of standard input");
            var command = new Command(verb, description) { name, stdin };
            command.Handle(context, (ctx, p) => Run(ctx, verb, p.Value(name), p.Flag(stdin), OutputFormat.Table));
            users.Add(command);
        }
        var format = Options.Format();
        var list = new Command("list", "用户及其角色 the users and their roles") { format };
        list.Handle(context, (ctx, p) => Run(ctx, "list", null, false, ctx.Format(p, format)));
        users.Add(list);
        var removed = UserName();
        var remove = new Command("remove", "取消用户登录（角色设置不变） removes a user's sign-in (their role settings stay)") { removed };
        remove.Handle(context, (ctx, p) => Run(ctx, "remove", p.Value(removed), false, OutputFormat.Table));
        users.Add(remove);
        return users;
    }

    private static Argument<string> UserName() => Options.Argument("NAME", "用户名（与角色设置中的姓名相同） the user's name, as in the role settings");

    private static int Run(Context ctx, string verb, string? nameText, bool fromStdin, OutputFormat format)
    {
        switch (verb)
        {
            case "list":
            {
                using var store = ctx.Open();
                var state = store.LoadState();
                var rows = store.Credentials.UserNames().Select(name => (Name: name,
                    Roles: string.Join(",", Roles.All.Where(r => ApprovalPolicy.Holds(state, name, r)).Select(r => r.ToText())))).ToList();
                ctx.Render(new Grid(["用户 user", "角色 roles"], rows.Select(r => (IReadOnlyList<GridCell>)[r.Name, r.Roles]).ToList()), format, () => Json.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var (name, roles) in rows)
                    {
                        w.WriteStartObject();
                        w.WriteString("user", name);
                        w.WriteStartArray("roles");
                        foreach (var role in roles.Split(',', StringSplitOptions.RemoveEmptyEntries)) w.WriteStringValue(role);
                        w.WriteEndArray();
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }));
                return ExitCodes.Done;
            }
            case "add" or "password":
            {
                var name = Name(nameText!);
                using var store = ctx.Open();
                var exists = store.Credentials.FindCredential(name) is not null;
                if (verb == "add" && exists) return ctx.Reject([new Violation(ViolationCode.FieldInvalid, new Place(Field: "NAME"), name, "user exists; use users password")]);
                // A new user may not read like another user or a role holder (Core's rule for every new name).
                if (verb == "add" && store.LoadState() is var state
                    && TextRules.ConfusableWith(name, store.Credentials.UserNames().Concat(Roles.All.SelectMany(r => ApprovalPolicy.Holders(state, r)))) is { } other)
                    return ctx.Reject([new Violation(ViolationCode.NameConfusable, new Place(Field: "NAME"), name, other)]);
                if (verb == "password" && !exists) return ctx.Reject([new Violation(ViolationCode.FieldInvalid, new Place(Field: "NAME"), name, "no such user; use users add")]);
                var password = Password(ctx, fromStdin);
                if (Passwords.Problem(password, ctx.Chinese) is { } problem) throw new UsageException(problem);
                // One transaction: the hash in the credentials table and user.credential_set (via server, by
                // this command's actor) in the log, so the books show who created every credential.
                var decision = store.Credentials.SetPassword(ctx.Actor, name, Passwords.Hash(name, password), CredentialSet.Server);
                if (!decision.Accepted) return ctx.Reject(decision.Violations);
                ctx.Out.WriteLine(ctx.Say($"已为 {name} 设置密码。角色用 settings set role.<角色> 授予。", $"password set for {name}. Grant roles with settings set role.<role>."));
                return ExitCodes.Done;
            }
            case "remove":
            {
                var name = Name(nameText!);
                using var store = ctx.Open();
                if (!store.Credentials.RemoveCredential(name)) return ctx.Reject([new Violation(ViolationCode.FieldInvalid, new Place(Field: "NAME"), name, "no such user")]);
                ctx.Out.WriteLine(ctx.Say($"{name} 不能再登录；其角色仍按设置保留，需另行撤销。", $"{name} can no longer sign in; their roles stay in the settings until revoked there."));
                return ExitCodes.Done;
            }
            default:
                throw new InvalidOperationException($"no users {verb}");
        }
    }

    /// <summary>A user name follows the rules of every name in the books: it is the actor of their entries and the name in role settings.</summary>
    private static string Name(string text)
    {
        var violations = new List<Violation>();
        return TextRules.CleanName(text.Trim(), TextRules.NameMax, new Place(Field: "NAME"), violations) is { Length: > 0 } clean && violations.Count == 0
               && ApprovalPolicy.SplitNames(clean).Count == 1 && ApprovalPolicy.SplitNames(clean)[0] == clean
            ? clean : throw new UsageException(violations.Count > 0 ? $"'{text}' is not a user name: {violations[0].Message(Language.En)}"
                : $"'{text}' is not a user name: 1 to {TextRules.NameMax} characters, no control or invisible characters, no 、 , ;");
    }

    /// <summary>
    /// The new password: one line of standard input with --password-stdin (asked for explicitly), else
    /// CLEDGER_PASSWORD, else typed twice at the terminal. Never CLEDGER_PASSPHRASE: that is the signing key's passphrase, and
    /// a user's password silently set to it would be known to whoever holds the key.
    /// </summary>
    private static string Password(Context ctx, bool fromStdin)
    {
        if (fromStdin) return Console.In.ReadLine() ?? throw new UsageException("--password-stdin: nothing on standard input");
        if (Environment.GetEnvironmentVariable("CLEDGER_PASSWORD") is { Length: > 0 } fromEnvironment) return fromEnvironment;
        if (!Terminal.IsInteractive(ctx)) throw new UsageException("no password: set CLEDGER_PASSWORD, give --password-stdin, or run in a terminal");
        return Terminal.ReadSecret(ctx, ctx.Say("新密码：", "new password: "), ctx.Say("再输入一次密码：", "repeat the password: "));
    }
}
