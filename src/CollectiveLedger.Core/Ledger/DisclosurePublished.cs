using System.Collections.Immutable;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Periods;
using static CollectiveLedger.Core.Audit.EventData;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// A notice was published (audit-log.md 7.9): its months, date, the signed checkpoint it carries and
/// the SHA-256 of every file produced; <see cref="Notice"/> is the prepared and reviewed notice it
/// publishes (null only in entries written before notices were prepared and reviewed in the books).
/// </summary>
public sealed record DisclosurePublished(string Scope, Period From, Period To, DateOnly Date, string Checkpoint,
    ImmutableArray<PublishedFile> Files, int? Notice = null) : LedgerEvent
{
    public static readonly EventKind Definition = new("disclosure.published", d => new DisclosurePublished(Str(d, "scope"),
        PeriodOf(d, "from"), PeriodOf(d, "to"), DateOf(d, "date"), Str(d, "checkpoint"),
        [.. Items(d, "files").Select(f => new PublishedFile(Str(f, "name"), Str(f, "format"), Str(f, "sha256")))], OptInt(d, "notice")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    /// <summary>
    /// Publication of a prepared notice: the content it publishes is the one prepared (the JSON's hash
    /// cannot be recomputed without the books as they were, so the rule takes it as prepared). Entries
    /// without a notice were written before notices were prepared and reviewed in the books; once the
    /// log holds a prepared notice, a publication without one skipped the supervision committee's review.
    /// </summary>
    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        Notice is { } notice ? ProblemsOf(NoticeRules.Publish(notice, state.Notice(notice)?.Prepared.ContentSha256 ?? "", Files, state, actor))
        : state.LastNotice > 0 ? [$"{Kind}: a notice is published only as a prepared and reviewed notice (its data names none)"]
        : ProblemsOf(DisclosureRules.PublishedBeforeReview(new DisclosurePeriod(Scope, From, To), Date, Checkpoint, Files, state, today), sameEvent: false);

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("checkpoint", Checkpoint);
        w.Property("date", IsoDate.Format(Date));
        w.Name("files");
        w.BeginArray();
        foreach (var f in Files)
        {
            w.BeginObject();
            w.Property("format", f.Format);
            w.Property("name", f.Name);
            w.Property("sha256", f.Sha256);
            w.EndObject();
        }
        w.EndArray();
        w.Property("from", From.ToString());
        if (Notice is { } notice) w.Property("notice", notice);
        w.Property("scope", Scope);
        w.Property("to", To.ToString());
    }

    internal override void ApplyTo(LedgerState state)
    {
        state.RestorePublished(Scope, From, To);
        if (Notice is { } published) state.RestoreNoticePublished(published);
    }

    public override IEnumerable<ProjectedRow> Rows(long seq)
    {
        yield return new ProjectedRow("disclosures", [seq, Scope, From.ToString(), To.ToString(), IsoDate.Format(Date), Checkpoint]);
        if (Notice is { } notice) yield return new ProjectedRow("notice_publications", [seq, (long)notice]);
        for (var i = 0; i < Files.Length; i++)
            yield return new ProjectedRow("disclosure_files", [seq, (long)(i + 1), Files[i].Name, Files[i].Format, Files[i].Sha256]);
    }
}

public sealed record PublishedFile(string Name, string Format, string Sha256);
