using System.CommandLine;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Publishing.Witnessing;
using System.Globalization;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Publishing;
using CollectiveLedger.Reports;
using CollectiveLedger.Storage;
using CollectiveLedger.Web;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// <c>notices prepare|show|review|publish|list</c>: the month, quarter or year notice from the books to
/// the notice board, each step an entry of the log (<see cref="NoticeRules"/>), the same steps as the
/// web workspace's (<see cref="NoticePublishing"/>):
/// <list type="bullet">
/// <item><c>notices prepare --period YYYY-MM | --quarter YYYY-Qn | --year YYYY [--date D] [--sign KEY... | --unsigned] [--out DRAFT]</c>:
/// signed with the organization's key unless --sign names others or --unsigned says not to sign (<see cref="OrganizationKey"/>)</item>
/// <item><c>notices show N --out FILE</c>: the notice as it stands, for the reviewer to read</item>
/// <item><c>notices review N [--content SHA256] [--opinion TEXT]</c>: by a holder of role.supervisor who did not prepare it</item>
/// <item><c>notices publish N --out FILE [--out FILE]...</c>: every format at once (by each file's extension), one entry</item>
/// <item><c>notices list [--format table|csv|json]</c></item>
/// </list>
/// </summary>
public static class NoticesCommand
{
    public static Command Declare(ContextOf context)
    {
        var prepareNotice = new NoticeOptions();
        var prepareOut = Options.Text("--out", "DRAFT", "同时写出草稿文件 also write the draft to this file");
        var prepare = new Command("prepare", "准备财务公开榜待审核（内容记入日志） prepares the notice for review (its content fixed in the log)");
        prepareNotice.AddScope(prepare);
        prepare.Add(prepareOut);
        prepareNotice.AddStyle(prepare, dated: true);
        prepare.Handle(context, (ctx, p) =>
        {
            var period = prepareNotice.ReadPeriod(p);
            var path = p.GetValue(prepareOut);
            return Prepare(ctx, period, path, prepareNotice.ReadStyle(p, path));
        });

        var showNumber = Number();
        var showNotice = new NoticeOptions();
        var showOut = Options.Text("--out", "FILE", "写出的文件（必填） the file to write (required)");
        var show = showNotice.AddStyle(new Command("show", "写出公开榜现状，供审核人阅读 writes the notice as it stands, for the reviewer") { showNumber, showOut }, dated: false);
        show.Handle(context, (ctx, p) =>
        {
            var number = NumberOf(p.Value(showNumber));
            var path = p.Required(showOut);
            return Show(ctx, number, path, showNotice.ReadStyle(p, path));
        });

        var reviewNumber = Number();
        var content = Options.Text("--content", "SHA256", "审核的内容 SHA-256（准备时给出） the content SHA-256 reviewed (given when prepared)");
        var opinion = Options.Text("--opinion", "TEXT", "审核意见 the review's opinion");
        var review = new Command("review", "审核（role.supervisor，非准备人） reviews the notice (role.supervisor, not the preparer)") { reviewNumber, content, opinion };
        review.Handle(context, (ctx, p) => Review(ctx, NumberOf(p.Value(reviewNumber)), p.GetValue(content), p.GetValue(opinion)));

        var publishNumber = Number();
        var publishNotice = new NoticeOptions();
        var publishOut = Options.Many("--out", "FILE", "写出的文件，每种格式一个（.pdf .html .csv .json；可多次） a file for each format, by its extension (may repeat)");
        var publish = publishNotice.AddStyle(new Command("publish", "公开已审核的公开榜，一次写出各种格式 publishes the reviewed notice, every format at once") { publishNumber, publishOut }, dated: false);
        publish.Handle(context, (ctx, p) => Publish(ctx, NumberOf(p.Value(publishNumber)), p.All(publishOut), p.GetValue(publishNotice.Format) is not null,
            path => publishNotice.ReadStyle(p, path)));

        var format = Options.Format();
        var list = new Command("list", "已准备、已审核、已公开的公开榜 the notices prepared, reviewed, published") { format };
        list.Handle(context, (ctx, p) => List(ctx, ctx.Format(p, format)));

        var cosignNumber = Number();
        var cosigned = Options.Text("--file", "NOTE", "见证人副署后的检查点（cledger witness cosign 的输出，必填） the checkpoint as the witness cosigned it (what cledger witness cosign prints; required)");
        var witnessKey = Options.Text("--witness-key", "VKEY", "见证人的验证公钥（文字或文件，必填） the witness's verifier key, as text or a file (required)");
        var cosign = new Command("cosign", "保存离线取得的见证人副署，公开榜随之显示 keeps a witness's cosignature obtained offline, which the notice then shows") { cosignNumber, cosigned, witnessKey };
        cosign.Handle(context, (ctx, p) => Cosign(ctx, NumberOf(p.Value(cosignNumber)), p.Required(cosigned), WitnessPush.ReadWitnessKey(p.Required(witnessKey), "--witness-key")));

        return new Command("notices", "财务公开榜：准备、审核、公开 the notice board: prepare, review, publish") { prepare, show, review, publish, list, cosign };
    }

