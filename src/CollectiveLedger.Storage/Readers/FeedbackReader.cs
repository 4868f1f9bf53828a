using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Periods;
using Dapper;
using System.Data.Common;

namespace CollectiveLedger.Storage.Readers;

/// <summary>Feedback on the notices and its answers. Read through the store's connection (<c>store.Feedback</c>).</summary>
public sealed class FeedbackReader
{
    private readonly LedgerStore _store;
    private readonly DbConnection _connection;

    internal FeedbackReader(LedgerStore store)
    {
        _store = store;
        _connection = store.Connection;
    }

    private const string SelectFeedback = """
        SELECT f.number, f.scope, f.from_period, f.to_period, f.date, f.item, f.question, f.contact, a.date AS answered, a.by, a.answer
        FROM feedback f LEFT JOIN feedback_answers a ON a.feedback = f.number
        """;

    /// <summary>Every feedback received, the unanswered first (oldest first), then the answered (newest first): the staff's queue.</summary>
    public IReadOnlyList<FeedbackRecord> AllFeedback() =>
        QueryFeedback(SelectFeedback + " ORDER BY a.feedback IS NOT NULL, CASE WHEN a.feedback IS NULL THEN f.number ELSE -f.number END", null);

    /// <summary>The feedback on the notice of exactly these months, in the order received.</summary>
    public IReadOnlyList<FeedbackRecord> FeedbackOn(DisclosurePeriod notice) =>
        QueryFeedback(SelectFeedback + " WHERE f.scope = @Scope AND f.from_period = @From AND f.to_period = @To ORDER BY f.number",
            new { notice.Scope, From = notice.From.ToString(), To = notice.To.ToString() });

    /// <summary>
    /// Feedback received or answered in the months <paramref name="from"/> ... <paramref name="to"/> (for
    /// the notice of those months), in the order received, as it stood when the months ended: an answer
    /// given later is left out here (the notice of its own month lists it), so that answering a question
    /// never changes a notice already prepared for review.
    /// </summary>
    public IReadOnlyList<FeedbackRecord> FeedbackIn(Period from, Period to) =>
        [.. QueryFeedback(SelectFeedback + " WHERE substr(f.date, 1, 7) BETWEEN @From AND @To OR substr(a.date, 1, 7) BETWEEN @From AND @To ORDER BY f.number",
                new { From = from.ToString(), To = to.ToString() })
            .Select(f => f.Answered > to.LastDay ? f with { Answered = null, AnsweredBy = null, Answer = null } : f)];

    /// <summary>The question numbered <paramref name="number"/> and the seq of its feedback.received entry, or null.</summary>
    public (FeedbackRecord Record, long Seq)? Numbered(long number) =>
        _connection.ExecuteScalar<long?>("SELECT seq FROM feedback WHERE number = @Number", new { Number = number }) is { } seq
            ? (QueryFeedback(SelectFeedback + " WHERE f.number = @Number", new { Number = number }).Single(), seq)
            : null;

    private List<FeedbackRecord> QueryFeedback(string sql, object? parameters) =>
        _connection.Query<(long Number, string Scope, string From, string To, string Date, string Item, string Question, string? Contact,
                string? Answered, string? By, string? Answer)>(sql, parameters)
            .Select(r => new FeedbackRecord((int)r.Number, new DisclosurePeriod(r.Scope, Period.Parse(r.From), Period.Parse(r.To)), IsoDate.Parse(r.Date),
                r.Item, r.Question, r.Contact, r.Answered is null ? null : IsoDate.Parse(r.Answered), r.By, r.Answer))
            .ToList();
}
