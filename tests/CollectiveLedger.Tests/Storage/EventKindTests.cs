using System.Reflection;
using System.Text.RegularExpressions;
using CollectiveLedger.Core.Assets;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Storage;
using CollectiveLedger.Storage.Verification;
using Microsoft.Data.Sqlite;

namespace CollectiveLedger.Tests.Storage;

/// <summary>
/// Every kind of audit entry is declared once, by its record (<see cref="EventKind"/>,
/// <see cref="LedgerEvent"/>), and the code's list of kinds is the one of schemas/audit-log.md section 7.
/// A sample of every kind goes the whole way: encoded, decoded to the same bytes, applied to the state,
/// projected to rows of the books' tables, and replayed by verify against the tables.
/// </summary>
public class EventKindTests
{
    private static TestLedger _demo = null!;

    [OneTimeSetUp]
    public static void BuildDemo()
    {
        _demo = TestLedger.Demo();
    }

    [OneTimeTearDown]
    public static void Remove() => _demo.Dispose();

    /// <summary>
    /// The kinds the headings of section 7 name in backquotes; a name written as <c>.approved</c>
    /// continues the one before it in the heading (<c>distribution.planned</c>, <c>.approved</c>).
    /// </summary>
    private static SortedSet<string> DocumentedKinds()
    {
        var kinds = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(TestLedger.RepoRoot, "schemas", "audit-log.md")))
        {
            if (!line.StartsWith("### 7.", StringComparison.Ordinal)) continue;
            var prefix = "";
            foreach (Match m in Regex.Matches(line, @"`(\.?[a-z_]+(?:\.[a-z_]+)?)`"))
            {
                var name = m.Groups[1].Value;
                if (name.StartsWith('.')) name = prefix + name;
                else prefix = name[..name.IndexOf('.')];
                kinds.Add(name);
            }
        }
        return kinds;
    }

    [Test]
    public void The_kinds_in_the_code_are_the_kinds_audit_log_md_section_7_names()
    {
        var documented = DocumentedKinds();

        var declared = EventKinds.All.Select(k => k.Name).ToList();

        Assert.That(documented, Has.Count.GreaterThanOrEqualTo(42), "the headings of section 7 are read");
        Assert.That(declared, Is.EqualTo(documented), "a kind is declared by its record and documented in schemas/audit-log.md section 7");
        Assert.That(declared, Is.Unique);
    }

    [Test]
    public void Every_event_record_declares_its_kind()
    {
        var records = typeof(LedgerEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(LedgerEvent)) && !t.IsAbstract).ToList();

        var undeclared = records.Where(t => !t.GetFields(BindingFlags.Public | BindingFlags.Static).Any(f => f.FieldType == typeof(EventKind)));

        Assert.That(undeclared.Select(t => t.Name), Is.Empty);
        Assert.That(records.All(t => t.IsSealed), Is.True);
    }

    [Test]
    public void A_sample_of_every_kind_is_encoded_decoded_applied_projected_and_replayed()
    {
        using var store = _demo.Open(TestClock.Fixed);
        Assert.That(LedgerVerifier.Verify(store, []).Problems, Is.Empty, "the sample village verifies before the samples are added");
        var state = Replay(store, out var seen, out var draft);
        var firstSample = _demo.Head().Count;

        var bankPosting = store.Bank.Postings(["10201"], state.StartDate, state.StartDate.AddYears(1)).First(p => !p.Net.IsZero);
        var samples = SamplesOfKindsTheDemoLacks(state, seen.Keys, draft, bankPosting).ToList();
        foreach (var sample in samples)
        {
            // A file's entry goes in with its file (the bytes are kept beside the log, in the entry's transaction).
            if (sample is AttachmentAdded attached)
                Assert.That(store.Attachments.Attach("样例", attached.Voucher, [new AttachmentUpload(SamplePdf, AttachmentFileRules.Pdf, 1, attached.FileName)]).Violations, Is.Empty);
            else store.Apply("样例", _ => Decision.Accept(sample));
        }
        Replay(store, out seen, out _);
        var report = LedgerVerifier.Verify(store, []);

        Assert.That(seen.Keys, Is.EquivalentTo(EventKinds.All.Select(k => k.Name)), "every kind has a sample: one that nothing in the sample village writes gets one in SamplesOfKindsTheDemoLacks");
        var tables = Table.All.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Assert.That(report.Problems.Where(p => p.Kind is VerifyProblem.Chain or VerifyProblem.Canonical || p.Table is { } t && tables.Contains(t)
                || p.Message.Contains("cannot be applied", StringComparison.Ordinal) || p.Seq < firstSample).Select(p => $"{p.Seq} {p.Kind}: {p.Message}"),
            Is.Empty, "the samples' rows are the rows verify derives from the log; only rules the hand-made samples skip may be named");
    }

    /// <summary>
    /// Reads every entry of the log: decoding and encoding again gives its bytes, it applies to the
    /// state, and each row it implies is of a table of the books with that table's columns.
    /// </summary>
    /// <param name="draft">The voucher of the first draft in the log.</param>
    private static LedgerState Replay(LedgerStore store, out Dictionary<string, int> seen, out CollectiveLedger.Core.Vouchers.Voucher? draft)
    {
        var state = new LedgerState();
        CollectiveLedger.Core.Vouchers.Voucher? first = null;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        store.Read(tx =>
        {
            using var command = tx.Connection!.CreateCommand();
            command.Transaction = tx;
            command.CommandText = "SELECT entry FROM audit_log ORDER BY seq";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var bytes = (byte[])reader.GetValue(0);
                var entry = ParsedEntry.Parse(bytes);
                Assert.That(IsoDate.TryParseTimestamp(entry.Time, out var time), Is.True);
                Assert.That(AuditEntry.Encode(entry.Seq, entry.Prev, time, entry.Actor, entry.Event), Is.EqualTo(bytes), $"entry {entry.Seq} ({entry.Kind})");
                Assert.That(entry.Event.Kind, Is.EqualTo(entry.Kind));
                state.Apply(entry.Event);
                foreach (var row in Projection.RowsFor(entry.Seq, entry.Event))
                    Assert.That(row.Values, Has.Length.EqualTo(row.Table.Columns.Length), $"entry {entry.Seq} ({entry.Kind}): a row of {row.Table.Name}");
                counts[entry.Kind] = counts.GetValueOrDefault(entry.Kind) + 1;
                if (entry.Event is VoucherDrafted d) first ??= d.Voucher;
            }
            return 0;
        });
        seen = counts;
        draft = first;
        return state;
    }

    /// <summary>A one-page PDF, the file of the attachment.added sample.</summary>
    private static readonly byte[] SamplePdf = "%PDF-1.4\n1 0 obj<</Type /Page>>endobj\n%%EOF\n"u8.ToArray();

    /// <summary>
    /// One hand-made entry of each kind the sample village does not write, on the village's own
    /// drafts, months, assets and notices. They skip some of the rules (nobody approved the reopening,
    /// no voucher follows the disposal), which verify names; their rows must still be the tables'.
    /// </summary>
    /// <param name="bankPosting">A posting of the sample village on its bank account, which the bank samples import and match.</param>
    private static IEnumerable<LedgerEvent> SamplesOfKindsTheDemoLacks(LedgerState state, IEnumerable<string> seen, CollectiveLedger.Core.Vouchers.Voucher? draft,
        CollectiveLedger.Core.Bank.BankPosting bankPosting)
    {
        var bankLine = new CollectiveLedger.Core.Bank.BankStatementLine(state.LastBankLine + 1, "10201", bankPosting.Date, "样例-0001", "样例",
            bankPosting.Net.IsNegative ? Amount.Zero : bankPosting.Net, bankPosting.Net.IsNegative ? -bankPosting.Net : Amount.Zero, bankPosting.Net, "样例户", 2);
        var lastClosed = state.LastClosed ?? throw new InvalidOperationException("the sample village closes months");
        var drafted = new VoucherDrafted(state.LastDraftId + 1, draft ?? throw new InvalidOperationException("the sample village drafts vouchers"), "样例", null);
        var asset = state.Assets.First(a => a.Active).Asset;
        var unreversed = Enumerable.Range(1, state.LastNumber(lastClosed)).Select(n => new CollectiveLedger.Core.Vouchers.VoucherKey(lastClosed, n))
            .First(k => state.ReversedBy(k) is null);
        var all = new LedgerEvent[]
        {
            new YearOpened(lastClosed.Year + 2),
            new PeriodReopenRequested(lastClosed, "样例：重新结账", "样例"),
            new PeriodReopened(lastClosed, "另一人", "finance_lead"),
            drafted,
            new DraftCarriedForward(drafted.Draft, drafted.Voucher.Period.Next.FirstDay, "样例"),
            new DraftStepTaken(drafted.Draft, CollectiveLedger.Core.Approval.DraftAction.Submitted, "样例", null, null),
            new DraftStepTaken(drafted.Draft, CollectiveLedger.Core.Approval.DraftAction.Rejected, "另一人", "reviewer", "样例"),
            new DraftStepTaken(drafted.Draft, CollectiveLedger.Core.Approval.DraftAction.Withdrawn, "样例", null, "样例"),
            new AssetDisposed(asset.Code, lastClosed.LastDay, Amount.Zero, null, null, "样例", 1),
            new FeedbackReceived(state.LastFeedback + 1, "month", lastClosed, lastClosed, lastClosed.LastDay, "样例", "样例？", "13800000000"),
            new FeedbackAnswered(state.LastFeedback + 1, lastClosed.LastDay, "样例。", "样例"),
            new EnrolmentIssued("新人", "样例"),
            new CredentialSet("新人", "新人", CredentialSet.Enrolment),
            new AttachmentAdded(unreversed, Sha256Hex.Of(SamplePdf), AttachmentFileRules.Pdf, SamplePdf.Length, 1, "样例.pdf"),
            new CollectiveLedger.Core.Bank.BankStatementImported("10201", "rcc", "样例.csv", new string('a', 64), [bankLine]),
            new CollectiveLedger.Core.Bank.BankMatched("10201", CollectiveLedger.Core.Bank.BankMatched.Manual, "样例",
                [new CollectiveLedger.Core.Bank.BankMatch(bankLine.Id, bankPosting.Key, bankPosting.Net)]),
            new CollectiveLedger.Core.Bank.BankUnmatched(bankLine.Id, bankPosting.Key, "样例"),
        };
        // Those the village lacks, and the steps their drafts need.
        var lacking = EventKinds.All.Select(k => k.Name).Except(seen).ToHashSet(StringComparer.Ordinal);
        return all.Where(e => lacking.Contains(e.Kind) || e is VoucherDrafted or DraftStepTaken
            || e is FeedbackReceived && lacking.Contains("feedback.answered")
            || e is PeriodReopenRequested && lacking.Contains("period.reopened"));
    }
}