    private static Argument<string> Number() => Options.Argument("N", "公开榜编号（见 notices list） the notice's number (see notices list)");

    private static int Prepare(Context ctx, DisclosurePeriod period, string? path,
        NoticeStyleChoice options)
    {
        var (format, chinese, paper, dateText, keyFiles, font) = options;

        using var store = ctx.Open();
        var today = ChinaTime.Today(ctx.Clock.GetUtcNow());
        var date = DiscloseCommand.NoticeDate(dateText, today);
        var state = store.LoadState();
        var early = NoticeRules.Prepare(period, date, "", "", state, ctx.Actor, today);
        if (!early.Accepted) return ctx.Reject(early.Violations);
        var style = new NoticePublishing.Style(chinese, paper, path is not null && format == "pdf" ? DiscloseCommand.FontPath(font) : null);

        // Signed with --sign's keys, the organization's key by default, or unsigned with --unsigned; the
        // key may be created here (an entry of its own), so the books are read again.
        (var signed, state) = CheckpointSigner.ForPaper(ctx, store, keyFiles, options.Unsigned);
        var (decision, notice) = NoticePublishing.Prepare(store, ctx.Actor, state, period, date, signed);
        if (!decision.Accepted) return ctx.Reject(decision.Violations);
        var prepared = (NoticePrepared)decision.Event!;
        if (path is not null)
        {
            var bytes = NoticePublishing.Render(notice, format, style);
            Files.WriteAtomically(path, stream => { stream.Write(bytes); return 0; });
        }
        ctx.Out.WriteLine(ctx.Say(
            $"已准备第 {prepared.Number} 号财务公开榜（{period.LabelZh}，内容 SHA-256 {prepared.ContentSha256}）{(path is null ? "" : "，草稿 " + path)}。请村务监督委员会成员审核：cledger notices review {prepared.Number} --content {prepared.ContentSha256}",
            $"prepared notice #{prepared.Number} ({period.LabelEn}, content SHA-256 {prepared.ContentSha256}){(path is null ? "" : ", draft " + path)}. A supervision committee member reviews it: cledger notices review {prepared.Number} --content {prepared.ContentSha256}"));
        return ExitCodes.Done;
    }

