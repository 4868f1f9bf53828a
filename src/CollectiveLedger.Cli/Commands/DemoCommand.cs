using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>demo [--out DIR] [--samples DIR]</c>: builds the sample gacha's books from samples/gacha with
/// the same commands an accountant would type, registers its assets and depreciates them month by month, registers its resource contracts and their receipts, closes the year 2025, then writes every report (the
/// annual statements included) and verifies the chain.
/// DIR (default demo-out) is the demo's own folder: its ledger.db is rebuilt from scratch.
/// </summary>
public static class DemoCommand
{
    public static Command Declare(ContextOf context)
    {
        var output = Options.Text("--out", "DIR", "演示账套和输出的文件夹（默认 demo-out；其中 ledger.db 每次重建） the demo's folder (demo-out by default; its ledger.db is rebuilt)");
        var samples = Options.Text("--samples", "DIR", "样例文件夹（默认在仓库中查找 samples/gacha） the sample folder (by default samples/gacha of the repository)");
        var command = new Command("demo", "用样例嘎查的文件建账并生成每种输出 builds the sample village ledger and every output from samples/") { output, samples };
        command.Handle(context, (ctx, p) => Run(ctx, p.GetValue(output), p.GetValue(samples)));
        return command;
    }

    private static int Run(Context ctx, string? output, string? samplesGiven)
    {
        var outDir = Path.GetFullPath(output ?? "demo-out");
        var samples = samplesGiven ?? FindSamples()
            ?? throw new UsageException("samples/gacha not found; run from the repository or pass --samples DIR");
        Directory.CreateDirectory(outDir);
        var db = Path.Combine(outDir, "ledger.db");
        var marker = Path.Combine(outDir, ".cledger-demo");
        // The demo rebuilds only its own ledger: a ledger.db it did not make is never deleted.
        if (File.Exists(db) && !File.Exists(marker))
            throw new UsageException($"{db} exists and is not a demo ledger; give demo another --out folder");
        File.WriteAllText(marker, "made by cledger demo; its ledger.db is rebuilt on every run\n");
        var db2004 = Path.Combine(outDir, "ledger-2004.db");
        foreach (var file in new[] { db, db2004 })
            foreach (var suffix in new[] { "", "-wal", "-shm", OrganizationKey.Suffix }) File.Delete(file + suffix);

        // The demo's signing key (the organization's key, made by init beside ledger.db) is throw-away,
        // so its passphrase is written here; real keys never are.
        var demo = new Context(db, "demo-accountant", ctx.Language, ctx.Out, ctx.Error, ctx.Clock, passphrase: "demo-only-passphrase");
        string S(string name) => Path.Combine(samples, name);
        string O(string name) => Path.Combine(outDir, name);

        List<string[]> steps =
        [
            Init(S("ledger.json")),
            ["accounts", "import", S("accounts.json")],
            ["funds", "import", S("funds.json")],
            ["members", "import", S("members.json")],
            ["counterparties", "import", S("counterparties.json")],
            ["vouchers", "import", S("opening.json")],
            ["vouchers", "import", S("vouchers-2025-q1.json")],
            ["vouchers", "import", S("vouchers-2025-q2.csv")],
            ["vouchers", "import", S("vouchers-2025-q3.jsonl")],
            ["vouchers", "import", S("vouchers-2025-q4-gb18030.csv"), "--encoding", "gb18030"],
        ];
        foreach (var step in steps) if (Step(demo, step) is var code and not 0) return code;

        using (var store = demo.Open())
        {
            foreach (var reversal in JsonDocument.Parse(File.ReadAllText(S("reversals.json"))).RootElement.EnumerateArray())
            {
                var reference = reversal.GetProperty("ref").GetString()!;
                var key = store.Books.Vouchers(Core.Periods.Period.Parse(reference[..7]), Core.Periods.Period.Parse(reference[..7]))
                    .First(v => v.Voucher.Ref == reference).Voucher.Key;
                if (Step(demo, ["vouchers", "reverse", key.Number.ToString(CultureInfo.InvariantCulture), "--period", key.Period.ToString(),
                        "--date", reversal.GetProperty("date").GetString()!, "--reason", reversal.GetProperty("reason").GetString()!]) is var c and not 0)
                    return c;
            }
        }
        if (Step(demo, ["vouchers", "import", S("corrections.json")]) is var corrections and not 0) return corrections;
        foreach (var setting in JsonDocument.Parse(File.ReadAllText(S("settings.json"))).RootElement.EnumerateObject())
            if (Step(demo, ["settings", "set", setting.Name, setting.Value.GetString()!]) is var set and not 0) return set;
        // Once the chair holds the role, the supervisors' grant was a request: the chair approves it.
        using (var store = demo.Open())
        {
            var state = store.LoadState();
            foreach (var request in state.RoleChangeRequests.ToList())
            {
                var chair = Core.Approval.ApprovalPolicy.Holders(state, Core.Approval.Role.CommitteeChair).First(h => h != request.By);
                var approver = new Context(db, chair, demo.Language, demo.Out, demo.Error, demo.Clock);
                if (Step(approver, ["settings", "set", request.Key, request.Value, "--approve"]) is var approved and not 0) return approved;
            }
        }
        // December's approvals, each step taken by its own person (制单、审核、审批).
        foreach (var step in JsonDocument.Parse(File.ReadAllText(S("approval-steps.json"))).RootElement.EnumerateArray())
        {
            var person = new Context(db, step.GetProperty("actor").GetString()!, demo.Language, demo.Out, demo.Error, demo.Clock);
            var words = step.GetProperty("command").EnumerateArray().Select(w => w.GetString()!).Select(w => w.EndsWith(".json", StringComparison.Ordinal) ? S(w) : w);
            if (Step(person, [.. words]) is var stepped and not 0) return stepped;
        }
        // The asset register, before any month closes: the assets (taken over from the books, or bought
        // through the register), then month by month the herds' steps of that month (births of young
        // stock, rearing cost, a death written off through 181 and its clearing, maturity into the
        // breeding flock) and the month's depreciation, so that each is decided against its month's register.
        foreach (var asset in JsonDocument.Parse(File.ReadAllText(S("assets.json"))).RootElement.EnumerateArray())
        {
            List<string> words = ["assets", "add", asset.GetProperty("code").GetString()!, asset.GetProperty("name").GetString()!];
            foreach (var field in asset.EnumerateObject().Where(f => f.Name is not ("code" or "name")))
                words.AddRange(["--" + field.Name.Replace('_', '-'), field.Value.ValueKind == JsonValueKind.Number ? field.Value.GetRawText() : field.Value.GetString()!]);
            if (Step(demo, [.. words]) is var added and not 0) return added;
        }
        // The resource contracts and the rent received on them (a lump sum for three years among them).
        foreach (var contract in JsonDocument.Parse(File.ReadAllText(S("contracts.json"))).RootElement.EnumerateArray())
        {
            var number = contract.GetProperty("number").GetString()!;
            List<string> words = ["contracts", "add", number];
            foreach (var field in contract.EnumerateObject().Where(f => f.Name is not ("number" or "receipts")))
                words.AddRange(["--" + field.Name.Replace('_', '-'), field.Value.GetString()!]);
            if (Step(demo, [.. words]) is var added and not 0) return added;
            foreach (var receipt in contract.GetProperty("receipts").EnumerateArray())
                if (Step(demo, ["contracts", "receive", number, "--date", receipt.GetProperty("date").GetString()!,
                        "--amount", receipt.GetProperty("amount").GetString()!, "--account", receipt.GetProperty("account").GetString()!,
                        .. receipt.TryGetProperty("attachments", out var attachments) ? new[] { "--attachments", attachments.GetRawText() } : []]) is var received and not 0)
                    return received;
        }
        var herdSteps = JsonDocument.Parse(File.ReadAllText(S("herds.json"))).RootElement.EnumerateArray()
            .Select(step => (Month: step.GetProperty("date").GetString()![..7],
                Words: step.GetProperty("command").EnumerateArray().Select(w => w.GetString()!).Select(w => w.EndsWith(".json", StringComparison.Ordinal) ? S(w) : w).ToArray()))
            .ToList();
        for (var month = 1; month <= 12; month++)
        {
            var period = $"2025-{month:D2}";
            foreach (var (_, words) in herdSteps.Where(s => s.Month == period))
                if (Step(demo, words) is var herd and not 0) return herd;
            if (Step(demo, ["assets", "depreciate", "--period", period]) is var depreciated and not 0) return depreciated;
        }
        for (var month = 1; month <= 11; month++)
            if (Step(demo, ["period", "close", $"2025-{month:D2}"]) is var closed and not 0) return closed;
        // December closes with the year: the closing vouchers (结转) into 321 and 322, then the month.
        if (Step(demo, ["year", "close", "2025"]) is var yearClosed and not 0) return yearClosed;
        // 1 January 2026: the rent prepaid for 2026 moves from 21105 into income.
        if (Step(demo, ["contracts", "recognize", "--year", "2026"]) is var recognized and not 0) return recognized;
        // February 2026: an error of 2025 found after the year closed, corrected in blue ink through 以前年度损益调整 (32203).
        if (Step(demo, ["vouchers", "import", S("prior-year-corrections.json")]) is var priorYear and not 0) return priorYear;
        // The year's income distribution by shares, in 2026: planned by the accountant, approved by the
        // committee chair with the members' meeting resolution, posted into 311 and 21104, then paid.
        // Every notice is signed with the organization's key, as publishing does by default.
        if (Distribute(demo, db, S("distribution.json"), O) is var distributed and not 0) return distributed;

        var quiet = new Context(db, demo.Actor, demo.Language, TextWriter.Null, demo.Error, demo.Clock, demo.Passphrase);
        // The sample year's notices, dated the way a village would post them: a month and its quarter,
        // then after year close December, the fourth quarter and the year. Each is prepared by the
        // accountant, reviewed by a member of the supervision committee, then published in four formats.
        var accountant = new Context(db, "乌云其其格", demo.Language, TextWriter.Null, demo.Error, demo.Clock, demo.Passphrase);
        var supervisor = new Context(db, "额尔敦", demo.Language, TextWriter.Null, demo.Error, demo.Clock);
        var notice = 0; // a new ledger's notices are numbered from 1
        foreach (var (option, value, date, name) in new[]
                 {
                     ("--period", "2025-06", "2025-07-05", "notice-2025-06"), ("--quarter", "2025-Q2", "2025-07-05", "notice-2025-Q2"),
                     ("--period", "2025-12", "2026-01-15", "notice-2025-12"), ("--quarter", "2025-Q4", "2026-01-15", "notice-2025-Q4"),
                     ("--year", "2025", "2026-01-15", "notice-2025"),
                 })
        {
            var number = (++notice).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (Step(accountant, ["notices", "prepare", option, value, "--date", date]) is var prepared and not 0) return prepared;
            if (Step(supervisor, ["notices", "review", number]) is var reviewed and not 0) return reviewed;
            if (Step(accountant, ["notices", "publish", number, .. new[] { "pdf", "html", "csv", "json" }.SelectMany(f => new[] { "--out", O($"{name}.{f}") })])
                is var published and not 0) return published;
        }
        // The project notice (项目资金公告公示) of the well project's fund, posted with the year's notice.
        foreach (var format in new[] { "pdf", "json" })
            if (Step(quiet, ["disclose", "--fund", "F01", "--date", "2026-01-15", "--out", O($"project-notice-F01.{format}")]) is var project and not 0)
                return project;
        File.WriteAllText(O("checkpoint-from-notice-2025-06.txt"),
            JsonDocument.Parse(File.ReadAllText(O("notice-2025-06.json"))).RootElement.GetProperty("verification").GetProperty("signed_note").GetString());

        for (var month = 1; month <= 12; month++)
            Capture(quiet, O($"trial-balance-2025-{month:D2}.json"), ["report", "trial-balance", "--period", $"2025-{month:D2}", "--format", "json"]);
        Capture(quiet, O("trial-balance-2025.json"), ["report", "trial-balance", "--from", "2025-01", "--to", "2025-12", "--format", "json"]);
        // The whole history, the 2026 distribution included: what the exported log and journal add up to.
        var lastMonth = JsonDocument.Parse(File.ReadAllText(S("distribution.json"))).RootElement.GetProperty("pay_date").GetString()![..7];
        Capture(quiet, O("trial-balance-all.json"), ["report", "trial-balance", "--from", "2025-01", "--to", lastMonth, "--format", "json"]);
        Capture(quiet, O("trial-balance-2025.csv"), ["report", "trial-balance", "--from", "2025-01", "--to", "2025-12", "--format", "csv"]);
        Capture(quiet, O("journal-2025.csv"), ["report", "journal", "--from", "2025-01", "--to", "2025-12", "--format", "csv"]);
        Capture(quiet, O("ledger-10201-2025.csv"), ["report", "ledger", "--account", "10201", "--from", "2025-01", "--to", "2025-12", "--format", "csv"]);
        Capture(quiet, O("assets-2025.json"), ["assets", "list", "--format", "json"]);
        Capture(quiet, O("assets-2025.csv"), ["assets", "list", "--format", "csv"]);
        Capture(quiet, O("herds-2025.csv"), ["assets", "herds", "--format", "csv"]);
        Capture(quiet, O("contracts-2025.json"), ["contracts", "due", "--as-of", "2025-12-31", "--format", "json"]);
        Capture(quiet, O("contracts-2025.csv"), ["contracts", "due", "--as-of", "2025-12-31", "--format", "csv"]);
        Capture(quiet, O("funds-2025.json"), ["report", "funds", "--from", "2025-01", "--to", "2025-12", "--format", "json"]);
        Capture(quiet, O("fund-payments-2025.csv"), ["report", "funds", "--items", "--from", "2025-01", "--to", "2025-12", "--format", "csv"]);
        foreach (var format in new[] { "json", "csv" })
        {
            Capture(quiet, O($"balance-sheet-2025.{format}"), ["report", "balance-sheet", "--year", "2025", "--format", format]);
            Capture(quiet, O($"income-2025.{format}"), ["report", "income", "--year", "2025", "--format", format]);
            Capture(quiet, O($"notes-2025.{format}"), ["report", "notes", "--year", "2025", "--format", format]);
        }
        Capture(quiet, O("distribution-2025.json"), ["distribution", "show", "--year", "2025", "--format", "json"]);
        Capture(quiet, O("distribution-2025.csv"), ["distribution", "show", "--year", "2025", "--format", "csv"]);
        // The archive's paper (会计档案): December's vouchers (the approved ones carry the names of the log), the cash journal, the general ledger.
        Step(quiet, ["print", "vouchers", "--period", "2025-12", "--out", O("vouchers-2025-12.pdf")]);
        Step(quiet, ["print", "books", "--year", "2025", "--book", "cash", "--out", O("cash-journal-2025.pdf")]);
        Step(quiet, ["print", "books", "--year", "2025", "--book", "general", "--out", O("general-ledger-2025.pdf")]);
        Step(quiet, ["log", "export", "--out", O("audit-log.jsonl")]);
        Step(quiet, ["export", "hledger", "--out", O("books.journal")]);
        Capture(quiet, O("verify.json"), ["verify", "--format", "json"]);
        if (Convert2004(demo, db2004, S, O) is var converted and not 0) return converted;

        demo.Out.WriteLine();
        Step(demo, ["report", "trial-balance", "--from", "2025-01", "--to", "2025-12"]);
        demo.Out.WriteLine();
        Step(demo, ["report", "income", "--year", "2025"]);
        demo.Out.WriteLine();
        var verified = Step(demo, ["verify", "--checkpoint", O("checkpoint-from-notice-2025-06.txt")]);
        demo.Out.WriteLine(demo.Say($"演示账套、全部报表和财务公开榜（notice-*.pdf）已写入 {outDir}。",
            $"the demo ledger, every report and the notices (notice-*.pdf) are in {outDir}."));
        WorkspaceUsers(demo, db);
        return verified;
    }

    /// <summary>The password of the demo's workspace users: printed here and in the README, so only ever for the demo books.</summary>
    public const string DemoPassword = "demo-password";

    /// <summary>
    /// A sign-in for every person who holds a role in the sample's settings (the hashes stay outside the
    /// books; each one appends user.credential_set via server, after the exported log and verify.json), and
    /// how to open the workspace on these books.
    /// </summary>
    private static void WorkspaceUsers(Context demo, string db)
    {
        using var store = demo.Open();
        var state = store.LoadState();
        var people = Core.Approval.Roles.All.SelectMany(r => Core.Approval.ApprovalPolicy.Holders(state, r).Select(p => (Person: p, Role: r)))
            .GroupBy(x => x.Person).ToList();
        foreach (var person in people)
            Core.Precondition.Require(store.Credentials.SetPassword(demo.Actor, person.Key, Web.Passwords.Hash(person.Key, DemoPassword), Core.Ledger.CredentialSet.Server).Accepted,
                "the sample's role holders have valid names");
        demo.Out.WriteLine(demo.Say("打开网页工作台：", "to open the web workspace on these books:"));
        demo.Out.WriteLine($"  cledger --db {db} serve      ->  {Web.WorkspaceOptions.DefaultUrl}/staff");
        demo.Out.WriteLine(demo.Say($"演示用户（密码均为 {DemoPassword}）：", $"demo users (password {DemoPassword} for each):"));
        foreach (var person in people)
            demo.Out.WriteLine($"  {person.Key}: {string.Join(", ", person.Select(x => Core.Approval.Roles.ToText(x.Role)))}");
    }