    private static int Show(Context ctx, int number, string path,
        NoticeStyleChoice options)
    {
        var (format, chinese, paper, _, _, font) = options;

        using var store = ctx.Open();
        var state = store.LoadState();
        if (state.Notice(number) is not { } prepared) return ctx.Reject([NoticePublishing.NotFound(number)]);
        var notice = NoticePublishing.Rebuild(store, state, prepared);
        var bytes = NoticePublishing.Render(notice, format, new NoticePublishing.Style(chinese, paper, format == "pdf" ? DiscloseCommand.FontPath(font) : null));
        Files.WriteAtomically(path, stream => { stream.Write(bytes); return 0; });
        var content = NoticePublishing.ContentSha256(notice);
        ctx.Out.WriteLine(content == prepared.Prepared.ContentSha256
            ? ctx.Say($"已写出第 {number} 号财务公开榜 {path}（内容 SHA-256 {content}，与准备时相同）。", $"wrote notice #{number} to {path} (content SHA-256 {content}, as prepared).")
            : ctx.Say($"已写出第 {number} 号财务公开榜 {path}，但账目已变动：内容 SHA-256 {content} 与准备时的 {prepared.Prepared.ContentSha256} 不同，须重新准备。",
                $"wrote notice #{number} to {path}, but the books changed: content SHA-256 {content} is not the {prepared.Prepared.ContentSha256} prepared; prepare it again."));
        return ExitCodes.Done;
    }

    private static int Review(Context ctx, int number, string? content, string? opinion)
    {

        using var store = ctx.Open();
        var state = store.LoadState();
        if (state.Notice(number) is not { } prepared) return ctx.Reject([NoticePublishing.NotFound(number)]);
        var decision = NoticePublishing.Review(store, ctx.Actor, state, prepared, content, opinion);
        if (!decision.Accepted) return ctx.Reject(decision.Violations);
        ctx.Out.WriteLine(ctx.Say(
            $"{ctx.Actor} 已审核第 {number} 号财务公开榜（{prepared.Prepared.Period.LabelZh}），可以公开：cledger notices publish {number} --out …",
            $"{ctx.Actor} reviewed notice #{number} ({prepared.Prepared.Period.LabelEn}); it may be published: cledger notices publish {number} --out …"));
        return ExitCodes.Done;
    }

    private static int Publish(Context ctx, int number, IReadOnlyList<string> paths, bool formatGiven,
        Func<string, NoticeStyleChoice> styleOf)
    {
        if (paths.Count == 0) throw new UsageException("give --out FILE (once for each format: .pdf, .html, .csv, .json)");
        var (_, chinese, paper, _, _, font) = styleOf(paths[0]);
        if (formatGiven && paths.Count > 1) throw new UsageException("--format goes with one --out; with several, each file's extension says its format");
        var files = paths.Select(p => (Path: p, Format: paths.Count == 1 ? styleOf(p).Format : FormatOf(p))).ToList();
        if (files.Select(f => Path.GetFileName(f.Path)).Distinct(StringComparer.OrdinalIgnoreCase).Count() != files.Count)
            throw new UsageException("each --out names a different file");

        using var store = ctx.Open();
        var style = new NoticePublishing.Style(chinese, paper, files.Any(f => f.Format == "pdf") ? DiscloseCommand.FontPath(font) : null);
        var (decision, seq, rendered) = NoticePublishing.Publish(store, ctx.Actor, number, [.. files.Select(f => (Path.GetFileName(f.Path), f.Format))], style);
        if (!decision.Accepted) return ctx.Reject(decision.Violations);
        for (var i = 0; i < files.Count; i++)
        {
            var bytes = rendered[i].Bytes;
            Files.WriteAtomically(files[i].Path, stream => { stream.Write(bytes); return 0; });
        }
        var published = (Core.Ledger.DisclosurePublished)decision.Event!;
        ctx.Out.WriteLine(ctx.Say(
            $"已公开第 {number} 号财务公开榜（{published.Scope}/{published.From}–{published.To}，第 {seq} 条日志）：" + string.Join("、", rendered.Select(r => $"{r.File.Name}（SHA-256 {r.File.Sha256}）")),
            $"published notice #{number} (entry {seq}): " + string.Join(", ", rendered.Select(r => $"{r.File.Name} (SHA-256 {r.File.Sha256})"))));
        return ExitCodes.Done;
    }