    /// <summary>
    /// The year's distribution: planned; its notice (收益分配方案公示) posted before the members' meeting, on
    /// the plan's notice_date; approved by the committee chair with the meeting's resolution; posted; paid.
    /// </summary>
    private static int Distribute(Context demo, string db, string file, Func<string, string> output)
    {
        var plan = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        string P(string name) => plan.GetProperty(name).ValueKind == JsonValueKind.Number ? plan.GetProperty(name).GetInt32().ToString(CultureInfo.InvariantCulture) : plan.GetProperty(name).GetString()!;
        Context As(string actor) => new(db, actor, demo.Language, demo.Out, demo.Error, demo.Clock);
        var year = P("year");
        foreach (var (actor, words) in new (string, string[])[]
                 {
                     (P("planner"), ["distribution", "plan", "--year", year, "--reserve-percent", P("reserve_percent"), "--format", "csv"]),
                     (P("approver"), ["distribution", "approve", "--year", year, "--resolution", P("resolution")]),
                     (P("planner"), ["distribution", "post", "--year", year, "--date", P("post_date"), "--payable-account", P("payable_account")]),
                     (P("planner"), ["distribution", "pay", "--year", year, "--date", P("pay_date"), "--account", P("pay_account")]),
                 })
        {
            var person = words[1] == "plan" ? new Context(db, actor, demo.Language, TextWriter.Null, demo.Error, demo.Clock) : As(actor);
            if (Step(person, words) is var code and not 0) return code;
            if (words[1] != "plan") continue;
            var quiet = new Context(db, actor, demo.Language, TextWriter.Null, demo.Error, demo.Clock, demo.Passphrase);
            foreach (var format in new[] { "pdf", "json" })
                if (Step(quiet, ["disclose", "--distribution", year, "--date", P("notice_date"), "--out", output($"distribution-notice-{year}.{format}")])
                    is var noticed and not 0) return noticed;
        }
        return 0;
    }

    /// <summary>
    /// 新旧科目对照: a smaller village's 2023-12-31 科目余额表 in the 2004 chart (balances-2004.csv) becomes
    /// the 2024-01-01 opening of its own ledger in the 2023 chart, which verifies.
    /// </summary>
    private static int Convert2004(Context demo, string db, Func<string, string> samples, Func<string, string> output)
    {
        var village = new Context(db, demo.Actor, demo.Language, TextWriter.Null, demo.Error, demo.Clock);
        foreach (var words in new string[][]
                 {
                     ["accounts", "convert-2004", samples("balances-2004.csv"), "--encoding", "gb18030", "--out", output("opening-2024-from-2004.json")],
                     [.. Init(samples("ledger-2004.json")), "--no-key"], // its notices are not the demo's subject
                     ["vouchers", "import", output("opening-2024-from-2004.json")],
                     ["verify"],
                 })
            if (Step(village, words) is var code and not 0) return code;
        Capture(village, output("trial-balance-2024-01-from-2004.json"), ["report", "trial-balance", "--period", "2024-01", "--format", "json"]);
        return 0;
    }

    /// <summary><c>init</c> with the organization of a sample's ledger file.</summary>
    private static string[] Init(string file)
    {
        var ledger = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        string P(string name) => ledger.GetProperty(name).GetString()!;
        return ["init", "--org", P("org"), "--org-code", P("org_code"), "--currency", P("currency"), "--chart", P("chart"), "--start", P("start")];
    }

    private static int Step(Context ctx, string[] words)
    {
        var code = Program.Dispatch(ctx, words);
        if (code != 0) ctx.Error.WriteLine($"demo step failed: cledger {string.Join(' ', words)}");
        return code;
    }

    /// <summary>Runs a report and writes its stdout to a file.</summary>
    private static void Capture(Context ctx, string path, string[] words)
    {
        using var writer = new StringWriter();
        var code = Program.Dispatch(new Context(ctx.Db, ctx.Actor, ctx.Language, writer, ctx.Error, ctx.Clock) { Village = ctx.Village }, words);
        if (code != 0) throw new InvalidOperationException($"demo report failed: cledger {string.Join(' ', words)}");
        var text = writer.ToString();
        File.WriteAllText(path, text, path.EndsWith(".csv", StringComparison.Ordinal) ? new System.Text.UTF8Encoding(true) : new System.Text.UTF8Encoding(false));
    }

    private static string? FindSamples()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "samples", "gacha", "ledger.json")))
                    return Path.Combine(dir.FullName, "samples", "gacha");
        return null;
    }
}