    private static int List(Context ctx, OutputFormat format)
    {
        using var store = ctx.Open();
        var rows = store.Notices.PreparedNotices();
        var grid = new Grid(["number", "period", "date", "prepared_by", "content_sha256", "reviewed_by", "reviewed_on", "opinion", "published_seq"],
            [.. rows.Select(r => (IReadOnlyList<GridCell>)
            [
                new GridCell(r.Number.ToString(CultureInfo.InvariantCulture), Numeric: true), r.Period.LabelZh, IsoDate.Format(r.Date), r.PreparedBy,
                r.ContentSha256, r.Review?.By ?? "", r.Review is { } review ? IsoDate.Format(review.Date) : "", r.Review?.Opinion ?? "",
                r.PublishedSeq?.ToString(CultureInfo.InvariantCulture) ?? "",
            ])]);
        ctx.Render(grid, format, () => Json.Write(w =>
        {
            w.WriteStartArray();
            foreach (var r in rows)
            {
                w.WriteStartObject();
                w.WriteNumber("number", r.Number);
                w.WriteString("scope", r.Period.Scope);
                w.WriteString("from", r.Period.From.ToString());
                w.WriteString("to", r.Period.To.ToString());
                w.WriteString("date", IsoDate.Format(r.Date));
                w.WriteString("prepared_by", r.PreparedBy);
                w.WriteString("content_sha256", r.ContentSha256);
                if (r.Review is { } review)
                {
                    w.WriteString("reviewed_by", review.By);
                    w.WriteString("reviewed_on", IsoDate.Format(review.Date));
                    w.WriteString("opinion", review.Opinion);
                }
                if (r.PublishedSeq is { } seq) w.WriteNumber("published_seq", seq);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }));
        return ExitCodes.Done;
    }

    /// <summary>
    /// A witness's cosignature of notice <paramref name="number"/>'s checkpoint brought on paper or a USB
    /// stick: kept (outside the log) when it verifies with the witness's key on exactly that checkpoint.
    /// </summary>
    private static int Cosign(Context ctx, int number, string path, WitnessKey key)
    {
        if (!File.Exists(path)) throw new UsageException($"{path} not found");
        if (!SignedNote.TryParse(File.ReadAllText(path), out var note, out var problem)) throw new UsageException($"{path} 不是签名的检查点 is not a signed checkpoint: {problem}");
        using var store = ctx.Open();
        var state = store.LoadState();
        if (state.Notice(number) is not { } prepared) return ctx.Reject([NoticePublishing.NotFound(number)]);
        var printed = SignedNote.TryParse(prepared.Prepared.Checkpoint, out var signed, out _) ? signed.Text : prepared.Prepared.Checkpoint;
        if (note.Text != printed || !Checkpoint.TryParseBody(printed, out var checkpoint, out _))
            throw new UsageException($"{path} 不是第 {number} 号公开榜的检查点 is not the checkpoint of notice #{number}");
        if (Cosignature.VerifiedTimestamp(note, key) is null)
        {
            ctx.Error.WriteLine(ctx.Say($"{path} 没有 {key.Name} 的有效副署", $"{path} carries no valid cosignature of {key.Name}"));
            return ExitCodes.Rejected;
        }
        CheckpointPush.Keep(store, key, checkpoint, note);
        ctx.Out.WriteLine(ctx.Say($"已保存 {key.Name} 对第 {number} 号公开榜检查点的副署", $"kept {key.Name}'s cosignature of notice #{number}'s checkpoint"));
        return ExitCodes.Done;
    }

    private static int NumberOf(string text)
    {
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n : throw new UsageException($"'{text}' is not a notice number (see cledger notices list)");
    }

    private static string FormatOf(string path) => Path.GetExtension(path).TrimStart('.').ToLowerInvariant() switch
    {
        "pdf" => "pdf",
        "html" or "htm" => "html",
        "csv" => "csv",
        "json" => "json",
        "xlsx" => "xlsx",
        var other => throw new UsageException($"{path}: the extension says the format (.pdf, .html, .csv, .json or .xlsx), not '{other}'"),
    };
}
